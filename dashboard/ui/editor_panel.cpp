// The code editor: Dear ImGui's multiline text input (undo/redo, copy/paste, tabs, auto-indent) inside a
// scrolling child that also draws a gutter: line numbers, compile errors (hover for the message)
// and a coloured marker per goroutine on the line it is executing (click selects it).
//
// The input is made tall enough for every line, so it never scrolls itself: the child scrolls
// text and gutter together, and the gutter's rows line up with the text's lines.
#include "ui/editor_panel.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "model/go_highlight.hpp"
#include "model/indent.hpp"
#include "ui/widgets.hpp"

namespace gopark::dash {

namespace {

struct EditorCallback {
  std::string* text;
  int* cursor;
  int* last_len;
};

// Dear ImGui's callback: grows the std::string buffer, and tells us where the cursor is (the
// text is drawn by us, in colour, so the cursor is too).
int editor_callback(ImGuiInputTextCallbackData* data) {
  auto* cb = static_cast<EditorCallback*>(data->UserData);
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    cb->text->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = cb->text->data();
  }
  // Auto-indent (model/indent.hpp), when an edit typed one character: a newline (indent the new
  // line) or a closing bracket first on its line (back one level). Dear ImGui has inserted it
  // when this runs; `last_len` is the text's length after the previous callback.
  if (data->EventFlag == ImGuiInputTextFlags_CallbackEdit && data->BufTextLen == *cb->last_len + 1 &&
      data->CursorPos > 0 && data->SelectionStart == data->SelectionEnd) {
    std::string_view text(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    auto cursor = static_cast<std::size_t>(data->CursorPos);
    if (text[cursor - 1] == '\n') {
      std::string indent = indent_after_newline(text, cursor);
      if (!indent.empty()) data->InsertChars(data->CursorPos, indent.c_str());
    } else if (dedent_for_closer(text, cursor) == 1) {
      data->DeleteChars(data->CursorPos - 2, 1);
    }
  }
  if (data->EventFlag != ImGuiInputTextFlags_CallbackResize) *cb->last_len = data->BufTextLen;
  *cb->cursor = data->CursorPos;
  return 0;
}

ImU32 token_color(Token t) {
  switch (t) {
    case Token::Keyword: return IM_COL32(200, 140, 255, 255);
    case Token::Builtin: return IM_COL32(90, 200, 210, 255);
    case Token::Number: return IM_COL32(180, 220, 140, 255);
    case Token::String: return IM_COL32(240, 170, 100, 255);
    case Token::Comment: return IM_COL32(120, 140, 120, 255);
    case Token::Plain: break;
  }
  return IM_COL32(220, 220, 225, 255);
}

int count_lines(const std::string& text) {
  return 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

void EditorPanel::draw(Shared& s) {
  const float line_h = ImGui::GetTextLineHeight();
  const int lines = count_lines(s.source);
  const float digit_w = ImGui::CalcTextSize("0").x;
  const float gutter_w = digit_w * 4 + line_h * 1.6f;

  ImGui::BeginChild("##editor_scroll", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
  // Focusing the input scrolls the child to bring the input's left edge into view, which puts the
  // gutter out of sight: after a focus, keep the child at its left edge for a few frames.
  if (home_frames > 0) {
    ImGui::SetScrollX(0.0f);
    --home_frames;
  }
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
  // The race detector's reports: both lines of each race (the index of each race on a line).
  std::map<int, std::vector<std::size_t>> races_on_line;
  if (s.frame) {
    const std::vector<RaceView>& races = s.frame->view.races;
    for (std::size_t i = 0; i < races.size(); ++i) {
      if (races[i].line > 0) races_on_line[races[i].line].push_back(i);
      if (races[i].previous_line > 0 && races[i].previous_line != races[i].line)
        races_on_line[races[i].previous_line].push_back(i);
    }
  }

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
    if (auto rl = races_on_line.find(line); rl != races_on_line.end()) {
      // A race: an orange band, and a mark at the gutter's right end (hover: which race).
      bool chosen = false;
      for (std::size_t i : rl->second) chosen = chosen || int(i) == s.selected_race;
      draw->AddRectFilled(ImVec2(origin.x + gutter_w, y), ImVec2(origin.x + ImGui::GetWindowWidth() * 4, y + line_h),
                          chosen ? IM_COL32(255, 150, 40, 95) : IM_COL32(255, 150, 40, 45));
      const float mx = origin.x + gutter_w - line_h * 0.55f;
      draw->AddTriangleFilled(ImVec2(mx, y + line_h - 2), ImVec2(mx + line_h * 0.25f, y + 2),
                              ImVec2(mx + line_h * 0.5f, y + line_h - 2), IM_COL32(255, 150, 40, 255));
      if (ImGui::IsMouseHoveringRect(ImVec2(mx - 2, y), ImVec2(origin.x + gutter_w, y + line_h))) {
        ImGui::BeginTooltip();
        for (std::size_t i : rl->second) {
          const RaceView& r = s.frame->view.races[i];
          const bool here = r.line == line;  // this line is the race's later access
          const int other = here ? r.previous_line : r.line;
          ImGui::Text("DATA RACE: %s by G%llu here, unordered with the %s by G%llu at line %d", 
                      (here ? r.write : r.previous_write) ? "write" : "read",
                      static_cast<unsigned long long>(here ? r.goroutine : r.previous_goroutine),
                      (here ? r.previous_write : r.write) ? "write" : "read",
                      static_cast<unsigned long long>(here ? r.previous_goroutine : r.goroutine), other);
        }
        ImGui::TextDisabled("click: select the race (Data races tab)");
        ImGui::EndTooltip();
        if (ImGui::IsMouseClicked(0)) s.select_race(int(rl->second.front()));
      }
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
      const float hover_end = origin.x + gutter_w - (races_on_line.count(line) ? line_h * 0.6f : 0.0f);  // not the race mark
      if (ImGui::IsMouseHoveringRect(ImVec2(origin.x, y), ImVec2(hover_end, y + line_h))) {
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

  // The text itself, tall enough never to scroll on its own. Dear ImGui edits it (undo/redo,
  // selection, clipboard) with its text made transparent; we draw it over, in colour.
  ImVec2 text_origin(origin.x + gutter_w, origin.y);
  ImGui::SetCursorScreenPos(text_origin);
  float width = std::max(ImGui::GetContentRegionAvail().x, digit_w * 100);
  float height = static_cast<float>(lines + 2) * line_h + pad_y * 2;
  ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
  ImGuiInputTextFlags flags = ImGuiInputTextFlags_AllowTabInput | ImGuiInputTextFlags_CallbackResize |
                              ImGuiInputTextFlags_CallbackAlways | ImGuiInputTextFlags_CallbackEdit;
  EditorCallback cb{&s.source, &cursor, &last_len};
  if (s.focus_editor) {
    ImGui::SetKeyboardFocusHere();
    s.focus_editor = false;
    home_frames = 3;
  }
  ImGui::PushID(s.editor_generation);  // a text replaced from outside is a new widget to ImGui
  if (ImGui::InputTextMultiline("##source", s.source.data(), s.source.capacity() + 1, ImVec2(width, height), flags,
                                editor_callback, &cb)) {
    s.errors.clear();  // stale positions would mislead; Run reports them again
  }
  bool active = ImGui::IsItemActive();
  ImGui::PopID();
  ImGui::PopStyleColor(2);

  // The coloured text, visible lines only (the scan runs from the top for multi-line comments
  // and raw strings; programs here are small).
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  ImFont* font = ImGui::GetFont();
  float font_size = ImGui::GetFontSize();
  ScanState scan;
  std::size_t line_start = 0;
  int cursor_line = -1;
  float cursor_x = 0;
  for (int i = 0; i < lines && line_start <= s.source.size(); ++i) {
    std::size_t nl = s.source.find('\n', line_start);
    std::size_t line_end = nl == std::string::npos ? s.source.size() : nl;
    std::string_view line(s.source.data() + line_start, line_end - line_start);
    std::vector<Span> spans = highlight_line(line, scan);
    float y = text_origin.y + pad.y + static_cast<float>(i) * line_h;
    if (active && cursor >= static_cast<int>(line_start) && cursor <= static_cast<int>(line_end)) {
      cursor_line = i;
      cursor_x = font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, line.data(), line.data() + (cursor - int(line_start))).x;
    }
    if (i >= first && i < last) {
      float x = text_origin.x + pad.x;
      for (const Span& sp : spans) {
        const char* b = line.data() + sp.begin;
        const char* e = line.data() + sp.end;
        draw->AddText(font, font_size, ImVec2(x, y), token_color(sp.kind), b, e);
        x += font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, b, e).x;
      }
    }
    line_start = line_end + 1;
  }
  // The current line and the cursor (Dear ImGui's own is transparent with the text).
  if (cursor_line >= 0) {
    float y = text_origin.y + pad.y + static_cast<float>(cursor_line) * line_h;
    draw->AddRectFilled(ImVec2(text_origin.x, y), ImVec2(text_origin.x + width, y + line_h), IM_COL32(255, 255, 255, 14));
    if (std::fmod(ImGui::GetTime(), 1.2) < 0.8) {
      float x = text_origin.x + pad.x + cursor_x;
      draw->AddLine(ImVec2(x, y), ImVec2(x, y + line_h - 1), IM_COL32(240, 240, 240, 255));
    }
  }
  ImGui::EndChild();
}

}  // namespace gopark::dash
