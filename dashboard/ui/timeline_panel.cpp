// The timeline: a lane per P over time, one colour per goroutine, marks where goroutines block
// and wake, GC pauses shaded; it follows the run, or zoom (wheel) and pan (drag) freely; hover a
// slice or a mark for details. Drawn at about one rectangle per pixel column, so a busy program
// costs no more to draw than a quiet one.
#include "ui/timeline_panel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/widgets.hpp"

namespace gopark::dash {

namespace {

// A stable, distinct colour per goroutine (golden-ratio hues).
ImU32 goroutine_color(std::uint64_t g) {
  float h = std::fmod(0.13f + static_cast<float>(g) * 0.618034f, 1.0f);
  float r, gg, b;
  ImGui::ColorConvertHSVtoRGB(h, 0.55f, 0.85f, r, gg, b);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(r, gg, b, 1.0f));
}

constexpr double kMinSpanMs = 0.00005, kMaxSpanMs = 60000;  // 50 ns (virtual instructions) to a minute

// "2000 ms", "1.25 ms", "40.0 µs", "120 ns": a time in the unit that reads best.
std::string duration_text(double ms) {
  char text[32];
  const double a = std::fabs(ms);
  if (a >= 100 || a == 0) std::snprintf(text, sizeof text, "%.0f ms", ms);
  else if (a >= 1) std::snprintf(text, sizeof text, "%.2f ms", ms);
  else if (a >= 0.001) std::snprintf(text, sizeof text, "%.1f µs", ms * 1000);
  else std::snprintf(text, sizeof text, "%.0f ns", ms * 1e6);
  return text;
}

}  // namespace

void TimelinePanel::draw(Shared& s) {
  if (!s.frame) {
    ImGui::TextDisabled("The per-P timeline appears when a program runs.");
    return;
  }
  const Frame& f = *s.frame;
  // A simulated run's clock is virtual (an instruction takes 1 ns, a sleep no time at all): a
  // whole run often fits in microseconds, so while following, the window fits what is kept.
  if (f.simulated && s.follow) {
    double from = f.now_ms;
    if (!f.slices.empty()) from = std::min(from, f.slices.front().start_ms);
    if (!f.marks.empty()) from = std::min(from, f.marks.front().ms);
    view_span_ms = std::clamp((f.now_ms - from) * 1.05, kMinSpanMs, kMaxSpanMs);
  }
  if (s.follow || view_end_ms <= 0) view_end_ms = std::max(f.now_ms, view_span_ms * 0.1);
  double start = view_end_ms - view_span_ms;
  ImGui::Text("%s window%s", duration_text(view_span_ms).c_str(),
              f.simulated ? " of virtual time (an instruction: 1 ns)" : "");
  ImGui::SameLine();
  ImGui::Checkbox("follow", &s.follow);
  ImGui::SameLine();
  ImGui::TextDisabled("(wheel: zoom, drag: pan)");
  // At its count bounds the timeline keeps a shorter history: say how long.
  if (f.slices.size() + 16 >= Timeline::kMaxSlices || f.marks.size() + 16 >= Timeline::kMaxMarks) {
    double from = f.now_ms;
    if (!f.slices.empty()) from = std::min(from, f.slices.front().start_ms);
    if (!f.marks.empty()) from = std::max(from, f.marks.front().ms);
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.4f, 1.0f), "busy program: history kept for the last %s",
                       duration_text(f.now_ms - from).c_str());
  }

  int lanes = std::max(1, f.lanes);
  float lane_h = ImGui::GetTextLineHeight() * 1.5f;
  float label_w = ImGui::CalcTextSize("P00 ").x;
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float width = std::max(50.0f, ImGui::GetContentRegionAvail().x - label_w);
  float height = lane_h * static_cast<float>(lanes) + 4;
  ImGui::InvisibleButton("##timeline", ImVec2(label_w + width, height));
  bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 area(origin.x + label_w, origin.y);
  auto x_of = [&](double ms) { return area.x + static_cast<float>((ms - start) / view_span_ms) * width; };

  // Zoom around the mouse, pan by dragging (either stops following).
  ImGuiIO& io = ImGui::GetIO();
  if (hovered && io.MouseWheel != 0) {
    double at = start + (io.MousePos.x - area.x) / width * view_span_ms;
    double factor = io.MouseWheel > 0 ? 0.8 : 1.25;
    view_span_ms = std::clamp(view_span_ms * factor, kMinSpanMs, kMaxSpanMs);
    view_end_ms = at + (view_end_ms - at) * factor;
    s.follow = false;
  }
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(0)) {
    view_end_ms -= io.MouseDelta.x / width * view_span_ms;
    s.follow = false;
  }
  start = view_end_ms - view_span_ms;

  for (int p = 0; p < lanes; ++p) {
    float y = origin.y + static_cast<float>(p) * lane_h;
    draw->AddRectFilled(ImVec2(area.x, y), ImVec2(area.x + width, y + lane_h - 2), IM_COL32(35, 35, 42, 255));
    char label[8];
    std::snprintf(label, sizeof label, "P%d", p);
    draw->AddText(ImVec2(origin.x, y + 2), IM_COL32(180, 180, 190, 255), label);
  }
  draw->PushClipRect(area, ImVec2(area.x + width, origin.y + height), true);
  for (const auto& [a, b] : f.gc_pauses) {
    draw->AddRectFilled(ImVec2(x_of(a), origin.y), ImVec2(x_of(b < 0 ? f.now_ms : b), origin.y + height),
                        IM_COL32(200, 200, 80, 60));
  }
  std::string tip;
  // Level of detail: thousands of slices or marks may fall in one pixel column when zoomed out
  // on a busy program. Per lane, a slice that adds no new pixel column, or a mark within 3 px of
  // the last one drawn, is not drawn (the first one of a column shows): the draw list stays at
  // about a rectangle per pixel column, however many goroutines run.
  std::vector<float> drawn_to(std::size_t(lanes), -1e9f);
  for (const TimelineSlice& sl : f.slices) {
    double end = sl.end_ms < 0 ? f.now_ms : sl.end_ms;
    if (end < start || sl.start_ms > view_end_ms || sl.p < 0 || sl.p >= lanes) continue;
    float y = origin.y + static_cast<float>(sl.p) * lane_h;
    ImVec2 a(x_of(sl.start_ms), y + 1), b(std::max(x_of(end), x_of(sl.start_ms) + 1.0f), y + lane_h - 3);
    float& lane_end = drawn_to[std::size_t(sl.p)];
    if (b.x <= lane_end + 1.0f && !(hovered && io.MousePos.x >= a.x && io.MousePos.x <= b.x)) continue;
    lane_end = std::max(lane_end, b.x);
    ImU32 color = goroutine_color(sl.g);
    if (s.selected != 0 && sl.g != s.selected) color = (color & 0x00FFFFFFu) | 0x50000000u;
    draw->AddRectFilled(a, b, color);
    if (b.x - a.x > ImGui::CalcTextSize("G000").x) {
      char text[24];
      std::snprintf(text, sizeof text, "G%llu", static_cast<unsigned long long>(sl.g));
      draw->AddText(ImVec2(a.x + 2, a.y + 1), IM_COL32(20, 20, 20, 255), text);
    }
    if (hovered && io.MousePos.x >= a.x && io.MousePos.x <= b.x && io.MousePos.y >= a.y && io.MousePos.y <= b.y) {
      char text[160];
      std::snprintf(text, sizeof text, "%s on P%d: %s .. %s", f.view.goroutine_name(sl.g).c_str(), sl.p,
                    duration_text(sl.start_ms).c_str(), duration_text(end).c_str());
      tip = text;
      if (ImGui::IsMouseClicked(0)) s.select(sl.g);
    }
  }
  std::vector<float> marked_at(std::size_t(lanes), -1e9f);
  for (const TimelineMark& m : f.marks) {
    if (m.ms < start || m.ms > view_end_ms) continue;
    float x = x_of(m.ms);
    int lane = std::clamp(m.p, 0, lanes - 1);
    if (x < marked_at[std::size_t(lane)] + 3.0f) continue;
    marked_at[std::size_t(lane)] = x;
    float y = origin.y + static_cast<float>(lane) * lane_h;
    ImU32 color = m.kind == TimelineMark::Kind::Block     ? IM_COL32(255, 120, 80, 255)
                  : m.kind == TimelineMark::Kind::Unblock ? IM_COL32(120, 230, 120, 255)
                                                          : IM_COL32(200, 200, 220, 200);
    draw->AddTriangleFilled(ImVec2(x - 3, y + lane_h - 2), ImVec2(x + 3, y + lane_h - 2), ImVec2(x, y + lane_h - 7), color);
    if (hovered && std::fabs(io.MousePos.x - x) < 3 && io.MousePos.y >= y && io.MousePos.y <= y + lane_h) {
      tip = mark_text(m);
    }
  }
  draw->PopClipRect();
  if (!tip.empty()) ImGui::SetTooltip("%s", tip.c_str());
}

}  // namespace gopark::dash
