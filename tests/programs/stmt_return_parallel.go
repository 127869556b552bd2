package main

// A return whose results read the function's own parameters in another order is a parallel
// assignment: every result is read before any is written. (difftest finding 003: gopark wrote
// them one by one, so `return b, a` returned b, b.)

import "fmt"

func f1(a, b int) (int, int)           { return b, a }
func f2(a, b int) (int, int)           { return b + 0, a }
func f4(a, b, c int) (int, int, int)   { return c, a, b }
func f6(a, b int) (int, int, int)      { return 0, b, a }
func f8(a int, b string) (string, int) { return b, a }
func f9(a, b, c int) (int, int, int)   { return b, c, a }

func main() {
	fmt.Println(f1(1, 2))
	fmt.Println(f2(1, 2))
	fmt.Println(f4(1, 2, 3))
	fmt.Println(f6(1, 2))
	fmt.Println(f8(1, "s"))
	fmt.Println(f9(1, 2, 3))
}
