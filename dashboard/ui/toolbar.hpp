#pragma once
// The toolbar (toolbar.cpp): Run, Stop, Pause/Resume, Step, Speed, Run xN, GOMAXPROCS, mode,
// seed and the run's status line. Internal to dashboard/ui.
namespace gopark::dash {

struct Shared;

// No state of its own: the widgets edit Shared::controls, the buttons drive Shared::session.
struct Toolbar {
  void draw(Shared& s);
};

}  // namespace gopark::dash
