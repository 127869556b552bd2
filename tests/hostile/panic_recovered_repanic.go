// hostile: a panic recovered, then another panic from the same deferred call: Go's "[recovered]" chain
// exit: 2
// stderr: panic: first [recovered]
// stderr: 	panic: second
// within: 30s
// rss: 300MiB
package main

func main() {
	defer func() {
		recover()
		panic("second")
	}()
	panic("first")
}
