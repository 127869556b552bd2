// hostile: a width or precision of 2^40 in a format is Go's %!(BADWIDTH) / %!(BADPREC), not a 1 TB string
// exit: 0
// stdout: %!(BADWIDTH)1|%!(BADPREC)1.500000|%!(NOVERB)%!(EXTRA int=2, float64=2.5)
// stdout: 0
// within: 30s
// rss: 300MiB
package main

import "fmt"

func main() {
	fmt.Println(fmt.Sprintf("%0*d|%.*f|%01000000000d|%.1000000000f", 1<<40, 1, 1<<40, 1.5, 2, 2.5))
	m := make(map[int]int, 1<<50)
	fmt.Println(len(m))
}
