#pragma once
// The goroutine table (goroutines_panel.cpp). Internal to dashboard/ui.
#include "model/view_model.hpp"

namespace gopark::dash {

struct Shared;

struct GoroutinesPanel {
  GoroutineFilter filter;       // by text and by state
  char filter_text[64] = "";    // the filter box's buffer (copied into filter.text on edit)
  GoroutineColumn sort_column = GoroutineColumn::Id;
  bool sort_ascending = true;

  void draw(Shared& s);
};

}  // namespace gopark::dash
