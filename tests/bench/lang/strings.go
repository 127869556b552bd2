// String building: concatenation, strconv.Itoa and strings.Builder, then a pass over the bytes.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	var sb strings.Builder
	for i := 0; i < 300000; i++ {
		sb.WriteString("<" + strconv.Itoa(i) + ">")
		if i%10 == 9 {
			sb.WriteString("\n")
		}
	}
	s := sb.String()
	sevens, lines, h := 0, 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '7' {
			sevens++
		} else if c == '\n' {
			lines++
		}
		h = (h*31 + int(c)) & 0xffffffff
	}
	fmt.Printf("strings: length %d, %d lines, %d sevens, hash %d\n", len(s), lines, sevens, h)
}
