// hostile: 300,000 compile errors: the first ten and Go's "too many errors", promptly
// expand: @ERRORS@ y; 300000
// exit: 1
// stderr: compile_errors_many.go:12:2: undefined: y
// stderr: compile_errors_many.go:12:4: undefined: y
// stderr: too many errors
// within: 20s
// rss: 300MiB
package main

func main() {
	@ERRORS@
}
