// gopark: exit=2
// panic with an integer value.
package main

func main() {
	panic(42)
}
