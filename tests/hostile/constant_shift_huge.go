// hostile: 1 << 100000000 is a compile error, not a 12 MB constant
// exit: 1
// within: 30s
// rss: 300MiB
package main

import "fmt"

func main() {
	fmt.Println(1 << 100000000)
}
