// Races: one row per data race the detector reported (Run with "race detector" on), as Go's
// `-race` would report it: which goroutine wrote or read which line, and which earlier access of
// another goroutine it was not ordered with. Selecting a race selects its goroutine and
// highlights the other one in every panel (Shared::selected_race); its two lines are marked in the
// editor (editor_panel.cpp) whether selected or not. The selected race shows Go's whole report.
#include "ui/races_panel.hpp"

#include <string>

#include <imgui.h>

#include "ui/shared.hpp"

namespace gopark::dash {

namespace {

std::string who(std::uint64_t g) { return g == 1 ? "main (G1)" : "G" + std::to_string(g); }

std::string where(int line) { return line > 0 ? "line " + std::to_string(line) : "the library"; }

}  // namespace

bool RacesPanel::first_race(const Shared& s) {
  const std::size_t now = s.frame ? s.frame->view.races.size() : 0;
  const bool first = seen == 0 && now > 0;
  seen = now;
  return first;
}

void RacesPanel::draw(Shared& s) {
  const std::vector<RaceView>* races = s.frame ? &s.frame->view.races : nullptr;
  if (!races || races->empty()) {
    ImGui::TextWrapped(s.controls.settings.race
                           ? "No data race found (yet). The race detector sees only what this run does: "
                             "run it again, or in sim mode with other seeds, to try other interleavings."
                           : "The race detector is off. Turn on \"race detector\" in the toolbar and Run: "
                             "two goroutines touching the same variable, one of them writing, without a "
                             "lock, channel or other synchronisation between them, are reported here.");
    return;
  }
  ImGui::BeginChild("##races", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  for (std::size_t i = 0; i < races->size(); ++i) {
    const RaceView& r = (*races)[i];
    ImGui::PushID(int(i));
    const bool selected = s.selected_race == int(i);
    const std::string label = std::string(r.write ? "write" : "read") + " at " + where(r.line) + " by " +
                              who(r.goroutine) + "  races with  " + (r.previous_write ? "write" : "read") +
                              " at " + where(r.previous_line) + " by " + who(r.previous_goroutine);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 170, 80, 255));
    ImGui::TextUnformatted("DATA RACE");
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (ImGui::Selectable(label.c_str(), selected)) s.select_race(selected ? -1 : int(i));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Select: highlight both goroutines; the report below");
    if (selected) {
      ImGui::Indent();
      ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(200, 200, 205, 255));
      ImGui::TextUnformatted(r.text.c_str());
      ImGui::PopStyleColor();
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace gopark::dash
