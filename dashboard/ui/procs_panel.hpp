#pragma once
// Processors and threads (procs_panel.cpp). Internal to dashboard/ui.
namespace gopark::dash {

struct Shared;

// No state of its own: it draws Shared::frame.
struct ProcsPanel {
  void draw(Shared& s);
};

}  // namespace gopark::dash
