// Labeled break and continue across nested loops, select and switch.
package main

import "fmt"

func main() {
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()

	// find the first pair summing to a target
	nums := []int{3, 8, 1, 9, 4}
	target := 13
	found := false
search:
	for a := 0; a < len(nums); a++ {
		for b := a + 1; b < len(nums); b++ {
			if nums[a]+nums[b] == target {
				fmt.Println("pair:", nums[a], nums[b])
				found = true
				break search
			}
		}
	}
	fmt.Println(found)

	// break out of a loop from inside a switch
	i := 0
loop:
	for {
		switch {
		case i >= 3:
			break loop
		default:
			i++
		}
	}
	fmt.Println("i =", i)

	// break out of a loop from inside a select
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
	got := 0
recv:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break recv
			}
			got += v
		}
	}
	fmt.Println("got", got)

	// labeled continue with range
	words := [][]string{{"a", "stop", "b"}, {"c", "d"}, {"stop"}, {"e"}}
lines:
	for n, line := range words {
		for _, w := range line {
			if w == "stop" {
				continue lines
			}
			fmt.Print(n, w, " ")
		}
	}
	fmt.Println()
	// a labeled block with break on a labeled switch
	x := 5
sw:
	switch {
	case x > 0:
		for k := 0; k < 10; k++ {
			if k == 2 {
				break sw
			}
			fmt.Print("k", k, " ")
		}
		fmt.Print("not printed")
	}
	fmt.Println()
}
