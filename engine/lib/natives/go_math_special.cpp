// Gamma and the error functions as Go 1.19 computes them (go_math.hpp): Cephes' Gamma
// (gamma.go: a rational approximation on [2, 3], recurrences into it, Stirling's series from 33
// up, the reflection formula for negative x) and FreeBSD's Erf and Erfc (erf.go).
#include "lib/natives/go_math.hpp"
#include "lib/natives/go_math_support.hpp"

#pragma STDC FP_CONTRACT OFF

namespace gopark::lib::gomath {
namespace {

constexpr double kPi = 0x1.921fb54442d18p+1;

// Γ(x) for x >= 33 by Stirling's formula, as a product of two factors (so that the caller can
// divide by them one at a time where their product overflows).
struct Factors {
  double first, second;
};
Factors stirling(double x) {
  constexpr double kSqrtTwoPi = 2.506628274631000502417;
  constexpr double kMaxStirling = 143.01608;
  constexpr double S0 = 7.87311395793093628397e-04, S1 = -2.29549961613378126380e-04,
                   S2 = -2.68132617805781232825e-03, S3 = 3.47222221605458667310e-03,
                   S4 = 8.33333333333482257126e-02;
  if (x > 200) return {infinity(1), 1};
  double w = 1 / x;
  w = 1 + w * ((((S0 * w + S1) * w + S2) * w + S3) * w + S4);
  double y1 = exp(x);
  double y2 = 1.0;
  if (x > kMaxStirling) {  // x^(x-1/2) would overflow: take it in two halves
    double v = pow(x, 0.5 * x - 0.25);
    y2 = v / y1;
    y1 = v;
  } else {
    y1 = pow(x, x - 0.5) / y1;
  }
  return {y1, kSqrtTwoPi * w * y2};
}

bool is_negative_integer(double x) { return x < 0 && modf(x).fraction == 0; }

}  // namespace

double gamma(double x) {
  constexpr double kEuler = 0x1.2788cfc6fb619p-1;
  constexpr double P[] = {1.60119522476751861407e-04, 1.19135147006586384913e-03,
                          1.04213797561761569935e-02, 4.76367800457137231464e-02,
                          2.07448227648435975150e-01, 4.94214826801497100753e-01,
                          9.99999999999999996796e-01};
  constexpr double Q[] = {-2.31581873324120129819e-05, 5.39605580493303397842e-04,
                          -4.45641913851797240494e-03, 1.18139785222060435552e-02,
                          3.58236398605498653373e-02,  -2.34591795718243348568e-01,
                          7.14304917030273074085e-02,  1.00000000000000000320e+00};
  if (is_negative_integer(x) || is_inf(x, -1) || is_nan(x)) return go_nan();
  if (is_inf(x, 1)) return infinity(1);
  if (x == 0) return sign_bit(x) ? infinity(-1) : infinity(1);

  double q = abs(x);
  double p = floor_of_non_negative(q);
  if (q > 33) {
    if (x >= 0) {
      Factors f = stirling(x);
      return f.first * f.second;
    }
    // Reflection: Γ(x) = -π / (|x|·sin(π|x|)·Γ(|x|)).
    int sign = is_odd_integer_part(p) ? 1 : -1;
    double z = q - p;
    if (z > 0.5) {
      p = p + 1;
      z = q - p;
    }
    z = q * sin(kPi * z);
    if (z == 0) return infinity(sign);
    Factors f = stirling(q);
    double magnitude = abs(z);
    double d = magnitude * f.first * f.second;
    z = is_inf(d, 0) ? kPi / magnitude / f.first / f.second : kPi / d;
    return double(sign) * z;
  }

  // Shift x into [2, 3), collecting the factors in z.
  double z = 1.0;
  while (x >= 3) {
    x = x - 1;
    z = z * x;
  }
  bool tiny = false;  // |x| < 1e-9 on the way: Γ(x) ≈ 1/x - γ
  while (x < 0) {
    if (x > -1e-09) {
      tiny = true;
      break;
    }
    z = z / x;
    x = x + 1;
  }
  while (!tiny && x < 2) {
    if (x < 1e-09) {
      tiny = true;
      break;
    }
    z = z / x;
    x = x + 1;
  }
  if (tiny) {
    if (x == 0) return infinity(1);
    return z / ((1 + kEuler * x) * x);
  }
  if (x == 2) return z;
  x = x - 2;
  p = (((((x * P[0] + P[1]) * x + P[2]) * x + P[3]) * x + P[4]) * x + P[5]) * x + P[6];
  q = ((((((x * Q[0] + Q[1]) * x + Q[2]) * x + Q[3]) * x + Q[4]) * x + Q[5]) * x + Q[6]) * x + Q[7];
  return z * p / q;
}

// ---- Erf, Erfc: erf.go ----
namespace {

constexpr double kErx = 8.45062911510467529297e-01;  // erf(1) to 24 bits
// Coefficients for |x| < 0.84375: erf(x) = x + x·pp(x²)/qq(x²).
constexpr double kEfx = 1.28379167095512586316e-01;
constexpr double kEfx8 = 1.02703333676410069053e+00;
constexpr double pp0 = 1.28379167095512558561e-01, pp1 = -3.25042107247001499370e-01,
                 pp2 = -2.84817495755985104766e-02, pp3 = -5.77027029648944159157e-03,
                 pp4 = -2.37630166566501626084e-05;
constexpr double qq1 = 3.97917223959155352819e-01, qq2 = 6.50222499887672944485e-02,
                 qq3 = 5.08130628187576562776e-03, qq4 = 1.32494738004321644526e-04,
                 qq5 = -3.96022827877536812320e-06;
// For 0.84375 <= |x| < 1.25: erf(x) = erx + pa(x-1)/qa(x-1).
constexpr double pa0 = -2.36211856075265944077e-03, pa1 = 4.14856118683748331666e-01,
                 pa2 = -3.72207876035701323847e-01, pa3 = 3.18346619901161753674e-01,
                 pa4 = -1.10894694282396677476e-01, pa5 = 3.54783043256182359371e-02,
                 pa6 = -2.16637559486879084300e-03;
constexpr double qa1 = 1.06420880400844228286e-01, qa2 = 5.40397917702171048937e-01,
                 qa3 = 7.18286544141962662868e-02, qa4 = 1.26171219808761642112e-01,
                 qa5 = 1.36370839120290507362e-02, qa6 = 1.19844998467991074170e-02;
// For 1.25 <= |x| < 1/0.35: erfc(x) = exp(-x² - 0.5625 + ra(1/x²)/sa(1/x²)) / x.
constexpr double ra0 = -9.86494403484714822705e-03, ra1 = -6.93858572707181764372e-01,
                 ra2 = -1.05586262253232909814e+01, ra3 = -6.23753324503260060396e+01,
                 ra4 = -1.62396669462573470355e+02, ra5 = -1.84605092906711035994e+02,
                 ra6 = -8.12874355063065934246e+01, ra7 = -9.81432934416914548592e+00;
constexpr double sa1 = 1.96512716674392571292e+01, sa2 = 1.37657754143519042600e+02,
                 sa3 = 4.34565877475229228821e+02, sa4 = 6.45387271733267880336e+02,
                 sa5 = 4.29008140027567833386e+02, sa6 = 1.08635005541779435134e+02,
                 sa7 = 6.57024977031928170135e+00, sa8 = -6.04244152148580987438e-02;
// From 1/0.35 up: the same with rb/sb.
constexpr double rb0 = -9.86494292470009928597e-03, rb1 = -7.99283237680523006574e-01,
                 rb2 = -1.77579549177547519889e+01, rb3 = -1.60636384855821916062e+02,
                 rb4 = -6.37566443368389627722e+02, rb5 = -1.02509513161107724954e+03,
                 rb6 = -4.83519191608651397019e+02;
constexpr double sb1 = 3.03380607434824582924e+01, sb2 = 3.25792512996573918826e+02,
                 sb3 = 1.53672958608443695994e+03, sb4 = 3.19985821950859553908e+03,
                 sb5 = 2.55305040643316442583e+03, sb6 = 4.74528541206955367215e+02,
                 sb7 = -2.24409524465858183362e+01;
constexpr double kOneOver035 = 0x1.6db6db6db6db7p+1;  // 1/0.35

// pp/qq at z = x².
double small_ratio(double z) {
  double r = pp0 + z * (pp1 + z * (pp2 + z * (pp3 + z * pp4)));
  double s = 1 + z * (qq1 + z * (qq2 + z * (qq3 + z * (qq4 + z * qq5))));
  return r / s;
}
// pa and qa at s = x - 1.
struct Ratio {
  double numerator, denominator;
};
Ratio near_one(double s) {
  double p = pa0 + s * (pa1 + s * (pa2 + s * (pa3 + s * (pa4 + s * (pa5 + s * pa6)))));
  double q = 1 + s * (qa1 + s * (qa2 + s * (qa3 + s * (qa4 + s * (qa5 + s * qa6)))));
  return {p, q};
}
// erfc(x)·x for 1.25 <= x: e^(-z² - 0.5625) · e^((z-x)(z+x) + R/S), z being x cut to 20 bits
// so that z² is exact.
double tail(double x) {
  double s = 1 / (x * x);
  double r, big_s;
  if (x < kOneOver035) {
    r = ra0 + s * (ra1 + s * (ra2 + s * (ra3 + s * (ra4 + s * (ra5 + s * (ra6 + s * ra7))))));
    big_s =
        1 +
        s * (sa1 + s * (sa2 + s * (sa3 + s * (sa4 + s * (sa5 + s * (sa6 + s * (sa7 + s * sa8)))))));
  } else {
    r = rb0 + s * (rb1 + s * (rb2 + s * (rb3 + s * (rb4 + s * (rb5 + s * rb6)))));
    big_s = 1 + s * (sb1 + s * (sb2 + s * (sb3 + s * (sb4 + s * (sb5 + s * (sb6 + s * sb7))))));
  }
  double z = from_bits(bits_of(x) & 0xffffffff00000000);
  return exp(-z * z - 0.5625) * exp((z - x) * (z + x) + r / big_s);
}

}  // namespace

double erf(double x) {
  constexpr double kVeryTiny = 2.848094538889218e-306;
  constexpr double kSmall = 0x1p-28;
  if (is_nan(x)) return go_nan();
  if (is_inf(x, 1)) return 1;
  if (is_inf(x, -1)) return -1;
  bool negative = false;
  if (x < 0) {
    x = -x;
    negative = true;
  }
  if (x < 0.84375) {
    double t;
    if (x < kSmall) {
      t = x < kVeryTiny ? 0.125 * (8.0 * x + kEfx8 * x) : x + kEfx * x;
    } else {
      t = x + x * small_ratio(x * x);
    }
    return negative ? -t : t;
  }
  if (x < 1.25) {
    Ratio pq = near_one(x - 1);
    return negative ? -kErx - pq.numerator / pq.denominator : kErx + pq.numerator / pq.denominator;
  }
  if (x >= 6) return negative ? -1 : 1;
  double r = tail(x);
  return negative ? r / x - 1 : 1 - r / x;
}

double erfc(double x) {
  constexpr double kTiny = 0x1p-56;
  if (is_nan(x)) return go_nan();
  if (is_inf(x, 1)) return 0;
  if (is_inf(x, -1)) return 2;
  bool negative = false;
  if (x < 0) {
    x = -x;
    negative = true;
  }
  if (x < 0.84375) {
    double t;
    if (x < kTiny) {
      t = x;
    } else {
      double y = small_ratio(x * x);
      t = x < 0.25 ? x + x * y : 0.5 + (x * y + (x - 0.5));
    }
    return negative ? 1 + t : 1 - t;
  }
  if (x < 1.25) {
    Ratio pq = near_one(x - 1);
    // 1 + erx and 1 - erx are exact: erx has 24 bits.
    return negative ? 1 + kErx + pq.numerator / pq.denominator
                    : 1 - kErx - pq.numerator / pq.denominator;
  }
  if (x < 28) {
    if (negative && x > 6) return 2;
    double r = tail(x);
    return negative ? 2 - r / x : r / x;
  }
  return negative ? 2 : 0;
}

}  // namespace gopark::lib::gomath
