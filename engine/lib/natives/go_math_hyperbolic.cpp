// The hyperbolic functions and their inverses as Go 1.19 computes them (go_math.hpp): Cephes'
// Sinh, Cosh and Tanh (sinh.go, tanh.go) on Exp, FreeBSD's inverses (asinh.go, acosh.go,
// atanh.go) on Log and Log1p.
#include "lib/natives/go_math.hpp"
#include "lib/natives/go_math_support.hpp"

#pragma STDC FP_CONTRACT OFF

namespace gopark::lib::gomath {
namespace {

constexpr double kLn2 = 0x1.62e42fefa39efp-1;
constexpr double kTwoToThe28 = 0x1p28;
constexpr double kTwoToTheMinus28 = 0x1p-28;

}  // namespace

double sinh(double x) {
  // A rational approximation below 0.5, where (e^x - e^-x)/2 would cancel.
  constexpr double P0 = -0.6307673640497716991184787251e+6, P1 = -0.8991272022039509355398013511e+5,
                   P2 = -0.2894211355989563807284660366e+4, P3 = -0.2630563213397497062819489e+2;
  constexpr double Q0 = -0.6307673640497716991212077277e+6, Q1 = 0.1521517378790019070696485176e+5,
                   Q2 = -0.173678953558233699533450911e+3;
  bool negative = false;
  if (x < 0) {
    x = -x;
    negative = true;
  }
  double t;
  if (x > 21) {
    t = exp(x) * 0.5;
  } else if (x > 0.5) {
    double ex = exp(x);
    t = (ex - 1 / ex) * 0.5;
  } else {
    double sq = x * x;
    t = (((P3 * sq + P2) * sq + P1) * sq + P0) * x;
    t = t / (((sq + Q2) * sq + Q1) * sq + Q0);
  }
  return negative ? -t : t;
}

double cosh(double x) {
  x = abs(x);
  if (x > 21) return exp(x) * 0.5;
  double ex = exp(x);
  return (ex + 1 / ex) * 0.5;
}

double tanh(double x) {
  constexpr double kHalfMaxLog = 0x1.601e678fc457bp+5;  // 0.5 * log(2^127)
  constexpr double P0 = -9.64399179425052238628e-1, P1 = -9.92877231001918586564e1,
                   P2 = -1.61468768441708447952e3;
  constexpr double Q0 = 1.12811678491632931402e2, Q1 = 2.23548839060100448583e3,
                   Q2 = 4.84406305325125486048e3;
  double z = abs(x);
  if (z > kHalfMaxLog) return x < 0 ? -1 : 1;
  if (z >= 0.625) {
    double s = exp(2 * z);
    z = 1 - 2 / (s + 1);
    return x < 0 ? -z : z;
  }
  if (x == 0) return x;
  double s = x * x;
  return x + x * s * ((P0 * s + P1) * s + P2) / (((s + Q0) * s + Q1) * s + Q2);
}

double asinh(double x) {
  if (is_nan(x) || is_inf(x, 0)) return x;
  bool negative = false;
  if (x < 0) {
    x = -x;
    negative = true;
  }
  double t;
  if (x > kTwoToThe28) {
    t = log(x) + kLn2;
  } else if (x > 2) {
    t = log(2 * x + 1 / (sqrt(x * x + 1) + x));
  } else if (x < kTwoToTheMinus28) {
    t = x;
  } else {
    t = log1p(x + x * x / (1 + sqrt(1 + x * x)));
  }
  return negative ? -t : t;
}

double acosh(double x) {
  if (x < 1 || is_nan(x)) return go_nan();
  if (x == 1) return 0;
  if (x >= kTwoToThe28) return log(x) + kLn2;
  if (x > 2) return log(2 * x - 1 / (x + sqrt(x * x - 1)));
  double t = x - 1;
  return log1p(t + sqrt(2 * t + t * t));
}

double atanh(double x) {
  if (x < -1 || x > 1 || is_nan(x)) return go_nan();
  if (x == 1) return infinity(1);
  if (x == -1) return infinity(-1);
  bool negative = false;
  if (x < 0) {
    x = -x;
    negative = true;
  }
  double t;
  if (x < kTwoToTheMinus28) {
    t = x;
  } else if (x < 0.5) {
    t = x + x;
    t = 0.5 * log1p(t + t * x / (1 - x));
  } else {
    t = 0.5 * log1p((x + x) / (1 - x));
  }
  return negative ? -t : t;
}

}  // namespace gopark::lib::gomath
