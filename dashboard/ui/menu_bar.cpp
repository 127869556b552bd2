// The menu bar: File (Run, Stop, Run xN, export the trace, Quit), Examples (by curriculum row),
// View (the states' words, the timeline following the run).
#include "ui/menu_bar.hpp"

#include <string>

#include <imgui.h>
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include "ui/shared.hpp"

namespace gopark::dash {

void MenuBar::draw(Shared& s) {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Run", "Ctrl+Enter", false, !s.session.running())) s.run();
    if (ImGui::MenuItem("Stop", "Esc", false, s.session.running())) s.stop();
    if (ImGui::MenuItem("Run xN...")) s.show_batch = true;
    ImGui::Separator();
    if (ImGui::MenuItem("Export trace (Chrome JSON)", nullptr, false, s.session.runs() > 0 && !s.session.running())) {
#ifdef __EMSCRIPTEN__
      // The page has no files: the browser downloads it.
      std::string json = s.session.trace_json();
      EM_ASM({
        const blob = new Blob([UTF8ToString($0)], { type: 'application/json' });
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = 'gopark-trace.json';
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
      }, json.c_str());
      s.status = "trace downloaded as gopark-trace.json: open it in ui.perfetto.dev";
#else
      std::string why;
      std::string path = "gopark-trace.json";
      s.status = s.session.export_trace(path, &why) ? "trace written to " + path + ": open it in ui.perfetto.dev"
                                                    : "trace not written: " + why;
#endif
    }
#ifndef __EMSCRIPTEN__  // a page is closed by closing its tab
    ImGui::Separator();
    if (ImGui::MenuItem("Quit")) quit = true;
#endif
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Examples")) {
    std::string last_rows;
    for (const Example& e : examples()) {
      std::string label = "Row " + e.rows + ": " + e.title;
      if (ImGui::MenuItem(label.c_str(), e.file.c_str(), s.example == &e)) s.load_example(e);
      if (ImGui::IsItemHovered() && !e.watch.empty()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36.0f);
        ImGui::TextUnformatted(e.watch.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    ImGui::MenuItem("States in the study note's words", nullptr, &s.note_words);
    ImGui::MenuItem("Timeline follows the run", nullptr, &s.follow);
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

}  // namespace gopark::dash
