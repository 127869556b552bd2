// hostile: 1 MB slices kept forever end at the memory cap
// flags: --memory 256MiB
// exit: 2
// stderr: runtime: out of memory: cannot allocate
// stderr: fatal error: out of memory
// within: 60s
// rss: 600MiB
package main

func main() {
	var keep [][]byte
	for {
		keep = append(keep, make([]byte, 1<<20))
	}
}
