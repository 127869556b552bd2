// The strings package: searching, splitting, joining, replacing, trimming, case.
package main

import (
	"fmt"
	"strings"
)

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func main() {
	s := "Hello, World! Hello, Go!"
	fmt.Println(strings.Contains(s, "World"), strings.Contains(s, "world"), strings.Contains(s, ""))
	fmt.Println(strings.ContainsRune(s, 'G'), strings.ContainsAny(s, "xyz!"), strings.ContainsAny(s, ""))
	fmt.Println(strings.HasPrefix(s, "Hello"), strings.HasSuffix(s, "Go!"), strings.HasPrefix(s, "Go"))
	fmt.Println(strings.Index(s, "Hello"), strings.LastIndex(s, "Hello"), strings.Index(s, "xyz"))
	fmt.Println(strings.IndexByte(s, 'W'), strings.IndexRune("chicken", 'k'), strings.IndexAny("golang", "ny"))
	fmt.Println(strings.IndexFunc("abc123", isDigit), strings.LastIndexByte(s, 'o'))
	fmt.Println(strings.Count(s, "l"), strings.Count("five", ""), strings.Count(s, "Hello"))

	fmt.Printf("%q\n", strings.Split("a,b,c", ","))
	fmt.Printf("%q\n", strings.Split("a,b,c,", ","))
	fmt.Printf("%q\n", strings.Split("abc", ""))
	fmt.Printf("%q\n", strings.Split("", ","))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 2))
	fmt.Printf("%q\n", strings.SplitAfter("a,b,c", ","))
	fmt.Printf("%q\n", strings.Fields("  foo bar\tbaz\n  qux  "))
	fmt.Printf("%q\n", strings.FieldsFunc("a1b2c3", isDigit))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"), strings.Join(nil, ","))

	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2))
	fmt.Println(strings.Replace("oink oink oink", "oink", "moo", -1))
	fmt.Println(strings.ReplaceAll("banana", "a", "o"), strings.ReplaceAll("ab", "", "-"))
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("<b>bold</b>"))

	fmt.Println(strings.ToUpper("héllo wörld"), strings.ToLower("HeLLo"), strings.Title("go is fun"))
	fmt.Printf("%q %q %q\n", strings.TrimSpace("  \t padded \n "), strings.Trim("xxhixx", "x"), strings.Trim("  a  ", " "))
	fmt.Printf("%q %q\n", strings.TrimLeft("xxhixx", "x"), strings.TrimRight("xxhixx", "x"))
	fmt.Printf("%q %q %q\n", strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("file.go", ".go"), strings.TrimPrefix("abc", "x"))
	fmt.Printf("%q\n", strings.TrimFunc("123abc456", isDigit))
	fmt.Println(strings.Repeat("ab", 3), strings.Repeat("-", 0) == "")
	fmt.Println(strings.EqualFold("Go", "GO"), strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	before, after, found = strings.Cut("novalue", "=")
	fmt.Printf("%q %q %v\n", before, after, found)
	rot := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return 'a' + (r-'a'+13)%26
		}
		if r == ' ' {
			return -1 // dropped
		}
		return r
	}, "hello world!")
	fmt.Println(rot)
	fmt.Println(strings.ToTitle("loud"), strings.LastIndexAny("golang", "go"), strings.ContainsAny("abc", "C"))
}
