package main

import "fmt"

type T int

func (T) String() string {
	for {
	}
}

func main() {
	fmt.Println(T(1))
}
