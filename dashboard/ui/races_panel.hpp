#pragma once
// The data races the race detector reported (races_panel.cpp). Internal to dashboard/ui.
#include <cstddef>

namespace gopark::dash {

struct Shared;

struct RacesPanel {
  std::size_t seen = 0;  // races in the last frame drawn (a first race brings the tab forward)

  // True once, at the frame where the run's first race arrived (the caller selects the tab).
  bool first_race(const Shared& s);
  void draw(Shared& s);
};

}  // namespace gopark::dash
