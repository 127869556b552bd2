// The desktop shell: the dashboard (gopark::dash::App) in a window of its own, drawn once a
// frame. The window, its OpenGL 3 context, Dear ImGui and the frame loop are the shells' common
// piece (dashboard/shell/window.hpp); this file adds what only the desktop does.
//
// Design
// - The shell owns the window (and through it the GL and ImGui contexts); the App owns
//   everything the user sees. The loop is an ordinary loop body (events, new frame, App::frame,
//   render, swap) that shell::run_frames calls, as it calls the web shell's.
// - Persistence lives in one file, ImGui's own ini (${XDG_CONFIG_HOME:-~/.config}/gopark/
//   imgui.ini): ImGui keeps the panel layout there, and a settings handler of ours adds a
//   [GoparkWindow][Main] entry with the window's position, size and maximized state. Rejected: a
//   second file of our own, which would be a second parser and a second place to look. The ini is
//   read before the window exists (the window is created at the saved place, not moved there),
//   and written explicitly before the App is destroyed, because the App may register handlers of
//   its own whose data must still be alive when ImGui writes.
// - HiDPI, two cases. Where the system scales (macOS, Wayland: SDL_WINDOW_ALLOW_HIGHDPI gives a
//   drawable larger than the window), ImGui works in points and the backend maps them to pixels;
//   we only rasterize the font at the pixel size so that it stays sharp. Where it does not (X11,
//   Windows), the display's DPI over 96 gives a UI scale (GOPARK_UI_SCALE overrides it) applied to
//   the font, the style's sizes and the default window size. The scale is chosen once, at start.
// - The App is created once the ImGui context, style and fonts exist and before the first frame,
//   so it may add fonts of its own. The UI scale reaches it as the font size: it should size
//   things in ImGui::GetFontSize() units (13 px at scale 1), never in fixed pixels.
// - Test hooks: --screenshot reads the back buffer after rendering and before the swap (what the
//   next swap will show), and writes it as a binary PPM, which needs no image library.
#include "desktop.hpp"

#include <SDL.h>
#include <SDL_opengl.h>  // glReadPixels for the screenshot, glFinish for the frame stats

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "imgui.h"
#include "imgui_impl_sdl.h"  // ImGui_ImplSDL2_ProcessEvent
#include "imgui_internal.h"  // ImGuiSettingsHandler: the window geometry's ini entry
#include "shell/window.hpp"
#include "ui/app.hpp"

namespace gopark::native {
namespace {

constexpr int kDefaultWidth = 1280;   // in UI units: multiplied by the UI scale
constexpr int kDefaultHeight = 800;
constexpr int kMinWidth = 640;
constexpr int kMinHeight = 400;
// --screenshot without --frames: shoot once run_finished() has held kSettleFrames frames in a
// row (the panels catch up with the run's end). With --run, also once a run was seen in progress:
// the App may start it asynchronously, and run_finished() is true until it does. A run so short
// that no frame ever saw it in progress is shot after kNoRunSeenFrames finished frames instead.
constexpr int kSettleFrames = 30;
constexpr int kNoRunSeenFrames = 300;

// ---- persistence ----

// Where the ini lives; "" if there is no usable directory (then nothing persists).
std::string config_file() {
  std::filesystem::path dir;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
    dir = xdg;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    dir = std::filesystem::path(home) / ".config";
  } else {
    return "";
  }
  dir /= "gopark";
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    std::fprintf(stderr, "gopark: cannot create %s (%s): layout will not be saved\n", dir.c_str(),
                 error.message().c_str());
    return "";
  }
  return (dir / "imgui.ini").string();
}

// The window's normal (not maximized) geometry in screen coordinates, and whether it was maximized.
// Invariants: width and height are both 0 (never saved) or both positive; has_position says
// whether x and y were saved.
struct WindowGeometry {
  bool has_position = false;
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
  bool maximized = false;
};

void* geometry_open(ImGuiContext*, ImGuiSettingsHandler* handler, const char* name) {
  return std::strcmp(name, "Main") == 0 ? handler->UserData : nullptr;
}

void geometry_read_line(ImGuiContext*, ImGuiSettingsHandler*, void* entry, const char* line) {
  auto& geometry = *static_cast<WindowGeometry*>(entry);
  int a = 0;
  int b = 0;
  if (std::sscanf(line, "Pos=%d,%d", &a, &b) == 2) {
    geometry.has_position = true;
    geometry.x = a;
    geometry.y = b;
  } else if (std::sscanf(line, "Size=%d,%d", &a, &b) == 2 && a > 0 && b > 0) {
    geometry.width = a;
    geometry.height = b;
  } else if (std::sscanf(line, "Maximized=%d", &a) == 1) {
    geometry.maximized = a != 0;
  }
}

void geometry_write_all(ImGuiContext*, ImGuiSettingsHandler* handler, ImGuiTextBuffer* out) {
  const auto& geometry = *static_cast<const WindowGeometry*>(handler->UserData);
  if (geometry.width <= 0) return;
  out->appendf("[%s][Main]\n", handler->TypeName);
  if (geometry.has_position) out->appendf("Pos=%d,%d\n", geometry.x, geometry.y);
  out->appendf("Size=%d,%d\nMaximized=%d\n\n", geometry.width, geometry.height, geometry.maximized ? 1 : 0);
}

// `geometry` must outlive the ImGui context.
void add_geometry_handler(WindowGeometry* geometry) {
  ImGuiSettingsHandler handler;
  handler.TypeName = "GoparkWindow";
  handler.TypeHash = ImHashStr(handler.TypeName);
  handler.ReadOpenFn = geometry_open;
  handler.ReadLineFn = geometry_read_line;
  handler.WriteAllFn = geometry_write_all;
  handler.UserData = geometry;
  ImGui::GetCurrentContext()->SettingsHandlers.push_back(handler);
}

// ---- placement and scale ----

// The UI scale on displays where the system does not scale for us: DPI / 96, in quarter steps.
float dpi_scale(int display) {
  if (const char* forced = std::getenv("GOPARK_UI_SCALE"); forced && *forced) {
    float scale = std::strtof(forced, nullptr);
    if (scale >= 0.5f && scale <= 8.0f) return scale;
  }
  float dpi = 0;
  if (SDL_GetDisplayDPI(display, &dpi, nullptr, nullptr) != 0 || dpi <= 0) return 1.0f;
  return std::clamp(std::round(dpi / 96.0f * 4.0f) / 4.0f, 1.0f, 4.0f);
}

bool on_some_display(const SDL_Rect& rect) {
  for (int i = 0; i < SDL_GetNumVideoDisplays(); ++i) {
    SDL_Rect bounds;
    SDL_Rect overlap;
    // At least a corner's worth of the title bar must be reachable to move the window back.
    if (SDL_GetDisplayUsableBounds(i, &bounds) == 0 && SDL_IntersectRect(&rect, &bounds, &overlap) &&
        overlap.w >= 64 && overlap.h >= 32)
      return true;
  }
  return false;
}

// Where to open the window: the saved geometry if it is still on a display, else the default
// size (scaled, and no larger than the display) centered on the first display.
SDL_Rect initial_rect(const WindowGeometry& saved, float scale) {
  SDL_Rect rect{int(SDL_WINDOWPOS_CENTERED), int(SDL_WINDOWPOS_CENTERED), int(kDefaultWidth * scale),
                int(kDefaultHeight * scale)};
  SDL_Rect usable;
  if (SDL_GetDisplayUsableBounds(0, &usable) == 0) {
    rect.w = std::min(rect.w, usable.w);
    rect.h = std::min(rect.h, usable.h);
  }
  if (saved.width > 0) {
    rect.w = std::max(saved.width, kMinWidth);
    rect.h = std::max(saved.height, kMinHeight);
  }
  if (saved.has_position && on_some_display(SDL_Rect{saved.x, saved.y, rect.w, rect.h})) {
    rect.x = saved.x;
    rect.y = saved.y;
  }
  return rect;
}

// ---- screenshot ----

// Writes the current back buffer (`width` x `height` pixels) as a binary PPM. GL's rows run
// bottom-up, PPM's top-down.
bool write_ppm(const std::string& path, int width, int height) {
  std::vector<unsigned char> pixels(size_t(width) * height * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "wb"), std::fclose);
  if (!file) return false;
  std::fprintf(file.get(), "P6\n%d %d\n255\n", width, height);
  const size_t row = size_t(width) * 3;
  for (int y = height - 1; y >= 0; --y)
    if (std::fwrite(pixels.data() + size_t(y) * row, 1, row, file.get()) != row) return false;
  return std::fflush(file.get()) == 0;
}

// ---- the window ----

// Everything the shell owns. The window (and with it the ImGui context) is declared last, so it
// is torn down first, while the ini path and the geometry its settings handler uses still live.
struct Shell {
  std::string ini_path;           // ImGui's IniFilename points into this
  WindowGeometry geometry;        // read by ImGui's settings handler until DestroyContext
  shell::Window window;

  // Window flags keep changing under the user's hands; remember the normal geometry only.
  void remember_geometry() {
    SDL_Window* w = window.sdl_window();
    Uint32 flags = SDL_GetWindowFlags(w);
    geometry.maximized = (flags & SDL_WINDOW_MAXIMIZED) != 0;
    if ((flags & (SDL_WINDOW_MAXIMIZED | SDL_WINDOW_MINIMIZED | SDL_WINDOW_FULLSCREEN)) == 0) {
      SDL_GetWindowPosition(w, &geometry.x, &geometry.y);
      SDL_GetWindowSize(w, &geometry.width, &geometry.height);
      geometry.has_position = true;
    }
    ImGui::MarkIniSettingsDirty();
  }
};

std::string window_title(const DesktopOptions& options) {
  if (options.file.empty()) return "gopark";
  return "gopark - " + std::filesystem::path(options.file).filename().string();
}

// Creates the ImGui context (reading the ini), then the window where the ini says, then the GL
// context and the backends. False, with a message, if there is no display or no OpenGL 3.
bool open_shell(Shell& shell, const DesktopOptions& options) {
  if (!shell.window.start()) {
    std::fprintf(stderr, "gopark: cannot open a window: %s\n"
                         "(no display? `gopark run prog.go` runs a program without one)\n",
                 SDL_GetError());
    return false;
  }
  add_geometry_handler(&shell.geometry);
  shell.ini_path = config_file();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = shell.ini_path.empty() ? nullptr : shell.ini_path.c_str();
  if (io.IniFilename) ImGui::LoadIniSettingsFromDisk(io.IniFilename);

  const float ui_scale = dpi_scale(0);
  const SDL_Rect rect = initial_rect(shell.geometry, ui_scale);
  Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  if (shell.geometry.maximized) flags |= SDL_WINDOW_MAXIMIZED;
  if (!shell.window.open(window_title(options).c_str(), rect, flags)) {
    std::fprintf(stderr, "gopark: cannot create an OpenGL 3 window: %s\n", SDL_GetError());
    return false;
  }
  SDL_Window* window = shell.window.sdl_window();
  SDL_SetWindowMinimumSize(window, kMinWidth, kMinHeight);
  shell.remember_geometry();  // saved even if no window manager ever moves or resizes it

  int window_width = 0;
  int drawable_width = 0;
  int unused = 0;
  SDL_GetWindowSize(window, &window_width, &unused);
  SDL_GL_GetDrawableSize(window, &drawable_width, &unused);
  const float framebuffer_scale = window_width > 0 ? std::max(1.0f, float(drawable_width) / window_width) : 1.0f;
  // Where the system scales for us, its points are already the right size.
  shell.window.start_imgui(framebuffer_scale > 1.0f ? 1.0f : ui_scale, framebuffer_scale);
  return true;
}

// Drains SDL's events into ImGui; false once the user closed the window.
bool poll_events(Shell& shell) {
  bool open = true;
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_QUIT) open = false;
    if (event.type != SDL_WINDOWEVENT || event.window.windowID != SDL_GetWindowID(shell.window.sdl_window())) continue;
    switch (event.window.event) {
      case SDL_WINDOWEVENT_CLOSE:
        open = false;
        break;
      case SDL_WINDOWEVENT_MOVED:
      case SDL_WINDOWEVENT_SIZE_CHANGED:
      case SDL_WINDOWEVENT_MAXIMIZED:
      case SDL_WINDOWEVENT_RESTORED:
        shell.remember_geometry();
        break;
      default:
        break;
    }
  }
  return open;
}

// The test hooks' decision, after drawn frame number `frame` (1-based): end the loop now (after
// the screenshot, if one was asked for)?
struct Hooks {
  const DesktopOptions& options;
  int finished_in_a_row = 0;
  bool run_seen = false;

  bool stop_now(int frame, bool run_finished) {
    finished_in_a_row = run_finished ? finished_in_a_row + 1 : 0;
    run_seen = run_seen || !run_finished;
    if (options.frames > 0) return frame >= options.frames;
    if (options.screenshot_path.empty()) return false;
    const bool run_done = !options.run_at_start || run_seen || finished_in_a_row >= kNoRunSeenFrames;
    return run_done && finished_in_a_row >= kSettleFrames;
  }
};

bool take_screenshot(Shell& shell, const std::string& path) {
  int width = 0;
  int height = 0;
  SDL_GL_GetDrawableSize(shell.window.sdl_window(), &width, &height);
  if (!write_ppm(path, width, height)) {
    std::fprintf(stderr, "gopark: cannot write the screenshot %s\n", path.c_str());
    return false;
  }
  std::fprintf(stderr, "gopark: screenshot %dx%d written to %s\n", width, height, path.c_str());
  return true;
}

double seconds_since(Uint64 start) {
  return double(SDL_GetPerformanceCounter() - start) / double(SDL_GetPerformanceFrequency());
}

// The CPU time this thread has used, in milliseconds.
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// --frame-stats: per frame, the wall time of its work (events, the App, rendering, the swap,
// with the GPU finished; before the wait for the next frame) and the UI thread's CPU time in it
// (the dashboard's own cost, without the time spent waiting for a core or for the GPU, which
// under Xvfb is Mesa's software rasterizer on other threads). Printed at exit.
void print_frame_stats(const char* what, std::vector<double> ms) {
  if (ms.empty()) return;
  std::sort(ms.begin(), ms.end());
  double sum = 0;
  for (double m : ms) sum += m;
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, std::size_t(q * double(ms.size())))]; };
  std::fprintf(stderr, "gopark: %zu frames, %s: mean %.2f ms, median %.2f, p95 %.2f, max %.2f (60 fps = 16.7 ms)\n",
               ms.size(), what, sum / double(ms.size()), at(0.5), at(0.95), ms.back());
}

}  // namespace

int run_desktop(const DesktopOptions& options) {
  Shell shell;
  if (!open_shell(shell, options)) return 1;
  auto app = std::make_unique<dash::App>(
      dash::AppOptions{.file = options.file,
                       .run_at_start = options.run_at_start,
                       .batch_runs = options.batch_runs,
                       .speed = options.speed,
                       .steps = options.steps});
  if (!options.settings.empty()) {
    engine::RunSettings settings = app->settings();
    for (const auto& [name, value] : options.settings) settings.set(name, value);  // checked by main.cpp
    app->set_settings(settings);
  }

  Hooks hooks{options};
  int status = 0;
  int frame = 0;  // frames drawn
  std::vector<double> frame_ms, frame_cpu_ms;
  shell::run_frames([&] {
    const Uint64 frame_start = SDL_GetPerformanceCounter();
    const double cpu_start = options.frame_stats ? thread_cpu_ms() : 0;
    if (!poll_events(shell) || app->wants_quit()) return false;
    if (SDL_GetWindowFlags(shell.window.sdl_window()) & SDL_WINDOW_MINIMIZED) {  // nothing to draw into
      SDL_Delay(50);
      return true;
    }
    ++frame;
    shell.window.begin_frame();
    app->frame();
    shell.window.render();
    if (hooks.stop_now(frame, app->run_finished())) {
      if (!options.screenshot_path.empty() && !take_screenshot(shell, options.screenshot_path)) status = 1;
      return false;
    }
    shell.window.swap();
    if (options.frame_stats) {
      glFinish();
      frame_ms.push_back(seconds_since(frame_start) * 1000.0);
      frame_cpu_ms.push_back(thread_cpu_ms() - cpu_start);
    }
    return true;
  });
  if (options.frame_stats) {
    print_frame_stats("wall time of the frame's work", std::move(frame_ms));
    print_frame_stats("UI thread CPU time", std::move(frame_cpu_ms));
  }

  if (options.print_output) std::fputs(app->output_text().c_str(), stdout);
  // Save while the App is alive (its settings handlers, if any, read its state), then never again.
  ImGuiIO& io = ImGui::GetIO();
  if (io.IniFilename) ImGui::SaveIniSettingsToDisk(io.IniFilename);
  io.IniFilename = nullptr;
  app.reset();
  return status;
}

}  // namespace gopark::native
