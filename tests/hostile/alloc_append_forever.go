// hostile: one slice appended to forever: its growth ends at the memory cap
// flags: --memory 256MiB
// exit: 2
// stderr: runtime: out of memory: cannot allocate
// stderr: fatal error: out of memory
// within: 120s
// rss: 600MiB
package main

func main() {
	var s []int
	for {
		s = append(s, 1)
	}
}
