// gopark: exit=1
package main

func helper() {}

func helper() {}

type T int
type T string

func main() {
	helper()
}
