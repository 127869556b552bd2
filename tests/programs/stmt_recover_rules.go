// recover's rules: only in the deferred function itself, once per panic; re-panics;
// deferred calls run innermost first while panicking; results set by a recovering defer.
package main

import "fmt"

func helper() interface{} { return recover() } // not called directly by a deferred function

func nested() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("outer caught: ", r)
		}
	}()
	func() {
		defer func() {
			if r := recover(); r != nil {
				panic(fmt.Sprint("re-panic of [", r, "]"))
			}
		}()
		panic("inner")
	}()
	return "not reached"
}

func depth(n int) {
	defer fmt.Println("unwinding depth", n)
	if n == 3 {
		panic(fmt.Sprint("deep panic at ", n))
	}
	depth(n + 1)
}

func main() {
	fmt.Println(nested())

	// recover only works in the deferred function itself
	func() {
		defer func() {
			fmt.Println("helper recover:", helper())
			fmt.Println("direct recover:", recover())
		}()
		panic("p")
	}()

	// after recovery the deferring function returns normally, with the results set
	fmt.Println(func() (n int) {
		defer func() { recover(); n = 99 }()
		panic("x")
	}())

	// a second recover in the same panic returns nil
	func() {
		defer func() {
			fmt.Println("second:", recover())
		}()
		defer func() {
			fmt.Println("first:", recover())
		}()
		panic("once")
	}()

	// deferred calls run while panicking, innermost first, across frames
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		defer fmt.Println("deferred 2")
		defer fmt.Println("deferred 1")
		depth(1)
	}()
	// a panic in a deferred call replaces the current one
	func() {
		defer func() { fmt.Println("recovered the last panic:", recover()) }()
		defer func() { panic("second") }()
		panic("first")
	}()
	fmt.Println("end")
}
