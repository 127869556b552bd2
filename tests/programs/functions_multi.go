// Functions: multiple results, named results, variadic, function values, recursion.
package main

import (
	"errors"
	"fmt"
	"strings"
)

func divmod(a, b int) (int, int) { return a / b, a % b }

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return // naked return
}

func safeDiv(a, b int) (q int, err error) {
	if b == 0 {
		err = errors.New("division by zero")
		return
	}
	q = a / b
	return
}

func sum(nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	return t
}

func join(sep string, parts ...string) string { return strings.Join(parts, sep) }

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

func fact(n uint64) uint64 {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}

func ackermann(m, n int) int {
	switch {
	case m == 0:
		return n + 1
	case n == 0:
		return ackermann(m-1, 1)
	}
	return ackermann(m-1, ackermann(m, n-1))
}

func pair() (string, int) { return "p", 2 }

func takePair(s string, n int) string { return strings.Repeat(s, n) }

func modifySlice(s []int) { s[0] = 100 }
func modifyArray(a [2]int) { a[0] = 100 }
func modifyMap(m map[string]int) { m["k"] = 100 }

func main() {
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(split(17))
	fmt.Println(safeDiv(10, 2))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	nums := []int{4, 5, 6}
	fmt.Println(sum(nums...))
	fmt.Println(join("-", "a", "b", "c"), join(","))
	inc := func(x int) int { return x + 1 }
	dbl := func(x int) int { return x * 2 }
	fmt.Println(compose(inc, dbl)(5), compose(dbl, inc)(5))
	fmt.Println(fact(20), ackermann(2, 3))
	fmt.Println(takePair(pair()))
	_, second := pair()
	fmt.Println(second)

	s := []int{1, 2}
	a := [2]int{1, 2}
	m := map[string]int{"k": 1}
	modifySlice(s)
	modifyArray(a)
	modifyMap(m)
	fmt.Println(s, a, m)

	ops := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"sub": func(a, b int) int { return a - b },
		"mul": func(a, b int) int { return a * b },
	}
	for _, name := range []string{"add", "sub", "mul"} {
		fmt.Print(name, "=", ops[name](7, 3), " ")
	}
	fmt.Println()
	fmt.Printf("%T\n%T\n", divmod, sum)
	var fv func(...int) int = sum
	fmt.Println(fv(1, 1))
}
