#pragma once
// The window every shell draws the dashboard into: one SDL2 window with an OpenGL context and
// Dear ImGui over it, set up, drawn a frame at a time and torn down the same way for the desktop
// (native/desktop.cpp) and the browser (web/main.cpp).
//
// Design
// - One piece, used by both shells, so the set-up exists once. What truly differs between the
//   platforms is decided here, in window.cpp, by #ifdef __EMSCRIPTEN__: the GL context (desktop
//   GL 3 core, "#version 130", or 3.2 with "#version 150" on macOS; WebGL2, which is GL ES 3.0,
//   "#version 300 es", in the browser), the swap interval (the browser paces frames itself), and
//   the frame loop (a loop capped at 60 frames a second natively; emscripten's main loop, driven
//   by requestAnimationFrame, in the browser).
// - HiDPI is a parameter, not a platform: a shell passes a UI scale (how large the UI is drawn,
//   in points: the desktop's DPI scale on X11 and Windows) and a framebuffer scale (pixels per
//   point: a HiDPI drawable, the browser's device pixel ratio). The font is always rasterized at
//   the pixel size and drawn at 1/framebuffer_scale, so that text stays sharp.
// - What each shell keeps for itself: the desktop its persistence (the ini and the window's
//   geometry), its DPI detection, its window events and its test hooks; the browser its canvas
//   sizing, its paced key events, its clipboard and the page's API. A shell whose display size is
//   its own business (the canvas) passes a Display to begin_frame and render; otherwise SDL's
//   window and drawable sizes are used.
// - The set-up is in three steps, because the desktop reads its saved settings into the ImGui
//   context before the window exists (the window opens at the saved place, not moved there):
//   start() (SDL and the ImGui context), open() (the window and GL), start_imgui() (style, font,
//   backends). Teardown is the destructor, in reverse.
#include <functional>

#include <SDL.h>

namespace gopark::shell {

// A frame's display where the shell measures it itself (the web canvas).
struct Display {
  float width = 0;               // in ImGui's units (points, CSS pixels)
  float height = 0;
  float framebuffer_scale = 1;   // pixels per unit
  int pixel_width = 0;           // the drawable, in pixels
  int pixel_height = 0;
};

// Invariants: `gl_` is set only if `window_` is; `backends_` only if `gl_` is; every step below
// needs the one before it to have succeeded.
class Window {
 public:
  Window() = default;
  ~Window();  // tears down whatever was set up, in reverse order, and quits SDL
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  // Starts SDL's video and creates the Dear ImGui context (current from now on). False when SDL
  // could not start (no display): SDL_GetError() says why.
  bool start();
  // Opens the window (SDL_WINDOW_OPENGL is added to `flags`) with the platform's GL context and
  // makes it current. False when either could not be created: SDL_GetError() says why, and
  // sdl_window() says whether the window was.
  bool open(const char* title, const SDL_Rect& rect, Uint32 flags);
  // The dark style with its sizes scaled by `ui_scale`, the font (set_font), then Dear ImGui's
  // SDL2 and OpenGL3 backends.
  void start_imgui(float ui_scale, float framebuffer_scale);
  // The built-in font at 13 px times `ui_scale`, rasterized at `framebuffer_scale` pixels per
  // unit and drawn at its inverse. Outside a frame only (the atlas may not change between
  // begin_frame and render); it may be called again, when the scale changes.
  void set_font(float ui_scale, float framebuffer_scale);

  // A frame: begin_frame(), the dashboard's App::frame(), render(), swap(). Between render and
  // swap the back buffer holds the frame (the desktop's screenshot reads it there). In the
  // browser the canvas is shown when the frame's callback returns: no swap.
  void begin_frame(const Display* display = nullptr);
  void render(const Display* display = nullptr);
  void swap();

  SDL_Window* sdl_window() const { return window_; }

 private:
  SDL_Window* window_ = nullptr;
  SDL_GLContext gl_ = nullptr;
  const char* glsl_version_ = nullptr;  // what the OpenGL3 backend's shaders declare
  bool backends_ = false;
};

// Calls `frame` once per displayed frame until it returns false. Natively a loop, at most 60
// frames a second (vsync is asked for, but a software GL such as Xvfb's may ignore it, and a
// dashboard gains nothing from more frames on a small machine running a Go program). In the
// browser, emscripten's main loop (requestAnimationFrame); it never returns there, and main's
// stack is unwound, so what `frame` uses must not live on it.
void run_frames(std::function<bool()> frame);

}  // namespace gopark::shell
