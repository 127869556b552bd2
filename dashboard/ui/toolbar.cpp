// The run controls: Run, Stop, Pause/Resume, Step (next scheduling event, or one line of a
// goroutine), Speed (slow motion), GOMAXPROCS (live), scheduler mode, seed.
#include "ui/toolbar.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include <imgui.h>
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include "ui/widgets.hpp"

namespace gopark::dash {

namespace {

// The goroutine "Step line" steps: the selected one, else main.
std::uint64_t step_target(const Shared& s) { return s.selected ? s.selected : 1; }

// Whether goroutine `id` is on a P in the latest frame (only then can it run a line).
bool on_processor(const Shared& s, std::uint64_t id) {
  const GoroutineRow* g = s.frame ? s.frame->view.goroutine(id) : nullptr;
  return g && g->state == NoteState::Running;
}

void step_controls(Shared& s, bool running) {
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

// Simulated runs only (their steps can be shown again): Back, one scheduling event earlier; Back
// a line of the selected goroutine; and a scrubber over the steps this run (or an earlier run of
// it) reached.
void sim_controls(Shared& s, int& scrub) {
  Session& session = s.session;
  const std::uint64_t step = session.step();
  const bool seeking = session.running() && session.stepping();
  ImGui::SameLine();
  ImGui::BeginDisabled(step == 0 || seeking || s.replay_pending());
  if (ImGui::Button("Back")) s.step_back();
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("Step back: the run as it was one scheduling event earlier, paused.\n"
                      "A simulated run is the same run every time, so it is replayed to there.");
  }
  ImGui::SameLine();
  const std::uint64_t target = step_target(s);
  const std::string label = "Back G" + std::to_string(target) + " line";
  const bool ended = !session.running() && session.simulated();
  ImGui::BeginDisabled(!(session.paused() || ended) || seeking || s.replay_pending());
  if (ImGui::Button(label.c_str())) s.line_back(target);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("Step back one source line of G%llu (the selected goroutine, or main): the run as\n"
                      "it was when G%llu began its current line, or the line before if it is at the\n"
                      "start of one. Replayed from the start, twice: once to find the place, once to go there.",
                      static_cast<unsigned long long>(target), static_cast<unsigned long long>(target));
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  const std::uint64_t seen = std::max(session.steps_seen(), step);
  int value = scrub >= 0 ? scrub : int(std::min<std::uint64_t>(step, INT32_MAX));
  const int top = int(std::min<std::uint64_t>(std::max<std::uint64_t>(seen, 1), INT32_MAX));
  if (ImGui::SliderInt("step", &value, 0, top, "%d", ImGuiSliderFlags_AlwaysClamp)) scrub = value;
  if (ImGui::IsItemDeactivatedAfterEdit() && scrub >= 0) {
    s.seek(std::uint64_t(scrub));
    scrub = -1;
  } else if (!ImGui::IsItemActive()) {
    scrub = -1;
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("The run's steps (scheduling events): drag to show every panel as it was at\n"
                      "that step; the run pauses there. Step %llu of %llu seen.",
                      static_cast<unsigned long long>(step), static_cast<unsigned long long>(seen));
  }
}

void speed_control(Shared& s, bool running) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  double lines = s.controls.settings.speed;
  std::string shown = lines == 0 ? "full" : std::to_string(int(lines)) + " lines/s";
  // Slowest on the left, full speed on the right: dragging right goes faster.
  int position = kSpeedCount - 1 - s.controls.speed_index();
  if (ImGui::SliderInt("speed", &position, 0, kSpeedCount - 1, shown.c_str(), ImGuiSliderFlags_NoInput)) {
    s.controls.settings.speed = kSpeeds[kSpeedCount - 1 - position];
    if (running) s.session.set_speed(s.controls.settings.speed);
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("Slow motion: at most this many source lines a second on each processor (P),\n"
                      "so every handoff can be followed. Changes the running program at once.");
  }
}

}  // namespace

void Toolbar::draw(Shared& s) {
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
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip(s.session.simulated() ? "Hold the simulation where it is (its clock stands still too)"
                                              : "Hold every goroutine at its next line (sleeps keep real time)");
    }
  } else {
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(40, 140, 70, 255));
    if (ImGui::Button("  Run  ")) s.run();
    ImGui::PopStyleColor();
  }
  ImGui::SameLine();
  step_controls(s, running);
  if (s.session.simulated()) sim_controls(s, scrub);
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
  int& procs = s.controls.settings.procs;
  int before = procs;
  // Logarithmic: 1, 2, 4 and 8 get most of the slider, and the runtime's most Ps are still there.
  if (ImGui::SliderInt("GOMAXPROCS", &procs, engine::kMinProcs, engine::kMaxProcs, "%d", ImGuiSliderFlags_Logarithmic)) {
    if (running && procs != before) s.session.set_procs(procs);
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("How many processors (P) run Go code at once.\nChanging it while the program runs adds or removes P lanes live.");
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 13);
  ImGui::BeginDisabled(running);
  int mode = int(s.controls.settings.mode);
  if (ImGui::Combo("mode", &mode, kModes, kModeCount)) s.controls.settings.mode = rt::Mode(mode);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  if (!s.controls.seed_ok) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(230, 80, 80, 255));
  if (ImGui::InputText("seed", s.controls.seed_text, sizeof s.controls.seed_text, ImGuiInputTextFlags_CharsDecimal))
    s.controls.seed_edited();
  if (!s.controls.seed_ok) ImGui::PopStyleColor();
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(!s.controls.seed_ok ? "Past 2^64-1: the runs keep the last seed that fitted"
                      : s.controls.settings.mode == rt::Mode::Sim
                          ? "Simulated: the seed is the whole schedule; the same seed replays the same run (0 too)"
                          : "0 picks a new random seed for every run");
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::BeginDisabled(running);
  std::size_t& memory = s.controls.settings.memory_limit;
  if (ImGui::BeginCombo("memory", memory_text(memory).c_str())) {
    for (std::size_t stop : kMemoryStops) {
      if (stop < engine::kMinMemoryLimit || stop > engine::kMaxMemoryLimit) continue;
      if (ImGui::Selectable(memory_text(stop).c_str(), stop == memory)) memory = stop;
    }
    ImGui::EndCombo();
  }
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("The run's memory: heap, goroutines and their stacks, channel buffers.\n"
                      "Past it the program ends as Go's does: fatal error: out of memory");
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(running);
  ImGui::Checkbox("race detector", &s.controls.settings.race);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("Go's -race: report two goroutines touching the same variable, one of them writing,\n"
                      "with nothing (a lock, a channel, a WaitGroup...) ordering them. The racing lines\n"
                      "are marked in the editor; the run is slower, and exits with status 66 after a race.");
  }

  if (!s.status.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", s.status.c_str());
  }
  if (s.frame) {
    const ViewModel& v = s.frame->view;
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    const char* what = v.deadlock                  ? "DEADLOCK"
                       : !v.running                ? "ended"
                       : s.session.stepping()      ? "stepping"
                       : s.session.paused()        ? "PAUSED"
                       : s.controls.settings.speed > 0 ? "slow motion"
                                                   : "running";
    ImGui::Text("%s  %.1f s  %zu goroutines", what, v.time_ms / 1000.0, v.goroutines.size());
    if (!v.races.empty()) {
      ImGui::SameLine();
      ImGui::TextColored(ImVec4(1.0f, 0.67f, 0.31f, 1.0f), "%zu DATA RACE%s", v.races.size(),
                         v.races.size() == 1 ? "" : "S");
    }
  } else if (!s.errors.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%zu compile error%s", s.errors.size(),
                       s.errors.size() == 1 ? "" : "s");
  }
}

}  // namespace gopark::dash
