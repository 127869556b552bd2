// App: the dashboard's layout, and the glue between the shell's frames and the panels.
//
//   menu bar: File, Examples (by curriculum row), View
//   toolbar:  Run/Stop, GOMAXPROCS (live), mode, seed, status
//   left:     the example's "what to watch" note, the editor, the output
//   right:    processors and threads, goroutines, channels and locks side by side
//   bottom:   the per-P timeline
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <imgui.h>

#include "ui/app.hpp"

#include "model/state_json.hpp"
#include "ui/ui_state.hpp"

namespace gopark::dash {

struct App::State : UiState {};

App::App(AppOptions options) : state_(std::make_unique<State>()) {
  UiState& s = *state_;
  s.options = std::move(options);
  s.procs = std::max(1, std::min(16, rt::Runtime::num_cpu()));
  if (!s.options.file.empty()) {
    std::ifstream in(s.options.file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    s.source = text.str();
    auto slash = s.options.file.find_last_of('/');
    s.file_name = slash == std::string::npos ? s.options.file : s.options.file.substr(slash + 1);
    for (const Example& e : examples()) {
      if (e.file == s.file_name) s.example = &e;  // opened from examples/: show its note too
    }
    if (!in) s.source = "// could not read " + s.options.file + "\npackage main\n\nfunc main() {\n}\n";
  } else if (!examples().empty()) {
    s.load_example(examples().front());
  }
}

App::~App() = default;

bool App::wants_quit() const { return state_->quit; }

bool App::run_finished() const {
  return state_->started && !state_->session.running() && !state_->batch.running();
}

std::string App::output_text() const { return state_->session.output_text(); }
std::string App::stdout_text() const { return state_->session.stdout_text(); }

void App::pin_frame(std::shared_ptr<const Frame> frame) { state_->pinned = std::move(frame); }

const std::string& App::source() const { return state_->source; }

void App::edit_source(std::string text) {
  state_->source = std::move(text);
  state_->example = nullptr;
  state_->file_name = "prog.go";  // a program of the user's own, named as the Go playground names it
  state_->focus_editor = true;
  ++state_->editor_generation;
}

App::Controls App::controls() const {
  const UiState& s = *state_;
  RunSettings r = s.run_settings();
  return Controls{s.procs, s.mode, s.speed(), r.seed};
}

void App::set_controls(const Controls& c) {
  UiState& s = *state_;
  s.procs = std::clamp(c.procs, 1, 16);
  s.mode = std::clamp(c.mode, 0, 2);
  s.set_speed_near(std::max(0.0, c.speed));
  std::snprintf(s.seed_text, sizeof s.seed_text, "%llu", static_cast<unsigned long long>(c.seed));
}

bool App::open_example(const std::string& name) {
  std::string file = name.size() > 3 && name.compare(name.size() - 3, 3, ".go") == 0 ? name : name + ".go";
  for (const Example& e : examples()) {
    if (e.file == file) {
      state_->load_example(e);
      return true;
    }
  }
  return false;
}

std::string App::example_name() const {
  const Example* e = state_->example;
  if (!e || state_->source != e->source) return "";
  return e->file.substr(0, e->file.size() - 3);
}

// A run still going is stopped first, and the new one starts at a later frame once it has ended:
// the caller (the browser's main thread) never waits for the old run's threads.
void App::run() {
  UiState& s = *state_;
  if (s.session.running()) {
    s.session.stop();
    s.run_when_stopped = true;
    return;
  }
  s.run();
}
void App::stop() { state_->stop(); }
bool App::running() const { return state_->run_when_stopped || state_->session.running(); }
void App::start_pending_run() {
  UiState& s = *state_;
  if (s.run_when_stopped && !s.session.running()) {
    s.run_when_stopped = false;
    s.run();
  }
}
std::uint64_t App::output_version() const { return state_->session.output_version(); }
std::uint64_t App::runs() const { return state_->session.runs(); }
int App::exit_code() const { return state_->session.exit_code(); }

std::string App::state_json() const {
  std::shared_ptr<const Frame> f = state_->session.frame();
  return f ? dash::state_json(f->view) : "null";
}

void App::frame() {
  UiState& s = *state_;
  s.frame = s.pinned ? s.pinned : s.session.frame();
  if (s.frame && s.selected != 0) s.related = related_to(s.frame->view, s.selected);
  if (!s.started) {
    s.started = true;
    if (s.options.speed > 0) s.set_speed_near(s.options.speed);
    if (s.options.steps >= 0) {
      s.run(true);
    } else if (s.options.run_at_start) {
      s.run();
    }
    if (s.options.batch_runs > 0) {
      s.show_batch = true;
      s.batch_runs = s.options.batch_runs;
      s.start_batch();
    }
  }

  start_pending_run();
  // The --steps test hook: one Step at a time, each once the previous one has finished.
  if (s.options.steps > 0 && s.session.paused() && !s.session.stepping()) {
    s.session.step_event();
    --s.options.steps;
  }

  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_MenuBar |
                           ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("gopark", nullptr, flags);
  draw_menu_bar(s);
  draw_toolbar(s);

  ImVec2 avail = ImGui::GetContentRegionAvail();
  float spacing = ImGui::GetStyle().ItemSpacing.y;
  int lanes = s.frame ? std::max(1, s.frame->lanes) : 1;
  float timeline_h = std::min(avail.y * 0.3f, ImGui::GetTextLineHeight() * (1.5f * static_cast<float>(lanes) + 3.5f));
  float top_h = avail.y - timeline_h - spacing;
  float left_w = avail.x * 0.42f;

  ImGui::BeginChild("left", ImVec2(left_w, top_h));
  if (s.example) {
    ImGui::BeginChild("note", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 4.5f), false);
    draw_example_note(s);
    ImGui::EndChild();
  }
  float editor_h = (ImGui::GetContentRegionAvail().y) * 0.66f;
  ImGui::BeginChild("editor", ImVec2(0, editor_h));
  draw_editor(s);
  ImGui::EndChild();
  ImGui::TextUnformatted("Output");
  draw_output(s);
  ImGui::EndChild();

  ImGui::SameLine();
  ImGui::BeginChild("right", ImVec2(0, top_h));
  float right_h = ImGui::GetContentRegionAvail().y;
  ImGui::BeginChild("procs", ImVec2(0, right_h * 0.30f), true);
  ImGui::TextUnformatted("Processors (P) and threads (M)");
  draw_procs(s);
  ImGui::EndChild();
  ImGui::BeginChild("goroutines", ImVec2(0, right_h * 0.36f), true);
  ImGui::TextUnformatted("Goroutines");
  draw_goroutines(s);
  ImGui::EndChild();
  float half = ImGui::GetContentRegionAvail().x * 0.5f - spacing;
  ImGui::BeginChild("channels", ImVec2(half, 0), true);
  ImGui::TextUnformatted("Channels");
  draw_channels(s);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("locks", ImVec2(0, 0), true);
  ImGui::TextUnformatted("Locks, WaitGroups, Once");
  draw_locks(s);
  ImGui::EndChild();
  ImGui::EndChild();

  ImGui::BeginChild("timeline", ImVec2(0, 0), true);
  draw_timeline(s);
  ImGui::EndChild();
  ImGui::End();
  draw_batch_window(s);
}

}  // namespace gopark::dash
