// Run xN: run the editor's program N times, each fresh, at full speed off the UI thread, and show
// how often each distinct output came out: a bar per outcome, most frequent first. This is how a
// learner tests the study note's "main wins about 95%" on their own machine, or sees an unlocked
// counter lose a different number of updates every run.
#include "ui/batch_window.hpp"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "ui/shared.hpp"
#include "vm/race.hpp"

namespace gopark::dash {

void BatchWindow::start(const Shared& s) {
  batch.start(s.source, s.file_name, s.controls.settings, runs, errors);
}

void BatchWindow::draw(Shared& s) {
  if (!s.show_batch) return;
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34, ImGui::GetFontSize() * 26), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Run xN: outcomes", &s.show_batch)) {
    ImGui::End();
    return;
  }
  bool running = batch.running();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  ImGui::InputInt("runs", &runs, 10, 100);
  runs = std::clamp(runs, 1, 100000);
  ImGui::SameLine();
  if (running) {
    if (ImGui::Button("Cancel")) batch.cancel();
  } else if (ImGui::Button("Start")) {
    start(s);
  }
  ImGui::SameLine();
  ImGui::TextDisabled("with the toolbar's GOMAXPROCS, mode and seed");
  if (!errors.empty()) {
    ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "does not compile: %d:%d: %s", errors[0].line,
                       errors[0].col, errors[0].message.c_str());
  }
  int done = batch.done(), total = std::max(1, batch.total());
  char progress[48];
  std::snprintf(progress, sizeof progress, "%d / %d runs", done, batch.total());
  ImGui::ProgressBar(static_cast<float>(done) / static_cast<float>(total), ImVec2(-1, 0), progress);

  std::vector<OutcomeCount> outcomes = batch.outcomes();
  const bool simulated = batch.simulated();
  ImGui::Text("%zu distinct outcome%s", outcomes.size(), outcomes.size() == 1 ? "" : "s");
  // With the race detector: how many runs reported a race, whatever else they printed.
  std::uint32_t raced = 0, counted = 0;
  for (const OutcomeCount& o : outcomes) {
    counted += o.count;
    if (o.output.find("[" + std::string(vm::kRaceWarning)) != std::string::npos) raced += o.count;
  }
  if (s.controls.settings.race || raced > 0) {
    ImGui::SameLine();
    ImGui::TextColored(raced ? ImVec4(1.0f, 0.67f, 0.31f, 1.0f) : ImVec4(0.6f, 0.8f, 0.6f, 1.0f),
                       "  data race reported in %u of %u runs", raced, counted);
  }
  if (simulated) {
    ImGui::SameLine();
    ImGui::TextDisabled("(simulated: Open replays an outcome's run, paused at its start)");
  }
  ImGui::BeginChild("outcomes");
  float width = ImGui::GetContentRegionAvail().x;
  for (std::size_t i = 0; i < outcomes.size() && i < 200; ++i) {
    const OutcomeCount& o = outcomes[i];
    float share = done > 0 ? static_cast<float>(o.count) / static_cast<float>(done) : 0.0f;
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p, ImVec2(p.x + width * share, p.y + h), IM_COL32(70, 120, 200, 200), 2.0f);
    ImGui::Text("%u  (%.1f%%)", o.count, 100.0f * share);
    float text_at = ImGui::GetFontSize() * 8;
    if (simulated) {
      // Open this run: the same program with this outcome's seed, paused before its first line,
      // to step through the very interleaving that produced it.
      ImGui::SameLine(text_at);
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::SmallButton("Open")) {
        s.controls.settings.mode = rt::Mode::Sim;
        s.controls.settings.seed = o.seed;
        s.run(true);
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("replay seed %llu, paused", static_cast<unsigned long long>(o.seed));
      ImGui::PopID();
      text_at += ImGui::GetFontSize() * 3.5f;
    }
    // The outcome's first line on the bar; all of it on hover.
    std::string first = o.output.substr(0, o.output.find('\n'));
    if (first.empty()) first = "(no output)";
    if (o.output.find('\n') != std::string::npos && o.output.find('\n') + 1 < o.output.size()) first += "  ...";
    ImGui::SameLine(text_at);
    ImGui::TextUnformatted(first.c_str());
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      ImGui::TextUnformatted(o.output.c_str());
      ImGui::EndTooltip();
    }
  }
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace gopark::dash
