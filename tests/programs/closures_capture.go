// Closures capture variables by reference.
package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func adders() (func(int), func() int) {
	sum := 0
	return func(x int) { sum += x }, func() int { return sum }
}

func apply(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	c1, c2 := counter(), counter()
	fmt.Println(c1(), c1(), c1(), c2())

	add, get := adders()
	add(5)
	add(7)
	fmt.Println(get())

	x := 10
	f := func() { x *= 2 }
	f()
	f()
	fmt.Println(x)
	g := func() int { return x }
	x = 1
	fmt.Println(g())

	factor := 3
	fmt.Println(apply([]int{1, 2, 3}, func(v int) int { return v * factor }))
	factor = 10
	fmt.Println(apply([]int{1, 2, 3}, func(v int) int { return v * factor }))

	// recursive closure
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	fmt.Println(fib(20))

	// a closure sees a variable declared outside the loop change
	var funcs []func() int
	j := 0
	for j < 3 {
		funcs = append(funcs, func() int { return j })
		j++
	}
	for _, fn := range funcs {
		fmt.Print(fn(), " ")
	}
	fmt.Println()
	// copying into a new variable per iteration
	funcs = nil
	for k := 0; k < 3; k++ {
		k := k
		funcs = append(funcs, func() int { return k * k })
	}
	for _, fn := range funcs {
		fmt.Print(fn(), " ")
	}
	fmt.Println()
	// immediately-invoked function literal
	res := func(a, b int) int { return a*b + x }(6, 7)
	fmt.Println(res)
	var nilf func()
	fmt.Println(nilf == nil, f != nil)
}
