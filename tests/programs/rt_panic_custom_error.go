// gopark: exit=2
// panic with a custom error type prints its Error() text.
package main

type MyErr struct {
	Op   string
	Code int
}

func (e *MyErr) Error() string { return e.Op + " failed" }

func main() {
	panic(&MyErr{"write", 5})
}
