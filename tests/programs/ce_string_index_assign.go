// gopark: exit=1
// gopark: go119-err
package main

func main() {
	s := "hello"
	s[0] = 'H'
	const c = 1
	c = 2
}
