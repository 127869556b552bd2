// Go's math functions (engine/lib/natives/go_math.hpp) against the bits Go 1.19 gives on
// linux/amd64, recorded by testdata/go_math_gen.go. The same test runs natively and as
// WebAssembly: both builds must give Go's bits, so each other's.
#include "lib/natives/go_math.hpp"

#include <doctest/doctest.h>

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>

#include "lib/natives/go_math_support.hpp"

namespace gomath = gopark::lib::gomath;

namespace {

struct Case {
  const char* function;
  std::uint64_t x, y, want;  // y is 0 for functions of one argument
};

constexpr Case kGolden[] = {
#include "testdata/go_math_cases.inc"
};

using Unary = double (*)(double);
using Binary = double (*)(double, double);
struct Function {
  std::string_view name;
  Unary unary;
  Binary binary;
};
constexpr Function kFunctions[] = {
    {"Sin", gomath::sin, nullptr},     {"Cos", gomath::cos, nullptr},
    {"Tan", gomath::tan, nullptr},     {"Asin", gomath::asin, nullptr},
    {"Acos", gomath::acos, nullptr},   {"Atan", gomath::atan, nullptr},
    {"Sinh", gomath::sinh, nullptr},   {"Cosh", gomath::cosh, nullptr},
    {"Tanh", gomath::tanh, nullptr},   {"Asinh", gomath::asinh, nullptr},
    {"Acosh", gomath::acosh, nullptr}, {"Atanh", gomath::atanh, nullptr},
    {"Exp", gomath::exp, nullptr},     {"Exp2", gomath::exp2, nullptr},
    {"Expm1", gomath::expm1, nullptr}, {"Log", gomath::log, nullptr},
    {"Log2", gomath::log2, nullptr},   {"Log10", gomath::log10, nullptr},
    {"Log1p", gomath::log1p, nullptr}, {"Cbrt", gomath::cbrt, nullptr},
    {"Gamma", gomath::gamma, nullptr}, {"Erf", gomath::erf, nullptr},
    {"Erfc", gomath::erfc, nullptr},   {"Pow", nullptr, gomath::pow},
    {"Atan2", nullptr, gomath::atan2}, {"Hypot", nullptr, gomath::hypot},
};

const Function* find(std::string_view name) {
  for (const Function& f : kFunctions) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

// The bits gopark gives for a case.
std::uint64_t compute(const Function& f, const Case& c) {
  double x = gomath::from_bits(c.x), y = gomath::from_bits(c.y);
  return gomath::bits_of(f.unary ? f.unary(x) : f.binary(x, y));
}

// Checks every case; reports the first few that differ. Returns the number of mismatches.
int check(const Case* cases, std::size_t count) {
  int mismatches = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const Case& c = cases[i];
    const Function* f = find(c.function);
    REQUIRE_MESSAGE(f != nullptr, c.function);
    std::uint64_t got = compute(*f, c);
    if (got == c.want) continue;
    if (++mismatches <= 20) {
      char line[160];
      std::snprintf(line, sizeof line,
                    "%s(0x%016" PRIx64 ", 0x%016" PRIx64 "): Go 0x%016" PRIx64
                    ", gopark 0x%016" PRIx64,
                    c.function, c.x, c.y, c.want, got);
      MESSAGE(line);
    }
  }
  return mismatches;
}

}  // namespace

TEST_CASE("every golden case matches Go's math bit for bit") {
  std::size_t count = sizeof kGolden / sizeof kGolden[0];
  CHECK(count > 5000);
  CHECK(check(kGolden, count) == 0);
}

// The corpus go_math_gen.go writes with -random N, read from the file GOPARK_GO_MATH_CORPUS
// names (a local check: hundreds of thousands of cases per function are not committed).
TEST_CASE("a larger corpus from GOPARK_GO_MATH_CORPUS matches Go's math") {
  const char* path = std::getenv("GOPARK_GO_MATH_CORPUS");
  if (path == nullptr) return;
  std::FILE* file = std::fopen(path, "r");
  REQUIRE_MESSAGE(file != nullptr, path);
  std::vector<Case> cases;
  std::vector<std::string> names;  // the cases point into these
  names.reserve(64);
  char name[32];
  Case c;
  char line[256];
  while (std::fgets(line, sizeof line, file)) {
    if (std::sscanf(line, "{\"%31[^\"]\", 0x%" SCNx64 ", 0x%" SCNx64 ", 0x%" SCNx64 "},", name,
                    &c.x, &c.y, &c.want) != 4) {
      continue;  // the header comment
    }
    if (names.empty() || names.back() != name) names.emplace_back(name);
    c.function = names.back().c_str();
    cases.push_back(c);
  }
  std::fclose(file);
  REQUIRE(names.size() < names.capacity());  // no reallocation moved the names
  MESSAGE(cases.size(), " cases");
  CHECK(check(cases.data(), cases.size()) == 0);
}

// Exp on the CPU's FMA instructions (natively, where the CPU has them) and on
// fused_multiply_add (everywhere else) must be the same function.
TEST_CASE("Exp gives the same bits with and without the CPU's FMA") {
  std::mt19937_64 random(11);
  std::uniform_real_distribution<double> near(-20, 20), wide(-750, 710);
  int mismatches = 0;
  for (int i = 0; i < 300000; ++i) {
    double x = i % 3 == 0 ? near(random) : i % 3 == 1 ? wide(random) : gomath::from_bits(random());
    std::uint64_t hardware = gomath::bits_of(gomath::exp(x)),
                  software = gomath::bits_of(gomath::exp_software(x));
    if (hardware != software && ++mismatches <= 10) MESSAGE(x);
  }
  for (const Case& c : kGolden) {
    if (std::string_view(c.function) != "Exp") continue;
    if (gomath::bits_of(gomath::exp_software(gomath::from_bits(c.x))) != c.want &&
        ++mismatches <= 10)
      MESSAGE(c.x);
  }
  CHECK(mismatches == 0);
}

// The fused multiply-add Exp relies on, against the C library's (IEEE 754 defines one result;
// natively the CPU's instruction computes it, under Emscripten musl's software).
TEST_CASE("fused_multiply_add rounds once, as IEEE 754's fusedMultiplyAdd") {
  std::mt19937_64 random(7);
  auto draw = [&](int range) {
    std::uint64_t bits = random();
    switch (range) {
      case 0:
        return gomath::from_bits(bits);  // anything, NaNs and infinities included
      case 1:                            // near 1
        return gomath::from_bits((bits & 0x800FFFFFFFFFFFFF) |
                                 (std::uint64_t(1023 - 30 + random() % 60) << 52));
      case 2:  // tiny: products underflow
        return gomath::from_bits((bits & 0x800FFFFFFFFFFFFF) |
                                 (std::uint64_t(random() % 100) << 52));
      default:  // huge: products overflow
        return gomath::from_bits((bits & 0x800FFFFFFFFFFFFF) |
                                 (std::uint64_t(2046 - random() % 60) << 52));
    }
  };
  int mismatches = 0;
  for (int i = 0; i < 200000; ++i) {
    double a = draw(int(random() % 4)), b = draw(int(random() % 4));
    int range = int(random() % 5);
    // range 4: c cancels most of a·b
    double c =
        range == 4 ? gomath::from_bits(gomath::bits_of(-a * b) ^ (random() % 16)) : draw(range);
    double want = std::fma(a, b, c), got = gomath::fused_multiply_add(a, b, c);
    // A zero addend leaves a·b rounded once, whose sign is the exact product's even where it
    // underflows to zero; musl's fma (std::fma in the web build) gives +0 there.
    if (c == 0 && std::isfinite(a) && std::isfinite(b) && a != 0 && b != 0) want = a * b;
    if (std::isnan(want) && std::isnan(got)) continue;
    if (gomath::bits_of(want) != gomath::bits_of(got) && ++mismatches <= 10) {
      char line[160];
      std::snprintf(line, sizeof line, "fma(%a, %a, %a): %a, not %a", a, b, c, got, want);
      MESSAGE(line);
    }
  }
  CHECK(mismatches == 0);
}
