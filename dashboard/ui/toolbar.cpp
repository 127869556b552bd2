// The run controls: Run, Stop, Pause/Resume, Step (next scheduling event, or one line of a
// goroutine), Speed (slow motion), GOMAXPROCS (live), scheduler mode, seed.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <imgui.h>
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include "ui/ui_state.hpp"

namespace gopark::dash {

namespace {

const char* const kModes[] = {"goroutines (M:N)", "threads (1:1)", "coroutines (N:1)"};

// The Speed slider's stops: source lines per second per P (0: full speed). Slow enough at the
// end to follow every handoff by eye.
constexpr double kSpeeds[] = {0, 1000, 300, 100, 30, 10, 3, 1};
constexpr int kSpeedCount = int(sizeof kSpeeds / sizeof kSpeeds[0]);

// The goroutine "Step line" steps: the selected one, else main.
std::uint64_t step_target(const UiState& s) { return s.selected ? s.selected : 1; }

// Whether goroutine `id` is on a P in the latest frame (only then can it run a line).
bool on_processor(const UiState& s, std::uint64_t id) {
  const GoroutineRow* g = s.frame ? s.frame->view.goroutine(id) : nullptr;
  return g && g->state == NoteState::Running;
}

void step_controls(UiState& s, bool running) {
  const bool paused = running && s.session.paused();
  ImGui::BeginDisabled(running && !paused);
  if (ImGui::Button("Step")) {
    if (running) s.session.step_event(); else s.run(true);
  }
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip(running && !paused ? "Pause first, then step"
                      : running ? "Run on until the next scheduling event: a goroutine is created, starts,\n"
                                  "blocks, wakes, yields, is preempted or ends"
                                : "Start the program paused, with main before its first line");
  }
  ImGui::SameLine();
  std::uint64_t target = step_target(s);
  std::string label = "Step G" + std::to_string(target) + " line";
  bool can = paused && on_processor(s, target);
  ImGui::BeginDisabled(!can);
  if (ImGui::Button(label.c_str())) s.session.step_line(target);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip(!paused ? "While paused: run one source line of the selected goroutine (or main),\n"
                                "following calls into functions of the program"
                      : can ? "Run one source line of G%llu; every other goroutine stays where it is"
                            : "G%llu is not on a processor: Step until it is scheduled",
                      static_cast<unsigned long long>(target));
  }
}

void speed_control(UiState& s, bool running) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  double lines = kSpeeds[s.speed_index];
  std::string shown = lines == 0 ? "full" : std::to_string(int(lines)) + " lines/s";
  // Slowest on the left, full speed on the right: dragging right goes faster.
  int position = kSpeedCount - 1 - s.speed_index;
  if (ImGui::SliderInt("speed", &position, 0, kSpeedCount - 1, shown.c_str(), ImGuiSliderFlags_NoInput)) {
    s.speed_index = kSpeedCount - 1 - position;
    if (running) s.session.set_speed(s.speed());
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("Slow motion: at most this many source lines a second on each processor (P),\n"
                      "so every handoff can be followed. Changes the running program at once.");
  }
}

}  // namespace

RunSettings UiState::run_settings() const {
  RunSettings out = settings;
  out.procs = procs;
  out.mode = mode == 1 ? rt::Mode::Threads : mode == 2 ? rt::Mode::Coroutines : rt::Mode::MN;
  out.seed = std::strtoull(seed_text, nullptr, 10);
  out.speed = speed();
  return out;
}

double UiState::speed() const { return kSpeeds[speed_index < 0 || speed_index >= kSpeedCount ? 0 : speed_index]; }

void UiState::set_speed_near(double lines_per_second) {
  int best = 0;
  for (int i = 1; i < kSpeedCount; ++i) {
    if (std::abs(kSpeeds[i] - lines_per_second) < std::abs(kSpeeds[best] - lines_per_second)) best = i;
  }
  speed_index = best;
}

void UiState::run(bool paused) {
  settings = run_settings();
  settings.start_paused = paused;
  selected = 0;
  related = {};
  follow = true;
  session.start(source, file_name, settings, errors);
  source_changed_since_run = false;
}

void UiState::load_example(const Example& e) {
  stop();
  source = std::string(e.source);
  ++editor_generation;
  file_name = e.file;
  example = &e;
  errors.clear();
}

void draw_toolbar(UiState& s) {
  bool running = s.session.running();
  ImGuiIO& io = ImGui::GetIO();
  if (!running && io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) s.run();
  if (running && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) s.stop();

  if (running) {
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(170, 50, 50, 255));
    if (ImGui::Button("  Stop  ")) s.stop();
    ImGui::PopStyleColor();
    ImGui::SameLine();
    bool paused = s.session.paused();
    if (ImGui::Button(paused ? "Resume" : "Pause ")) s.session.set_paused(!paused);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Hold every goroutine at its next line (sleeps keep real time)");
  } else {
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(40, 140, 70, 255));
    if (ImGui::Button("  Run  ")) s.run();
    ImGui::PopStyleColor();
  }
  ImGui::SameLine();
  step_controls(s, running);
  ImGui::SameLine();
  speed_control(s, running);
#ifdef __EMSCRIPTEN__
  ImGui::SameLine();
  if (ImGui::Button("Share")) {
    // The page makes the link (shell/gopark.js) and puts it in the clipboard.
    EM_ASM({ if (window.gopark && window.gopark.copyShareLink) window.gopark.copyShareLink(); });
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Copy a link that opens this program with these settings");
#endif
  ImGui::SameLine();
  if (ImGui::Button("Run xN")) s.show_batch = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Run the program many times, fresh each time, and count the outcomes");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  int before = s.procs;
  if (ImGui::SliderInt("GOMAXPROCS", &s.procs, 1, 16)) {
    if (running && s.procs != before) s.session.set_procs(s.procs);
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("How many processors (P) run Go code at once.\nChanging it while the program runs adds or removes P lanes live.");
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
  ImGui::BeginDisabled(running);
  ImGui::Combo("mode", &s.mode, kModes, 3);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::InputText("seed", s.seed_text, sizeof s.seed_text, ImGuiInputTextFlags_CharsDecimal);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("0 picks a new random seed for every run");

  if (!s.status.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", s.status.c_str());
  }
  if (s.frame) {
    const ViewModel& v = s.frame->view;
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    const char* what = v.deadlock              ? "DEADLOCK"
                       : !v.running            ? "ended"
                       : s.session.stepping()  ? "stepping"
                       : s.session.paused()    ? "PAUSED"
                       : s.speed_index > 0     ? "slow motion"
                                               : "running";
    ImGui::Text("%s  %.1f s  %zu goroutines", what, v.time_ms / 1000.0, v.goroutines.size());
  } else if (!s.errors.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%zu compile error%s", s.errors.size(),
                       s.errors.size() == 1 ? "" : "s");
  }
}

}  // namespace gopark::dash
