// hostile: 100,000 nested parentheses are a compile error with a position, not a C stack overflow in the parser
// expand: @OPEN@ ( 100000
// expand: @CLOSE@ ) 100000
// exit: 1
// stderr: nesting_parens.go:14:
// stderr: syntax error: nesting too deep
// within: 30s
// rss: 300MiB
package main

import "fmt"

func main() {
	fmt.Println(@OPEN@1@CLOSE@)
}
