// gopark: exit=1
package main

func main() {
	break
	if true {
		continue
	}
	x := 1
	_ = x
}
