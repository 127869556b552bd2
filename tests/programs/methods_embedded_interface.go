package main

// A method promoted from an interface embedded in a struct (through an embedded pointer too) is
// called on the field's dynamic value; a nil one panics as in Go. (difftest finding 004: gopark
// called it on the struct itself and aborted.)

import "fmt"

type Shape interface{ Area() int }

type Rect struct{ W, H int }

func (r Rect) Area() int { return r.W * r.H }

type Inner struct {
	x int
	Shape
}

type Outer struct {
	y int
	*Inner
}

func main() {
	o := Outer{1, &Inner{2, Rect{3, 5}}}
	fmt.Println(o.Area())
	p := &o
	fmt.Println(p.Area())
	var n Outer
	n.Inner = &Inner{}
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(n.Area())
}
