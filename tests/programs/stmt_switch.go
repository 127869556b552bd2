// switch: expression and tagless forms, lists, fallthrough, init statements, break.
package main

import "fmt"

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	case score >= 70:
		return "C"
	default:
		return "F"
	}
}

func kind(c byte) string {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return "vowel"
	case ' ':
		return "space"
	}
	return "consonant"
}

func fall(n int) {
	switch n {
	case 0:
		fmt.Print("zero ")
		fallthrough
	case 1:
		fmt.Print("one-or-fell ")
		fallthrough
	case 2:
		fmt.Print("two-or-fell ")
	case 3:
		fmt.Print("three ")
		fallthrough
	default:
		fmt.Print("default ")
	}
	fmt.Println()
}

func next() int {
	fmt.Print("[eval] ")
	return 2
}

func main() {
	for _, s := range []int{95, 85, 75, 10} {
		fmt.Print(grade(s), " ")
	}
	fmt.Println()
	for _, c := range []byte("go fun") {
		fmt.Print(kind(c), " ")
	}
	fmt.Println()
	for i := 0; i < 5; i++ {
		fall(i)
	}
	switch x := 5 * 2; x {
	case 10:
		fmt.Println("ten")
	case 20:
		fmt.Println("twenty")
	}
	// cases are evaluated top to bottom, left to right, stopping at the first match
	switch 2 {
	case 1, next():
		fmt.Println("matched second value")
	case next():
		fmt.Println("not reached")
	}
	// default can appear anywhere
	switch "z" {
	default:
		fmt.Println("default first")
	case "a":
		fmt.Println("a")
	}
	// break leaves the switch, not the loop
	for i := 0; i < 3; i++ {
		switch i {
		case 1:
			break
		default:
			fmt.Print("i=", i, " ")
		}
	}
	fmt.Println()
	// switch on types of values with no expression
	x, y := 3, 4
	switch {
	case x > y:
		fmt.Println("x bigger")
	case x < y:
		fmt.Println("y bigger")
	}
	switch s := "hello"; len(s) {
	case 5:
		fmt.Println("five letters:", s)
	}
	type Color int
	const (
		Red Color = iota
		Green
	)
	c := Green
	switch c {
	case Red:
		fmt.Println("red")
	case Green:
		fmt.Println("green")
	}
	switch {
	}
	switch v := interface{}(1.5); v {
	case 1.5:
		fmt.Println("interface value matched")
	}
}
