// gopark: exit=1
// gopark: go119-err
package main

func main() {
	x := 1
	var y string
	z, w := 2, 3
	_ = z
}
