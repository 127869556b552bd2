// panic and recover: values of several types, and runtime errors caught as runtime.Error.
package main

import (
	"errors"
	"fmt"
	"runtime"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		if _, isErr := r.(error); isErr {
			fmt.Printf("%s: recovered error %v\n", name, r)
		} else {
			fmt.Printf("%s: recovered %v (%T)\n", name, r, r)
		}
	}()
	f()
	fmt.Println(name, "finished normally")
}

type MyErr struct{ Code int }

func (e MyErr) Error() string { return fmt.Sprint("code ", e.Code) }

func main() {
	fmt.Println("recover outside panic:", recover())
	try("string", func() { panic("boom") })
	try("int", func() { panic(42) })
	try("error", func() { panic(errors.New("an error")) })
	try("custom", func() { panic(MyErr{7}) })
	try("none", func() {})
	try("index", func() {
		s := []int{1, 2, 3}
		i := 5
		_ = s[i]
	})
	try("nil map", func() {
		var m map[string]int
		m["a"] = 1
	})
	try("div", func() {
		a, b := 1, 0
		_ = a / b
	})
	try("nil deref", func() {
		var p *MyErr
		_ = p.Code
	})
	try("assert", func() {
		var i interface{} = "s"
		_ = i.(int)
	})
	try("closed channel", func() {
		c := make(chan int)
		close(c)
		c <- 1
	})

	// a runtime error is a runtime.Error and an error
	func() {
		defer func() {
			r := recover()
			re, ok := r.(runtime.Error)
			fmt.Println("runtime.Error:", ok, re.Error())
			err, ok := r.(error)
			fmt.Println("error:", ok, err)
		}()
		var arr []int
		idx := -1
		_ = arr[idx+1]
	}()
	// a custom error value keeps its type through panic and recover
	func() {
		defer func() {
			var me MyErr
			err := recover().(error)
			fmt.Println(errors.As(err, &me), me.Code)
		}()
		panic(fmt.Errorf("wrapped: %w", MyErr{9}))
	}()
	fmt.Println("end")
}
