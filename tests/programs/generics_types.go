// Generic types: a linked list and a stack with methods on pointer receivers, a pair with a
// value-receiver String method (so instances satisfy fmt.Stringer), instances printed with %T,
// inference through a generic type's instance, explicit instantiation.
package main

import "fmt"

type List[T any] struct {
	head, tail *element[T]
}

type element[T any] struct {
	next *element[T]
	val  T
}

func (lst *List[T]) Push(v T) {
	if lst.tail == nil {
		lst.head = &element[T]{val: v}
		lst.tail = lst.head
	} else {
		lst.tail.next = &element[T]{val: v}
		lst.tail = lst.tail.next
	}
}

func (lst *List[T]) AllElements() []T {
	var elems []T
	for e := lst.head; e != nil; e = e.next {
		elems = append(elems, e.val)
	}
	return elems
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type Stack[T any] []T

func (s *Stack[T]) Push(v T) { *s = append(*s, v) }
func (s *Stack[T]) Pop() T {
	old := *s
	v := old[len(old)-1]
	*s = old[:len(old)-1]
	return v
}

func Swap[K comparable, V any](p Pair[K, V]) Pair[K, V] {
	return p
}

func MapKeys[K comparable, V any](m map[K]V) []K {
	r := make([]K, 0, len(m))
	for k := range m {
		r = append(r, k)
	}
	return r
}

func main() {
	var m = map[int]string{1: "2", 2: "4", 4: "8"}
	fmt.Println("keys:", len(MapKeys(m)))
	_ = MapKeys[int, string](m)
	lst := List[int]{}
	lst.Push(10)
	lst.Push(13)
	lst.Push(23)
	fmt.Println("list:", lst.AllElements())
	p := Pair[string, int]{"a", 1}
	fmt.Println(p, Swap(p))
	fmt.Printf("%T %v\n", p, p)
	var s Stack[string]
	s.Push("x")
	s.Push("y")
	fmt.Println(s.Pop(), s, len(s))
	var st fmt.Stringer = Pair[int, bool]{1, true}
	fmt.Println(st)
	fmt.Printf("%T\n", &lst)
}
