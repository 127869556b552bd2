// hostile: a function that calls itself without end ends with Go's stack overflow at the 1 GB stack limit
// exit: 2
// stderr: runtime: goroutine stack exceeds 1000000000-byte limit
// stderr: fatal error: stack overflow
// stderr: goroutine 1 [running]:
// stderr: main.f(
// stderr: ...additional frames elided...
// within: 120s
// rss: 1400MiB
package main

func f(n int) int { return f(n+1) + 1 }

func main() { println(f(0)) }
