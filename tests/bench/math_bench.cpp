// Go's math functions (engine/lib/natives/go_math.hpp) against the C library's: nanoseconds per
// call over a sweep of arguments, the best of `--reps` runs. Natively the C library is glibc, in
// the web build musl. go_math repeats Go's algorithms, so its times are best read beside Go's
// own (a loop over math.Pow in Go takes about as long).
//
// Output: one line per function, "name<TAB>go_math ns<TAB>C library ns<TAB>ns/call".
// Options: --reps N, --only NAME.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "lib/natives/go_math.hpp"
#include "lib/natives/go_math_support.hpp"

namespace gomath = gopark::lib::gomath;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kCalls = 2'000'000;
int g_reps = 3;

// The best time per call of f over kCalls arguments from `from`, `step` apart. The results are
// summed so that the calls cannot be optimized away.
template <class F>
double ns_per_call(F f, double from, double step) {
  double best = 1e300;
  for (int rep = 0; rep < g_reps; ++rep) {
    double sum = 0, x = from;
    auto start = Clock::now();
    for (int i = 0; i < kCalls; ++i, x += step) sum += f(x);
    double ns =
        double(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count());
    if (sum == 0.125) std::puts("");  // never true; keeps sum alive
    best = std::min(best, ns / kCalls);
  }
  return best;
}

struct Workload {
  const char* name;
  double (*go)(double);
  double (*c)(double);
  double from, step;
};

double go_pow(double x) { return gomath::pow(x, 1.3); }
double c_pow(double x) { return std::pow(x, 1.3); }
double go_atan2(double x) { return gomath::atan2(x, 0.7); }
double c_atan2(double x) { return std::atan2(x, 0.7); }
double go_hypot(double x) { return gomath::hypot(x, 3.0); }
double c_hypot(double x) { return std::hypot(x, 3.0); }

const Workload kWorkloads[] = {
    {"sin", gomath::sin, +[](double x) { return std::sin(x); }, 0, 1e-5},
    {"cos", gomath::cos, +[](double x) { return std::cos(x); }, 0, 1e-5},
    {"tan", gomath::tan, +[](double x) { return std::tan(x); }, 0, 1e-5},
    {"asin", gomath::asin, +[](double x) { return std::asin(x); }, -1, 1e-6},
    {"atan", gomath::atan, +[](double x) { return std::atan(x); }, -5, 5e-6},
    {"atan2", go_atan2, c_atan2, -5, 5e-6},
    {"exp", gomath::exp, +[](double x) { return std::exp(x); }, -5, 5e-6},
    {"exp_emulated_fma", gomath::exp_software, +[](double x) { return std::exp(x); }, -5, 5e-6},
    {"exp2", gomath::exp2, +[](double x) { return std::exp2(x); }, -5, 5e-6},
    {"expm1", gomath::expm1, +[](double x) { return std::expm1(x); }, -5, 5e-6},
    {"log", gomath::log, +[](double x) { return std::log(x); }, 0.01, 5e-5},
    {"log10", gomath::log10, +[](double x) { return std::log10(x); }, 0.01, 5e-5},
    {"log1p", gomath::log1p, +[](double x) { return std::log1p(x); }, -0.9, 5e-6},
    {"pow", go_pow, c_pow, 0.01, 5e-5},
    {"cbrt", gomath::cbrt, +[](double x) { return std::cbrt(x); }, 0.01, 5e-5},
    {"hypot", go_hypot, c_hypot, 0.01, 5e-5},
    {"sinh", gomath::sinh, +[](double x) { return std::sinh(x); }, -5, 5e-6},
    {"tanh", gomath::tanh, +[](double x) { return std::tanh(x); }, -5, 5e-6},
    {"asinh", gomath::asinh, +[](double x) { return std::asinh(x); }, -5, 5e-6},
    {"gamma", gomath::gamma, +[](double x) { return std::tgamma(x); }, 0.1, 5e-5},
    {"erf", gomath::erf, +[](double x) { return std::erf(x); }, -5, 5e-6},
    {"erfc", gomath::erfc, +[](double x) { return std::erfc(x); }, -5, 5e-6},
};

}  // namespace

int main(int argc, char** argv) {
  const char* only = nullptr;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--reps") == 0) g_reps = std::max(1, std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--only") == 0) only = argv[i + 1];
  }
  for (const Workload& w : kWorkloads) {
    if (only != nullptr && std::string_view(only) != w.name) continue;
    double go = ns_per_call(w.go, w.from, w.step), c = ns_per_call(w.c, w.from, w.step);
    std::printf("%s\t%.1f\t%.1f\tns/call\n", w.name, go, c);
  }
  return 0;
}
