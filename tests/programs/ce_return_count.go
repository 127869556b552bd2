// gopark: exit=1
package main

func one() int {
	return 1, 2
}

func two() (int, string) {
	return 1
}

func none() {
	return 5
}

func main() {
	one()
	two()
	none()
}
