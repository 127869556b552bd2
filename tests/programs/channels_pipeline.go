// A pipeline of stages connected by channels (generator, square, sum).
package main

import "fmt"

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func filter(in <-chan int, keep func(int) bool) <-chan int {
	out := make(chan int, 2)
	go func() {
		defer close(out)
		for n := range in {
			if keep(n) {
				out <- n
			}
		}
	}()
	return out
}

func main() {
	for v := range sq(sq(gen(1, 2, 3))) {
		fmt.Print(v, " ")
	}
	fmt.Println()

	nums := make([]int, 100)
	for i := range nums {
		nums[i] = i
	}
	odd := filter(sq(gen(nums...)), func(n int) bool { return n%2 == 1 })
	total := 0
	count := 0
	for v := range odd {
		total += v
		count++
	}
	fmt.Println(count, total)

	// a chain of 100 goroutines passing a value along (daisy chain)
	const n = 100
	leftmost := make(chan int)
	right := leftmost
	left := leftmost
	for i := 0; i < n; i++ {
		right = make(chan int)
		go func(l, r chan int) { l <- 1 + <-r }(left, right)
		left = right
	}
	go func(c chan int) { c <- 1 }(right)
	fmt.Println(<-leftmost)
}
