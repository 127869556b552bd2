// hostile: 3 million lines of output: the CLI streams every one (the page keeps only its cap)
// exit: 0
// stdout-lines: 3000000
// stdout: line 2999999
// within: 120s
// rss: 600MiB
package main

import "fmt"

func main() {
	for i := 0; i < 3000000; i++ {
		fmt.Println("line", i)
	}
}
