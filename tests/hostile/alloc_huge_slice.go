// hostile: make([]int, 1<<33) (64 GB) is refused at the memory cap with Go's out-of-memory message
// flags: --memory 256MiB
// exit: 2
// stderr: runtime: out of memory: cannot allocate
// stderr: fatal error: out of memory
// within: 30s
// rss: 600MiB
package main

import "fmt"

func main() {
	n := 1 << 33
	b := make([]int, n)
	fmt.Println(len(b))
}
