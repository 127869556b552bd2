// Finding 003 (seed 1093; also 1095, 1099): a return statement whose results read the function's
// own parameters in another order clobbers a parameter before reading it: results are written
// one by one into registers that are still the parameters (disasm of f1: Move r0<-r1; Move
// r1<-r0; Ret). Unnamed results only; named results are right. With mixed types (f8) the
// clobbered int result is a string's word: gopark prints an address as an int.
//   go run:  2 1 | 2 1 | 3 1 2 | 0 2 1 | s 1
//   gopark:  2 2 | 2 2 | 3 3 3 | 0 2 0 | s 94625190638512
// Fixed in main by 6286038; the generator covers it again.
package main

import "fmt"

func f1(a, b int) (int, int)           { return b, a }
func f2(a, b int) (int, int)           { return b + 0, a }
func f4(a, b, c int) (int, int, int)   { return c, a, b }
func f6(a, b int) (int, int, int)      { return 0, b, a }
func f8(a int, b string) (string, int) { return b, a }

func main() {
	fmt.Println(f1(1, 2))
	fmt.Println(f2(1, 2))
	fmt.Println(f4(1, 2, 3))
	fmt.Println(f6(1, 2))
	fmt.Println(f8(1, "s"))
}
