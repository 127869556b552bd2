// gopark: exit=1
package main

func main() {
	n := 1
	if n {
	}
	for n {
	}
	s := "x"
	if !s {
	}
}
