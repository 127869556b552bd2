// hostile: strings.Repeat("x", 1<<40) (a 1 TB string) ends at the memory cap
// flags: --memory 256MiB
// exit: 2
// stderr: fatal error: out of memory
// within: 30s
// rss: 600MiB
// (The page is a 32-bit target, whose Go's maxAlloc is 4 GiB: a larger make panics there.)
// page-stderr: panic: runtime error: makeslice: cap out of range
// page-stderr: strings.Repeat(
package main

import (
	"fmt"
	"strings"
)

func main() {
	s := strings.Repeat("x", 1<<40)
	fmt.Println(len(s))
}
