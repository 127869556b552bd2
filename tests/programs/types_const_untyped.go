// Untyped constants: arbitrary precision, default types, typed constants.
package main

import "fmt"

const Big = 1 << 100
const Small = Big >> 98
const Pi = 3.14159265358979323846264338327950288419716939937510582097494459
const Third = 1.0 / 3
const Typed int64 = 42
const Str = "hello"
const R = 'x'

type Celsius float64

const Boiling Celsius = 100

func needFloat(x float64) float64 { return x * 0.1 }
func needInt(x int) int           { return x*10 + 1 }

func main() {
	fmt.Println(Small, needInt(Small), needFloat(Small), needFloat(Big))
	fmt.Println(Pi, float32(Pi), Third)
	fmt.Println(Typed, Str, R, string(R))
	fmt.Printf("%T %T %T %T %T\n", Small, Pi, R, Str, Typed)
	var f float32 = Pi
	var i8 int8 = Small * 30
	fmt.Println(f, i8)
	fmt.Printf("%T %v\n", Boiling, Boiling+1)

	// constant expressions are exact
	const x = 10 / 4
	const y = 10 / 4.0
	const z = 'a' + 1
	fmt.Println(x, y, z, string(rune(z)))
	fmt.Printf("%T %T %T\n", x, y, z)
	const huge = 1e300 * 1e300 / 1e300
	fmt.Println(huge)
	const mask = 1<<64 - 1
	fmt.Println(uint64(mask), mask>>60)
	const c = 5.0 // untyped float constant representable as int
	var n int = c
	fmt.Println(n, n/2)

	// default types of untyped constants in := and interfaces
	a := 1
	b := 1.5
	cc := 'r'
	var e interface{} = 7
	fmt.Printf("%T %T %T %T\n", a, b, cc, e)

	// untyped bool and comparisons
	const t = 1 < 2
	var bb bool = t
	fmt.Println(t, bb, !t)
	type MyBool bool
	var mb MyBool = 3 > 4
	fmt.Printf("%T %v\n", mb, mb)
	// shifts of untyped constants
	var s uint = 3
	var k = 1 << s
	var kk int64 = 1 << s
	fmt.Printf("%T %d %T %d\n", k, k, kk, kk)
}
