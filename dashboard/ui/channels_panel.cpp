// Channels: name (variable or make site), element type, capacity, the buffered values drawn as
// boxes in order, the goroutines queued to send (with their values) and to receive, closed
// state, and how many sends and receives completed.
#include "ui/channels_panel.hpp"

#include <string>

#include <imgui.h>

#include "ui/widgets.hpp"

namespace gopark::dash {

namespace {

void value_box(const std::string& text, ImU32 fill) {
  ImVec2 size = ImGui::CalcTextSize(text.c_str());
  ImVec2 pad(6, 2);
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(p, ImVec2(p.x + size.x + 2 * pad.x, p.y + size.y + 2 * pad.y), fill, 3.0f);
  draw->AddRect(p, ImVec2(p.x + size.x + 2 * pad.x, p.y + size.y + 2 * pad.y), IM_COL32(200, 200, 210, 180), 3.0f);
  draw->AddText(ImVec2(p.x + pad.x, p.y + pad.y), IM_COL32(235, 235, 240, 255), text.c_str());
  ImGui::Dummy(ImVec2(size.x + 2 * pad.x, size.y + 2 * pad.y));
}

}  // namespace

void ChannelsPanel::draw(Shared& s) {
  if (!s.frame || s.frame->view.channels.empty()) {
    ImGui::TextDisabled("No channels yet.");
    return;
  }
  for (const ChannelView& c : s.frame->view.channels) {
    if (heights.skip_hidden(c.id)) continue;
    ImGui::PushID(static_cast<int>(c.id));
    ImU32 color = object_header_color(s, c.id);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    std::string header = c.name + "  chan " + c.elem_type +
                         (c.cap ? "  " + std::to_string(c.len) + "/" + std::to_string(c.cap) + " buffered"
                                : "  unbuffered") +
                         (c.closed ? "  CLOSED" : "") + (in_deadlock(s, c.id) ? "  DEADLOCK" : "");
    bool open = ImGui::TreeNodeEx("chan", ImGuiTreeNodeFlags_DefaultOpen, "%s", header.c_str());
    if (color) ImGui::PopStyleColor();
    if (open) {
      if (c.cap > 0) {
        // The buffer: a row of cap slots, filled ones with their values, oldest first.
        for (std::uint32_t i = 0; i < c.cap && i < 32; ++i) {
          if (i > 0) ImGui::SameLine(0, 2);
          value_box(i < c.buffer.size() ? c.buffer[i] : " ", i < c.buffer.size() ? IM_COL32(60, 90, 150, 255)
                                                                                  : IM_COL32(40, 40, 48, 255));
        }
        if (c.cap > 32) {
          ImGui::SameLine();
          ImGui::TextDisabled("... %u slots", c.cap);
        }
      }
      if (!c.senders.empty()) {
        ImGui::TextUnformatted("senders:");
        for (const QueuedGoroutine& q : c.senders) {
          ImGui::SameLine();
          goroutine_chip(s, q.id, q.value.empty() ? nullptr : (" <- " + q.value).c_str());
        }
      }
      if (!c.receivers.empty()) {
        ImGui::TextUnformatted("receivers:");
        for (const QueuedGoroutine& q : c.receivers) {
          ImGui::SameLine();
          goroutine_chip(s, q.id);
        }
      }
      ImGui::TextDisabled("%llu sends, %llu receives", static_cast<unsigned long long>(c.sends),
                          static_cast<unsigned long long>(c.receives));
      ImGui::TreePop();
    }
    ImGui::PopID();
    heights.measure(c.id);
  }
}

}  // namespace gopark::dash
