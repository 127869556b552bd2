// Finding 004 (found by hand while widening the generator, then added to t_types): calling a
// method promoted from an interface embedded in a struct aborts gopark.
//   go run: 16
//           16
//   gopark: gopark internal error: vm: interface method not found   (SIGABRT, exit status 134)
// The direct call w.Area() alone aborts as well, before anything is printed.
// Fixed in main by 6286038; the generator covers it again.
package main

import "fmt"

type Shape interface{ Area() int }

type Rect struct{ W, H int }

func (r Rect) Area() int { return r.W * r.H }

// Wrapped gets Area by embedding the interface Shape.
type Wrapped struct {
	Shape
	name string
}

func main() {
	w := Wrapped{Rect{4, 4}, "w"}
	fmt.Println(w.Area())
	var s Shape = w
	fmt.Println(s.Area())
}
