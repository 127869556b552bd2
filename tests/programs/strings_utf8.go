// Strings are UTF-8 bytes: len, byte indexing, range by rune, conversions.
package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s), len([]rune(s)))
	fmt.Println(s[0], s[1], s[2], string(s[0]))
	fmt.Printf("%c %q %x %T\n", s[0], s[1], s[1], s[1])
	for i, r := range s {
		fmt.Print(i, ":", string(r), "(", r, ") ")
	}
	fmt.Println()
	for i := 0; i < len(s); i++ {
		fmt.Printf("%02x ", s[i])
	}
	fmt.Println()
	fmt.Println(s[1:3], s[7:], s[:1]+s[3:5])

	runes := []rune(s)
	fmt.Println(len(runes), string(runes[7:]), runes[1])
	runes[0] = 'H'
	fmt.Println(string(runes), s)
	bs := []byte("abc")
	bs[0] = 'X'
	fmt.Println(string(bs), bs)

	// invalid UTF-8 decodes as U+FFFD, one byte at a time
	bad := "a\xffb\xc3"
	for i, r := range bad {
		fmt.Printf("%d:%U ", i, r)
	}
	fmt.Println(utf8.ValidString(bad), utf8.ValidString(s))

	r, size := utf8.DecodeRuneInString("世界")
	fmt.Println(string(r), size, utf8.RuneLen('é'), utf8.RuneLen('a'))
	fmt.Println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)))

	// strings are comparable and immutable values
	a, b := "apple", "banana"
	fmt.Println(a < b, a == "apple", a+b, "Z" < "a", "" < "a")
	c := a
	c += "!"
	fmt.Println(a, c)
	raw := `raw\nstring "quoted"`
	fmt.Println(raw, len(raw))
	esc := "tab\there\u00e9\U0001F600\x41"
	fmt.Println(esc, len(esc))
	var empty string
	fmt.Println(empty == "", len(empty))
	fmt.Printf("%q\n", "emoji 😀 and \x00 nul")
}
