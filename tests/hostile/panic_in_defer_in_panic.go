// hostile: panics inside deferred calls inside panics print Go's chain of panics
// exit: 2
// stdout: recovered: inner
// stderr: panic: first
// stderr: 	panic: second
// stderr: 	panic: third
// stderr: goroutine 1 [running]:
// within: 30s
// rss: 300MiB
package main

import "fmt"

func inner() {
	defer func() { fmt.Println("recovered:", recover()) }()
	panic("inner")
}

func main() {
	defer func() {
		panic("third")
	}()
	defer func() {
		inner()
		panic("second")
	}()
	panic("first")
}
