// hostile: unbounded recursion inside a deferred call while a panic unwinds ends with Go's stack overflow
// exit: 2
// stderr: runtime: goroutine stack exceeds 1000000000-byte limit
// stderr: fatal error: stack overflow
// stderr: main.f(
// within: 120s
// rss: 1400MiB
package main

func f(n int) int { return f(n+1) + 1 }

func main() {
	defer func() { println(f(0)) }()
	panic("first")
}
