package main

import "fmt"

type T int

func (t T) String() string { return fmt.Sprint(int(t)) + fmt.Sprint(t) }

func main() {
	fmt.Println(T(1))
}
