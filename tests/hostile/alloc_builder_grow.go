// hostile: strings.Builder.Grow(1 << 40) ends at the memory cap
// flags: --memory 256MiB
// exit: 2
// stderr: runtime: out of memory: cannot allocate 1099511627776-byte block
// stderr: fatal error: out of memory
// stderr: strings.(*Builder).Grow(
// stderr: main.main()
// page-known: on wasm32 the size wraps: Grow(1 << 40) succeeds and Cap() is 1099511627776
// within: 30s
// rss: 600MiB
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
