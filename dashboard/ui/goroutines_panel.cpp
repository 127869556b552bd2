// The goroutine table: id, function, state (Go's word or the note's), wait reason and object,
// P, line, created at, run time, switches; filter by text and state, sort by any column; a
// click selects a goroutine (its line and objects light up elsewhere).
#include "ui/goroutines_panel.hpp"

#include <string>

#include <imgui.h>

#include "ui/widgets.hpp"

namespace gopark::dash {

void GoroutinesPanel::draw(Shared& s) {
  // Filters: text, then one checkbox per state in its colour, with its count.
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  if (ImGui::InputTextWithHint("##filter", "filter", filter_text, sizeof filter_text)) filter.text = filter_text;
  for (std::size_t i = 0; i < std::size_t(NoteState::Count); ++i) {
    auto st = static_cast<NoteState>(i);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_CheckMark, state_style(st).color);
    // The note's words here: Go says "runnable" for both initial and ready.
    std::string label = std::string(state_style(st).note_word) + " " +
                        std::to_string(s.frame ? s.frame->view.state_counts[i] : 0) + "##st" + std::to_string(i);
    ImGui::Checkbox(label.c_str(), &filter.show[i]);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Go's word: %s", state_style(st).go_word);
  }
  if (!s.frame) return;
  const ViewModel& v = s.frame->view;

  ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                          ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("goroutines", 9, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("G", ImGuiTableColumnFlags_DefaultSort, 0, int(GoroutineColumn::Id));
  ImGui::TableSetupColumn("function", ImGuiTableColumnFlags_WidthStretch, 0, int(GoroutineColumn::Function));
  ImGui::TableSetupColumn("state", 0, 0, int(GoroutineColumn::State));
  ImGui::TableSetupColumn("waiting for", ImGuiTableColumnFlags_WidthStretch, 0, int(GoroutineColumn::Wait));
  ImGui::TableSetupColumn("P", 0, 0, int(GoroutineColumn::P));
  ImGui::TableSetupColumn("line", 0, 0, int(GoroutineColumn::Line));
  ImGui::TableSetupColumn("created", ImGuiTableColumnFlags_NoSort, 0, 100);
  ImGui::TableSetupColumn("run ms", 0, 0, int(GoroutineColumn::RunTime));
  ImGui::TableSetupColumn("switches", 0, 0, int(GoroutineColumn::Switches));
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
    sort_column = static_cast<GoroutineColumn>(specs->Specs[0].ColumnUserID);
    sort_ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    specs->SpecsDirty = false;
  }
  // Only the visible rows are drawn (thousands of goroutines stay cheap).
  std::vector<std::size_t> order = goroutine_order(v, filter, sort_column, sort_ascending);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(order.size()));
  while (clipper.Step())
  for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
    const GoroutineRow& g = v.goroutines[order[static_cast<std::size_t>(row)]];
    ImGui::TableNextRow();
    if (s.selected == g.id) {
      ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(70, 90, 140, 160));
    } else if (v.deadlock && g.state == NoteState::Suspended) {
      ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(120, 30, 30, 150));  // blocked for ever
    }
    ImGui::TableNextColumn();
    goroutine_chip(s, g.id);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(g.function.c_str());
    ImGui::TableNextColumn();
    state_badge(s, g.state);
    ImGui::TableNextColumn();
    if (!g.wait.empty()) {
      ImGui::TextUnformatted(g.wait.c_str());
      if (!g.wait_object_name.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", g.wait_object_name.c_str());
      }
    }
    ImGui::TableNextColumn();
    if (g.p >= 0) ImGui::Text("P%d", g.p);
    ImGui::TableNextColumn();
    if (g.line > 0) ImGui::Text("%d", g.line);
    ImGui::TableNextColumn();
    if (g.created_line > 0) ImGui::Text("line %d", g.created_line);
    ImGui::TableNextColumn();
    ImGui::Text("%.1f", g.run_ms);
    ImGui::TableNextColumn();
    ImGui::Text("%u", g.switches);
  }
  ImGui::EndTable();
}

}  // namespace gopark::dash
