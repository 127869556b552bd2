// hostile: a String method that formats its own receiver recurses through fmt (on the C stack too) and ends with Go's stack overflow
// exit: 2
// stderr: runtime: goroutine stack exceeds 1000000000-byte limit
// stderr: fatal error: stack overflow
// stderr: main.T.String(
// within: 120s
// rss: 1400MiB
package main

import "fmt"

type T struct{ n int }

func (t T) String() string { return fmt.Sprint(t) }

func main() { fmt.Println(T{1}) }
