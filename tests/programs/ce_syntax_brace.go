// gopark: exit=1
// gopark: go119-err
package main

func main() {
	for i := 0; i < 3; i++
	{
	}
}
