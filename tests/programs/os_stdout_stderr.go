// fmt.Fprint* to os.Stdout, os.Stderr and a strings.Builder.
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Fprintln(os.Stdout, "to stdout", 1, 2)
	fmt.Fprintln(os.Stderr, "to stderr", 3)
	fmt.Fprintf(os.Stdout, "%s=%d\n", "x", 5)
	fmt.Fprintf(os.Stderr, "warning: %v\n", "careful")
	fmt.Fprint(os.Stdout, "no newline ", 7, 8, "\n")
	fmt.Fprint(os.Stderr, "stderr ", "end\n")
	var sb strings.Builder
	n, err := fmt.Fprintf(&sb, "%03d|", 7)
	fmt.Fprint(&sb, "a", "b", 1, 2)
	fmt.Fprintln(&sb, " done")
	fmt.Print(sb.String())
	fmt.Println(n, err, sb.Len())
	w := os.Stdout
	fmt.Fprintln(w, "via variable")
	n, err = fmt.Println("count me")
	fmt.Println(n, err)
}
