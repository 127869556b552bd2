// gopark: exit=1
package main

func add(a, b int) int { return a + b }

func main() {
	add(1)
	add(1, 2, 3)
	add("1", 2)
}
