// The circular functions as Go 1.19 computes them (go_math.hpp): Sin, Cos and Tan after
// Cephes (sin.go, tan.go), with arguments reduced modulo π/4 either by a three-part π/4 or,
// from 2^29 up, by Payne and Hanek's method (trig_reduce.go); Asin, Acos and Atan through
// Cephes' rational arctangent (asin.go, atan.go); Atan2's special cases (atan2.go).
#include <bit>

#include "lib/natives/go_math.hpp"
#include "lib/natives/go_math_support.hpp"

#pragma STDC FP_CONTRACT OFF

namespace gopark::lib::gomath {
namespace {

// Go's constant expressions, rounded once (go_math.hpp).
constexpr double kPi = 0x1.921fb54442d18p+1;
constexpr double kHalfPi = 0x1.921fb54442d18p+0;          // Pi/2
constexpr double kQuarterPi = 0x1.921fb54442d18p-1;       // Pi/4
constexpr double kThreeQuarterPi = 0x1.2d97c7f3321d2p+1;  // 3*Pi/4
constexpr double kFourOverPi = 0x1.45f306dc9c883p+0;      // 4/Pi

// π/4 in three parts, the first two short enough that multiplying them by an octant number
// below 2^29 is exact, so x - j·π/4 keeps about 60 extra bits.
constexpr double kQuarterPiA = 7.85398125648498535156e-1;
constexpr double kQuarterPiB = 3.77489470793079817668e-8;
constexpr double kQuarterPiC = 2.69515142907905952645e-15;

// Above this the three-part reduction loses bits: Payne-Hanek takes over.
constexpr double kReduceThreshold = 0x1p29;

// The polynomials on [-π/4, π/4], highest coefficient first.
constexpr double kSin[] = {1.58962301576546568060e-10, -2.50507477628578072866e-8,
                           2.75573136213857245213e-6,  -1.98412698295895385996e-4,
                           8.33333333332211858878e-3,  -1.66666666666666307295e-1};
constexpr double kCos[] = {-1.13585365213876817300e-11, 2.08757008419747316778e-9,
                           -2.75573141792967388112e-7,  2.48015872888517045348e-5,
                           -1.38888888888730564116e-3,  4.16666666666665929218e-2};
constexpr double kTanP[] = {-1.30936939181383777646e4, 1.15351664838587416140e6,
                            -1.79565251976484877988e7};
constexpr double kTanQ[] = {1.36812963470692954678e4, -1.32089234440210967447e6,
                            2.50083801823357915839e7, -5.38695755929454629881e7};

// 4/π in binary: its integer part, 1, in the first word, then 1216 bits of its fraction, enough
// for the window of 192 bits that any exponent up to 1023 selects.
constexpr std::uint64_t kFourOverPiBits[] = {
    0x0000000000000001, 0x45f306dc9c882a53, 0xf84eafa3ea69bb81, 0xb6c52b3278872083,
    0xfca2c757bd778ac3, 0x6e48dc74849ba5c0, 0x0c925dd413a32439, 0xfc3bd63962534e7d,
    0xd1046bea5d768909, 0xd338e04d68befc82, 0x7323ac7306a673e9, 0x3908bf177bf25076,
    0x3ff12fffbc0b301f, 0xde5e2316b414da3e, 0xda6cfd9e4f96136e, 0x9e8c7ecd3cbfd45a,
    0xea4f758fd7cbe2f6, 0x7a0e73ef14a525d4, 0xd7f6bf623f1aba10, 0xac06608df8f6d757,
};

// Go's shifts: by 64 or more, everything is shifted out.
std::uint64_t shift_left(std::uint64_t v, unsigned n) { return n >= 64 ? 0 : v << n; }
std::uint64_t shift_right(std::uint64_t v, unsigned n) { return n >= 64 ? 0 : v >> n; }

struct Product128 {
  std::uint64_t high, low;
};
Product128 multiply(std::uint64_t a, std::uint64_t b) {
  unsigned __int128 p = (unsigned __int128)a * b;
  return {std::uint64_t(p >> 64), std::uint64_t(p)};
}

// x (> 0) as an octant number and a remainder: x = octant·π/4 + z with |z| <= π/4, the octant
// even (odd ones are folded onto the next even one, z becoming negative).
struct Reduced {
  std::uint64_t octant;
  double z;
};

// Payne-Hanek: x's 53-bit significand times the 192 bits of 4/π that matter at x's exponent
// gives x·4/π modulo 8 with the fraction to 125 bits; the three top bits are the octant.
Reduced reduce_large(double x) {
  if (x < kQuarterPi) return {0, x};
  std::uint64_t bits = bits_of(x);
  int exponent = int((bits >> kFractionBits) & 0x7FF) - kExponentBias - kFractionBits;
  std::uint64_t significand = (bits & kFractionMask) | (std::uint64_t(1) << kFractionBits);
  unsigned word = unsigned(exponent + 61) / 64, shift = unsigned(exponent + 61) % 64;
  const std::uint64_t* p = kFourOverPiBits;
  std::uint64_t z0 = shift_left(p[word], shift) | shift_right(p[word + 1], 64 - shift);
  std::uint64_t z1 = shift_left(p[word + 1], shift) | shift_right(p[word + 2], 64 - shift);
  std::uint64_t z2 = shift_left(p[word + 2], shift) | shift_right(p[word + 3], 64 - shift);
  std::uint64_t z2_high = multiply(z2, significand).high;
  Product128 z1_product = multiply(z1, significand);
  std::uint64_t z0_low = z0 * significand;
  std::uint64_t low = z1_product.low + z2_high;
  std::uint64_t carry = low < z1_product.low ? 1 : 0;
  std::uint64_t high = z0_low + z1_product.high + carry;

  std::uint64_t octant = high >> 61;
  high = (high << 3) | (low >> 61);
  // The fraction, as a double in [0, 1): normalize by hand.
  unsigned leading_zeros = unsigned(std::countl_zero(high));
  std::uint64_t biased = std::uint64_t(kExponentBias) - (leading_zeros + 1);
  high = shift_left(high, leading_zeros + 1) | shift_right(low, 64 - (leading_zeros + 1));
  high >>= 64 - kFractionBits;
  high |= biased << kFractionBits;
  double z = from_bits(high);
  if ((octant & 1) == 1) {
    octant = (octant + 1) & 7;
    z -= 1;
  }
  return {octant, z * kQuarterPi};
}

Reduced reduce(double x) {
  if (x >= kReduceThreshold) return reduce_large(x);
  std::uint64_t octant = std::uint64_t(x * kFourOverPi);
  double y = double(octant);
  if ((octant & 1) == 1) {
    ++octant;
    y += 1;
  }
  double z = ((x - y * kQuarterPiA) - y * kQuarterPiB) - y * kQuarterPiC;
  return {octant, z};
}

// Sin and Cos on [-π/4, π/4], given z and z².
double sin_kernel(double z, double zz) {
  const double* s = kSin;
  return z + z * zz * (((((s[0] * zz + s[1]) * zz + s[2]) * zz + s[3]) * zz + s[4]) * zz + s[5]);
}
double cos_kernel(double zz) {
  const double* c = kCos;
  return 1.0 - 0.5 * zz +
         zz * zz * (((((c[0] * zz + c[1]) * zz + c[2]) * zz + c[3]) * zz + c[4]) * zz + c[5]);
}

}  // namespace

double sin(double x) {
  if (x == 0 || is_nan(x)) return x;
  if (is_inf(x, 0)) return go_nan();
  bool negative = false;
  if (x < 0) {
    x = -x;
    negative = true;
  }
  Reduced r = reduce(x);
  // The small reduction's octant still counts whole turns; the large one's is already mod 8.
  std::uint64_t octant = x >= kReduceThreshold ? r.octant : r.octant & 7;
  if (octant > 3) {
    negative = !negative;
    octant -= 4;
  }
  double zz = r.z * r.z;
  double y = (octant == 1 || octant == 2) ? cos_kernel(zz) : sin_kernel(r.z, zz);
  return negative ? -y : y;
}

double cos(double x) {
  if (is_nan(x) || is_inf(x, 0)) return go_nan();
  x = abs(x);
  Reduced r = reduce(x);
  std::uint64_t octant = x >= kReduceThreshold ? r.octant : r.octant & 7;
  bool negative = false;
  if (octant > 3) {
    octant -= 4;
    negative = !negative;
  }
  if (octant > 1) negative = !negative;
  double zz = r.z * r.z;
  double y = (octant == 1 || octant == 2) ? sin_kernel(r.z, zz) : cos_kernel(zz);
  return negative ? -y : y;
}

double tan(double x) {
  if (x == 0 || is_nan(x)) return x;
  if (is_inf(x, 0)) return go_nan();
  bool negative = false;
  if (x < 0) {
    x = -x;
    negative = true;
  }
  Reduced r = reduce(x);  // only the octant's bit 1 matters: no need to take it mod 8
  double z = r.z, zz = z * z, y = z;
  if (zz > 1e-14) {
    const double *p = kTanP, *q = kTanQ;
    double numerator = zz * ((p[0] * zz + p[1]) * zz + p[2]);
    double denominator = (((zz + q[0]) * zz + q[1]) * zz + q[2]) * zz + q[3];
    y = z + z * (numerator / denominator);
  }
  if ((r.octant & 2) == 2) y = -1 / y;
  return negative ? -y : y;
}

// ---- inverse functions ----
namespace {

// Arctangent on [0, 0.66]: x + x·z·P(z)/Q(z), z = x².
double arctangent_kernel(double x) {
  constexpr double P0 = -8.750608600031904122785e-01, P1 = -1.615753718733365076637e+01,
                   P2 = -7.500855792314704667340e+01, P3 = -1.228866684490136173410e+02,
                   P4 = -6.485021904942025371773e+01;
  constexpr double Q0 = +2.485846490142306297962e+01, Q1 = +1.650270098316988542046e+02,
                   Q2 = +4.328810604912902668951e+02, Q3 = +4.853903996359136964868e+02,
                   Q4 = +1.945506571482613964425e+02;
  double z = x * x;
  z = z * ((((P0 * z + P1) * z + P2) * z + P3) * z + P4) /
      (((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4);
  return x * z + x;
}

// Arctangent of x >= 0, reduced to the kernel's range through tan(π/4 ± a) and tan(π/2 - a).
double arctangent_non_negative(double x) {
  constexpr double kMoreBits = 6.123233995736765886130e-17;  // π/2 = kHalfPi + kMoreBits
  constexpr double kHalfMoreBits = 0x1.1a62633145c07p-55;    // 0.5*Morebits
  constexpr double kTanThreePiOver8 = 2.41421356237309504880;
  if (x <= 0.66) return arctangent_kernel(x);
  if (x > kTanThreePiOver8) return kHalfPi - arctangent_kernel(1 / x) + kMoreBits;
  return kQuarterPi + arctangent_kernel((x - 1) / (x + 1)) + kHalfMoreBits;
}

}  // namespace

double asin(double x) {
  if (x == 0) return x;
  bool negative = false;
  if (x < 0) {
    x = -x;
    negative = true;
  }
  if (x > 1) return go_nan();
  double t = sqrt(1 - x * x);
  t = x > 0.7 ? kHalfPi - arctangent_non_negative(t / x) : arctangent_non_negative(x / t);
  return negative ? -t : t;
}

double acos(double x) { return kHalfPi - asin(x); }

double atan(double x) {
  if (x == 0) return x;
  if (x > 0) return arctangent_non_negative(x);
  return -arctangent_non_negative(-x);
}

double atan2(double y, double x) {
  if (is_nan(y) || is_nan(x)) return go_nan();
  if (y == 0) {
    if (x >= 0 && !sign_bit(x)) return copy_sign(0, y);
    return copy_sign(kPi, y);
  }
  if (x == 0) return copy_sign(kHalfPi, y);
  if (is_inf(x, 0)) {
    if (is_inf(x, 1)) return is_inf(y, 0) ? copy_sign(kQuarterPi, y) : copy_sign(0, y);
    return is_inf(y, 0) ? copy_sign(kThreeQuarterPi, y) : copy_sign(kPi, y);
  }
  if (is_inf(y, 0)) return copy_sign(kHalfPi, y);
  double q = atan(y / x);
  if (x < 0) return q <= 0 ? q + kPi : q - kPi;
  return q;
}

}  // namespace gopark::lib::gomath
