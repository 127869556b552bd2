// gopark: exit=2
// panic with a value of a named string type prints the type and a quoted value.
package main

type Reason string

func main() {
	panic(Reason("disk full"))
}
