// Finding 002 (seed 1087; also 1088 to 1091): a method expression on an interface type
// (Shape.Kind, of type func(Shape) string; also fmt.Stringer.String) is rejected with an empty
// diagnostic that has no position and no construct name.
//   go run: rect
//   gopark: ./main.go:0:0: gopark does not implement  yet     (exit status 1)
// If the construct is meant to stay unsupported for now, the message should name it and point
// at it (HACKING: "A construct gopark cannot run yet is a compile error that names it").
// Fixed in main by d3b579d; the generator covers it again.
package main

import "fmt"

type Shape interface{ Kind() string }

type Rect struct{}

func (Rect) Kind() string { return "rect" }

func main() {
	kind := Shape.Kind
	fmt.Println(kind(Rect{}))
}
