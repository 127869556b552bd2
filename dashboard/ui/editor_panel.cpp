// The code editor: Dear ImGui's multiline text input (undo/redo, copy/paste, tabs) inside a
// scrolling child that also draws a gutter: line numbers, compile errors (hover for the message)
// and a coloured marker per goroutine on the line it is executing (click selects it).
//
// The input is made tall enough for every line, so it never scrolls itself: the child scrolls
// text and gutter together, and the gutter's rows line up with the text's lines.
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/ui_state.hpp"

namespace gopark::dash {

namespace {

// Dear ImGui's resize callback for a std::string buffer.
int resize_callback(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* text = static_cast<std::string*>(data->UserData);
    text->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = text->data();
  }
  return 0;
}

int count_lines(const std::string& text) {
  return 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

void draw_editor(UiState& s) {
  const float line_h = ImGui::GetTextLineHeight();
  const int lines = count_lines(s.source);
  const float digit_w = ImGui::CalcTextSize("0").x;
  const float gutter_w = digit_w * 4 + line_h * 1.6f;

  ImGui::BeginChild("##editor_scroll", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float pad_y = ImGui::GetStyle().FramePadding.y;

  // Which goroutines are on which line (running or stopped there), from the latest frame.
  std::map<int, std::vector<const GoroutineRow*>> on_line;
  if (s.frame && s.frame->view.running) {
    for (const GoroutineRow& g : s.frame->view.goroutines) {
      if (g.line > 0 && g.state != NoteState::Terminated) on_line[g.line].push_back(&g);
    }
  }
  std::map<int, const SourceError*> error_on_line;
  for (const SourceError& e : s.errors) error_on_line.emplace(e.line, &e);

  // Gutter, only for the visible lines.
  float scroll_y = ImGui::GetScrollY();
  float view_h = ImGui::GetWindowHeight();
  int first = std::max(0, static_cast<int>((scroll_y - pad_y) / line_h) - 1);
  int last = std::min(lines, static_cast<int>((scroll_y + view_h) / line_h) + 1);
  for (int i = first; i < last; ++i) {
    int line = i + 1;
    float y = origin.y + pad_y + static_cast<float>(i) * line_h;
    char number[16];
    std::snprintf(number, sizeof number, "%4d", line);
    auto err = error_on_line.find(line);
    ImU32 number_color = err != error_on_line.end() ? IM_COL32(255, 110, 100, 255) : IM_COL32(110, 110, 120, 255);
    draw->AddText(ImVec2(origin.x, y), number_color, number);
    if (err != error_on_line.end()) {
      ImVec2 a(origin.x + digit_w * 4 + 2, y + 2), b(a.x + line_h - 4, y + line_h - 2);
      draw->AddRectFilled(a, b, IM_COL32(220, 60, 50, 255), 2.0f);
      if (ImGui::IsMouseHoveringRect(ImVec2(origin.x, y), ImVec2(origin.x + gutter_w, y + line_h))) {
        ImGui::SetTooltip("line %d:%d: %s", err->second->line, err->second->col, err->second->message.c_str());
      }
      draw->AddRectFilled(ImVec2(origin.x + gutter_w, y), ImVec2(origin.x + ImGui::GetWindowWidth() * 4, y + line_h),
                          IM_COL32(120, 30, 30, 90));
    }
    auto on = on_line.find(line);
    if (on != on_line.end()) {
      // One dot per goroutine (up to four, then a count), in its state's colour.
      float x = origin.x + digit_w * 4 + 2;
      std::size_t shown = std::min<std::size_t>(on->second.size(), 4);
      float r = line_h * 0.22f;
      for (std::size_t k = 0; k < shown; ++k) {
        const GoroutineRow* g = on->second[k];
        ImVec2 c(x + r + static_cast<float>(k) * r * 1.6f, y + line_h * 0.5f);
        draw->AddCircleFilled(c, r, state_style(g->state).color);
        if (s.selected == g->id) draw->AddCircle(c, r + 1.5f, IM_COL32(255, 255, 255, 255));
      }
      draw->AddRectFilled(ImVec2(origin.x + gutter_w, y), ImVec2(origin.x + ImGui::GetWindowWidth() * 4, y + line_h),
                          (state_style(on->second.front()->state).color & 0x00FFFFFFu) | 0x28000000u);
      if (ImGui::IsMouseHoveringRect(ImVec2(origin.x, y), ImVec2(origin.x + gutter_w, y + line_h))) {
        ImGui::BeginTooltip();
        for (const GoroutineRow* g : on->second) {
          ImGui::Text("G%llu %s: %s%s%s", static_cast<unsigned long long>(g->id), g->function.c_str(),
                      s.state_word(g->state), g->wait.empty() ? "" : ", ", g->wait.c_str());
        }
        ImGui::EndTooltip();
        if (ImGui::IsMouseClicked(0)) s.select(on->second.front()->id);
      }
    }
  }

  // The text itself, tall enough never to scroll on its own.
  ImGui::SetCursorScreenPos(ImVec2(origin.x + gutter_w, origin.y));
  float width = std::max(ImGui::GetContentRegionAvail().x, digit_w * 100);
  float height = static_cast<float>(lines + 2) * line_h + pad_y * 2;
  ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(0, 0, 0, 0));
  ImGuiInputTextFlags flags = ImGuiInputTextFlags_AllowTabInput | ImGuiInputTextFlags_CallbackResize;
  if (ImGui::InputTextMultiline("##source", s.source.data(), s.source.capacity() + 1, ImVec2(width, height), flags,
                                resize_callback, &s.source)) {
    s.source_changed_since_run = true;
    s.errors.clear();  // stale positions would mislead; Run reports them again
  }
  ImGui::PopStyleColor();
  ImGui::EndChild();
}

}  // namespace gopark::dash
