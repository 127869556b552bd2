#pragma once
// Locks, WaitGroups, Once (locks_panel.cpp). Internal to dashboard/ui.
#include "ui/widgets.hpp"

namespace gopark::dash {

struct LocksPanel {
  ItemHeights heights;  // each object's height when last drawn (only those in view are drawn)

  void draw(Shared& s);
};

}  // namespace gopark::dash
