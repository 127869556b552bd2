// gopark: exit=2
// panic with a float value prints it like print does.
package main

func main() {
	panic(1.5)
}
