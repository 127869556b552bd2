// hostile: make(chan int, 1<<30) (an 8 GB buffer) is refused at the memory cap
// flags: --memory 256MiB
// exit: 2
// stderr: runtime: out of memory: cannot allocate
// stderr: fatal error: out of memory
// within: 30s
// rss: 600MiB
package main

import "fmt"

func main() {
	c := make(chan int, 1<<30)
	fmt.Println(cap(c))
}
