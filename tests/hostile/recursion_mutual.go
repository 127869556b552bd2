// hostile: two functions calling each other without end end with Go's stack overflow
// exit: 2
// stderr: runtime: goroutine stack exceeds 1000000000-byte limit
// stderr: fatal error: stack overflow
// stderr: main.even(
// stderr: main.odd(
// within: 120s
// rss: 1400MiB
package main

func even(n int) bool {
	if n == -1 {
		return true
	}
	return odd(n + 1)
}

func odd(n int) bool {
	if n == -1 {
		return false
	}
	return even(n + 1)
}

func main() { println(even(0)) }
