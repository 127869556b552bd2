// %v, %+v, %#v of nested structs, slices, maps, pointers and nil values.
package main

import (
	"errors"
	"fmt"
)

type Inner struct {
	A int
	B []string
}

type Outer struct {
	Name  string
	In    Inner
	Ptr   *Inner
	M     map[string]int
	Any   interface{}
	Err   error
	F     func()
	Ch    chan int
	Bytes []byte
	Arr   [2]bool
}

func main() {
	o := Outer{
		Name:  "outer",
		In:    Inner{1, []string{"x", "y"}},
		M:     map[string]int{"b": 2, "a": 1},
		Any:   3.5,
		Err:   errors.New("oops"),
		Bytes: []byte("hi"),
	}
	fmt.Printf("%v\n", o)
	fmt.Printf("%+v\n", o)
	fmt.Println(&o.In)
	fmt.Printf("%+v\n", &o.In)
	fmt.Printf("%#v\n", o.In)
	fmt.Printf("%#v\n", []interface{}{1, "a", nil, 2.5, true})
	fmt.Printf("%#v %#v %#v\n", []int(nil), []int{}, map[string]bool{"k": true})
	fmt.Printf("%#v %#v %#v %#v\n", 42, "s", 'r', 1.0)
	fmt.Printf("%#v\n", struct {
		X, Y int
		S    string
	}{1, 2, "z"})
	type T struct {
		P *int
		N *Inner
	}
	fmt.Printf("%v %+v\n", T{}, T{})

	var np *Inner
	var ni interface{}
	var ne error
	var ns []int
	var nm map[string]int
	var nf func()
	var nc chan int
	fmt.Println(np, ni, ne, ns, nm, nf == nil, nc)
	fmt.Printf("%v %v %v %v %v %v\n", np, ni, ne, ns, nm, nc)
	fmt.Printf("%+v %#v %#v %#v\n", np, np, ni, ns)
	fmt.Printf("%d %s\n", ns, ns)

	nested := map[string][]map[string]int{"z": {{"b": 2, "a": 1}}, "y": nil}
	fmt.Println(nested)
	grid := [][]interface{}{{1, "two"}, {nil, []int{3}}}
	fmt.Println(grid)
	pp := &[]int{1, 2}
	pm := &map[string]int{"one": 1}
	pa := &[2]string{"a", "b"}
	fmt.Println(pp, pm, pa)
	fmt.Printf("%v %+v\n", []*Inner{nil}, []Inner{{A: 1}})
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.0, nil, 4))
	fmt.Println(fmt.Sprintln("x", 1, "y") + "|")
	fmt.Print("a", "b", 1, 2, true, "\n")
	fmt.Print(1, 2, "\n")
	fmt.Println(fmt.Sprint(), fmt.Sprint(nil), fmt.Sprint([]interface{}{}))
}
