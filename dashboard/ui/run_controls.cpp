// RunControls (run_controls.hpp).
#include "ui/run_controls.hpp"

#include <cmath>
#include <cstdio>

namespace gopark::dash {

RunControls::RunControls() { settings.procs = settings.effective_procs(); }

namespace {
int nearest_stop(double lines_per_second) {
  int best = 0;
  for (int i = 1; i < kSpeedCount; ++i) {
    if (std::abs(kSpeeds[i] - lines_per_second) < std::abs(kSpeeds[best] - lines_per_second)) best = i;
  }
  return best;
}
}  // namespace

std::string memory_text(std::size_t bytes) {
  char text[32];
  double mib = double(bytes) / double(1 << 20);
  if (mib >= 1024) std::snprintf(text, sizeof text, "%g GiB", mib / 1024);
  else std::snprintf(text, sizeof text, "%g MiB", mib);
  return text;
}

int RunControls::speed_index() const { return nearest_stop(settings.speed); }

void RunControls::set_speed_near(double lines_per_second) { settings.speed = kSpeeds[nearest_stop(lines_per_second)]; }

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
  settings.race = c.race;
  set_speed_near(c.speed);
  std::snprintf(seed_text, sizeof seed_text, "%llu", static_cast<unsigned long long>(c.seed));
  seed_ok = true;
}

}  // namespace gopark::dash
