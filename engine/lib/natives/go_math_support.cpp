// The exact operations of go_math_support.hpp.
#include "lib/natives/go_math_support.hpp"

#include <algorithm>
#include <bit>
#include <utility>

#pragma STDC FP_CONTRACT OFF

namespace gopark::lib::gomath {
namespace {

constexpr double kSmallestNormal = 0x1p-1022;

// Subnormals scaled into the normal range, and how far: Frexp and Ldexp then read the exponent
// straight from the bits.
struct Normalized {
  double value;
  std::int64_t exponent_shift;
};
Normalized normalize(double x) {
  if (abs(x) < kSmallestNormal) return {x * 0x1p52, -52};
  return {x, 0};
}

int biased_exponent(std::uint64_t bits) { return int((bits >> kFractionBits) & 0x7FF); }

}  // namespace

Fraction frexp(double x) {
  if (x == 0 || is_nan(x) || is_inf(x, 0)) return {x, 0};
  Normalized n = normalize(x);
  std::uint64_t bits = bits_of(n.value);
  std::int64_t exponent = n.exponent_shift + biased_exponent(bits) - kExponentBias + 1;
  bits = (bits & ~(std::uint64_t(0x7FF) << kFractionBits)) |
         (std::uint64_t(kExponentBias - 1) << kFractionBits);
  return {from_bits(bits), exponent};
}

double ldexp(double fraction, std::int64_t exponent) {
  if (fraction == 0 || is_nan(fraction) || is_inf(fraction, 0)) return fraction;
  // Past these bounds the answer is ±0 or ±Inf whatever the fraction; clamping keeps the sums
  // below from overflowing.
  exponent = std::clamp<std::int64_t>(exponent, -10000, 10000);
  Normalized n = normalize(fraction);
  std::uint64_t bits = bits_of(n.value);
  exponent += n.exponent_shift + biased_exponent(bits) - kExponentBias;
  if (exponent < -1075) return copy_sign(0, fraction);
  if (exponent > 1023) return infinity(fraction < 0 ? -1 : 1);
  // A subnormal result: build the value 2^53 times too large, then let one multiplication
  // round it into place.
  double scale = 1;
  if (exponent < -1022) {
    exponent += 53;
    scale = 0x1p-53;
  }
  bits = (bits & ~(std::uint64_t(0x7FF) << kFractionBits)) |
         (std::uint64_t(exponent + kExponentBias) << kFractionBits);
  return scale * from_bits(bits);
}

Split modf(double x) {
  if (x < 1) {
    if (x < 0) {
      Split positive = modf(-x);
      return {-positive.integer, -positive.fraction};
    }
    if (x == 0) return {x, x};  // keeps -0's sign in both parts
    return {0, x};
  }
  // x >= 1 (or NaN): clear the fraction bits below the binary point.
  std::uint64_t bits = bits_of(x);
  unsigned exponent = unsigned(biased_exponent(bits)) - kExponentBias;
  if (exponent < 52) bits &= ~((std::uint64_t(1) << (52 - exponent)) - 1);
  double integer = from_bits(bits);
  return {integer, x - integer};
}

double floor_of_non_negative(double x) {
  if (!(x > 0 && x < 0x1p52)) return x;  // 0, already an integer, +Inf or NaN
  return double(std::int64_t(x));
}

// Dekker's product splits a and b in halves of 26 bits (the scaling by 2^27 must not overflow)
// and multiplies the halves (the product of the low ones, about 2^-106 of a·b, must be normal):
// the bounds keep everything exact.
double fused_multiply_add_in_doubles(double a, double b, double c, double product, double sum,
                                     double error) {
  if (!exponent_within(a, 200, 1800) || !exponent_within(b, 200, 1800) ||
      !exponent_within(product, 200, 1800) || !exponent_within(sum, 100, 1900)) {
    return fused_multiply_add_in_integers(a, b, c);
  }
  // Veltkamp's split: x = high + low, each with at most 26 significant bits.
  auto split = [](double x, double& high, double& low) {
    constexpr double kSplitter = 0x1p27 + 1;
    double scaled = kSplitter * x;
    high = scaled - (scaled - x);
    low = x - high;
  };
  double a_high, a_low, b_high, b_low;
  split(a, a_high, a_low);
  split(b, b_high, b_low);
  // a·b = product + product_error, exactly.
  double product_error =
      ((a_high * b_high - product) + a_high * b_low + a_low * b_high) + a_low * b_low;
  // error + product_error rounded to odd: to nearest, then, if that was inexact and landed on
  // an even significand, one step toward the exact value, which lies between the two.
  double tail = error + product_error;
  double product_part = tail - error;
  double error_part = tail - product_part;
  double lost = (error - error_part) + (product_error - product_part);
  std::uint64_t tail_bits = bits_of(tail);
  if (lost != 0 && (tail_bits & 1) == 0) {
    bool away_from_zero = (lost > 0) == (tail > 0);
    tail = from_bits(away_from_zero ? tail_bits + 1 : tail_bits - 1);
  }
  return sum + tail;
}

// The product of the two 53-bit significands is exact in 106 bits; the addend is aligned to it
// in a 128-bit integer, with every bit shifted out folded into the lowest one (the sticky bit),
// and the exact sum is rounded once, to nearest even, into a normal or subnormal double.
//
// Why the sticky bit is enough: both operands are first shifted so that their leading bit is
// bit 125. Their lowest set bits are then at bit 20 or above (the product has at most 106
// bits), so an alignment by up to 20 loses nothing and the sum is exact. An alignment by more
// leaves the smaller operand below bit 105, so a subtraction cancels at most one leading bit:
// the rounding point stays above bit 70, far from the sticky bit at bit 0.
namespace {

using U128 = unsigned __int128;

struct Unpacked {
  bool negative;
  std::uint64_t significand;  // value = ±significand × 2^exponent
  int exponent;
};
Unpacked unpack(double x) {
  std::uint64_t bits = bits_of(x);
  bool negative = (bits & kSignBit) != 0;
  int biased = biased_exponent(bits);
  std::uint64_t fraction = bits & kFractionMask;
  if (biased == 0) return {negative, fraction, -1074};
  return {negative, fraction | (std::uint64_t(1) << kFractionBits), biased - 1075};
}

int leading_bit(U128 v) {  // v != 0
  auto high = std::uint64_t(v >> 64);
  if (high != 0) return 127 - std::countl_zero(high);
  return 63 - std::countl_zero(std::uint64_t(v));
}

struct Wide {
  U128 significand;  // value = ±significand × 2^exponent, leading bit at kLeadingBit
  int exponent;
  bool negative;
};
constexpr int kLeadingBit = 125;

Wide widen(U128 significand, int exponent, bool negative) {
  int shift = kLeadingBit - leading_bit(significand);
  return {significand << shift, exponent - shift, negative};
}

U128 shift_right_sticky(U128 v, int shift) {
  if (shift == 0) return v;
  if (shift >= 128) return v != 0 ? 1 : 0;
  U128 lost = v & ((U128(1) << shift) - 1);
  return (v >> shift) | (lost != 0 ? 1 : 0);
}

// ±significand × 2^exponent rounded to the nearest double, ties to even.
double round_to_double(U128 significand, int exponent, bool negative) {
  int top = leading_bit(significand);
  // Keep 53 bits, or fewer where the result is subnormal (its last bit is worth 2^-1074).
  int shift = std::max(top - 52, -1074 - exponent);
  std::uint64_t kept;
  if (shift <= 0) {
    kept = std::uint64_t(significand << -shift);
  } else if (shift > 127) {
    kept = 0;  // less than half the smallest subnormal
  } else {
    U128 rest = significand & ((U128(1) << shift) - 1);
    U128 half = U128(1) << (shift - 1);
    kept = std::uint64_t(significand >> shift);
    if (rest > half || (rest == half && (kept & 1) != 0)) ++kept;
    if (kept == std::uint64_t(1) << 53) {
      kept >>= 1;
      ++shift;
    }
  }
  // The exponent field of a subnormal is 0; a normal's hidden bit (bit 52 of `kept`) adds the
  // one that makes its field (exponent of the last bit) + 1075.
  std::int64_t field = std::int64_t(exponent) + shift + 1074;
  std::uint64_t sign = negative ? kSignBit : 0;
  if (kept >= (std::uint64_t(1) << 52) && field + 1 >= 2047)
    return from_bits(sign | kPositiveInfinityBits);
  return from_bits(sign | ((std::uint64_t(field) << kFractionBits) + kept));
}

}  // namespace

double fused_multiply_add_in_integers(double a, double b, double c) {
  bool factors_finite = !is_nan(a) && !is_nan(b) && !is_inf(a, 0) && !is_inf(b, 0);
  // Infinite or NaN factors, a NaN addend, a zero factor: the plain operations already give the
  // fused result (signed zeros included), since a product they round is then exact or infinite.
  if (!factors_finite || is_nan(c) || a == 0 || b == 0) return a * b + c;
  // A finite product never changes an infinite addend, though its rounding might overflow.
  if (is_inf(c, 0)) return c;
  // A zero addend leaves the product's one rounding, with the exact product's sign.
  if (c == 0) return a * b;

  Unpacked x = unpack(a), y = unpack(b), z = unpack(c);
  Wide big =
      widen(U128(x.significand) * y.significand, x.exponent + y.exponent, x.negative != y.negative);
  Wide small = widen(z.significand, z.exponent, z.negative);
  if (small.exponent > big.exponent ||
      (small.exponent == big.exponent && small.significand > big.significand)) {
    std::swap(big, small);
  }
  small.significand = shift_right_sticky(small.significand, big.exponent - small.exponent);
  U128 sum = big.negative == small.negative ? big.significand + small.significand
                                            : big.significand - small.significand;
  if (sum == 0) return 0;  // exact cancellation is +0 when rounding to nearest
  return round_to_double(sum, big.exponent, big.negative);
}

}  // namespace gopark::lib::gomath
