#pragma once
// The building blocks the go_math_*.cpp files share (go_math.hpp has the design): a float64's
// bits, Go's special values, and the exact operations Go's math package composes its functions
// of (Frexp, Ldexp, Modf, Floor, Sqrt, a fused multiply-add). Internal to the natives.
//
// Every operation here is exact or correctly rounded, so it has one right answer and no
// platform can give another: that is what lets the algorithms built on them repeat Go's bits.
#include <cstdint>
#include <cstring>

#pragma STDC FP_CONTRACT OFF

namespace gopark::lib::gomath {

inline std::uint64_t bits_of(double x) {
  std::uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}
inline double from_bits(std::uint64_t b) {
  double x;
  std::memcpy(&x, &b, sizeof x);
  return x;
}

// The layout of a float64: 1 sign bit, 11 exponent bits (biased by 1023), 52 fraction bits.
inline constexpr std::uint64_t kSignBit = std::uint64_t(1) << 63;
inline constexpr std::uint64_t kFractionMask = (std::uint64_t(1) << 52) - 1;
inline constexpr int kFractionBits = 52;
inline constexpr int kExponentBias = 1023;
inline constexpr std::uint64_t kPositiveInfinityBits = 0x7FF0000000000000;
inline constexpr std::uint64_t kNegativeInfinityBits = 0xFFF0000000000000;
// Go's math.NaN(): the quiet NaN with payload 1. The functions that return "NaN" by name
// return these bits; a NaN that arithmetic produces keeps whatever the hardware makes of it, in
// Go as here.
inline constexpr std::uint64_t kGoNaNBits = 0x7FF8000000000001;

inline double go_nan() { return from_bits(kGoNaNBits); }
inline double infinity(int sign) {
  return from_bits(sign >= 0 ? kPositiveInfinityBits : kNegativeInfinityBits);
}
inline bool is_nan(double x) { return x != x; }
// Go's IsInf(x, sign): sign > 0 asks for +Inf, sign < 0 for -Inf, 0 for either.
inline bool is_inf(double x, int sign) {
  constexpr double kMax = 0x1.fffffffffffffp+1023;
  return (sign >= 0 && x > kMax) || (sign <= 0 && x < -kMax);
}
inline double abs(double x) { return from_bits(bits_of(x) & ~kSignBit); }
inline double copy_sign(double magnitude, double sign) {
  return from_bits((bits_of(magnitude) & ~kSignBit) | (bits_of(sign) & kSignBit));
}
inline bool sign_bit(double x) { return (bits_of(x) & kSignBit) != 0; }

// IEEE 754's square root, correctly rounded: one instruction on x86-64 and in WebAssembly, as
// in Go (the files are compiled with -fno-math-errno, so no library call guards it).
inline double sqrt(double x) { return __builtin_sqrt(x); }

// Go's Frexp: x = fraction × 2^exponent with |fraction| in [½, 1); ±0, ±Inf and NaN come back
// as themselves with exponent 0. Subnormals are normalized first.
struct Fraction {
  double fraction;
  std::int64_t exponent;
};
Fraction frexp(double x);

// Go's Ldexp: fraction × 2^exponent, correctly rounded (subnormal results included).
double ldexp(double fraction, std::int64_t exponent);

// Go's Modf: x's integer part (toward zero) and the rest, both with x's sign.
struct Split {
  double integer;
  double fraction;
};
Split modf(double x);

// Go's Floor for x >= 0 (the only use: Gamma's |x|).
double floor_of_non_negative(double x);

// The integer part of x as Go's int64(x) converts it on amd64 (CVTTSD2SQ): a value out of range
// gives the "integer indefinite", -2^63, whose low bit is 0. Only the parity is ever asked for.
inline bool is_odd_integer_part(double integer) {
  constexpr double kTwo63 = 0x1p63;
  if (!(integer > -kTwo63 && integer < kTwo63)) return false;
  return (std::int64_t(integer) & 1) != 0;
}

// a × b + c with one rounding (IEEE 754's fusedMultiplyAdd): Go's Exp uses the CPU's FMA
// instruction where the CPU has one (go_math.hpp), and neither every x86-64 CPU nor
// WebAssembly has one. Computed in three tiers, each exact where it answers:
// - mostly, the plain a·b + c is already the fused result, and a cheap bound proves it: the
//   rounding error of the addition is known exactly (Knuth's TwoSum), that of the product is
//   at most 2^-53 of it, and if the two together cannot reach the midpoint between the sum and
//   a neighbour, the exact a·b + c rounds to the same sum;
// - otherwise, in the normal range, the product's error exactly (Dekker's product) and the
//   sum's (TwoSum), added with rounding to odd, then once to nearest: Boldo and Melquiond's
//   emulation ("Emulation of FMA and correctly rounded sums: proved algorithms using rounding
//   to odd", IEEE Trans. Computers 2008);
// - anything else (zeros, infinities, NaNs, subnormal or huge operands), in 128-bit integers.
double fused_multiply_add_in_doubles(double a, double b, double c, double product, double sum,
                                     double error);
double fused_multiply_add_in_integers(double a, double b, double c);

// True for |x| in [2^(low-1023), 2^(high-1023)): no exact step below meets a subnormal or an
// overflow.
inline bool exponent_within(double x, std::uint64_t low, std::uint64_t high) {
  std::uint64_t field = (bits_of(x) >> kFractionBits) & 0x7FF;
  return field >= low && field < high;
}

inline double fused_multiply_add(double a, double b, double c) {
  double product = a * b;
  double sum = product + c;
  double c_part = sum - product;
  double product_part = sum - c_part;
  double error = (product - product_part) + (c - c_part);  // sum + error == product + c
  std::uint64_t sum_bits = bits_of(sum);
  // Away from subnormals, overflow (NaNs and infinities included) and powers of two, both of
  // sum's neighbours are one ulp away, the midpoints half that.
  if (exponent_within(sum, 100, 1900) && (sum_bits & kFractionMask) != 0) {
    double half_ulp =
        from_bits((sum_bits & kPositiveInfinityBits) - (std::uint64_t(53) << kFractionBits));
    // The product's rounding error is at most 2^-53 of it, or 2^-1075 where it underflowed,
    // and the bound below is at least that. Rounding is monotonic and half_ulp a double, so if
    // the computed left side is below half_ulp the exact one is too (a NaN fails the test).
    double product_error_bound = abs(product) * 0x1p-53 + 0x1p-1074;
    if (abs(error) + product_error_bound < half_ulp) return sum;
  }
  return fused_multiply_add_in_doubles(a, b, c, product, sum, error);
}

// Exp computed with fused_multiply_add even on a CPU with FMA instructions, which exp() uses
// there: for the test that compares the two.
double exp_software(double x);

}  // namespace gopark::lib::gomath
