// Small widgets every panel uses: goroutine chips and state badges in the five states' colours.
#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/widgets.hpp"

namespace gopark::dash {

bool is_related_object(const Shared& s, std::uint64_t id) {
  if (s.selected == 0) return false;
  return std::find(s.related.objects.begin(), s.related.objects.end(), id) != s.related.objects.end();
}

bool ItemHeights::skip_hidden(std::uint64_t id) {
  start_y_ = ImGui::GetCursorPosY();
  auto it = height_.find(id);
  // Never drawn yet: guess three lines (a new item scrolled into view is drawn and measured).
  const float height = it != height_.end() ? it->second : ImGui::GetTextLineHeightWithSpacing() * 3;
  if (ImGui::IsRectVisible(ImVec2(1.0f, height))) return false;
  ImGui::SetCursorPosY(start_y_ + height);  // the space it would take
  ImGui::Dummy(ImVec2(0, 0));
  ImGui::SetCursorPosY(start_y_ + height);
  return true;
}

void ItemHeights::measure(std::uint64_t id) { height_[id] = ImGui::GetCursorPosY() - start_y_; }

bool in_deadlock(const Shared& s, std::uint64_t id) {
  if (!s.frame || !s.frame->view.deadlock) return false;
  const std::vector<std::uint64_t>& objects = s.frame->view.deadlock_objects;
  return std::binary_search(objects.begin(), objects.end(), id);
}

ImU32 object_header_color(const Shared& s, std::uint64_t id) {
  if (in_deadlock(s, id)) return kDeadlockRed;
  if (is_related_object(s, id)) return IM_COL32(140, 210, 255, 255);
  return 0;
}

bool goroutine_chip(Shared& s, std::uint64_t id, const char* suffix) {
  NoteState st = s.frame ? s.frame->view.state_of(id) : NoteState::Terminated;
  ImU32 color = state_style(st).color;
  std::string label = "G" + std::to_string(id);
  if (suffix) label += suffix;
  bool selected = s.selected == id;
  bool related = s.selected != 0 &&
                 std::find(s.related.goroutines.begin(), s.related.goroutines.end(), id) != s.related.goroutines.end();
  ImGui::PushID(static_cast<int>(id));
  ImGui::PushStyleColor(ImGuiCol_Button, color);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color | 0xFF000000u);
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(16, 16, 16, 255));
  if (selected || related) ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
  if (selected || related) ImGui::PushStyleColor(ImGuiCol_Border, selected ? IM_COL32(255, 255, 255, 255) : IM_COL32(120, 200, 255, 255));
  bool clicked = ImGui::SmallButton(label.c_str());
  if (selected || related) {
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
  }
  ImGui::PopStyleColor(3);
  if (ImGui::IsItemHovered() && s.frame) {
    if (const GoroutineRow* g = s.frame->view.goroutine(id)) {
      ImGui::BeginTooltip();
      ImGui::Text("G%llu %s", static_cast<unsigned long long>(g->id), g->function.c_str());
      ImGui::Text("%s / %s", state_style(g->state).go_word, state_style(g->state).note_word);
      if (!g->wait.empty()) {
        ImGui::Text("waiting: %s%s%s", g->wait.c_str(), g->wait_object_name.empty() ? "" : " on ",
                    g->wait_object_name.c_str());
      }
      if (g->line > 0) ImGui::Text("at line %d", g->line);
      ImGui::EndTooltip();
    }
  }
  ImGui::PopID();
  if (clicked) s.select(id);
  return clicked;
}

void state_badge(const Shared& s, NoteState state) {
  ImVec2 p = ImGui::GetCursorScreenPos();
  float h = ImGui::GetTextLineHeight();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + h - 4, p.y + h - 2),
                                            state_style(state).color, 2.0f);
  ImGui::Dummy(ImVec2(h - 2, h));
  ImGui::SameLine();
  ImGui::TextUnformatted(s.state_word(state));
}

}  // namespace gopark::dash
