// hostile: 300,000 compile errors: the first ten and Go's "too many errors", promptly
// expand: @ERRORS@ y; 300000
// exit: 1
// stderr: compile_errors_many.go:13:2: undefined: y
// stderr: compile_errors_many.go:13:4: undefined: y
// stderr: too many errors
// known: the CLI takes time quadratic in the number of errors (40,000: 1.4 s, 80,000: 5 s, 160,000: 18 s; 160,000 valid statements: 0.5 s; the page: 0.2 s for all 300,000), though only ten are shown
// within: 20s
// rss: 300MiB
package main

func main() {
	@ERRORS@
}
