// Interfaces: method sets, dynamic values, nil interfaces, embedding, comparison.
package main

import (
	"fmt"
	"math"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface{ Name() string }

type NamedShape interface {
	Shape
	Named
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64       { return r.W * r.H }
func (r Rect) Perimeter() float64  { return 2 * (r.W + r.H) }
func (r Rect) Name() string        { return "rect" }
func (c *Circle) Area() float64    { return math.Pi * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * math.Pi * c.R }

type MyErr struct{}

func (*MyErr) Error() string { return "my error" }

func find(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{}
	}
	return p // never a nil interface!
}

func total(shapes ...Shape) float64 {
	t := 0.0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

func main() {
	var s Shape
	fmt.Println(s == nil)
	fmt.Printf("%v %T\n", s, s)
	s = Rect{3, 4}
	fmt.Println(s.Area(), s.Perimeter())
	fmt.Printf("%v %T\n", s, s)
	s = &Circle{1}
	fmt.Printf("%.4f %.4f %T\n", s.Area(), s.Perimeter(), s)
	// Circle (not *Circle) does not implement Shape: only pointers are used.
	fmt.Printf("%.3f\n", total(Rect{1, 2}, &Circle{2}, Rect{W: 0.5, H: 4}))

	var ns NamedShape = Rect{1, 1}
	fmt.Println(ns.Name(), ns.Area())
	var n Named = ns // interface to smaller interface
	fmt.Println(n.Name())

	var e error = find(false)
	fmt.Println(e == nil, e != nil)
	var p *MyErr
	fmt.Println(p == nil, e == error(p))

	// empty interface holds anything
	var anything interface{}
	anything = 42
	fmt.Println(anything)
	anything = "str"
	fmt.Println(anything)
	anything = []int{1}
	fmt.Println(anything)
	var a any = 3.5
	fmt.Printf("%v %T\n", a, a)

	// interface comparison compares dynamic type and value
	var x, y interface{} = 1, 1
	var z interface{} = int64(1)
	fmt.Println(x == y, x == z, x == 1)
	var r1, r2 Shape = Rect{1, 2}, Rect{1, 2}
	fmt.Println(r1 == r2)
	c := &Circle{1}
	var c1, c2 Shape = c, c
	fmt.Println(c1 == c2, c1 == Shape(&Circle{1}))

	vals := []interface{}{1, "a", nil, 2.5, true, Rect{1, 1}, []string{"x"}}
	for _, v := range vals {
		fmt.Printf("%v(%T) ", v, v)
	}
	fmt.Println()
}
