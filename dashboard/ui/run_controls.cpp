// RunControls (run_controls.hpp): from the widgets' values to a run's RunSettings.
#include "ui/run_controls.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace gopark::dash {

RunSettings RunControls::run_settings() const {
  RunSettings out = settings;
  out.procs = procs;
  out.mode = mode == 1 ? rt::Mode::Threads : mode == 2 ? rt::Mode::Coroutines : rt::Mode::MN;
  out.seed = std::strtoull(seed_text, nullptr, 10);
  out.speed = speed();
  return out;
}

double RunControls::speed() const {
  return kSpeeds[speed_index < 0 || speed_index >= kSpeedCount ? 0 : speed_index];
}

void RunControls::set_speed_near(double lines_per_second) {
  int best = 0;
  for (int i = 1; i < kSpeedCount; ++i) {
    if (std::abs(kSpeeds[i] - lines_per_second) < std::abs(kSpeeds[best] - lines_per_second)) best = i;
  }
  speed_index = best;
}

void RunControls::assign(int new_procs, int new_mode, double lines_per_second, std::uint64_t seed) {
  procs = std::clamp(new_procs, kMinProcs, kMaxProcs);
  mode = std::clamp(new_mode, 0, kModeCount - 1);
  set_speed_near(std::max(0.0, lines_per_second));
  std::snprintf(seed_text, sizeof seed_text, "%llu", static_cast<unsigned long long>(seed));
}

}  // namespace gopark::dash
