// RunControls (run_controls.hpp).
#include "ui/run_controls.hpp"

#include <cmath>
#include <cstdio>

namespace gopark::dash {

RunControls::RunControls() { settings.procs = settings.effective_procs(); }

int RunControls::speed_index() const {
  int best = 0;
  for (int i = 1; i < kSpeedCount; ++i) {
    if (std::abs(kSpeeds[i] - settings.speed) < std::abs(kSpeeds[best] - settings.speed)) best = i;
  }
  return best;
}

void RunControls::set_speed_near(double lines_per_second) {
  settings.speed = lines_per_second;
  settings.speed = kSpeeds[speed_index()];
}

void RunControls::seed_edited() {
  seed_ok = seed_text[0] == '\0' || settings.set("seed", seed_text).empty();
  if (seed_text[0] == '\0') settings.seed = 0;
}

void RunControls::assign(const engine::RunSettings& s) {
  engine::RunSettings c = s.clamped();
  settings.procs = c.effective_procs();
  settings.mode = c.mode;
  settings.seed = c.seed;
  settings.memory_limit = c.memory_limit;
  set_speed_near(c.speed);
  std::snprintf(seed_text, sizeof seed_text, "%llu", static_cast<unsigned long long>(c.seed));
  seed_ok = true;
}

}  // namespace gopark::dash
