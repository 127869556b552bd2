package main

import "fmt"

type E struct{}

func (e E) Error() string { return fmt.Sprintf("%v", e) }

func main() {
	fmt.Println(E{})
}
