// The math package: constants and common functions.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Sqrt(2), math.Sqrt(16), math.Sqrt(-1))
	fmt.Println(math.Pow(2, 10), math.Pow(2, 0.5), math.Pow(0, -1), math.Pow(-8, 1.0/3))
	fmt.Println(math.Abs(-3.2), math.Floor(-2.5), math.Ceil(-2.5), math.Trunc(-2.7), math.Round(-2.5), math.Round(2.5), math.RoundToEven(2.5))
	fmt.Println(math.Max(3, 7), math.Min(3, 7), math.Max(math.NaN(), 1), math.Min(-0.0, 0))
	fmt.Println(math.Mod(7, 3), math.Mod(-7, 3), math.Remainder(7, 3))
	fmt.Println(math.Inf(1) > math.MaxFloat64, math.IsInf(math.Inf(-1), -1), math.IsNaN(math.NaN()))
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxUint32, math.MaxInt8)
	fmt.Printf("%.6f %.6f %.6f\n", math.Pi, math.E, math.Sqrt2)
	fmt.Printf("%.6f %.6f %.6f %.6f\n", math.Sin(math.Pi/6), math.Cos(0), math.Tan(math.Pi/4), math.Atan2(1, 1))
	fmt.Printf("%.6f %.6f %.6f %.6f\n", math.Log(math.E), math.Log2(1024), math.Log10(0.001), math.Exp(1))
	fmt.Printf("%.6f %.6f\n", math.Hypot(3, 4), math.Cbrt(27))
	frac, exp := math.Frexp(8)
	intPart, fracPart := math.Modf(3.75)
	fmt.Println(frac, exp, intPart, fracPart)
	fmt.Println(math.Signbit(-0.0), math.Signbit(math.Copysign(0, -1)), math.Copysign(3, -1))
	fmt.Println(math.Float64bits(1.0), math.Float64frombits(0x4000000000000000), math.Float32bits(1))
	fmt.Println(math.MaxInt, math.MinInt, math.MaxUint16)
	var x float64 = 10
	fmt.Println(math.Floor(x/3), int(math.Ceil(x/3)), math.Trunc(1e300))
	fmt.Println(math.Dim(5, 3), math.Dim(3, 5), math.Log(0), math.Log(-1))
}
