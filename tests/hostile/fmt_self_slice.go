// hostile: a []any that holds itself, formatted with Sprintf: Go's stack overflow, not a crash
// exit: 2
// stderr: runtime: goroutine stack exceeds 1000000000-byte limit
// stderr: fatal error: stack overflow
// within: 120s
// rss: 1400MiB
package main

import "fmt"

func main() {
	s := []any{nil}
	s[0] = s
	text := fmt.Sprintf("%v", s)
	fmt.Println(len(text))
}
