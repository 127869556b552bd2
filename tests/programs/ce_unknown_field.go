// gopark: exit=1
// gopark: go119-err
package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	p := Point{1, 2}
	fmt.Println(p.Z)
	p.Move()
	q := Point{X: 1, W: 2}
	fmt.Println(q)
}
