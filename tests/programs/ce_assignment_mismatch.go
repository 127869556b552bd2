// gopark: exit=1
package main

func pair() (int, int) { return 1, 2 }
func single() int     { return 1 }

func main() {
	a, b := single()
	c := pair()
	var d, e int = 1
	_, _, _, _, _ = a, b, c, d, e
}
