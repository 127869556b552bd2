#pragma once
// `gopark` and `gopark open`: the dashboard (dashboard/ui/app.hpp) in a desktop window
// (desktop.cpp: SDL2 + OpenGL 3 + Dear ImGui). Compiled only when the build has the dashboard
// (GOPARK_DESKTOP); this header has no dependency on it, so main.cpp includes it either way.
#include <string>
#include <utility>
#include <vector>

namespace gopark::native {

struct DesktopOptions {
  std::string file;             // a .go file to open (empty: the dashboard's first example)
  bool run_at_start = false;    // --run: press Run once the first frame is drawn
  double speed = 0;             // --speed N: the Speed slider at N source lines a second
  int steps = -1;               // --steps N: start paused and press Step N times
  // Run settings given as flags (--mode sim, --seed 54, --procs 2...: engine::RunSettings::set),
  // applied over the saved ones.
  std::vector<std::pair<std::string, std::string>> settings;
  // Test hooks (the Xvfb smoke test):
  std::string screenshot_path;  // --screenshot FILE: write the window as a binary PPM, then quit
  int batch_runs = 0;            // --run-n N: start Run xN with N runs once the first frame is drawn
  int frames = 0;               // --frames N: quit (after the screenshot, if any) after N frames
  bool print_output = false;    // --print-output: on exit, print the program's output to stdout
  bool frame_stats = false;     // --frame-stats: on exit, print the frames' work times to stderr
};

// Opens the window and runs the dashboard until the window is closed or the dashboard asks to
// quit (File > Quit). Window geometry and panel layout persist in
// ${XDG_CONFIG_HOME:-~/.config}/gopark/imgui.ini. Without --frames, a screenshot is taken once
// the run has finished and the dashboard has drawn a few more frames. Returns the process exit
// status: 0, or 1 when no window could be opened or the screenshot could not be written.
int run_desktop(const DesktopOptions& options);

}  // namespace gopark::native
