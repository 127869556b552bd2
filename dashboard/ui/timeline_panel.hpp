#pragma once
// The per-P timeline (timeline_panel.cpp). Internal to dashboard/ui.
namespace gopark::dash {

struct Shared;

// Whether the view follows the run is Shared::follow (the View menu and Run set it too).
struct TimelinePanel {
  double view_span_ms = 2000;  // visible width
  double view_end_ms = 0;      // right edge (follows "now" while Shared::follow)

  void draw(Shared& s);
};

}  // namespace gopark::dash
