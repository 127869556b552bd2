// hostile: make([]byte, 1<<50) is past what Go can ever allocate: Go's makeslice panic, not an attempt
// exit: 2
// stderr: panic: runtime error: makeslice: len out of range
// stderr: goroutine 1 [running]:
// stderr: main.main()
// within: 30s
// rss: 300MiB
package main

import "fmt"

func main() {
	n := 1 << 50
	b := make([]byte, n)
	fmt.Println(len(b))
}
