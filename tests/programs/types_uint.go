// Unsigned integers: wrap-around, bit operators, conversions.
package main

import (
	"fmt"
	"math"
)

func main() {
	var u8 uint8 = 255
	u8++
	fmt.Println("uint8 255+1 =", u8)
	u8 -= 1
	fmt.Println("uint8 0-1 =", u8)
	var u16 uint16 = 0
	u16--
	fmt.Println("uint16 0-1 =", u16)
	var u32 uint32 = math.MaxUint32
	u32 += 10
	fmt.Println("uint32 max+10 =", u32)
	var u uint = 0
	u--
	fmt.Println("uint 0-1 =", u, u == math.MaxUint64)
	var u64 uint64 = 1 << 63
	fmt.Println("1<<63 =", u64, "*2 =", u64*2)

	var x uint8 = 0b1010_1100
	var y uint8 = 0x0F
	fmt.Println("and", x&y, "or", x|y, "xor", x^y, "andnot", x&^y, "not", ^x)
	fmt.Printf("%08b %08b %08b\n", x, x<<2, x>>3)
	var big uint64 = 0xFFFF_FFFF_FFFF_FFFF
	fmt.Println(big, big>>60, big<<60, ^uint64(0) == big)
	var n uint = 5
	fmt.Println("shift by 64:", uint64(1)<<(n*13))

	// conversions
	i := -1
	fmt.Println("uint32(-1) =", uint32(i), "uint64(-1) =", uint64(i))
	v := uint64(300)
	fmt.Println("uint8(300) =", uint8(v), "int8(uint8(200)) =", int8(uint8(v-100)))
	var bb byte = 'A'
	bb += 2
	fmt.Println(bb, string(rune(bb)))

	// division and modulo
	var a, b uint = 17, 5
	fmt.Println(a/b, a%b)
	fmt.Println(math.MaxUint8, math.MaxUint16, math.MaxUint32, uint64(math.MaxUint64))
	var up uintptr = 4096
	fmt.Println(up + 1)
	fmt.Printf("%T %T %T %T %T %T\n", u8, u16, u32, u64, u, up)
}
