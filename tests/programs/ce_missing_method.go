// gopark: exit=1
// gopark: go119-err
package main

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Square struct{ S float64 }

func (s Square) Area() float64 { return s.S * s.S }

type Circle struct{ R float64 }

func (c *Circle) Area() float64      { return c.R }
func (c *Circle) Perimeter() float64 { return c.R }

func main() {
	var s Shape = Square{2}
	var c Shape = Circle{1}
	_, _ = s, c
}
