// hostile: 1e1000000000 is a compile error, not a billion-digit constant
// exit: 1
// within: 30s
// rss: 300MiB
package main

import "fmt"

func main() {
	fmt.Println(1e1000000000)
}
