// hostile: printing a map that holds itself recurses through fmt without end: Go's stack overflow, not a crash
// exit: 2
// stderr: runtime: goroutine stack exceeds 1000000000-byte limit
// stderr: fatal error: stack overflow
// within: 120s
// rss: 1400MiB
package main

import "fmt"

func main() {
	m := map[string]any{}
	m["self"] = m
	fmt.Println(m)
}
