// The shells' window (window.hpp): SDL2 + OpenGL + Dear ImGui, desktop and browser.
#include "shell/window.hpp"

#include <cmath>
#include <memory>
#include <utility>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <SDL_opengles2.h>
#else
#include <SDL_opengl.h>
#endif

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl.h"

namespace gopark::shell {
namespace {

// Asks SDL for the platform's GL context; returns the GLSL version its shaders must declare.
const char* gl_context_attributes() {
#if defined(__EMSCRIPTEN__)
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);  // WebGL2 = GLES 3.0
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  return "#version 300 es";
#elif defined(__APPLE__)
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
  return "#version 150";
#else
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  return "#version 130";
#endif
}

}  // namespace

Window::~Window() {
  if (backends_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
  }
  if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
  if (gl_) SDL_GL_DeleteContext(gl_);
  if (window_) SDL_DestroyWindow(window_);
  SDL_Quit();
}

bool Window::start() {
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) return false;
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  return true;
}

bool Window::open(const char* title, const SDL_Rect& rect, Uint32 flags) {
  glsl_version_ = gl_context_attributes();
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  window_ = SDL_CreateWindow(title, rect.x, rect.y, rect.w, rect.h, flags | SDL_WINDOW_OPENGL);
  if (!window_) return false;
  gl_ = SDL_GL_CreateContext(window_);
  if (!gl_) return false;
  SDL_GL_MakeCurrent(window_, gl_);
#ifndef __EMSCRIPTEN__  // the browser paces frames itself (requestAnimationFrame)
  SDL_GL_SetSwapInterval(1);  // vsync where the driver offers it; run_frames caps the rate anyway
#endif
  return true;
}

void Window::start_imgui(float ui_scale, float framebuffer_scale) {
  ImGui::StyleColorsDark();
  ImGui::GetStyle().ScaleAllSizes(ui_scale);
  set_font(ui_scale, framebuffer_scale);
  ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
  ImGui_ImplOpenGL3_Init(glsl_version_);
  backends_ = true;
}

void Window::set_font(float ui_scale, float framebuffer_scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig font;
  font.SizePixels = std::round(13.0f * ui_scale * framebuffer_scale);  // 13: the built-in font's size
  io.Fonts->AddFontDefault(&font);
  io.FontGlobalScale = 1.0f / framebuffer_scale;
  if (backends_) {  // before that, the backend builds the texture at its first frame
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
}

void Window::begin_frame(const Display* display) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  if (display) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(display->width, display->height);
    io.DisplayFramebufferScale = ImVec2(display->framebuffer_scale, display->framebuffer_scale);
  }
  ImGui::NewFrame();
}

void Window::render(const Display* display) {
  ImGui::Render();
  int width = 0;
  int height = 0;
  if (display) {
    width = display->pixel_width;
    height = display->pixel_height;
  } else {
    SDL_GL_GetDrawableSize(window_, &width, &height);
  }
  glViewport(0, 0, width, height);
  glClearColor(0.06f, 0.06f, 0.07f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::swap() { SDL_GL_SwapWindow(window_); }

#ifdef __EMSCRIPTEN__

void run_frames(std::function<bool()> frame) {
  // Lives as long as the page: emscripten's main loop never returns to the caller.
  auto* body = new std::function<bool()>(std::move(frame));
  emscripten_set_main_loop_arg(
      [](void* arg) {
        if (!(*static_cast<std::function<bool()>*>(arg))()) emscripten_cancel_main_loop();
      },
      body, 0, 1);
}

#else

void run_frames(std::function<bool()> frame) {
  constexpr double kFrameSeconds = 1.0 / 60.0;
  for (;;) {
    const Uint64 start = SDL_GetPerformanceCounter();
    if (!frame()) return;
    const double elapsed = double(SDL_GetPerformanceCounter() - start) / double(SDL_GetPerformanceFrequency());
    if (elapsed < kFrameSeconds) SDL_Delay(Uint32((kFrameSeconds - elapsed) * 1000.0));
  }
}

#endif

}  // namespace gopark::shell
