// %T of many types; %p prints an address (only its shape is checked).
package main

import (
	"errors"
	"fmt"
	"strings"
)

type MyInt int
type Pair struct{ A, B int }
type Shape interface{ Area() float64 }
type Handler func(string) error

func main() {
	vals := []interface{}{
		1, int8(1), uint(1), 1.5, float32(1.5), "s", 'r', byte('b'), true, nil,
		[]int{}, [3]string{}, map[string]int{}, map[Pair][]bool{}, &Pair{}, Pair{}, MyInt(3),
		make(chan int), make(<-chan bool), make(chan<- string), func() {}, func(int, string) (bool, error) { return false, nil },
		Handler(nil), errors.New("e"), fmt.Errorf("w: %w", errors.New("e")), &strings.Builder{},
		struct{ X int }{}, []interface{}{}, new(interface{}), new(Shape), [][]*Pair{}, struct{}{},
	}
	for _, v := range vals {
		fmt.Printf("%T\n", v)
	}
	var s Shape
	fmt.Printf("%T\n", s)
	x := 5
	p := &x
	q := &x
	ps := fmt.Sprintf("%p", p)
	fmt.Println(strings.HasPrefix(ps, "0x"), ps == fmt.Sprintf("%p", q), ps == fmt.Sprintf("%v", p))
	sl := []int{1, 2}
	fmt.Println(fmt.Sprintf("%p", sl) == fmt.Sprintf("%p", &sl[0]))
	m := map[int]int{}
	fmt.Println(strings.HasPrefix(fmt.Sprintf("%p", m), "0x"))
	var np *int
	fmt.Printf("%p %v\n", np, np)
	fmt.Println(fmt.Sprintf("%T", 1) == "int")
}
