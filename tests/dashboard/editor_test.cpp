// The editor as a person types into it: the real App drawn headless, keys and characters fed
// through Dear ImGui's input queue, the text read back. Auto-indent after Enter and on a
// closing brace, Tab, undo.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include <imgui.h>

#include "ui/app.hpp"

namespace {

// A headless Dear ImGui context (font atlas built, no renderer) with a key map for the keys
// the tests press; the App draws into it.
class Ui {
 public:
  Ui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 800);
    io.IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;  // key index = ImGuiKey
  }
  ~Ui() { ImGui::DestroyContext(); }
  Ui(const Ui&) = delete;
  Ui& operator=(const Ui&) = delete;

  void frame(gopark::dash::App& app) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();
    for (bool& down : io.KeysDown) down = false;
    io.KeyCtrl = false;
  }
  // Presses (and releases) a key, with Ctrl if asked, over two frames.
  void key(gopark::dash::App& app, ImGuiKey_ k, bool ctrl = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[k] = true;
    io.KeyCtrl = ctrl;
    frame(app);
    frame(app);
  }
  void type(gopark::dash::App& app, std::string_view text) {
    for (char c : text) {
      if (c == '\n') {
        key(app, ImGuiKey_Enter);
      } else {
        ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
        frame(app);
      }
    }
  }
};

gopark::dash::App& focused(gopark::dash::App& app, Ui& ui, std::string text) {
  ui.frame(app);
  app.edit_source(std::move(text));
  ui.frame(app);
  ui.frame(app);
  ui.key(app, ImGuiKey_End, true);  // Ctrl+End: the cursor to the end of the text
  return app;
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
