// math's natives (engine/lib/go/math.go). The functions IEEE 754 defines exactly (Sqrt, the
// roundings, Mod, Remainder, Frexp, Ldexp) are the C library's, whose answers are the only
// right ones; the others are go_math.hpp's, which repeats Go's bits where the C libraries each
// round their own way. And bit conversions.
#include <climits>
#include <cmath>

#include "lib/natives/go_math.hpp"
#include "lib/natives/go_math_support.hpp"
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

// The C library's exact functions (standard library functions may not be template arguments).
double c_sqrt(double x) { return std::sqrt(x); }
double c_floor(double x) { return std::floor(x); }
double c_ceil(double x) { return std::ceil(x); }
double c_trunc(double x) { return std::trunc(x); }
double c_round(double x) { return std::round(x); }           // half away from zero, as Go's Round
double c_round_to_even(double x) { return std::nearbyint(x); }  // the default mode: half to even
// Go's Mod and Remainder answer every NaN case with math.NaN() itself (payload 1).
double c_mod(double x, double y) {
  double r = std::fmod(x, y);
  return r != r ? gomath::go_nan() : r;
}
double c_remainder(double x, double y) {
  double r = std::remainder(x, y);
  return r != r ? gomath::go_nan() : r;
}

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
    {"math.Cbrt", unary<gomath::cbrt>},
    {"math.Pow", binary<gomath::pow>},
    {"math.Exp", unary<gomath::exp>},
    {"math.Exp2", unary<gomath::exp2>},
    {"math.Expm1", unary<gomath::expm1>},
    {"math.Log", unary<gomath::log>},
    {"math.Log2", unary<gomath::log2>},
    {"math.Log10", unary<gomath::log10>},
    {"math.Log1p", unary<gomath::log1p>},
    {"math.Sin", unary<gomath::sin>},
    {"math.Cos", unary<gomath::cos>},
    {"math.Tan", unary<gomath::tan>},
    {"math.Asin", unary<gomath::asin>},
    {"math.Acos", unary<gomath::acos>},
    {"math.Atan", unary<gomath::atan>},
    {"math.Atan2", binary<gomath::atan2>},
    {"math.Sinh", unary<gomath::sinh>},
    {"math.Cosh", unary<gomath::cosh>},
    {"math.Tanh", unary<gomath::tanh>},
    {"math.Asinh", unary<gomath::asinh>},
    {"math.Acosh", unary<gomath::acosh>},
    {"math.Atanh", unary<gomath::atanh>},
    {"math.Hypot", binary<gomath::hypot>},
    {"math.Floor", unary<c_floor>},
    {"math.Ceil", unary<c_ceil>},
    {"math.Trunc", unary<c_trunc>},
    {"math.Round", unary<c_round>},
    {"math.RoundToEven", unary<c_round_to_even>},
    {"math.Mod", binary<c_mod>},
    {"math.Remainder", binary<c_remainder>},
    {"math.Gamma", unary<gomath::gamma>},
    {"math.Erf", unary<gomath::erf>},
    {"math.Erfc", unary<gomath::erfc>},
    {"math.Frexp", frexp},
    {"math.Ldexp", ldexp},
};

}  // namespace

std::span<const NativeEntry> math_natives() { return kNatives; }

}  // namespace gopark::lib
