// Method expressions of interface types (I.M, error.Error): a function taking the interface
// first; a nil interface panics. (difftest finding 002: rejected with an empty diagnostic.)
package main

import (
	"errors"
	"fmt"
)

type Shape interface {
	Kind() string
	Scale(n int) (int, string)
}

type Rect struct{ w int }

func (r Rect) Kind() string                 { return "rect" }
func (r Rect) Scale(n int) (int, string)    { return r.w * n, "scaled" }

func main() {
	kind := Shape.Kind
	fmt.Println(kind(Rect{2}))
	scale := Shape.Scale
	fmt.Println(scale(Rect{3}, 4))
	str := fmt.Stringer.String
	_ = str
	msg := error.Error
	fmt.Println(msg(errors.New("boom")))
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(kind(nil))
}
