// hostile: strings.Builder.Grow(1 << 40) ends at the memory cap
// flags: --memory 256MiB
// exit: 2
// stderr: runtime: out of memory: cannot allocate 1099511627776-byte block
// stderr: fatal error: out of memory
// stderr: strings.(*Builder).Grow(
// stderr: main.main()
// within: 30s
// rss: 600MiB
// (The page is a 32-bit target, whose Go's maxAlloc is 4 GiB: a larger make panics there.)
// page-stderr: panic: runtime error: makeslice: cap out of range
// page-stderr: strings.(*Builder).Grow(
// page-stderr: main.main()
package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	b.Grow(1 << 40)
	fmt.Println(b.Cap())
}
