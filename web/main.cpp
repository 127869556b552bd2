// The web shell: the dashboard (dashboard/ui/app.hpp) in a browser tab, built with Emscripten
// and pthreads. The window (SDL2 + WebGL2 + Dear ImGui) and the frame loop are the shells' common
// piece (dashboard/shell/window.hpp); this file adds what only the page does. The program runs on Web Workers (the runtime's Ms,
// the Session's runner and sampler); the browser's main thread only draws frames from what the
// sampler publishes and answers the page's JS API (window.gopark, shell/gopark.js) through the
// exported functions below, none of which waits on a worker.
//
// The canvas fills the page; every frame its CSS size and the device pixel ratio are read, so
// the dashboard follows the window and stays crisp on HiDPI screens.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <SDL.h>

#include <algorithm>
#include <bitset>
#include <cmath>
#include <cstdio>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include <atomic>
#include <thread>

#include "imgui.h"
#include "imgui_impl_sdl.h"  // ImGui_ImplSDL2_ProcessEvent
#include "run/compile.hpp"
#include "run/explore.hpp"
#include "shell/window.hpp"
#include "ui/app.hpp"

namespace {

struct Shell {
  gopark::shell::Window window;
  std::unique_ptr<gopark::dash::App> app;
  int css_w = 0, css_h = 0;
  double ratio = 0;
  long frames = 0;
  std::string text;  // the last string handed to JS (valid until the next call)
  // The OS clipboard, as far as the page may see it: what the last paste event carried (the
  // browser gives a page the clipboard only then); copies go out through navigator.clipboard.
  std::string clipboard;
  // A paste event arrived: press Ctrl+V for Dear ImGui (2: press at the next frame, 1: release).
  int paste_frames = 0;
  // SDL events not yet given to Dear ImGui (pace_events), oldest first, and the modifier keys
  // as of the last key event given.
  std::deque<SDL_Event> pending;
  SDL_Keymod mods = KMOD_NONE;
};

Shell* shell = nullptr;

// Matches the canvas's backing store to its CSS size times the device pixel ratio, and the font
// to the ratio (13 CSS px rasterized at the screen's pixel size, so text is as crisp as the
// geometry on HiDPI screens).
void follow_canvas_size(Shell& s) {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  double ratio = emscripten_get_device_pixel_ratio();
  int w = std::max(1, int(css_w)), h = std::max(1, int(css_h));
  int want_w = int(std::lround(w * ratio)), want_h = int(std::lround(h * ratio));
  int have_w = 0, have_h = 0;
  emscripten_get_canvas_element_size("#canvas", &have_w, &have_h);
  if (w == s.css_w && h == s.css_h && ratio == s.ratio && have_w == want_w && have_h == want_h) return;
  if (ratio != s.ratio) s.window.set_font(1.0f, float(ratio));
  s.css_w = w, s.css_h = h, s.ratio = ratio;
  SDL_SetWindowSize(s.window.sdl_window(), w, h);  // SDL may size the canvas itself: ours comes after
  emscripten_set_canvas_element_size("#canvas", want_w, want_h);
}

// Gives this frame's events to Dear ImGui. Its version here (1.86) reads each key as a held-down
// flag once a frame, so a key that goes down and up between two frames is never seen pressed: a
// quick Ctrl+C when frames are slow (software WebGL, a busy machine) was lost. So a frame takes
// events, in order, only until some key would change a second time; the rest wait for the next
// frame. The modifiers follow the events too (the backend reads SDL's current state instead,
// which may already be past a queued key).
void pace_events(Shell& s) {
  SDL_Event event;
  while (SDL_PollEvent(&event)) s.pending.push_back(event);
  std::bitset<SDL_NUM_SCANCODES> changed;
  ImGuiIO& io = ImGui::GetIO();
  while (!s.pending.empty()) {
    SDL_Event& e = s.pending.front();
    const bool key = e.type == SDL_KEYDOWN || e.type == SDL_KEYUP;
    if (key) {
      const int code = e.key.keysym.scancode;
      // An auto-repeat keeps a key down (Dear ImGui makes its own repeats): not a change.
      if (code >= 0 && code < SDL_NUM_SCANCODES && !e.key.repeat) {
        if (changed[code]) break;
        changed[code] = true;
      }
    }
    ImGui_ImplSDL2_ProcessEvent(&e);
    if (key) s.mods = SDL_Keymod(e.key.keysym.mod);
    s.pending.pop_front();
  }
  io.KeyShift = (s.mods & KMOD_SHIFT) != 0;
  io.KeyCtrl = (s.mods & KMOD_CTRL) != 0;
  io.KeyAlt = (s.mods & KMOD_ALT) != 0;
  io.KeySuper = (s.mods & KMOD_GUI) != 0;
}

void frame() {
  Shell& s = *shell;
  follow_canvas_size(s);
  pace_events(s);
  if (s.paste_frames > 0) {  // the Ctrl+V that SDL did not see (shell/gopark.js)
    ImGuiIO& io = ImGui::GetIO();
    const bool press = s.paste_frames == 2;
    io.KeysDown[io.KeyMap[ImGuiKey_V]] = press;
    if (press) io.KeyCtrl = true;
    --s.paste_frames;
  }
  // SDL's window size is in CSS pixels; the drawable is the canvas's backing store.
  const gopark::shell::Display display{.width = float(s.css_w),
                                       .height = float(s.css_h),
                                       .framebuffer_scale = float(s.ratio),
                                       .pixel_width = int(std::lround(s.css_w * s.ratio)),
                                       .pixel_height = int(std::lround(s.css_h * s.ratio))};
  s.window.begin_frame(&display);
  s.app->frame();
  s.window.render(&display);
  ++s.frames;
}

const char* get_clipboard(void*) { return shell->clipboard.c_str(); }

void set_clipboard(void*, const char* text) {
  shell->clipboard = text;
  EM_ASM({
    // It fails when the page is not focused, or the browser refuses: say so rather than nothing.
    if (navigator.clipboard) {
      navigator.clipboard.writeText(UTF8ToString($0)).catch(function (e) {
        console.warn('gopark: copying to the clipboard failed: ' + e);
      });
    }
  }, text);
}

const char* hand_to_js(std::string text) {
  shell->text = std::move(text);
  return shell->text.c_str();
}

}  // namespace

// The page's API (shell/gopark.js wraps these as window.gopark). Main thread only.
extern "C" {
EMSCRIPTEN_KEEPALIVE void gopark_load(const char* source) { shell->app->edit_source(source); }
EMSCRIPTEN_KEEPALIVE int gopark_open_example(const char* name) { return shell->app->open_example(name) ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE const char* gopark_source() { return hand_to_js(shell->app->source()); }
EMSCRIPTEN_KEEPALIVE const char* gopark_example_name() { return hand_to_js(shell->app->example_name()); }
EMSCRIPTEN_KEEPALIVE void gopark_run() { shell->app->run(); }
EMSCRIPTEN_KEEPALIVE void gopark_stop() { shell->app->stop(); }
// Also starts a run that waits for the previous one to end (App::run), so that a page polling
// for the end of a run gets there even in a background tab, where no frames are drawn.
EMSCRIPTEN_KEEPALIVE int gopark_running() {
  shell->app->start_pending_run();
  return shell->app->running() ? 1 : 0;
}
// Changes whenever the output does; runs started so far (a new run empties the output).
EMSCRIPTEN_KEEPALIVE double gopark_output_version() { return double(shell->app->output_version()); }
EMSCRIPTEN_KEEPALIVE double gopark_runs() { return double(shell->app->runs()); }
EMSCRIPTEN_KEEPALIVE int gopark_exit_code() { return shell->app->exit_code(); }
EMSCRIPTEN_KEEPALIVE const char* gopark_output() { return hand_to_js(shell->app->output_text()); }
EMSCRIPTEN_KEEPALIVE const char* gopark_stdout() { return hand_to_js(shell->app->stdout_text()); }
EMSCRIPTEN_KEEPALIVE const char* gopark_state() { return hand_to_js(shell->app->state_json()); }
EMSCRIPTEN_KEEPALIVE long gopark_frames() { return shell->frames; }
// A paste event's text (shell/gopark.js forwards them): what Ctrl+V in the editor inserts.
EMSCRIPTEN_KEEPALIVE void gopark_paste(const char* text) {
  shell->clipboard = text;
  shell->paste_frames = 2;
}
// Settings, as lines "name=value" (procs, mode, seed, speed, memory, max-steps, race: engine::RunSettings::set
// reads and checks each). All are taken, or none: the answer is "" or what was wrong
// ("procs: a whole number from 1 to 256"), which the page throws.
EMSCRIPTEN_KEEPALIVE const char* gopark_set_settings(const char* lines) {
  gopark::engine::RunSettings settings = shell->app->settings();
  std::string_view rest = lines;
  while (!rest.empty()) {
    std::string_view line = rest.substr(0, rest.find('\n'));
    rest.remove_prefix(std::min(rest.size(), line.size() + 1));
    std::size_t eq = line.find('=');
    std::string_view name = line.substr(0, eq);
    std::string error = eq == std::string_view::npos ? "no value" : settings.set(name, line.substr(eq + 1));
    if (!error.empty()) return hand_to_js(std::string(name) + ": " + error);
  }
  shell->app->set_settings(settings);
  return hand_to_js("");
}
// Simulated runs: go to step k, paused (App::seek); 0 when the settings are not simulated.
EMSCRIPTEN_KEEPALIVE int gopark_seek(double step) {
  if (!(step >= 0) || step > 9.0e15) return 0;
  return shell->app->seek(std::uint64_t(step)) ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE int gopark_seeking() { return shell->app->seeking() ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE double gopark_step() { return double(shell->app->step()); }
EMSCRIPTEN_KEEPALIVE int gopark_paused() { return shell->app->paused() ? 1 : 0; }

// Explore (engine/run/explore.hpp) of the editor's program with the toolbar's settings, on a
// worker (the main thread never waits): start, then poll until the outcomes come, one JSON
// object per line, as `gopark explore --json` prints them.
struct Exploring {
  std::thread worker;
  std::atomic<bool> done{false};
  std::atomic<bool> cancel{false};
  std::string result;  // written by the worker before `done`
};
std::unique_ptr<Exploring> exploring;

EMSCRIPTEN_KEEPALIVE const char* gopark_explore_start(double runs, double seconds) {
  if (exploring && !exploring->done.load()) return hand_to_js("an exploration is already going");
  if (exploring && exploring->worker.joinable()) exploring->worker.join();  // done: returns at once
  gopark::engine::Compiled compiled = gopark::engine::compile(shell->app->source(), "prog.go");
  if (!compiled.image) return hand_to_js("the program does not compile:\n" + compiled.report);
  gopark::engine::ExploreOptions options;
  options.settings = shell->app->settings();
  options.runs = runs >= 1 && runs <= 1e9 ? std::uint64_t(runs) : (seconds > 0 ? UINT64_MAX : 1000);
  options.seconds = seconds > 0 && seconds < 86400 ? seconds : 0;
  options.jobs = 2;  // each run's simulation is one more worker: the page's pool has a few spare
  options.program = "prog.go";
  exploring = std::make_unique<Exploring>();
  options.cancel = &exploring->cancel;
  Exploring* e = exploring.get();
  e->worker = std::thread([e, options, image = compiled.image] {
    gopark::engine::Exploration x = gopark::engine::explore(image, options);
    std::string out;
    for (const auto& o : x.outcomes) out += gopark::engine::outcome_json(o) + "\n";
    e->result = std::move(out);
    e->done.store(true, std::memory_order_release);
  });
  return hand_to_js("");
}
// The outcomes once done ("" while exploring); each call after that returns them again.
EMSCRIPTEN_KEEPALIVE const char* gopark_explore_poll() {
  if (!exploring || !exploring->done.load(std::memory_order_acquire)) return hand_to_js("");
  return hand_to_js(exploring->result.empty() ? "\n" : exploring->result);
}

// The settings as JSON; the seed (a uint64) as a decimal string: a JS number would round it.
EMSCRIPTEN_KEEPALIVE const char* gopark_settings() {
  gopark::engine::RunSettings s = shell->app->settings();
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "{\"procs\":%d,\"mode\":%d,\"speed\":%g,\"seed\":\"%llu\",\"memory\":%llu,\"max-steps\":%llu,"
                "\"race\":%s}",
                s.procs, int(s.mode), s.speed, static_cast<unsigned long long>(s.seed),
                static_cast<unsigned long long>(s.memory_limit), static_cast<unsigned long long>(s.max_steps),
                s.race ? "true" : "false");
  return hand_to_js(buf);
}
}

int main() {
  shell = new Shell();  // lives as long as the page: the main loop never returns
  gopark::shell::Window& window = shell->window;
  if (!window.start()) {
    std::fprintf(stderr, "gopark: SDL_Init failed: %s\n", SDL_GetError());
    return 1;
  }
  ImGui::GetIO().IniFilename = nullptr;  // the page keeps no files; the layout is the default
  if (!window.open("gopark", SDL_Rect{int(SDL_WINDOWPOS_UNDEFINED), int(SDL_WINDOWPOS_UNDEFINED), 1280, 800},
                   SDL_WINDOW_RESIZABLE)) {
    std::fprintf(stderr, window.sdl_window() ? "gopark: no WebGL2 context: %s\n" : "gopark: no window: %s\n",
                 SDL_GetError());
    return 1;
  }
  // The font follows the device pixel ratio from the first frame on (follow_canvas_size).
  window.start_imgui(1.0f, 1.0f);
  ImGuiIO& io = ImGui::GetIO();
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;
  shell->app = std::make_unique<gopark::dash::App>(gopark::dash::AppOptions{});
  EM_ASM({ if (Module.onGoparkReady) Module.onGoparkReady(); });
  gopark::shell::run_frames([] {
    frame();
    return true;
  });  // never returns
  return 0;
}
