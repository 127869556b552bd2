// The example's note above the editor: its title, curriculum row and what to watch while it runs.
#include "ui/example_note.hpp"

#include <imgui.h>

#include "ui/shared.hpp"

namespace gopark::dash {

void ExampleNote::draw(const Shared& s) {
  if (!s.example || s.example->watch.empty()) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ImVec4(0.75f, 0.85f, 1.0f, 1.0f), "%s (row %s)", s.example->title.c_str(), s.example->rows.c_str());
  ImGui::TextWrapped("Watch: %s", s.example->watch.c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace gopark::dash
