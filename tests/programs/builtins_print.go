// The print and println builtins write to standard error.
package main

import "fmt"

func main() {
	fmt.Println("stdout line")
	println("hello", 42, true, -7)
	println(3.5, 1e100, -0.25)
	print("no", "spaces", 1, 2, "\n")
	println()
	var u8 uint8 = 200
	var i64 int64 = -1 << 63
	var u64 uint64 = 1<<64 - 1
	println(u8, i64, u64)
	var f32 float32 = 1.5
	println(f32, 'x', byte('y'))
	var s string
	println(s, len(s), "end")
	var p *int
	println(p == nil, p)
	var e error
	println(e == nil)
	println(0.0, 100.0, 1.0/3)
	fmt.Println("stdout done")
}
