// Locks: each Mutex and RWMutex with its holder(s), the goroutines queued in order, the readers
// count and whether a writer waits (writer priority: later readers queue behind it); WaitGroups
// with their counter and waiters; Once and Cond.
#include "ui/locks_panel.hpp"

#include <string>

#include <imgui.h>

#include "ui/widgets.hpp"

namespace gopark::dash {

void LocksPanel::draw(Shared& s) {
  if (!s.frame || s.frame->view.locks.empty()) {
    ImGui::TextDisabled("No locks, WaitGroups or Onces yet.");
    return;
  }
  for (const LockView& l : s.frame->view.locks) {
    if (heights.skip_hidden(l.id)) continue;
    ImGui::PushID(static_cast<int>(l.id));
    ImU32 color = object_header_color(s, l.id);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    // Named after its variable ("mu  Mutex"), or unnamed ("Mutex #7": the kind is in the name).
    bool unnamed = l.name.rfind(l.kind + " #", 0) == 0;
    std::string header = unnamed ? l.name : l.name + "  " + l.kind;
    if (in_deadlock(s, l.id)) header += "  DEADLOCK";
    bool open = ImGui::TreeNodeEx("lock", ImGuiTreeNodeFlags_DefaultOpen, "%s", header.c_str());
    if (color) ImGui::PopStyleColor();
    if (open) {
      if (l.kind == "WaitGroup") {
        ImGui::Text("counter %lld", static_cast<long long>(l.counter));
      } else if (l.kind == "Once") {
        ImGui::TextUnformatted(l.done ? "done" : "not done yet");
      } else if (l.kind == "Mutex" || l.kind == "RWMutex") {
        ImGui::TextUnformatted(l.holders.empty() && l.readers == 0 ? "unlocked" : "held by:");
        for (std::uint64_t h : l.holders) {
          ImGui::SameLine();
          goroutine_chip(s, h);
        }
        if (l.kind == "RWMutex") {
          ImGui::Text("readers %u", l.readers);
          if (l.writer_waiting) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(1.0f, 0.7f, 0.3f, 1.0f), "writer waiting: new readers queue behind it");
          }
        }
      }
      if (!l.waiters.empty()) {
        ImGui::TextUnformatted("queued:");
        for (const QueuedGoroutine& q : l.waiters) {
          ImGui::SameLine();
          goroutine_chip(s, q.id, q.writer ? " (W)" : nullptr);
        }
      }
      ImGui::TreePop();
    }
    ImGui::PopID();
    heights.measure(l.id);
  }
}

}  // namespace gopark::dash
