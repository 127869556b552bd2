// Methods promoted through two levels of embedding, called directly and through interfaces
// (fmt's Stringer, a user interface), with value and pointer receivers.
package main

import "fmt"

type Base struct{ name string }

func (b Base) String() string { return "Base(" + b.name + ")" }
func (b *Base) Rename(n string) { b.name = n }

type Middle struct {
	Base
	level int
}

type Top struct {
	*Middle
	tag string
}

type Namer interface{ String() string }
type Renamer interface{ Rename(string) }

func main() {
	t := Top{&Middle{Base{"x"}, 1}, "t"}
	fmt.Println(t.String(), t.name, t.level)
	var n Namer = t
	fmt.Println(n.String())
	fmt.Println(t)
	var r Renamer = t
	r.Rename("y")
	fmt.Println(t.String(), n.String())
	m := Middle{Base{"m"}, 2}
	var n2 Namer = m
	fmt.Println(n2, m)
	var r2 Renamer = &m
	r2.Rename("m2")
	fmt.Println(m.String())
}
