// gopark: exit=2
// panic with a value of a named integer type prints the type name too.
package main

type Code int

func main() {
	panic(Code(7))
}
