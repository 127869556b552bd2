#pragma once
// Go's math functions, computed as Go 1.19 computes them on linux/amd64, to the last bit.
//
// Why not the C library. std::sin and friends are accurate but not specified to the bit: glibc
// (the native build) and musl (Emscripten's, the web build) round differently in the last
// place, and both differ from Go, whose math package has algorithms of its own (Cephes and
// FreeBSD msun, plus a few amd64 assembly routines). A Go program printing math.Sin(x) would
// then print other digits under gopark than under `go run`, and a simulated run would not be
// the same bytes in the browser as on the desktop, which sim mode promises (HACKING.md).
//
// What is done instead. Each function here follows the algorithm that Go 1.19 runs on amd64,
// operation for operation, in the order Go's compiler evaluates it, with the same constants:
// - most are Go's portable Go code (src/math/*.go): the trigonometric functions (with the
//   Payne-Hanek reduction of trig_reduce.go above 2^29), Asin/Acos/Atan/Atan2, the hyperbolic
//   ones, Exp2, Expm1, Log1p, Pow, Cbrt, Gamma, Erf, Erfc;
// - three have amd64 assembly that computes differently, and it is that which runs: Exp
//   (exp_amd64.s: a Taylor series of x/16 squared four times; on a CPU with FMA, which is every
//   amd64 CPU since 2013 and the one Go's results were recorded on, with fused multiply-adds),
//   Log (log_amd64.s: FreeBSD's polynomial, but its Frexp neither normalizes subnormals nor
//   keeps the strict "<" of log.go) and Hypot (hypot_amd64.s). Log2, Log10, Pow, the
//   hyperbolic functions, Gamma, Erf and Erfc call Exp or Log, and inherit their answers.
// Sqrt, Floor, Ceil, Trunc, Mod, Remainder, Frexp, Ldexp and the roundings are exact in IEEE
// 754 and in Go alike; math_natives.cpp keeps the C library's versions of them (giving Mod and
// Remainder Go's NaN). Pow10 and Modf are Go source in engine/lib/go/math.go.
//
// The rules that make the bits repeatable:
// - Only IEEE 754 double operations, each correctly rounded (+ - × ÷ sqrt, conversions, and
//   fused multiply-add), no long double and no library calls: every platform must give the
//   same answer to each operation. The fused multiply-add (go_math_support.hpp) is the CPU's
//   instruction on x86-64 CPUs that have one and an exact emulation everywhere else (older
//   CPUs, WebAssembly): IEEE 754 defines one result, and the tests compare the two.
// - No contraction of a × b + c into one fused operation (Go for GOAMD64=v1 does not contract
//   either): the files are compiled with -ffp-contract=off and say `STDC FP_CONTRACT OFF`.
// - Go's untyped constant expressions (4/Pi, 1/Ln10, 3*Pi/4 ...) are evaluated exactly and
//   rounded once; they are written here as the hexadecimal doubles Go's compiler makes of them.
//   Decimal literals need nothing: C++ and Go both round them to the nearest double.
// - Go's precedence is not C++'s (in Go `a & b + c` is `(a & b) + c`, and `<<` binds tighter
//   than `+`): every mixed integer expression carries its parentheses.
// - Where Go's result depends on amd64 behaviour C++ leaves undefined (a shift by 64 or more
//   gives 0; converting an out-of-range float to an integer gives -2^63), it is spelled out.
// - NaN results: a function that returns NaN by name returns Go's math.NaN() (payload 1); a NaN
//   that arithmetic makes or propagates is whatever the hardware makes of it, in Go as here.
//
// Speed: the algorithms are Go's, and so is their cost: natively each function takes about as
// long as Go's own. Most are within 2x of glibc's; Pow is about 4x (Go's is Exp(yf·Log(x)) and
// a loop of squarings, some 50 ns where glibc takes 12). Exp with the emulated fused
// multiply-add (the web build's path) takes about 50 ns, 5x the instruction's.
//
// Verified by tests/natives/go_math_test.cpp against results recorded from Go
// (tests/natives/testdata/go_math_gen.go); the same test, pointed at a larger corpus from the
// same generator, checks hundreds of thousands of inputs per function.
//
// Rejected: translating Go's math package to Go source in engine/lib/go. Bit-exact as well,
// but each call would run a few hundred VM instructions where a native runs a few dozen
// machine ones. Also rejected: Exp's other path, the one without FMA. Go takes it only on CPUs
// from before 2013 (or with GODEBUG=cpu.fma=off), where its results differ from the FMA path's
// in the last bit for about 9% of arguments; there is one answer to give, and it is the one
// nearly every amd64 machine gives.
namespace gopark::lib::gomath {

double sin(double x);
double cos(double x);
double tan(double x);
double asin(double x);
double acos(double x);
double atan(double x);
double atan2(double y, double x);

double sinh(double x);
double cosh(double x);
double tanh(double x);
double asinh(double x);
double acosh(double x);
double atanh(double x);

double exp(double x);
double exp2(double x);
double expm1(double x);
double log(double x);
double log2(double x);
double log10(double x);
double log1p(double x);
double pow(double x, double y);
double cbrt(double x);
double hypot(double p, double q);

double gamma(double x);
double erf(double x);
double erfc(double x);

}  // namespace gopark::lib::gomath
