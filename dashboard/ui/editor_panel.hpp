#pragma once
// The code editor and its gutter (editor_panel.cpp). Internal to dashboard/ui.
namespace gopark::dash {

struct Shared;

// The text itself is Shared::source (the output, Run and App's API use it too); this keeps only
// what the editing widget needs between frames.
struct EditorPanel {
  int cursor = 0;       // the cursor (byte offset), while the editor has the focus
  int home_frames = 0;  // frames left to hold the editor scrolled to its left edge
  int last_len = 0;     // the text's length at the editor's last callback (auto-indent)

  void draw(Shared& s);
};

}  // namespace gopark::dash
