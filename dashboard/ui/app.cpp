// App: the dashboard's layout, and the glue between the shell's frames and the panels.
//
//   menu bar: File, Examples (by curriculum row), View
//   toolbar:  Run/Stop, GOMAXPROCS (live), mode, seed, status
//   left:     the example's "what to watch" note, the editor, the output
//   right:    processors and threads, goroutines, channels and locks side by side
//   bottom:   the per-P timeline
//
// Each panel is a struct in its own file that keeps its own state and draws itself; what more
// than one of them needs is in Shared (shared.hpp, with the rules for who writes what). App holds
// one of each, lays them out and answers the shell's and the page's calls.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <imgui.h>

#include "ui/app.hpp"

#include "model/state_json.hpp"
#include "ui/batch_window.hpp"
#include "ui/channels_panel.hpp"
#include "ui/editor_panel.hpp"
#include "ui/example_note.hpp"
#include "ui/goroutines_panel.hpp"
#include "ui/locks_panel.hpp"
#include "ui/menu_bar.hpp"
#include "ui/output_panel.hpp"
#include "ui/procs_panel.hpp"
#include "ui/races_panel.hpp"
#include "ui/shared.hpp"
#include "ui/timeline_panel.hpp"
#include "ui/toolbar.hpp"

namespace gopark::dash {

// What the panels share, then one struct per panel with the state only it keeps (shared.hpp says
// who may write what). A new panel is a member here and a place in the layout in frame().
// Members are destroyed in reverse: the Run xN window's runs end before the session's.
struct App::State {
  AppOptions options;
  bool started = false;                 // the first frame has honoured run_at_start, steps, batch_runs
  std::shared_ptr<const Frame> pinned;  // App::pin_frame: drawn instead of the session's
  Shared shared;

  MenuBar menu_bar;
  Toolbar toolbar;
  ExampleNote note;
  EditorPanel editor;
  OutputPanel output;
  ProcsPanel procs;
  GoroutinesPanel goroutines;
  ChannelsPanel channels;
  LocksPanel locks;
  RacesPanel races;
  TimelinePanel timeline;
  BatchWindow batch;
};

App::App(AppOptions options) : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  const std::string& file = state_->options.file;
  Shared& s = state_->shared;
  if (!file.empty()) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    s.source = text.str();
    auto slash = file.find_last_of('/');
    s.file_name = slash == std::string::npos ? file : file.substr(slash + 1);
    for (const Example& e : examples()) {
      if (e.file == s.file_name) s.example = &e;  // opened from examples/: show its note too
    }
    if (!in) s.source = "// could not read " + file + "\npackage main\n\nfunc main() {\n}\n";
  } else if (!examples().empty()) {
    s.load_example(examples().front());
  }
}

App::~App() = default;

bool App::wants_quit() const { return state_->menu_bar.quit; }

bool App::run_finished() const {
  return state_->started && !state_->shared.session.running() && !state_->batch.batch.running();
}

std::string App::output_text() const { return state_->shared.session.output_text(); }
std::string App::stdout_text() const { return state_->shared.session.stdout_text(); }

void App::pin_frame(std::shared_ptr<const Frame> frame) { state_->pinned = std::move(frame); }

const std::string& App::source() const { return state_->shared.source; }

void App::edit_source(std::string text) {
  Shared& s = state_->shared;
  s.source = std::move(text);
  s.example = nullptr;
  s.file_name = "prog.go";  // a program of the user's own, named as the Go playground names it
  s.focus_editor = true;
  ++s.editor_generation;
}

engine::RunSettings App::settings() const { return state_->shared.controls.settings; }

void App::set_settings(const engine::RunSettings& settings) { state_->shared.controls.assign(settings); }

bool App::open_example(const std::string& name) {
  std::string file = name.size() > 3 && name.compare(name.size() - 3, 3, ".go") == 0 ? name : name + ".go";
  for (const Example& e : examples()) {
    if (e.file == file) {
      state_->shared.load_example(e);
      return true;
    }
  }
  return false;
}

std::string App::example_name() const {
  const Example* e = state_->shared.example;
  if (!e || state_->shared.source != e->source) return "";
  return e->file.substr(0, e->file.size() - 3);
}

// A run still going is stopped first, and the new one starts at a later frame once it has ended:
// the caller (the browser's main thread) never waits for the old run's threads.
void App::run() {
  Shared& s = state_->shared;
  if (s.session.running()) {
    s.session.stop();
    s.run_when_stopped = true;
    return;
  }
  s.run();
}
void App::stop() { state_->shared.stop(); }
bool App::running() const {
  const Shared& s = state_->shared;
  return s.run_when_stopped || s.replay_pending() || s.session.running();
}
bool App::seek(std::uint64_t step) { return state_->shared.seek(step); }
std::uint64_t App::step() const { return state_->shared.session.step(); }
bool App::paused() const { return state_->shared.session.running() && state_->shared.session.paused(); }
bool App::seeking() const {
  const Shared& s = state_->shared;
  return s.replay_pending() || (s.session.running() && s.session.stepping());
}
void App::start_pending_run() {
  Shared& s = state_->shared;
  if (s.seek_when_stopped != UINT64_MAX && !s.session.running()) {
    const std::uint64_t k = s.seek_when_stopped;
    s.seek_when_stopped = UINT64_MAX;
    s.session.seek(k);  // a replay of the last simulated run, paused, on to step k
  }
  if (s.line_back_when_stopped.first != 0 && !s.session.running()) {
    const auto [g, from] = s.line_back_when_stopped;
    s.line_back_when_stopped = {0, 0};
    s.session.line_back(g, from);
  }
  if (s.run_when_stopped && !s.session.running()) {
    s.run_when_stopped = false;
    s.run();
  }
}
std::uint64_t App::output_version() const { return state_->shared.session.output_version(); }
std::uint64_t App::runs() const { return state_->shared.session.runs(); }
int App::exit_code() const { return state_->shared.session.exit_code(); }

std::string App::state_json() const {
  std::shared_ptr<const Frame> f = state_->shared.session.frame();
  return f ? dash::state_json(f->view, f->step, f->held) : "null";
}

void App::frame() {
  State& app = *state_;
  Shared& s = app.shared;
  AppOptions& options = app.options;
  s.frame = app.pinned ? app.pinned : s.session.frame();
  if (s.frame && s.selected != 0) s.related = related_to(s.frame->view, s.selected);
  // A selected race: its other goroutine is highlighted with the selected one.
  if (s.frame && s.selected_race >= 0 && std::size_t(s.selected_race) < s.frame->view.races.size()) {
    const RaceView& r = s.frame->view.races[std::size_t(s.selected_race)];
    std::vector<std::uint64_t>& gs = s.related.goroutines;
    if (s.selected == r.goroutine && r.previous_goroutine != r.goroutine &&
        !std::binary_search(gs.begin(), gs.end(), r.previous_goroutine)) {
      gs.insert(std::lower_bound(gs.begin(), gs.end(), r.previous_goroutine), r.previous_goroutine);
    }
  }
  if (!app.started) {
    app.started = true;
    if (options.speed > 0) s.controls.set_speed_near(options.speed);
    if (options.steps >= 0) {
      s.run(true);
    } else if (options.run_at_start) {
      s.run();
    }
    if (options.batch_runs > 0) {
      s.show_batch = true;
      app.batch.runs = options.batch_runs;
      app.batch.start(s);
    }
  }

  start_pending_run();
  // The --steps test hook: one Step at a time, each once the previous one has finished.
  if (options.steps > 0 && s.session.paused() && !s.session.stepping()) {
    s.session.step_event();
    --options.steps;
  }

  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_MenuBar |
                           ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("gopark", nullptr, flags);
  app.menu_bar.draw(s);
  app.toolbar.draw(s);

  ImVec2 avail = ImGui::GetContentRegionAvail();
  float spacing = ImGui::GetStyle().ItemSpacing.y;
  int lanes = s.frame ? std::max(1, s.frame->lanes) : 1;
  float timeline_h = std::min(avail.y * 0.3f, ImGui::GetTextLineHeight() * (1.5f * static_cast<float>(lanes) + 3.5f));
  float top_h = avail.y - timeline_h - spacing;
  float left_w = avail.x * 0.42f;

  ImGui::BeginChild("left", ImVec2(left_w, top_h));
  if (s.example) {
    ImGui::BeginChild("note", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 4.5f), false);
    app.note.draw(s);
    ImGui::EndChild();
  }
  float editor_h = (ImGui::GetContentRegionAvail().y) * 0.66f;
  ImGui::BeginChild("editor", ImVec2(0, editor_h));
  app.editor.draw(s);
  ImGui::EndChild();
  // The output, and beside it the race detector's reports when it is on or found any.
  const bool races_tab = s.controls.settings.race || (s.frame && !s.frame->view.races.empty());
  if (!races_tab) {
    ImGui::TextUnformatted("Output");
    app.output.draw(s);
  } else if (ImGui::BeginTabBar("##output_tabs")) {
    const bool bring_races = app.races.first_race(s);
    if (ImGui::BeginTabItem("Output")) {
      app.output.draw(s);
      ImGui::EndTabItem();
    }
    const std::size_t n = s.frame ? s.frame->view.races.size() : 0;
    const std::string title = n ? "Data races (" + std::to_string(n) + ")###races" : std::string("Data races###races");
    if (n) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 170, 80, 255));
    const bool open = ImGui::BeginTabItem(title.c_str(), nullptr, bring_races ? ImGuiTabItemFlags_SetSelected : 0);
    if (n) ImGui::PopStyleColor();
    if (open) {
      app.races.draw(s);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::EndChild();

  ImGui::SameLine();
  ImGui::BeginChild("right", ImVec2(0, top_h));
  float right_h = ImGui::GetContentRegionAvail().y;
  ImGui::BeginChild("procs", ImVec2(0, right_h * 0.30f), true);
  ImGui::TextUnformatted("Processors (P) and threads (M)");
  app.procs.draw(s);
  ImGui::EndChild();
  ImGui::BeginChild("goroutines", ImVec2(0, right_h * 0.36f), true);
  ImGui::TextUnformatted("Goroutines");
  app.goroutines.draw(s);
  ImGui::EndChild();
  float half = ImGui::GetContentRegionAvail().x * 0.5f - spacing;
  ImGui::BeginChild("channels", ImVec2(half, 0), true);
  ImGui::TextUnformatted("Channels");
  app.channels.draw(s);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("locks", ImVec2(0, 0), true);
  ImGui::TextUnformatted("Locks, WaitGroups, Once");
  app.locks.draw(s);
  ImGui::EndChild();
  ImGui::EndChild();

  ImGui::BeginChild("timeline", ImVec2(0, 0), true);
  app.timeline.draw(s);
  ImGui::EndChild();
  ImGui::End();
  app.batch.draw(s);
}

}  // namespace gopark::dash
