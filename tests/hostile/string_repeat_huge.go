// hostile: strings.Repeat("x", 1<<40) (a 1 TB string) ends at the memory cap
// flags: --memory 256MiB
// exit: 2
// stderr: fatal error: out of memory
// within: 30s
// rss: 600MiB
package main

import (
	"fmt"
	"strings"
)

func main() {
	s := strings.Repeat("x", 1<<40)
	fmt.Println(len(s))
}
