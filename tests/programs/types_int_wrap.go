// Sized signed integers: wrap-around, conversions, division and shifts.
package main

import (
	"fmt"
	"math"
)

func main() {
	var a int8 = 127
	a++
	fmt.Println("int8 127+1 =", a)
	a = -128
	a--
	fmt.Println("int8 -128-1 =", a)
	var b int16 = 32767
	b += 2
	fmt.Println("int16 32767+2 =", b)
	var c int32 = math.MaxInt32
	c *= 2
	fmt.Println("int32 max*2 =", c)
	var d int64 = math.MaxInt64
	d++
	fmt.Println("int64 max+1 =", d, d == math.MinInt64)
	var m int64 = math.MinInt64
	var neg int64 = -1
	fmt.Println("minint64 / -1 =", m/neg, "rem", m%neg)
	var m8 int8 = -128
	var n8 int8 = -1
	fmt.Println("-128 / -1 (int8) =", m8/n8, "neg", -m8)

	// conversions truncate to the target size
	x := 200
	fmt.Println("int8(200) =", int8(x), "uint8(-1) =", uint8(-x/200))
	y := 70000
	fmt.Println("int16(70000) =", int16(y), "uint16(70000) =", uint16(y))
	z := int64(1)<<40 + 5
	fmt.Println("int32(1<<40+5) =", int32(z))

	// integer division truncates toward zero
	p, q := -7, 2
	fmt.Println("-7/2 =", p/q, "-7%2 =", p%q, "7/-2 =", -p/-q, "7%-2 =", -p%-q)

	// signed shifts are arithmetic; large shifts give 0 or -1
	var s int32 = -16
	sh := uint(40)
	fmt.Println("-16>>2 =", s>>2, "-16>>40 =", s>>sh, "16<<40 (int32) =", int32(16)<<sh)
	var one int = 1
	fmt.Println("1<<62 =", one<<62, "1<<63 =", one<<63, "1<<64 =", one<<64)

	// multiplication overflow
	var e int32 = 100000
	fmt.Println("100000*100000 (int32) =", e*e)
	var f int8 = 16
	fmt.Println("16*16 (int8) =", f*f)

	fmt.Println(math.MaxInt8, math.MinInt8, math.MaxInt16, math.MinInt16)
	fmt.Println(math.MaxInt32, math.MinInt32, int64(math.MaxInt64), int64(math.MinInt64))
	var i int = math.MaxInt
	fmt.Println(i == math.MaxInt64, i+1 == math.MinInt)
	fmt.Printf("%T %T %T %T %T\n", a, b, c, d, i)
}
