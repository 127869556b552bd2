// Processors and threads: a lane per P with the goroutine running on it, its runnext slot and
// its local run queue; the global run queue; then the OS threads (M) and which P each holds.
#include "ui/procs_panel.hpp"

#include <string>

#include <imgui.h>

#include "ui/widgets.hpp"

namespace gopark::dash {

namespace {

void queue_chips(Shared& s, const std::vector<std::uint64_t>& queue, std::uint32_t real_size) {
  if (queue.empty()) {
    ImGui::TextDisabled("empty");
    return;
  }
  for (std::size_t i = 0; i < queue.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    goroutine_chip(s, queue[i]);
  }
  if (real_size > queue.size()) {
    ImGui::SameLine();
    ImGui::TextDisabled("+%u more", real_size - static_cast<std::uint32_t>(queue.size()));
  }
}

}  // namespace

void ProcsPanel::draw(Shared& s) {
  if (!s.frame) {
    ImGui::TextDisabled("Press Run: each processor (P) gets a lane here.");
    return;
  }
  const ViewModel& v = s.frame->view;
  ImGui::Text("%s, GOMAXPROCS %d", v.mode.c_str(), v.gomaxprocs);
  if (ImGui::BeginTable("procs", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("P", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5);
    ImGui::TableSetupColumn("running", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 9);
    ImGui::TableSetupColumn("runnext", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
    ImGui::TableSetupColumn("local run queue");
    ImGui::TableHeadersRow();
    for (const ProcLane& p : v.procs) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("P%d", p.id);
      if (p.m >= 0) {
        ImGui::SameLine();
        ImGui::TextDisabled("M%d", p.m);
      }
      if (p.status != "running" && p.status != "idle") {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", p.status.c_str());
      }
      ImGui::TableNextColumn();
      if (p.running != 0) {
        goroutine_chip(s, p.running);
        if (const GoroutineRow* g = v.goroutine(p.running)) {
          ImGui::SameLine();
          ImGui::TextUnformatted(g->function.c_str());
        }
      } else {
        ImGui::TextDisabled("%s", p.status.c_str());
      }
      ImGui::TableNextColumn();
      if (p.runnext != 0) goroutine_chip(s, p.runnext);
      ImGui::TableNextColumn();
      queue_chips(s, p.runq, p.runq_size);
    }
    ImGui::EndTable();
  }
  ImGui::Text("global run queue:");
  ImGui::SameLine();
  queue_chips(s, v.global_runq, v.global_runq_size);

  if (ImGui::TreeNode("threads", "OS threads (M): %zu", v.threads.size())) {
    if (ImGui::BeginTable("threads", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
      ImGui::TableSetupColumn("M");
      ImGui::TableSetupColumn("thread id");
      ImGui::TableSetupColumn("state");
      ImGui::TableSetupColumn("holds");
      ImGui::TableHeadersRow();
      for (const ThreadRow& t : v.threads) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("M%d", t.id);
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(t.os_tid));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t.status.c_str());
        ImGui::TableNextColumn();
        if (t.p >= 0) {
          ImGui::Text("P%d", t.p);
          ImGui::SameLine();
        }
        if (t.running != 0) goroutine_chip(s, t.running);
        else if (t.bound != 0) goroutine_chip(s, t.bound, " (bound)");
      }
      ImGui::EndTable();
    }
    ImGui::TreePop();
  }
}

}  // namespace gopark::dash
