// Structs: literals, zero values, comparison, anonymous structs, pointers.
package main

import "fmt"

type Point struct {
	X, Y int
}

type Person struct {
	Name    string
	Age     int
	Tags    []string
	Address *Address
	private bool
}

type Address struct {
	City string
}

func newPerson(name string) *Person {
	p := Person{Name: name}
	p.Age = 42
	return &p // escapes: fine in Go
}

func main() {
	var z Point
	fmt.Println(z, Point{1, 2}, Point{Y: 5})
	p := Point{3, 4}
	q := p
	q.X = 10
	fmt.Println(p, q, p == q, p == Point{3, 4})
	pp := &p
	pp.Y = 40
	fmt.Println(p, *pp, pp.X)
	fmt.Printf("%v %+v %#v\n", p, p, p)
	fmt.Printf("%v %+v\n", pp, pp)

	per := newPerson("Ann")
	fmt.Printf("%v\n%+v\n", *per, *per)
	per.Address = &Address{"Paris"}
	per.Tags = append(per.Tags, "a", "b")
	fmt.Println(per.Name, per.Age, per.Address.City, per.Tags, per.private)
	fmt.Printf("%+v\n", per.Address)

	anon := struct {
		A int
		B string
	}{1, "x"}
	fmt.Printf("%v %+v %T\n", anon, anon, anon)
	points := []Point{{1, 2}, {3, 4}}
	for i := range points {
		points[i].X *= 10
	}
	for _, pt := range points {
		pt.Y = 0 // copy: no effect
	}
	fmt.Println(points)
	ptrs := []*Point{{1, 1}, {2, 2}}
	for _, pt := range ptrs {
		pt.Y = 0
	}
	fmt.Println(*ptrs[0], *ptrs[1], len(ptrs))

	type Pair struct {
		Key   string
		Value interface{}
	}
	pairs := []Pair{{"a", 1}, {"b", "two"}, {"c", nil}, {"d", []int{1}}}
	fmt.Printf("%v\n%+v\n", pairs, pairs)
	nested := struct {
		P    Point
		M    map[string]Point
		Ptr  *Point
		Nil  *Point
		List []Point
	}{P: Point{1, 2}, M: map[string]Point{"o": {}}, Ptr: nil, List: []Point{{5, 6}}}
	fmt.Printf("%v\n%+v\n", nested, nested)
	var e struct{}
	fmt.Println(e, struct{}{} == e)
}
