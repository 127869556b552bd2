#pragma once
// The dashboard as one object: every panel, the program being edited and its run. A shell
// (native/desktop.cpp, web/main.cpp, both over dashboard/shell/window.hpp: SDL2 + OpenGL3 or
// WebGL2) owns the window and the ImGui context and calls frame() between ImGui::NewFrame() and
// ImGui::Render().
#include <memory>
#include <string>

#include "run/settings.hpp"

namespace gopark::dash {

struct Frame;  // session/session.hpp: one sampled frame of a run

struct AppOptions {
  std::string file;            // a .go file to open (empty: the first example)
  bool run_at_start = false;   // press Run once the first frame is drawn
  int batch_runs = 0;          // > 0: open Run xN and start that many runs at the first frame
  double speed = 0;            // the Speed slider's start (lines per second; the nearest stop)
  int steps = -1;              // >= 0: start paused (implies Run) and press Step that many times
};

class App {
 public:
  explicit App(AppOptions options);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Draws one frame of the whole dashboard into the current ImGui context. Never blocks on the
  // engine: what it draws comes from the latest published view-model.
  void frame();

  // The user asked to quit (File > Quit).
  bool wants_quit() const;

  // ---- for tests (the Xvfb smoke test) ----
  // The last run (and Run xN batch) has ended, or none was started.
  bool run_finished() const;
  // Everything the program wrote (stdout and stderr, in order) and the run's ending report.
  std::string output_text() const;
  std::string stdout_text() const;  // the program's standard output alone
  // Draws `frame` from now on instead of the session's (the frame-time benchmark's recorded
  // snapshots); null goes back to the session.
  void pin_frame(std::shared_ptr<const Frame> frame);
  // The editor's text; replacing it also gives the editor the keyboard focus at the next frame
  // (the editor tests type into it through Dear ImGui's input queue).
  const std::string& source() const;
  void edit_source(std::string text);

  // ---- for pages that embed the dashboard (the web shell's JS API, share links) ----
  // The toolbar's settings (engine/run/settings.hpp). set_settings brings values within the
  // settings' limits and the speed to the nearest slider stop; a page that takes settings as text
  // checks them with engine::RunSettings::set first, so nothing is bent silently.
  engine::RunSettings settings() const;
  void set_settings(const engine::RunSettings& settings);
  // Opens examples/<name>.go ("10_go_keyword", with or without ".go"); false if there is none.
  bool open_example(const std::string& name);
  std::string example_name() const;  // "" when the editor holds something else
  // Run (compile errors go to the editor and the output). While a run is going, it is stopped
  // and the new one starts at a later frame, once the old one has ended; running() is true meanwhile.
  void run();
  // Simulated runs (Shared::seek): show step `step`, paused; false when the settings are not
  // simulated. seeking(): on the way there. step(): the run's step now.
  bool seek(std::uint64_t step);
  bool seeking() const;
  std::uint64_t step() const;
  bool paused() const;  // the run is going and paused (held)
  void stop();
  bool running() const;
  // Starts a run that App::run left waiting for the previous one to end, if that one has; frame()
  // does it too, but a page whose frames are paused (a background tab) calls this.
  void start_pending_run();
  std::uint64_t output_version() const;  // changes whenever the output does
  std::uint64_t runs() const;            // runs started
  // The last run's exit status: 0, Go's (1 compile errors, 2 panics and fatal errors, os.Exit's),
  // -1 when stopped or before any run.
  int exit_code() const;
  std::string state_json() const;    // the latest frame (model/state_json.hpp); "null" before any

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace gopark::dash
