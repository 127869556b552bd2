// math's natives (engine/lib/go/math.go): the functions whose C library versions have exactly
// the special cases Go specifies (IEEE 754 / C Annex F), and bit conversions.
#include <climits>
#include <cmath>

#include "lib/natives/native_support.hpp"

namespace gopark::lib {
namespace {

template <double (*Fn)(double)>
bool unary(vm::NativeContext&, vm::Word* args) {
  args[0] = from_float(Fn(to_float(args[0])));
  return true;
}

template <double (*Fn)(double, double)>
bool binary(vm::NativeContext&, vm::Word* args) {
  args[0] = from_float(Fn(to_float(args[0]), to_float(args[1])));
  return true;
}

// The C library's functions (standard library functions may not be template arguments).
double c_sqrt(double x) { return std::sqrt(x); }
double c_cbrt(double x) { return std::cbrt(x); }
double c_pow(double x, double y) { return std::pow(x, y); }
double c_exp(double x) { return std::exp(x); }
double c_exp2(double x) { return std::exp2(x); }
double c_expm1(double x) { return std::expm1(x); }
double c_log(double x) { return std::log(x); }
double c_log2(double x) { return std::log2(x); }
double c_log10(double x) { return std::log10(x); }
double c_log1p(double x) { return std::log1p(x); }
double c_sin(double x) { return std::sin(x); }
double c_cos(double x) { return std::cos(x); }
double c_tan(double x) { return std::tan(x); }
double c_asin(double x) { return std::asin(x); }
double c_acos(double x) { return std::acos(x); }
double c_atan(double x) { return std::atan(x); }
double c_atan2(double y, double x) { return std::atan2(y, x); }
double c_sinh(double x) { return std::sinh(x); }
double c_cosh(double x) { return std::cosh(x); }
double c_tanh(double x) { return std::tanh(x); }
double c_asinh(double x) { return std::asinh(x); }
double c_acosh(double x) { return std::acosh(x); }
double c_atanh(double x) { return std::atanh(x); }
double c_hypot(double p, double q) { return std::hypot(p, q); }
double c_floor(double x) { return std::floor(x); }
double c_ceil(double x) { return std::ceil(x); }
double c_trunc(double x) { return std::trunc(x); }
double c_round(double x) { return std::round(x); }           // half away from zero, as Go's Round
double c_round_to_even(double x) { return std::nearbyint(x); }  // the default mode: half to even
double c_mod(double x, double y) { return std::fmod(x, y); }
double c_remainder(double x, double y) { return std::remainder(x, y); }
double c_gamma(double x) { return std::tgamma(x); }
double c_erf(double x) { return std::erf(x); }
double c_erfc(double x) { return std::erfc(x); }

// func Float64bits(f float64) uint64 / Float64frombits(b uint64) float64: registers already hold
// the bits.
bool identity(vm::NativeContext&, vm::Word*) { return true; }

// func Float32bits(f float32) uint32
bool float32_bits(vm::NativeContext&, vm::Word* args) {
  float f = float(to_float(args[0]));
  std::uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  args[0] = bits;
  return true;
}

// func Float32frombits(b uint32) float32
bool float32_from_bits(vm::NativeContext&, vm::Word* args) {
  auto bits = std::uint32_t(args[0]);
  float f;
  std::memcpy(&f, &bits, sizeof f);
  args[0] = from_float(double(f));
  return true;
}

// func Frexp(f float64) (frac float64, exp int)
bool frexp(vm::NativeContext&, vm::Word* args) {
  double f = to_float(args[0]);
  int exp = 0;
  double frac = std::isfinite(f) ? std::frexp(f, &exp) : f;  // C leaves exp unspecified for Inf/NaN
  args[0] = from_float(frac);
  args[1] = vm::Word(std::int64_t(exp));
  return true;
}

// func Ldexp(frac float64, exp int) float64
bool ldexp(vm::NativeContext&, vm::Word* args) {
  auto exp = std::int64_t(args[1]);
  // Past ±2^31 every finite non-zero result is ±Inf or ±0 anyway.
  int e = exp > INT_MAX ? INT_MAX : exp < INT_MIN ? INT_MIN : int(exp);
  args[0] = from_float(std::ldexp(to_float(args[0]), e));
  return true;
}

constexpr NativeEntry kNatives[] = {
    {"math.Float64bits", identity},
    {"math.Float64frombits", identity},
    {"math.Float32bits", float32_bits},
    {"math.Float32frombits", float32_from_bits},
    {"math.Sqrt", unary<c_sqrt>},
    {"math.Cbrt", unary<c_cbrt>},
    {"math.Pow", binary<c_pow>},
    {"math.Exp", unary<c_exp>},
    {"math.Exp2", unary<c_exp2>},
    {"math.Expm1", unary<c_expm1>},
    {"math.Log", unary<c_log>},
    {"math.Log2", unary<c_log2>},
    {"math.Log10", unary<c_log10>},
    {"math.Log1p", unary<c_log1p>},
    {"math.Sin", unary<c_sin>},
    {"math.Cos", unary<c_cos>},
    {"math.Tan", unary<c_tan>},
    {"math.Asin", unary<c_asin>},
    {"math.Acos", unary<c_acos>},
    {"math.Atan", unary<c_atan>},
    {"math.Atan2", binary<c_atan2>},
    {"math.Sinh", unary<c_sinh>},
    {"math.Cosh", unary<c_cosh>},
    {"math.Tanh", unary<c_tanh>},
    {"math.Asinh", unary<c_asinh>},
    {"math.Acosh", unary<c_acosh>},
    {"math.Atanh", unary<c_atanh>},
    {"math.Hypot", binary<c_hypot>},
    {"math.Floor", unary<c_floor>},
    {"math.Ceil", unary<c_ceil>},
    {"math.Trunc", unary<c_trunc>},
    {"math.Round", unary<c_round>},
    {"math.RoundToEven", unary<c_round_to_even>},
    {"math.Mod", binary<c_mod>},
    {"math.Remainder", binary<c_remainder>},
    {"math.Gamma", unary<c_gamma>},
    {"math.Erf", unary<c_erf>},
    {"math.Erfc", unary<c_erfc>},
    {"math.Frexp", frexp},
    {"math.Ldexp", ldexp},
};

}  // namespace

std::span<const NativeEntry> math_natives() { return kNatives; }

}  // namespace gopark::lib
