// Methods: value and pointer receivers, method values and expressions, named non-struct types.
package main

import (
	"fmt"
	"strings"
)

type Counter struct{ n int }

func (c Counter) Value() int { return c.n }
func (c *Counter) Inc()      { c.n++ }
func (c Counter) IncCopy()   { c.n++ } // modifies a copy

type IntList []int

func (l IntList) Sum() int {
	s := 0
	for _, v := range l {
		s += v
	}
	return s
}

func (l *IntList) Push(v int) { *l = append(*l, v) }

type Celsius float64

func (c Celsius) Fahrenheit() float64 { return float64(c)*9/5 + 32 }

type Op func(int, int) int

func (o Op) Apply(a, b int) int { return o(a, b) }

type Str string

func (s Str) Upper() Str { return Str(strings.ToUpper(string(s))) }

type Tree struct {
	Left, Right *Tree
	Val         int
}

func (t *Tree) Insert(v int) *Tree {
	if t == nil { // methods can be called on nil pointers
		return &Tree{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree) Walk(f func(int)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

func main() {
	var c Counter
	c.Inc() // (&c).Inc()
	c.Inc()
	c.IncCopy()
	fmt.Println(c.Value(), c.n)
	pc := &c
	pc.Inc()
	fmt.Println(pc.Value()) // (*pc).Value()

	inc := c.Inc // method value bound to &c
	inc()
	inc()
	val := c.Value // method value copies c now
	c.Inc()
	fmt.Println(c.n, val())

	f := (*Counter).Inc // method expression
	f(&c)
	g := Counter.Value
	fmt.Println(g(c))

	var l IntList
	l.Push(1)
	l.Push(2)
	l.Push(39)
	fmt.Println(l, l.Sum(), len(l))
	fmt.Println(Celsius(100).Fahrenheit(), Celsius(-40).Fahrenheit())
	add := Op(func(a, b int) int { return a + b })
	fmt.Println(add.Apply(3, 4))
	fmt.Println(Str("hi").Upper())

	var root *Tree
	for _, v := range []int{5, 3, 8, 1, 4, 9, 7} {
		root = root.Insert(v)
	}
	var out []int
	root.Walk(func(v int) { out = append(out, v) })
	fmt.Println(out)
	counters := []Counter{{1}, {2}}
	for i := range counters {
		counters[i].Inc()
	}
	fmt.Println(counters)
	m := map[string]*Counter{"a": {}}
	m["a"].Inc()
	fmt.Println(m["a"].Value())
}
