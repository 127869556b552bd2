#pragma once
// The dashboard's App drawn headless for tests: a Dear ImGui context with its font atlas built
// and no renderer, a key map for the keys tests press, and input fed through ImGui's own queue.
#include <chrono>
#include <string_view>
#include <thread>

#include <imgui.h>

#include "ui/app.hpp"

namespace gopark::test {

class HeadlessUi {
 public:
  HeadlessUi() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 800);
    io.IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;  // key index = ImGuiKey
  }
  ~HeadlessUi() { ImGui::DestroyContext(); }
  HeadlessUi(const HeadlessUi&) = delete;
  HeadlessUi& operator=(const HeadlessUi&) = delete;

  // One frame; keys pressed for it are released after it.
  void frame(dash::App& app) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();
    for (bool& down : io.KeysDown) down = false;
    io.KeyCtrl = false;
  }
  // Presses (and releases) a key, with Ctrl if asked, over two frames.
  void key(dash::App& app, ImGuiKey_ k, bool ctrl = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[k] = true;
    io.KeyCtrl = ctrl;
    frame(app);
    frame(app);
  }
  // Types text a character a frame ('\n' presses Enter).
  void type(dash::App& app, std::string_view text) {
    for (char c : text) {
      if (c == '\n') {
        key(app, ImGuiKey_Enter);
      } else {
        ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
        frame(app);
      }
    }
  }
  // Draws frames until `done` or 20 s.
  template <class F>
  bool frames_until(dash::App& app, F done) {
    for (int i = 0; i < 2000; ++i) {
      frame(app);
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }
};

}  // namespace gopark::test
