// Deferred functions can read and modify named results.
package main

import (
	"errors"
	"fmt"
)

func double() (n int) {
	defer func() { n *= 2 }()
	n = 3
	return n + 1 // n = 4, then defer doubles it
}

func counter() (i int) {
	defer func() { i++ }()
	return 10
}

func unnamed() int {
	x := 5
	defer func() { x = 100 }() // no effect on the result
	return x
}

func withErr(fail bool) (result string, err error) {
	defer func() {
		if err != nil {
			result = "fallback"
			err = fmt.Errorf("wrapped: %w", err)
		}
	}()
	if fail {
		return "", errors.New("failed")
	}
	return "ok", nil
}

func safeDivide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			q = -1
		}
	}()
	q = a / b
	return
}

func order() (s string) {
	defer func() { s += "1" }()
	defer func() { s += "2" }()
	return "r"
}

func main() {
	fmt.Println(double())
	fmt.Println(counter())
	fmt.Println(unnamed())
	fmt.Println(withErr(false))
	fmt.Println(withErr(true))
	fmt.Println(safeDivide(10, 2))
	fmt.Println(safeDivide(1, 0))
	fmt.Println(order())
}
