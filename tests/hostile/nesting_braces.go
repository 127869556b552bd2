// hostile: 100,000 nested blocks are a compile error with a position, not a C stack overflow in the parser
// expand: @OPEN@ { 100000
// expand: @CLOSE@ } 100000
// exit: 1
// stderr: nesting_braces.go:12:
// stderr: syntax error: nesting too deep
// within: 30s
// rss: 300MiB
package main

func main() {
	@OPEN@@CLOSE@
}
