#pragma once
// Run xN (batch_window.cpp): the outcomes of N fresh runs of the editor's program. Internal to
// dashboard/ui.
#include <vector>

#include "session/batch.hpp"
#include "session/session.hpp"

namespace gopark::dash {

struct Shared;

// Shown while Shared::show_batch (the menu bar and the toolbar open it too).
struct BatchWindow {
  BatchRun batch;
  int runs = 100;                   // the "runs" box: how many runs Start makes
  std::vector<SourceError> errors;  // the last Start's, when the program did not compile

  // Starts `runs` runs of the editor's program with the run controls' settings.
  void start(const Shared& s);
  void draw(Shared& s);
};

}  // namespace gopark::dash
