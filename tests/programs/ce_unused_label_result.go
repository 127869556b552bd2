// gopark: exit=1
package main

func f() int { return 1 }

func main() {
	x := 1
L:
	x + 1
	f
	_ = x
}
