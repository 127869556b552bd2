// strings.Builder and efficient string construction.
package main

import (
	"fmt"
	"strings"
)

func main() {
	var sb strings.Builder
	fmt.Println(sb.Len(), sb.String() == "")
	sb.WriteString("hello")
	sb.WriteByte(' ')
	sb.WriteRune('世')
	sb.WriteRune('界')
	n, err := sb.Write([]byte("!"))
	fmt.Println(n, err)
	fmt.Println(sb.String(), sb.Len())
	fmt.Fprintf(&sb, " [%d]", 42)
	fmt.Println(sb.String())
	sb.Reset()
	fmt.Printf("%q %d\n", sb.String(), sb.Len())

	sb.Grow(64)
	fmt.Println(sb.Cap() >= 64)
	for i := 0; i < 5; i++ {
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprint(&sb, i*i)
	}
	fmt.Println(sb.String())

	// building a large string
	var big strings.Builder
	for i := 0; i < 10000; i++ {
		big.WriteString("ab")
	}
	s := big.String()
	fmt.Println(len(s), s[:6], strings.Count(s, "ab"))

	// a table with padding
	var t strings.Builder
	rows := [][]string{{"name", "qty"}, {"apple", "3"}, {"kiwi", "12"}}
	for _, row := range rows {
		fmt.Fprintf(&t, "%-8s|%4s\n", row[0], row[1])
	}
	fmt.Print(t.String())
	words := []string{"the", "quick", "brown", "fox"}
	var caps strings.Builder
	for _, w := range words {
		caps.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	fmt.Println(caps.String())
}
