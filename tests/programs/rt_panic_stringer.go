// gopark: exit=2
// panic with a fmt.Stringer value prints its String() text.
package main

import "fmt"

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("Point(%d, %d)", p.X, p.Y) }

func main() {
	panic(Point{3, 4})
}
