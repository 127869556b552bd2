// The math functions whose results the C libraries round differently from Go: gopark must print
// Go's digits to the last one (%.17g and %v show every bit), natively and in the browser alike.
// The checksums cover thousands of inputs per function.
package main

import (
	"fmt"
	"math"
)

var unary = []struct {
	name string
	fn   func(float64) float64
	args []float64
}{
	{"Sin", math.Sin, []float64{0.5, 1, 2, 3, 10, 100, 1e6, 1e22, 0x1p1000, -0.1}},
	{"Cos", math.Cos, []float64{0.5, 1, 2, 3, 10, 100, 1e6, 1e22, 0x1p1000, -0.1}},
	{"Tan", math.Tan, []float64{0.5, 1, 1.5, 3, 10, 1e6, 1e22, -0.7}},
	{"Asin", math.Asin, []float64{0.1, 0.5, 0.7, 0.9, -0.99}},
	{"Acos", math.Acos, []float64{0.1, 0.5, 0.7, 0.9, -0.99}},
	{"Atan", math.Atan, []float64{0.1, 0.5, 1, 2, 10, -3}},
	{"Sinh", math.Sinh, []float64{0.1, 0.7, 2, 30, -5}},
	{"Cosh", math.Cosh, []float64{0.1, 0.7, 2, 30, -5}},
	{"Tanh", math.Tanh, []float64{0.1, 0.7, 2, -5}},
	{"Asinh", math.Asinh, []float64{0.1, 1, 3, 1e10}},
	{"Acosh", math.Acosh, []float64{1.5, 3, 1e10}},
	{"Atanh", math.Atanh, []float64{0.1, 0.6, -0.9}},
	{"Exp", math.Exp, []float64{0.1, 1, 1.7, 10, 100, -100, 700, -740}},
	{"Exp2", math.Exp2, []float64{0.1, 0.5, 10.3, -1074.5}},
	{"Expm1", math.Expm1, []float64{1e-10, 0.1, 1, 10, -3}},
	{"Log", math.Log, []float64{0.1, 2, 10, 1e100, 5e-324}},
	{"Log2", math.Log2, []float64{0.1, 3, 10, 1e100}},
	{"Log10", math.Log10, []float64{0.3, 2, 7, 1e100, 1e-300}},
	{"Log1p", math.Log1p, []float64{1e-10, 0.1, 1, 10}},
	{"Cbrt", math.Cbrt, []float64{2, 3, 10, 0.1, 1e-310}},
	{"Gamma", math.Gamma, []float64{0.5, 1.5, 5.5, 30.5, 100.5, -1.5, -40.5}},
	{"Erf", math.Erf, []float64{0.1, 0.5, 1, 2, 3}},
	{"Erfc", math.Erfc, []float64{0.1, 0.5, 1, 2, 5, 10}},
}

var binary = []struct {
	name string
	fn   func(float64, float64) float64
	args [][2]float64
}{
	{"Pow", math.Pow, [][2]float64{{2, 0.5}, {10, 0.3}, {1.1, 100}, {3, -2.5}, {-2, 5}, {7, 1.0 / 3}, {0.9, 1e4}}},
	{"Atan2", math.Atan2, [][2]float64{{1, 2}, {-1, -3}, {3, -1}, {1e-10, 1}}},
	{"Hypot", math.Hypot, [][2]float64{{1, 2}, {3e300, 4e300}, {1e-10, 1}}},
}

// A fixed sequence of arguments: xorshift64, scaled into [-scale, scale].
type sequence struct{ state uint64 }

func (s *sequence) next(scale float64) float64 {
	s.state ^= s.state << 13
	s.state ^= s.state >> 7
	s.state ^= s.state << 17
	return (float64(s.state>>11)/(1<<53)*2 - 1) * scale
}

func main() {
	for _, u := range unary {
		for _, x := range u.args {
			y := u.fn(x)
			fmt.Printf("%s(%v) = %v %.17g\n", u.name, x, y, y)
		}
	}
	for _, b := range binary {
		for _, a := range b.args {
			y := b.fn(a[0], a[1])
			fmt.Printf("%s(%v, %v) = %v %.17g\n", b.name, a[0], a[1], y, y)
		}
	}
	// Special values: NaN's bits, signed zeros, infinities.
	fmt.Printf("%x %x %x\n", math.Float64bits(math.Sin(math.Inf(1))), math.Float64bits(math.Log(-1)), math.Float64bits(math.Pow(-2, 0.5)))
	fmt.Printf("%x %x %x\n", math.Float64bits(math.Mod(1, 0)), math.Float64bits(math.Remainder(math.Inf(1), 2)), math.Float64bits(math.Mod(math.NaN(), 2)))
	fmt.Println(math.Sin(math.Copysign(0, -1)), math.Atan2(0, -1), math.Atan2(math.Copysign(0, -1), -1), math.Exp(710), math.Pow(0, -3))

	// Pow10 is a product of two table entries in Go, not Pow(10, n).
	for _, n := range []int{-324, -323, -308, -300, -1, 0, 1, 22, 23, 100, 308, 309} {
		fmt.Printf("Pow10(%d) = %v\n", n, math.Pow10(n))
	}
	var p10 uint64
	for n := -330; n <= 320; n++ {
		p10 ^= math.Float64bits(math.Pow10(n)) * uint64(n+1000)
	}
	fmt.Printf("Pow10 checksum %016x\n", p10)
	// Modf(±Inf)'s fraction is Inf - Inf, negated for -Inf: NaNs of opposite signs.
	for _, f := range []float64{math.Inf(1), math.Inf(-1), -3.75} {
		i, frac := math.Modf(f)
		fmt.Printf("Modf(%v) = %v %x\n", f, i, math.Float64bits(frac))
	}

	// Checksums: the xor of the results' bits over 2000 arguments per function.
	for _, u := range unary {
		s := sequence{0x9E3779B97F4A7C15}
		var sum uint64
		for i := 0; i < 2000; i++ {
			scale := []float64{1, 10, 1000, 1e10}[i%4]
			sum ^= math.Float64bits(u.fn(s.next(scale))) * uint64(i+1)
		}
		fmt.Printf("%s checksum %016x\n", u.name, sum)
	}
	for _, b := range binary {
		s := sequence{0x2545F4914F6CDD1D}
		var sum uint64
		for i := 0; i < 2000; i++ {
			x, y := math.Abs(s.next(100)), s.next(20)
			sum ^= math.Float64bits(b.fn(x, y)) * uint64(i+1)
		}
		fmt.Printf("%s checksum %016x\n", b.name, sum)
	}
}
