// hostile: recursion through a closure and a method (t.m calls t.g calls t.m) ends with Go's stack overflow
// exit: 2
// stderr: runtime: goroutine stack exceeds 1000000000-byte limit
// stderr: fatal error: stack overflow
// stderr: main.(*T).m(
// stderr: main.main.func1(
// within: 120s
// rss: 1400MiB
package main

type T struct{ g func(int) int }

func (t *T) m(n int) int { return t.g(n+1) + 1 }

func main() {
	t := &T{}
	t.g = func(n int) int { return t.m(n+1) + 1 }
	println(t.m(0))
}
