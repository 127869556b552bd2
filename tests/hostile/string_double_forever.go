// hostile: s += s forever ends at the memory cap
// flags: --memory 256MiB
// exit: 2
// stderr: runtime: out of memory: cannot allocate
// stderr: fatal error: out of memory
// within: 60s
// rss: 600MiB
package main

import "fmt"

func main() {
	s := "x"
	for {
		s += s
		fmt.Println(len(s))
	}
}
