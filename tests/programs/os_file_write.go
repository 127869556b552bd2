// Writing to os.Stdout and os.Stderr directly with Write and WriteString.
package main

import (
	"fmt"
	"os"
)

func main() {
	os.Stdout.WriteString("WriteString to stdout\n")
	n, err := os.Stdout.Write([]byte("Write to stdout\n"))
	fmt.Println(n, err)
	os.Stderr.WriteString("WriteString to stderr\n")
	os.Stderr.Write([]byte("Write to stderr\n"))
}
