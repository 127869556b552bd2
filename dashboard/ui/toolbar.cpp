// The menu bar (File, Examples by curriculum row, View) and the run controls: Run, Stop,
// GOMAXPROCS (live), scheduler mode, seed.
#include <cstdlib>
#include <string>

#include <imgui.h>

#include "ui/ui_state.hpp"

namespace gopark::dash {

namespace {

const char* const kModes[] = {"goroutines (M:N)", "threads (1:1)", "coroutines (N:1)"};

}  // namespace

RunSettings UiState::run_settings() const {
  RunSettings out = settings;
  out.procs = procs;
  out.mode = mode == 1 ? rt::Mode::Threads : mode == 2 ? rt::Mode::Coroutines : rt::Mode::MN;
  out.seed = std::strtoull(seed_text, nullptr, 10);
  return out;
}

void UiState::run() {
  settings = run_settings();
  selected = 0;
  related = {};
  follow = true;
  session.start(source, file_name, settings, errors);
  source_changed_since_run = false;
}

void UiState::load_example(const Example& e) {
  stop();
  source = std::string(e.source);
  file_name = e.file;
  example = &e;
  errors.clear();
}

void draw_menu_bar(UiState& s) {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Run", "Ctrl+Enter", false, !s.session.running())) s.run();
    if (ImGui::MenuItem("Stop", "Esc", false, s.session.running())) s.stop();
    if (ImGui::MenuItem("Run xN...")) s.show_batch = true;
    ImGui::Separator();
    if (ImGui::MenuItem("Export trace (Chrome JSON)", nullptr, false, s.session.runs() > 0 && !s.session.running())) {
      std::string why;
      std::string path = "gopark-trace.json";
      s.status = s.session.export_trace(path, &why) ? "trace written to " + path + ": open it in ui.perfetto.dev"
                                                    : "trace not written: " + why;
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Quit")) s.quit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Examples")) {
    std::string last_rows;
    for (const Example& e : examples()) {
      std::string label = "Row " + e.rows + ": " + e.title;
      if (ImGui::MenuItem(label.c_str(), e.file.c_str(), s.example == &e)) s.load_example(e);
      if (ImGui::IsItemHovered() && !e.watch.empty()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36.0f);
        ImGui::TextUnformatted(e.watch.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    ImGui::MenuItem("States in the study note's words", nullptr, &s.note_words);
    ImGui::MenuItem("Timeline follows the run", nullptr, &s.follow);
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
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
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Hold every goroutine where it is (sleeps keep real time)");
  } else {
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(40, 140, 70, 255));
    if (ImGui::Button("  Run  ")) s.run();
    ImGui::PopStyleColor();
  }
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
    ImGui::Text("%s  %.1f s  %zu goroutines", !v.running ? "ended" : s.session.paused() ? "PAUSED" : "running",
                v.time_ms / 1000.0, v.goroutines.size());
  } else if (!s.errors.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%zu compile error%s", s.errors.size(),
                       s.errors.size() == 1 ? "" : "s");
  }
}

void draw_example_note(UiState& s) {
  if (!s.example || s.example->watch.empty()) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ImVec4(0.75f, 0.85f, 1.0f, 1.0f), "%s (row %s)", s.example->title.c_str(), s.example->rows.c_str());
  ImGui::TextWrapped("Watch: %s", s.example->watch.c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace gopark::dash
