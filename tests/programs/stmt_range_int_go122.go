// gopark: go1.22
// range over an integer (Go 1.22).
package main

import "fmt"

type Count int

func main() {
	for i := range 5 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 0
	for range 3 {
		n++
	}
	fmt.Println(n)
	for i := range 0 {
		fmt.Println("never", i)
	}
	neg := -2
	for i := range neg {
		fmt.Println("never", i)
	}
	var c Count = 3
	for i := range c {
		fmt.Printf("%v:%T ", i, i)
	}
	fmt.Println()
	var u8 uint8 = 4
	for i := range u8 {
		fmt.Printf("%d:%T ", i, i)
	}
	fmt.Println()
	// the bound is evaluated once
	m := 3
	for i := range m {
		m = 10
		fmt.Print(i, " ")
	}
	fmt.Println(m)
	// modifying the iteration variable does not affect the next iteration
	for i := range 3 {
		fmt.Print(i, " ")
		i += 10
	}
	fmt.Println()
	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	total := 0
	for i := range 101 {
		total += i
	}
	fmt.Println(total)
	for i := range int64(2) {
		fmt.Printf("%T\n", i)
	}
}
