// if with init statements; the three forms of for; break and continue.
package main

import (
	"fmt"
	"strconv"
)

func classify(n int) string {
	if n < 0 {
		return "negative"
	} else if n == 0 {
		return "zero"
	} else if n%2 == 0 {
		return "even"
	}
	return "odd"
}

func main() {
	for _, n := range []int{-3, 0, 4, 7} {
		fmt.Print(classify(n), " ")
	}
	fmt.Println()
	if v, err := strconv.Atoi("42"); err == nil {
		fmt.Println("parsed", v)
	} else {
		fmt.Println("error", err)
	}
	if v, err := strconv.Atoi("x"); err != nil {
		fmt.Println("error", err, v)
	}

	// classic three-clause loop
	sum := 0
	for i := 0; i < 10; i++ {
		sum += i
	}
	fmt.Println(sum)
	// condition-only loop
	n := 1
	for n < 100 {
		n *= 2
	}
	fmt.Println(n)
	// infinite loop with break
	count := 0
	for {
		count++
		if count == 5 {
			break
		}
	}
	fmt.Println(count)
	// continue
	for i := 0; i < 10; i++ {
		if i%3 != 0 {
			continue
		}
		fmt.Print(i, " ")
	}
	fmt.Println()
	// multiple variables
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		fmt.Print(i, ",", j, " ")
	}
	fmt.Println()
	// empty parts
	k := 0
	for ; k < 3; {
		k++
	}
	fmt.Println(k)
	// nested loops
	for i := 1; i <= 3; i++ {
		for j := 1; j <= 3; j++ {
			fmt.Print(i*j, " ")
		}
		fmt.Println()
	}
	// collatz
	steps, x := 0, 27
	for x != 1 {
		if x%2 == 0 {
			x /= 2
		} else {
			x = 3*x + 1
		}
		steps++
	}
	fmt.Println("collatz(27) steps:", steps)
}
