// defer: LIFO order, arguments evaluated at the defer statement, loops, closures.
package main

import "fmt"

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("exit", name) }
}

func a() {
	defer trace("a")()
	fmt.Println("in a")
}

func deferArgs() {
	x := 1
	defer fmt.Println("deferred x (evaluated early):", x)
	defer func() { fmt.Println("deferred closure sees:", x) }()
	x = 2
	fmt.Println("x set to", x)
}

func loop() {
	for i := 0; i < 4; i++ {
		defer fmt.Print(i, " ")
	}
	fmt.Print("loop body done: ")
}

type Res struct{ name string }

func (r *Res) Close() { fmt.Println("close", r.name) }

func resources() {
	for _, n := range []string{"db", "file", "net"} {
		r := &Res{n}
		defer r.Close()
	}
	fmt.Println("using resources")
}

func methodValue() {
	r := Res{"first"}
	defer r.Close() // receiver &r evaluated now
	r.name = "changed"
}

func earlyReturn(flag bool) {
	defer fmt.Println("deferred in earlyReturn", flag)
	if flag {
		fmt.Println("returning early")
		return
	}
	fmt.Println("normal path")
}

func main() {
	defer fmt.Println("main deferred 1")
	defer fmt.Println("main deferred 2")
	a()
	deferArgs()
	loop()
	fmt.Println()
	resources()
	methodValue()
	earlyReturn(true)
	earlyReturn(false)
	func() {
		defer fmt.Println("inner func deferred")
		fmt.Println("inner func body")
	}()
	fmt.Println("main end")
}
