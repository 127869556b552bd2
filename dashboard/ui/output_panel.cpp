// Output: what the program wrote, stdout in the normal colour and stderr (panics, fatal errors
// with their goroutine dumps, the exit status) in red, following the end while it grows. After a
// deadlock, a summary of who waits on what comes first.
#include "ui/output_panel.hpp"

#include <string>

#include <imgui.h>

#include "ui/widgets.hpp"

namespace gopark::dash {

namespace {

// After a deadlock: who waits on what, above the runtime's report (the same goroutines are red
// in the goroutine table, their channels and locks in their panels).
void deadlock_box(const ViewModel& v) {
  ImGui::PushStyleColor(ImGuiCol_Text, kDeadlockRed);
  ImGui::TextUnformatted("Deadlock: every goroutine is blocked, and none of them can wake another.");
  ImGui::PopStyleColor();
  for (const std::string& line : deadlock_lines(v)) ImGui::BulletText("%s", line.c_str());
}

}  // namespace

void OutputPanel::draw(Shared& s) {
  if (ImGui::SmallButton("copy")) ImGui::SetClipboardText(s.session.output_text().c_str());
  ImGui::SameLine();
  ImGui::Checkbox("follow", &follow);
  if (s.frame && s.frame->view.deadlock) deadlock_box(s.frame->view);
  ImGui::BeginChild("##output", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
  if (version != s.session.output_version()) {  // copy the transcript only when it changed
    version = s.session.output_version();
    transcript = s.session.output();
  }
  for (const OutputChunk& chunk : transcript) {
    if (chunk.is_stderr) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 120, 110, 255));
    ImGui::TextUnformatted(chunk.text.data(), chunk.text.data() + chunk.text.size());
    if (chunk.is_stderr) ImGui::PopStyleColor();
  }
  if (follow && s.session.running()) ImGui::SetScrollHereY(1.0f);
  ImGui::EndChild();
}

}  // namespace gopark::dash
