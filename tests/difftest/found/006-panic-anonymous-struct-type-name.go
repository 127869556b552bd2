// Finding 006 (by hand, probing the tails' panic values): an uncaught panic whose value is of an
// anonymous struct type names the type without Go's spaces, while fmt's %T names it right: two
// writers of type names.
//   go run: struct { A int; B []string }
//           panic: (struct { A int; B []string }) 0xc0000b6020
//   gopark: struct { A int; B []string }
//           panic: (struct{A int; B []string}) 0x7f49a99e0110
// (The address differs by nature; `panic(struct{}{})` shows the same: (struct {}) vs (struct{}).)
// Generator: not generated: a panic with a composite value prints an address, which no
// comparison can take.
package main

import "fmt"

func main() {
	v := struct {
		A int
		B []string
	}{1, nil}
	fmt.Printf("%T\n", v)
	panic(v)
}
