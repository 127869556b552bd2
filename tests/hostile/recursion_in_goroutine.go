// hostile: unbounded recursion in a goroutine other than main ends with Go's stack overflow
// exit: 2
// stderr: runtime: goroutine stack exceeds 1000000000-byte limit
// stderr: fatal error: stack overflow
// stderr: main.f(
// within: 120s
// rss: 1400MiB
package main

func f(n int) int { return f(n+1) + 1 }

func main() {
	done := make(chan int)
	go func() { done <- f(0) }()
	<-done
}
