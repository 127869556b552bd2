// Pointers: new, &, *, pointers to struct fields and slice elements, nil.
package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func inc(p *int) { *p++ }

func swap(a, b *int) { *a, *b = *b, *a }

func newInt(v int) *int { return &v }

func main() {
	x := 1
	p := &x
	*p = 5
	inc(p)
	inc(&x)
	fmt.Println(x, *p, p == &x)

	y := new(int)
	fmt.Println(*y)
	*y = 9
	a, b := 1, 2
	swap(&a, &b)
	fmt.Println(*y, a, b)

	q := newInt(3)
	r := newInt(3)
	fmt.Println(*q == *r, q == r)

	var np *int
	fmt.Println(np == nil, np)

	// pointer to a struct field and to a slice element
	type T struct{ A, B int }
	t := T{1, 2}
	pb := &t.B
	*pb = 20
	fmt.Println(t)
	s := []int{1, 2, 3}
	pe := &s[1]
	*pe = 200
	fmt.Println(s)
	pp := &p
	**pp = 77
	fmt.Println(x)

	// a linked list
	var head *Node
	for i := 3; i >= 1; i-- {
		head = &Node{i, head}
	}
	for n := head; n != nil; n = n.Next {
		fmt.Print(n.Val, " ")
	}
	fmt.Println()
	// reverse it
	var prev *Node
	for cur := head; cur != nil; {
		next := cur.Next
		cur.Next = prev
		prev, cur = cur, next
	}
	for n := prev; n != nil; n = n.Next {
		fmt.Print(n.Val, " ")
	}
	fmt.Println()
	ts := new(T)
	ts.A = 5
	fmt.Println(*ts, ts.A)
	fmt.Printf("%v %+v\n", ts, &Node{1, nil})
	arr := new([3]int)
	arr[1] = 4
	fmt.Println(*arr, len(arr))
}
