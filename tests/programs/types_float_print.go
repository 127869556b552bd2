// Floats: arithmetic and how fmt prints float32 and float64.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(0.1+0.2, 1.0, 2.5, 1e6, 1e20, 1e21, 1.5e-5, 0.0001, 123456789.0)
	a, b := 0.1, 0.2
	fmt.Println("0.1+0.2 =", a+b, a+b == 0.3)
	var f32 float32 = 0.1
	var g32 float32 = 0.2
	fmt.Println("float32:", f32+g32, f32*3, float64(f32))
	fmt.Println(float32(1)/3, 1.0/3.0, float32(16777216)+1)
	x := 3.0
	fmt.Println(x, x/2, -x, x*1e100)
	zero := 0.0
	fmt.Println(1/zero, -1/zero, zero/zero, math.Copysign(0, -1))
	nan := math.NaN()
	fmt.Println(nan == nan, nan < 1, math.IsNaN(nan), math.IsInf(1/zero, 1))
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32)
	fmt.Println(float32(math.MaxFloat32), float32(1e-45))

	// conversion to int truncates toward zero
	v1, v2 := 2.9, -2.9
	fmt.Println(int(v1), int(v2), int64(1e18), uint8(255.0))
	y := 7.99
	fmt.Println(int(y), int(-y), float64(int(y)))
	// integer to float
	n := 1 << 53
	fmt.Println(float64(n), float64(n+1), float32(n))

	fmt.Printf("%v %g %f %.2f %e %E %G\n", 1234.5678, 1234.5678, 1234.5678, 1234.5678, 1234.5678, 1234.5678, 1e-10)
	fmt.Printf("%6.2f|%-8.3f|%08.3f|%+.1f|% .2f\n", 3.14159, 2.71828, -1.5, 2.0, 4.0)
	fmt.Printf("%.0f %.0f %.0f %.0f\n", 0.5, 1.5, 2.5, -0.5)
	fmt.Printf("%g %g %g %g\n", 100000.0, 1e21, 1e-5, float32(0.1))
	fmt.Printf("%.3g %.10g %g\n", 1234.5678, 1.0/3, 0.000012345)
	fmt.Printf("%T %T\n", f32, x)
	fmt.Println(math.Inf(1), math.Inf(-1), -nan)
	fmt.Printf("%f %5.1f %v\n", math.Inf(1), math.NaN(), float32(2.5))
}
