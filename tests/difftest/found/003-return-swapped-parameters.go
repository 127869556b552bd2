// Finding 003 (seed 1093; also 1095): a return statement with several results whose values are
// the function's own parameters in another order clobbers one before it is read.
// With unnamed results, `return b, a` returns (b, b); named results are right.
//   go run:  b a / 2 1 / 2 1 / b a
//   gopark:  b b / 2 2 / 2 2 / b a
// Generator: t_funcs's swap, "return_swapped_parameters" in KNOWN (gen.py): named results meanwhile.
package main

import "fmt"

func swap(a, b string) (string, string) { return b, a }

func main() {
	fmt.Println(swap("a", "b"))
	f := func(a, b int) (int, int) { return b, a }
	fmt.Println(f(1, 2))
	var s, t int = 1, 2
	s, t = f(s, t)
	fmt.Println(s, t)
	g := func(a, b string) (x, y string) { return b, a }
	fmt.Println(g("a", "b"))
}
