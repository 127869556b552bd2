// Package initialization: dependency order of variables, several init functions.
package main

import "fmt"

var (
	a = c + b // depends on b and c
	b = f("b")
	c = f("c")
	d = 3
)

var total = sumTo(10)

var table = map[string]int{"x": 1}

func f(name string) int {
	fmt.Println("init var", name)
	d++
	return d
}

func sumTo(n int) int {
	s := 0
	for i := 1; i <= n; i++ {
		s += i
	}
	return s
}

func init() {
	fmt.Println("first init:", a, b, c, d)
	table["y"] = 2
}

func init() {
	fmt.Println("second init:", total, table)
}

func main() {
	fmt.Println("main:", a, b, c, d, total, len(table))
}
