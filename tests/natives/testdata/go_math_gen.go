//go:build ignore

// Generates go_math_cases.inc, the golden cases of go_math_test.cpp, from Go's math package:
//
//	go run go_math_gen.go > go_math_cases.inc
//
// Each entry: a function's name, its arguments' bits (the second 0 for one-argument functions)
// and the bits of Go's result. C++ source, so that the test needs no file access under wasm.
//
// The inputs: the special values every function meets (zeros, infinities, NaN, subnormals,
// the largest finite values, numbers next to 1 and to small integers), each function's own
// (the thresholds where its algorithm changes branch, and one ulp either side; multiples of
// π/4 and arguments past 2^29 for the trigonometric functions; Pow's special cases), then
// pseudo-random ones over several ranges: uniform near the origin, each function's natural
// domain, and every exponent from subnormal to huge. A fixed seed per function keeps the file
// stable, and adding a function leaves the others' cases as they are.
//
// -random N sets the number of random inputs per function (default 100). With a large N the
// output is the wider corpus for a local check, not for committing:
//
//	go run go_math_gen.go -random 200000 > /tmp/go_math_corpus.inc
//	GOPARK_GO_MATH_CORPUS=/tmp/go_math_corpus.inc build/native/tests/natives/natives_tests -tc='*corpus*'
//
// Go's Exp on amd64 uses the CPU's fused multiply-add when there is one (exp_amd64.s), and so
// do the functions built on it; gopark gives those results. The generator refuses to run where
// Go takes the other path (a CPU without FMA, or GODEBUG=cpu.fma=off).
package main

import (
	"flag"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand"
	"os"
	"runtime"
)

type unary struct {
	name string
	fn   func(float64) float64
	// The function's own special inputs and random ranges.
	specials []float64
	ranges   []span
}

type binary struct {
	name  string
	fn    func(float64, float64) float64
	pairs [][2]float64
	// Random arguments: each pair of ranges is drawn from together.
	ranges [][2]span
}

// A range of random inputs: uniform in [lo, hi], or, when logarithmic, magnitudes spread
// evenly over the exponents of [lo, hi] (lo > 0), with random signs unless positive.
type span struct {
	lo, hi      float64
	logarithmic bool
	positive    bool
	integer     bool // rounded to an integer
	allBits     bool // any finite float64's bit pattern
}

func uniform(lo, hi float64) span    { return span{lo: lo, hi: hi} }
func magnitudes(lo, hi float64) span { return span{lo: lo, hi: hi, logarithmic: true} }
func positive(lo, hi float64) span   { return span{lo: lo, hi: hi, logarithmic: true, positive: true} }
func integers(lo, hi float64) span   { return span{lo: lo, hi: hi, integer: true} }

// Every float64 bit pattern but NaNs and infinities: all exponents, subnormals included.
var anyFinite = span{allBits: true}

func (s span) draw(r *rand.Rand) float64 {
	switch {
	case s.allBits:
		for {
			x := math.Float64frombits(r.Uint64())
			if !math.IsNaN(x) && !math.IsInf(x, 0) {
				return x
			}
		}
	case s.logarithmic:
		x := math.Exp(math.Log(s.lo) + r.Float64()*(math.Log(s.hi)-math.Log(s.lo)))
		// Random low bits: Exp's own rounding would favour some patterns.
		x = math.Float64frombits(math.Float64bits(x) ^ uint64(r.Int63n(1<<20)))
		if !s.positive && r.Intn(2) == 0 {
			x = -x
		}
		return x
	case s.integer:
		return math.Floor(s.lo + r.Float64()*(s.hi-s.lo+1))
	}
	return s.lo + r.Float64()*(s.hi-s.lo)
}

// next returns x and its neighbours one ulp away.
func next(xs ...float64) []float64 {
	var out []float64
	for _, x := range xs {
		out = append(out, math.Nextafter(x, math.Inf(-1)), x, math.Nextafter(x, math.Inf(1)))
	}
	return out
}

// signed returns each x and -x.
func signed(xs ...float64) []float64 {
	var out []float64
	for _, x := range xs {
		out = append(out, x, -x)
	}
	return out
}

func concat(lists ...[]float64) []float64 {
	var out []float64
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

var common = concat(
	[]float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN()},
	signed(math.SmallestNonzeroFloat64, math.Float64frombits(0x000fffffffffffff), 0x1p-1022,
		math.MaxFloat64, 1e-300, 1e-20, 1e-8, 0.1, 0.25, 0.5, 0.75, 2, 3, 10, 100, 1e8, 1e20, 1e300),
	signed(next(1)...),
)

// Multiples of π/4 (and their neighbours), where the argument reduction must cancel well.
func quarterPis(n int) []float64 {
	var out []float64
	for k := 1; k <= n; k++ {
		out = append(out, next(float64(k)*math.Pi/4)...)
	}
	return out
}

// Arguments past 2^29, where Go reduces by Payne and Hanek.
var huge = concat(next(0x1p29, 0x1p30), []float64{1e9, 1e15, 1e22, 0x1p52, 0x1p63, 0x1p100, 1e100,
	0x1p1000, 1e300, 1e308, 6381956970095103 * 0x1p797, 5.319372648326541e+255, 1.2e19, 2.5e61})

var trigRanges = []span{uniform(-1, 1), uniform(-10, 10), uniform(-1e6, 1e6), magnitudes(0x1p29, 0x1p60), anyFinite}

var unaries = []unary{
	{"Sin", math.Sin, concat(quarterPis(24), signed(huge...)), trigRanges},
	{"Cos", math.Cos, concat(quarterPis(24), signed(huge...)), trigRanges},
	{"Tan", math.Tan, concat(quarterPis(24), signed(huge...), next(1e-7, 1.2e-7)), trigRanges},
	{"Asin", math.Asin, signed(next(0.7, 0.66, 0.5, 1)...), []span{uniform(-1, 1), magnitudes(1e-20, 1), uniform(0.95, 1)}},
	{"Acos", math.Acos, signed(next(0.7, 0.66, 0.5, 1)...), []span{uniform(-1, 1), magnitudes(1e-20, 1), uniform(0.95, 1)}},
	{"Atan", math.Atan, signed(next(0.66, 2.41421356237309504880, 1)...), []span{uniform(-3, 3), magnitudes(1e-10, 1e20), anyFinite}},
	{"Sinh", math.Sinh, signed(next(0.5, 21, 710, 710.5)...), []span{uniform(-1, 1), uniform(-25, 25), uniform(-720, 720), anyFinite}},
	{"Cosh", math.Cosh, signed(next(0.5, 21, 710, 710.5)...), []span{uniform(-1, 1), uniform(-25, 25), uniform(-720, 720), anyFinite}},
	{"Tanh", math.Tanh, signed(next(0.625, 0.5*8.8029691931113054295988e+01)...), []span{uniform(-1, 1), uniform(-25, 25), anyFinite}},
	{"Asinh", math.Asinh, signed(next(0x1p-28, 2, 0x1p28)...), []span{uniform(-3, 3), magnitudes(1e-10, 1e10), anyFinite}},
	{"Acosh", math.Acosh, next(1, 2, 0x1p28), []span{uniform(1, 3), positive(1, 1e10), positive(1, 1e300), anyFinite}},
	{"Atanh", math.Atanh, signed(next(0x1p-28, 0.5, 1)...), []span{uniform(-1, 1), magnitudes(1e-10, 1), uniform(0.99, 1)}},
	{"Exp", math.Exp, concat(
		next(709.782712893384, 7.09782712893383973096e+02, -745.1332191019411, -745.1332191019412, -708.3964185322641, -708.4, -744.44007192138126, 1.7, 0x1p-28),
		signed(0.34657359027997264, 0.34657359027997264*3, 1e-310)),
		[]span{uniform(-1, 1), uniform(-20, 20), uniform(-750, 710), uniform(-746, -700), anyFinite}},
	{"Exp2", math.Exp2, next(1023, 1024, -1022, -1074, -1075, 0.5, 1.0239999999999999e+03), []span{uniform(-1, 1), uniform(-60, 60), uniform(-1080, 1030), anyFinite}},
	{"Expm1", math.Expm1, signed(next(0x1p-54, 0.34657359027997264, 1.03972077083991796413e+00, 3.88162421113569373274e+01, 709.782712893384, 0.25, 20*0.6931471805599453, 56*0.6931471805599453)...),
		[]span{uniform(-1, 1), uniform(-40, 40), uniform(-50, 710), magnitudes(1e-20, 1), anyFinite}},
	{"Log", math.Log, concat(next(math.Sqrt2/2, math.Sqrt2, 2*math.Sqrt2, math.Sqrt2/4, 0.5, 2, math.E),
		[]float64{math.Float64frombits(0x3FE6A09E667F3BCD), math.Float64frombits(0x0006A09E667F3BCD), 0x1p-1040, 3e-320}),
		[]span{uniform(0, 2), positive(1e-300, 1e300), positive(0x1p-1074, 0x1p-1022), anyFinite}},
	{"Log2", math.Log2, next(0.5, 2, 8, 0x1p-1030, 0x1p1000, math.Sqrt2), []span{uniform(0, 2), positive(1e-300, 1e300), anyFinite}},
	{"Log10", math.Log10, next(10, 100, 1e10, 1e-10, 1e22, 1e300, 1e-300), []span{uniform(0, 2), positive(1e-300, 1e300), anyFinite}},
	{"Log1p", math.Log1p, concat(next(-1, 0x1p-54, 0x1p-29, 4.142135623730950488017e-01, -2.928932188134524755992e-01, 0x1p53, 0x1p-20),
		signed(next(0x1p-54, 0x1p-29)...)),
		[]span{uniform(-1, 1), magnitudes(1e-20, 1), positive(1, 1e300), anyFinite}},
	{"Cbrt", math.Cbrt, signed(next(8, 27, 1e-310, 0x1p-1022, 0x1p-1000)...), []span{uniform(-10, 10), magnitudes(1e-300, 1e300), anyFinite}},
	{"Gamma", math.Gamma, concat(
		[]float64{-1, -2, -170, -1e20, 1, 2, 3, 4, 5, 10, 20, 30, 170, 171, 171.6, 172, 1e-10, -1e-10, 1e-9, -1e-9, 0.5, -0.5, -1.5, -2.5, -33.5, -34.5, -170.5, -171.5, -180.5, -1e-300, 1e-300},
		next(33, -33, 143.01608, 200, 2, 3, -33.000001)),
		[]span{uniform(-5, 5), uniform(0, 35), uniform(-40, 40), uniform(-190, 190), integers(-50, 180), anyFinite}},
	{"Erf", math.Erf, signed(next(0x1p-28, 2.848094538889218e-306, 0.84375, 1.25, 1/0.35, 6)...),
		[]span{uniform(-1, 1), uniform(-3, 3), uniform(-7, 7), magnitudes(1e-310, 1e-10), anyFinite}},
	{"Erfc", math.Erfc, signed(next(0x1p-56, 0.25, 0.84375, 1.25, 1/0.35, 6, 28, 26.5)...),
		[]span{uniform(-1, 1), uniform(-3, 3), uniform(-7, 28), magnitudes(1e-310, 1e-10), anyFinite}},
}

// Pow's special cases: every base against every exponent of these lists.
var powBases = concat([]float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 1, -1},
	signed(0.5, 2, 3, 1e-300, 1e300, 0x1p-1074, 1.0000001))
var powExponents = concat([]float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 1},
	signed(0.5, 2, 3, 1.5, 0.3, 1e20, 0x1p63, 0x1p64, 0x1p52+1, 1e-300, 1075))

func powPairs() [][2]float64 {
	var out [][2]float64
	for _, x := range powBases {
		for _, y := range powExponents {
			out = append(out, [2]float64{x, y})
		}
	}
	// Negative bases with integer exponents, and a few large results.
	for _, p := range [][2]float64{{-2, 10}, {-2, 11}, {-3, -3}, {-1.5, 31}, {-10, 308}, {-10, 309}, {-10, -323}, {-0.5, 1074}, {-0.5, 1075},
		{10, 22}, {10, -22}, {2, -1074}, {2, -1075}, {2, 1023}, {2, 1024}, {1.0000000001, 1e12}, {0.999, 1e6}, {7, 1.0 / 3}, {1e-310, 0.5}} {
		out = append(out, p)
	}
	return out
}

var specialPairs = concat([]float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN()}, signed(1, 0.5, 1e300, math.SmallestNonzeroFloat64))

func crossPairs(xs []float64) [][2]float64 {
	var out [][2]float64
	for _, x := range xs {
		for _, y := range xs {
			out = append(out, [2]float64{x, y})
		}
	}
	return out
}

var binaries = []binary{
	{"Pow", math.Pow, powPairs(), [][2]span{
		{positive(1e-5, 1e5), uniform(-50, 50)},
		{magnitudes(1e-3, 1e3), integers(-300, 300)},
		{uniform(0, 2), uniform(-1000, 1000)},
		{positive(1e-300, 1e300), uniform(-2, 2)},
		{anyFinite, anyFinite},
	}},
	{"Atan2", math.Atan2, crossPairs(specialPairs), [][2]span{
		{uniform(-1, 1), uniform(-1, 1)},
		{uniform(-100, 100), magnitudes(1e-5, 1e5)},
		{anyFinite, anyFinite},
	}},
	{"Hypot", math.Hypot, crossPairs(specialPairs), [][2]span{
		{uniform(-10, 10), uniform(-10, 10)},
		{magnitudes(1e-300, 1e300), magnitudes(1e-300, 1e300)},
		{anyFinite, anyFinite},
	}},
}

func seed(name string) int64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return int64(h.Sum64() >> 1)
}

func entry(name string, x, y, want float64) {
	fmt.Printf("{\"%s\", 0x%016x, 0x%016x, 0x%016x},\n", name, math.Float64bits(x), math.Float64bits(y), math.Float64bits(want))
}

func main() {
	random := flag.Int("random", 100, "random inputs per function")
	flag.Parse()
	// exp_amd64.s's FMA path gives this, its other path one ulp less.
	if math.Float64bits(math.Exp(1.7)) != 0x4015e552770df8a7 {
		fmt.Fprintln(os.Stderr, "go_math_gen: Go's Exp is not taking its FMA path on this machine; gopark repeats that path")
		os.Exit(1)
	}
	fmt.Printf("// Generated by go_math_gen.go (%s %s/%s, -random %d). Do not edit.\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, *random)
	for _, u := range unaries {
		for _, x := range concat(common, u.specials) {
			entry(u.name, x, 0, u.fn(x))
		}
		r := rand.New(rand.NewSource(seed(u.name)))
		for i := 0; i < *random; i++ {
			x := u.ranges[i%len(u.ranges)].draw(r)
			entry(u.name, x, 0, u.fn(x))
		}
	}
	for _, b := range binaries {
		for _, p := range b.pairs {
			entry(b.name, p[0], p[1], b.fn(p[0], p[1]))
		}
		r := rand.New(rand.NewSource(seed(b.name)))
		for i := 0; i < *random; i++ {
			s := b.ranges[i%len(b.ranges)]
			x, y := s[0].draw(r), s[1].draw(r)
			entry(b.name, x, y, b.fn(x, y))
		}
	}
}
