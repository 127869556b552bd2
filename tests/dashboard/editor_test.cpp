// The editor as a person types into it: the real App drawn headless, keys and characters fed
// through Dear ImGui's input queue, the text read back. Auto-indent after Enter and on a
// closing brace, Tab, undo.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include <imgui.h>
#include <imgui_internal.h>  // the editor's scroll position (ImGuiWindow)

#include "headless_ui.hpp"
#include "ui/app.hpp"

namespace {

using Ui = gopark::test::HeadlessUi;

gopark::dash::App& focused(gopark::dash::App& app, Ui& ui, std::string text) {
  ui.frame(app);
  app.edit_source(std::move(text));
  ui.frame(app);
  ui.frame(app);
  ui.key(app, ImGuiKey_End, true);  // Ctrl+End: the cursor to the end of the text
  return app;
}

// How far the editor's scrolling child is scrolled sideways (it holds the gutter and the text).
float editor_scroll_x() {
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    if (std::string_view(w->Name).find("##editor_scroll") != std::string_view::npos) return w->Scroll.x;
  }
  FAIL("no editor window");
  return -1;
}

}  // namespace

TEST_CASE("typing a block: Enter indents inside braces, a closing brace goes back a level") {
  Ui ui;
  gopark::dash::App app({});
  focused(app, ui, "package main\n\nfunc main() {");
  ui.type(app, "\nfor i := 0; i < 3; i++ {\nprintln(i)\n}\n}");
  CHECK(app.source() == "package main\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tprintln(i)\n\t}\n}");
}

TEST_CASE("Enter keeps the indentation of a plain line; Tab inserts a tab; undo takes typing back") {
  Ui ui;
  gopark::dash::App app({});
  focused(app, ui, "func f() {\n\tx := 1");
  ui.type(app, "\ny := 2");
  CHECK(app.source() == "func f() {\n\tx := 1\n\ty := 2");
  ui.key(app, ImGuiKey_Tab);
  ui.type(app, "// note");
  CHECK(app.source() == "func f() {\n\tx := 1\n\ty := 2\t// note");
  ui.key(app, ImGuiKey_Z, true);  // Ctrl+Z
  CHECK(app.source().size() < std::string("func f() {\n\tx := 1\n\ty := 2\t// note").size());
}

TEST_CASE("text replaced from outside while the editor is being typed in is not overwritten by the old text") {
  Ui ui;
  gopark::dash::App app({});
  focused(app, ui, "package main\n\nfunc main() {");
  ui.type(app, "\nx := 1");
  app.edit_source("package main\n\nfunc main() {\n}\n");  // e.g. the page's gopark.load()
  for (int i = 0; i < 5; ++i) ui.frame(app);
  CHECK(app.source() == "package main\n\nfunc main() {\n}\n");
  ui.type(app, "// more");  // still editable, the new text
  CHECK(app.source().find("x := 1") == std::string::npos);
  CHECK(app.source().find("// more") != std::string::npos);
}

TEST_CASE("a program loaded from outside keeps the line numbers in view, long lines or not") {
  Ui ui;
  gopark::dash::App app({});
  ui.frame(app);
  std::string wide = "package main\n\n// " + std::string(400, 'x') + "\nfunc main() {\n}\n";
  app.edit_source(wide);  // focuses the editor, which scrolled it to hide the gutter
  for (int i = 0; i < 6; ++i) ui.frame(app);
  CHECK(editor_scroll_x() == 0.0f);
  ui.type(app, "// typed");  // and it is focused: typing reaches it
  CHECK(app.source().find("// typed") != std::string::npos);
}
