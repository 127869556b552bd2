#pragma once
// The toolbar (toolbar.cpp): Run, Stop, Pause/Resume, Step, Back and the step scrubber (simulated
// runs), Speed, Run xN, GOMAXPROCS, mode, seed and the run's status line. Internal to dashboard/ui.
namespace gopark::dash {

struct Shared;

// The widgets edit Shared::controls, the buttons drive Shared::session; its own state is the
// step scrubber's value while it is dragged (simulated runs).
struct Toolbar {
  void draw(Shared& s);
  int scrub = -1;  // the step being dragged to; -1: not dragging (the scrubber shows the run's)
};

}  // namespace gopark::dash
