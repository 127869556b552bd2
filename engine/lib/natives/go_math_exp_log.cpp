// Exponentials, logarithms, powers and roots as Go 1.19 computes them on amd64 (go_math.hpp):
// Exp and Log follow Go's amd64 assembly (exp_amd64.s, log_amd64.s), Hypot hypot_amd64.s; the
// rest Go's portable code (exp.go's Exp2, expm1.go, log10.go, log1p.go, pow.go, cbrt.go).
#include <cstdint>

#include "lib/natives/go_math.hpp"
#include "lib/natives/go_math_support.hpp"

#pragma STDC FP_CONTRACT OFF

namespace gopark::lib::gomath {
namespace {

// ln 2 split so that k·kLn2High is exact for the k an exponential meets (FreeBSD's split).
constexpr double kLn2High = 6.93147180369123816490e-01;
constexpr double kLn2Low = 1.90821492927058770002e-10;

constexpr double kOneOverLn2 = 0x1.71547652b82fep+0;   // 1/Ln2
constexpr double kOneOverLn10 = 0x1.bcb7b1526e50ep-2;  // 1/Ln10

}  // namespace

// ---- Exp: exp_amd64.s ----
//
// k = round(x·log2 e); r = x - k·ln2, in two fused steps; e^(r/16) - 1 by its Taylor series to
// the 8th power; four squarings of (1 + that), written as y·(y + 2) to keep the small y exact;
// then the power of two. The CPU's FMA instructions (used when the CPU has them) round once
// where separate operations would round twice; fused_multiply_add gives their results.
//
// The assembly's quirks are kept: its overflow test lets through x up to 709.782712893384,
// whose k may still be 1024, which it then turns into +Inf; k comes from CVTSD2SL, which rounds
// to nearest even; a subnormal result is scaled in two multiplications.
namespace {

constexpr double kExpOverflow = 7.09782712893384e+02;
constexpr double kLog2E = 1.4426950408889634073599246810018920;
constexpr double kLn2Upper = 0.69314718055966295651160180568695068359375;
constexpr double kLn2Lower = 0.28235290563031577122588448175013436025525412068e-12;
// 1/n! for n = 8 down to 3, then 1/2 and 1.
constexpr double kExpTaylor[] = {2.4801587301587301587e-5,
                                 1.9841269841269841270e-4,
                                 1.3888888888888888889e-3,
                                 8.3333333333333333333e-3,
                                 4.1666666666666666667e-2,
                                 1.6666666666666666667e-1,
                                 0.5,
                                 1.0};

// CVTSD2SL for the t an exponential meets, |t| < 2^51: round half to even, by adding and
// taking away 1.5·2^52, which leaves no fraction bits.
std::int64_t round_half_even(double t) {
  constexpr double kShifter = 0x1.8p52;
  return std::int64_t((t + kShifter) - kShifter);
}

// e^(x - k·ln2), |x - k·ln2| <= ln2/2, with the fused multiply-adds of Fma.
template <class Fma>
double exp_reduced(double x, double k) {
  double r = x;
  if (k != 0) {  // with k = 0 both steps would give x back exactly
    r = Fma::apply(-kLn2Upper, k, r);
    r = Fma::apply(-kLn2Lower, k, r);
  }
  r *= 0.0625;
  double p = kExpTaylor[0];
  for (int i = 1; i < 8; ++i) p = Fma::apply(p, r, kExpTaylor[i]);
  double y = p * r;  // e^(r/16) - 1
  for (int i = 0; i < 3; ++i) y = y * (y + 2.0);
  return Fma::apply(y + 2.0, y, 1.0);  // the fourth squaring, plus the 1
}

struct SoftwareFma {
  static double apply(double a, double b, double c) { return fused_multiply_add(a, b, c); }
};

#if defined(__x86_64__)
// Where the CPU has FMA, its instruction: IEEE 754 defines the result, so these are
// fused_multiply_add's bits (go_math_test.cpp compares them), several times faster.
struct HardwareFma {
  [[gnu::target("fma")]] static double apply(double a, double b, double c) {
    return __builtin_fma(a, b, c);
  }
};
[[gnu::target("fma")]] double exp_reduced_hardware(double x, double k) {
  return exp_reduced<HardwareFma>(x, k);
}
bool cpu_has_fma() {
  // As Go's test (useFMA): FMA is encoded as an AVX instruction, usable only where AVX is.
  static const bool has = __builtin_cpu_supports("avx") && __builtin_cpu_supports("fma");
  return has;
}
#endif

// Exp, given e^(x - k·ln2) computed by reduced(x, k).
template <double (*reduced)(double, double)>
double exp_with(double x) {
  std::uint64_t bits = bits_of(x);
  if ((bits & ~kSignBit) >= kPositiveInfinityBits) {
    return bits == kNegativeInfinityBits ? 0 : x;  // NaN and +Inf come back as they are
  }
  if (x > kExpOverflow) return infinity(1);
  double t = kLog2E * x;
  // Below this k < -1075 (or out of int32's range), and the assembly returns 0 whatever it
  // computed meanwhile.
  if (t < -1100) return 0;
  std::int64_t k = round_half_even(t);
  double y = reduced(x, double(k));

  std::int64_t biased = k + kExponentBias;
  if (biased <= 0) {
    if (biased < -52) return 0;
    y *= from_bits(std::uint64_t(biased + 0x3FE) << kFractionBits);
    biased = 1;
  } else if (biased >= 0x7FF) {
    return infinity(1);
  }
  return y * from_bits(std::uint64_t(biased) << kFractionBits);
}

}  // namespace

double exp_software(double x) { return exp_with<exp_reduced<SoftwareFma>>(x); }

double exp(double x) {
#if defined(__x86_64__)
  if (cpu_has_fma()) return exp_with<exp_reduced_hardware>(x);
#endif
  return exp_software(x);
}

// ---- Exp2: exp.go (no assembly on amd64) ----
namespace {

// e^(hi - lo) · 2^k, |hi - lo| <= ln2/2, by FreeBSD's rational approximation.
double exp_multiply(double hi, double lo, std::int64_t k) {
  constexpr double P1 = 1.66666666666666657415e-01, P2 = -2.77777777770155933842e-03,
                   P3 = 6.61375632143793436117e-05, P4 = -1.65339022054652515390e-06,
                   P5 = 4.13813679705723846039e-08;
  double r = hi - lo;
  double t = r * r;
  double c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  double y = 1 - ((lo - (r * c) / (2 - c)) - hi);
  return ldexp(y, k);
}

}  // namespace

double exp2(double x) {
  constexpr double kOverflow = 1.0239999999999999e+03;
  constexpr double kUnderflow = -1.0740e+03;
  if (is_nan(x) || is_inf(x, 1)) return x;
  if (is_inf(x, -1)) return 0;
  if (x > kOverflow) return infinity(1);
  if (x < kUnderflow) return 0;
  std::int64_t k = 0;
  if (x > 0) k = std::int64_t(x + 0.5);
  if (x < 0) k = std::int64_t(x - 0.5);
  double t = x - double(k);
  return exp_multiply(t * kLn2High, -t * kLn2Low, k);
}

// ---- Expm1: expm1.go ----
double expm1(double x) {
  constexpr double kOverflowThreshold = 7.09782712893383973096e+02;
  constexpr double kLn2Times56 = 3.88162421113569373274e+01;
  constexpr double kLn2TimesThreeHalves = 1.03972077083991796413e+00;
  constexpr double kLn2Half = 3.46573590279972654709e-01;
  constexpr double kInverseLn2 = 1.44269504088896338700e+00;
  constexpr double kTiny = 0x1p-54;
  constexpr double Q1 = -3.33333333333331316428e-02, Q2 = 1.58730158725481460165e-03,
                   Q3 = -7.93650757867487942473e-05, Q4 = 4.00821782732936239552e-06,
                   Q5 = -2.01099218183624371326e-07;
  if (is_inf(x, 1) || is_nan(x)) return x;
  if (is_inf(x, -1)) return -1;
  double magnitude = x;
  bool negative = false;
  if (x < 0) {
    magnitude = -magnitude;
    negative = true;
  }
  if (magnitude >= kLn2Times56) {
    if (negative) return -1;
    if (magnitude >= kOverflowThreshold) return infinity(1);
  }

  // Reduce: x = k·ln2 + (hi - lo), the rounding of hi - lo kept in c.
  double c = 0;
  std::int64_t k = 0;
  if (magnitude > kLn2Half) {
    double hi, lo;
    if (magnitude < kLn2TimesThreeHalves) {
      if (!negative) {
        hi = x - kLn2High;
        lo = kLn2Low;
        k = 1;
      } else {
        hi = x + kLn2High;
        lo = -kLn2Low;
        k = -1;
      }
    } else {
      k = std::int64_t(negative ? kInverseLn2 * x - 0.5 : kInverseLn2 * x + 0.5);
      double t = double(k);
      hi = x - t * kLn2High;
      lo = t * kLn2Low;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (magnitude < kTiny) {
    return x;
  }

  double half_x = 0.5 * x;
  double hxs = x * half_x;
  double r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  double t = 3 - r1 * half_x;
  double e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k == 0) return x - (x * e - hxs);
  e = (x * (e - c) - c);
  e -= hxs;
  if (k == -1) return 0.5 * (x - e) - 0.5;
  if (k == 1) {
    if (x < -0.25) return -2 * (e - (x + 0.5));
    return 1 + 2 * (x - e);
  }
  // Adding k to the exponent field scales by 2^k (the result is normal for these k).
  auto scale = [k](double y) { return from_bits(bits_of(y) + (std::uint64_t(k) << 52)); };
  if (k <= -2 || k > 56) return scale(1 - (e - x)) - 1;
  if (k < 20) {
    double one_minus = from_bits(0x3ff0000000000000 - (0x20000000000000 >> k));  // 1 - 2^-k
    return scale(one_minus - (e - x));
  }
  double y = x - (e + from_bits(std::uint64_t(0x3ff - k) << 52));  // 2^-k
  y += 1;
  return scale(y);
}

// ---- Log: log_amd64.s ----
//
// FreeBSD's log: x = 2^k·f, f in (√2/2, √2], log(f) by a polynomial in s = (f-1)/(f+1). The
// assembly's split differs from Frexp: it reads the exponent field as it is (a subnormal gets
// k = -1022 and a fraction without its leading 1), and moves f <= √2/2, not f < √2/2, up.
double log(double x) {
  constexpr double kHalfSqrt2 = 7.07106781186547524401e-01;
  constexpr double L1 = 6.666666666666735130e-01, L2 = 3.999999999940941908e-01,
                   L3 = 2.857142874366239149e-01, L4 = 2.222219843214978396e-01,
                   L5 = 1.818357216161805012e-01, L6 = 1.531383769920937332e-01,
                   L7 = 1.479819860511658591e-01;
  std::uint64_t bits = bits_of(x);
  if ((bits & ~kSignBit) == 0) return infinity(-1);
  if ((bits & kSignBit) != 0) return go_nan();  // negative NaNs too
  if (bits >= kPositiveInfinityBits) return x;
  double f1 = from_bits((bits & kFractionMask) | 0x3FE0000000000000);
  double k = double(int(bits >> kFractionBits) - 0x3FE);
  if (f1 <= kHalfSqrt2) {
    k -= 1;
    f1 *= 2;
  }
  double f = f1 - 1;
  double s = f / (2.0 + f);
  double s2 = s * s;
  double s4 = s2 * s2;
  double t1 = s2 * (((L7 * s4 + L5) * s4 + L3) * s4 + L1);
  double t2 = s4 * ((L6 * s4 + L4) * s4 + L2);
  double big_r = t1 + t2;
  double hfsq = 0.5 * f * f;
  return k * kLn2High - ((hfsq - (s * (hfsq + big_r) + k * kLn2Low)) - f);
}

// ---- Log10, Log2: log10.go, on Log ----
double log10(double x) { return log(x) * kOneOverLn10; }

double log2(double x) {
  Fraction f = frexp(x);
  // Exact powers of two come out exact.
  if (f.fraction == 0.5) return double(f.exponent - 1);
  return log(f.fraction) * kOneOverLn2 + double(f.exponent);
}

// ---- Log1p: log1p.go ----
double log1p(double x) {
  constexpr double kSqrt2MinusOne = 4.142135623730950488017e-01;
  constexpr double kHalfSqrt2MinusOne = -2.928932188134524755992e-01;
  constexpr double kSmall = 0x1p-29;
  constexpr double kTiny = 0x1p-54;
  constexpr double kTwo53 = 0x1p53;
  constexpr double Lp1 = 6.666666666666735130e-01, Lp2 = 3.999999999940941908e-01,
                   Lp3 = 2.857142874366239149e-01, Lp4 = 2.222219843214978396e-01,
                   Lp5 = 1.818357216161805012e-01, Lp6 = 1.531383769920937332e-01,
                   Lp7 = 1.479819860511658591e-01;
  if (x < -1 || is_nan(x)) return go_nan();
  if (x == -1) return infinity(-1);
  if (is_inf(x, 1)) return infinity(1);

  double magnitude = abs(x);
  double f = 0;
  std::uint64_t iu = 0;
  std::int64_t k = 1;
  if (magnitude < kSqrt2MinusOne) {
    if (magnitude < kSmall) {
      if (magnitude < kTiny) return x;
      return x - x * x * 0.5;
    }
    if (x > kHalfSqrt2MinusOne) {  // 1 + x in (√2/2, √2): no reduction
      k = 0;
      f = x;
      iu = 1;
    }
  }
  // Otherwise 1 + x = 2^k·u with u in [√2/2, √2), and c the rounding error of 1 + x over u.
  double c = 0;
  if (k != 0) {
    double u;
    if (magnitude < kTwo53) {
      u = 1.0 + x;
      iu = bits_of(u);
      k = std::int64_t(iu >> 52) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
      c /= u;
    } else {
      u = x;
      iu = bits_of(u);
      k = std::int64_t(iu >> 52) - 1023;
      c = 0;
    }
    iu &= 0x000fffffffffffff;
    if (iu < 0x0006a09e667f3bcd) {  // the fraction of √2
      u = from_bits(iu | 0x3ff0000000000000);
    } else {
      ++k;
      u = from_bits(iu | 0x3fe0000000000000);
      iu = (0x0010000000000000 - iu) >> 2;
    }
    f = u - 1.0;
  }

  double hfsq = 0.5 * f * f;
  double dk = double(k);
  if (iu == 0) {  // f is tiny: a shorter series, no division
    if (f == 0) {
      if (k == 0) return 0;
      c += dk * kLn2Low;
      return dk * kLn2High + c;
    }
    double big_r = hfsq * (1.0 - 0x1.5555555555555p-1 * f);  // 0.66666666666666666
    if (k == 0) return f - big_r;
    return dk * kLn2High - ((big_r - (dk * kLn2Low + c)) - f);
  }
  double s = f / (2.0 + f);
  double z = s * s;
  double big_r = z * (Lp1 + z * (Lp2 + z * (Lp3 + z * (Lp4 + z * (Lp5 + z * (Lp6 + z * Lp7))))));
  if (k == 0) return f - (hfsq - s * (hfsq + big_r));
  return dk * kLn2High - ((hfsq - (s * (hfsq + big_r) + (dk * kLn2Low + c))) - f);
}

// ---- Pow: pow.go ----
//
// The integer part of y by repeated squaring of Frexp's fraction (exponents kept apart so
// nothing overflows early), the fractional part as Exp(yf·Log(x)).
namespace {

bool is_odd_integer(double x) {
  Split s = modf(x);
  return s.fraction == 0 && is_odd_integer_part(s.integer);
}

}  // namespace

double pow(double x, double y) {
  if (y == 0 || x == 1) return 1;
  if (y == 1) return x;
  if (is_nan(x) || is_nan(y)) return go_nan();
  if (x == 0) {
    if (y < 0) return is_odd_integer(y) ? copy_sign(infinity(1), x) : infinity(1);
    if (y > 0) return is_odd_integer(y) ? x : 0;
  }
  if (is_inf(y, 0)) {
    if (x == -1) return 1;
    if ((abs(x) < 1) == is_inf(y, 1)) return 0;
    return infinity(1);
  }
  if (is_inf(x, 0)) {
    if (is_inf(x, -1)) return pow(1 / x, -y);  // as Pow(-0, -y)
    if (y < 0) return 0;
    if (y > 0) return infinity(1);
  }
  if (y == 0.5) return sqrt(x);
  if (y == -0.5) return 1 / sqrt(x);

  Split parts = modf(abs(y));
  double yi = parts.integer, yf = parts.fraction;
  if (yf != 0 && x < 0) return go_nan();
  if (yi >= 0x1p63) {  // y is an even integer too large to count squarings with
    if (x == -1) return 1;
    if ((abs(x) < 1) == (y > 0)) return 0;
    return infinity(1);
  }

  // result = a1 · 2^ae
  double a1 = 1.0;
  std::int64_t ae = 0;
  if (yf != 0) {
    if (yf > 0.5) {
      yf -= 1;
      yi += 1;
    }
    a1 = exp(yf * log(x));
  }
  Fraction xf = frexp(x);
  double x1 = xf.fraction;
  std::int64_t xe = xf.exponent;
  for (std::int64_t i = std::int64_t(yi); i != 0; i >>= 1) {
    if (xe < -(1 << 12) || (1 << 12) < xe) {
      // The exponent is about to overflow whatever a1 becomes: let Ldexp say so.
      ae += xe;
      break;
    }
    if ((i & 1) == 1) {
      a1 *= x1;
      ae += xe;
    }
    x1 *= x1;
    xe <<= 1;
    if (x1 < .5) {
      x1 += x1;
      --xe;
    }
  }
  if (y < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  return ldexp(a1, ae);
}

// ---- Cbrt: cbrt.go ----
//
// An estimate to 5 bits from the exponent, a polynomial step to 23 bits, rounded to 32 bits so
// that t·t is exact, then one Newton step to 53.
double cbrt(double x) {
  constexpr std::uint64_t B1 = 715094163;            // (682 - 0.03306235651)·2^20
  constexpr std::uint64_t B2 = 696219795;            // (664 - 0.03306235651)·2^20
  constexpr double C = 5.42857142857142815906e-01;   // 19/35
  constexpr double D = -7.05306122448979611050e-01;  // -864/1225
  constexpr double E = 1.41428571428571436819e+00;   // 99/70
  constexpr double F = 1.60714285714285720630e+00;   // 45/28
  constexpr double G = 3.57142857142857150787e-01;   // 5/14
  constexpr double kSmallestNormal = 2.22507385850720138309e-308;
  if (x == 0 || is_nan(x) || is_inf(x, 0)) return x;
  bool negative = false;
  if (x < 0) {
    x = -x;
    negative = true;
  }
  double t = from_bits(bits_of(x) / 3 + (B1 << 32));
  if (x < kSmallestNormal) {
    t = 0x1p54 * x;
    t = from_bits(bits_of(t) / 3 + (B2 << 32));
  }
  double r = t * t / x;
  double s = C + r * t;
  t *= G + F / (s + E + D / s);
  t = from_bits((bits_of(t) & (std::uint64_t(0xFFFFFFFFC) << 28)) + (std::uint64_t(1) << 30));
  s = t * t;  // exact
  r = x / s;
  double w = t + t;
  r = (r - t) / (w + r);
  t = t + t * r;
  return negative ? -t : t;
}

// ---- Hypot: hypot_amd64.s ----
double hypot(double p, double q) {
  std::uint64_t p_bits = bits_of(p) & ~kSignBit, q_bits = bits_of(q) & ~kSignBit;
  if (p_bits >= kPositiveInfinityBits || q_bits >= kPositiveInfinityBits) {
    if (p_bits == kPositiveInfinityBits || q_bits == kPositiveInfinityBits) return infinity(1);
    return go_nan();
  }
  if ((p_bits | q_bits) == 0) return 0;
  double larger = from_bits(p_bits), smaller = from_bits(q_bits);
  if (smaller > larger) {
    double t = larger;
    larger = smaller;
    smaller = t;
  }
  smaller = smaller / larger;
  return larger * sqrt(smaller * smaller + 1.0);
}

}  // namespace gopark::lib::gomath
