#pragma once
// The dashboard's state between frames, shared by the panel files (one draw_* function each).
// Internal to dashboard/ui.
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <imgui.h>

#include "model/view_model.hpp"
#include "session/batch.hpp"
#include "session/session.hpp"
#include "ui/app.hpp"
#include "ui/examples.hpp"

namespace gopark::dash {

// Panels of items with varying heights (channels, locks) draw only what is in view: an item out
// of view is replaced by empty space of the height it had when last drawn (or a guess, if it
// never was); it is drawn, and measured, whenever it is in view. Use: `if (skip_hidden(h, id)) continue;`, draw the
// item, then `h.measure(id)`.
class ItemHeights {
 public:
  bool skip_hidden(std::uint64_t id);
  void measure(std::uint64_t id);

 private:
  std::unordered_map<std::uint64_t, float> height_;
  float start_y_ = 0;
};

struct UiState {
  AppOptions options;
  Session session;

  // ---- the program ----
  std::string source;              // the editor's text
  std::string file_name = "prog.go";
  const Example* example = nullptr;  // the example loaded last (its explanation is shown)
  std::vector<SourceError> errors;   // of the last Run that did not compile
  bool source_changed_since_run = false;
  int cursor = 0;                  // the editor's cursor (byte offset), while it has focus
  bool focus_editor = false;       // give the editor the keyboard focus at the next frame
  int editor_home_frames = 0;      // frames left to hold the editor scrolled to its left edge
  // Bumped whenever the text is replaced from outside the editor (an example, the page's API):
  // part of the editor's ImGui id, so an editor being typed in drops its own copy of the old text
  // instead of writing it back over the new one.
  int editor_generation = 0;
  bool run_when_stopped = false;   // App::run while a run was going: start once it has ended
  int editor_len = 0;              // the text's length at the editor's last callback (auto-indent)

  // ---- run controls ----
  RunSettings settings;
  int procs = 4;                   // the GOMAXPROCS slider (applied live while running)
  int mode = 0;                    // 0 goroutines (M:N), 1 threads (1:1), 2 coroutines (N:1)
  char seed_text[24] = "0";        // 0: random
  int speed_index = 0;             // into kSpeeds (toolbar.cpp): 0 is full speed

  // ---- what the panels show ----
  std::shared_ptr<const Frame> frame;  // taken once per frame from the session
  std::shared_ptr<const Frame> pinned; // App::pin_frame: shown instead of the session's
  bool note_words = false;         // goroutine states in the study note's words, not Go's
  std::uint64_t selected = 0;      // selected goroutine (0: none)
  Related related;                 // what the selected goroutine relates to
  GoroutineFilter filter;
  GoroutineColumn sort_column = GoroutineColumn::Id;
  bool sort_ascending = true;
  char filter_text[64] = "";

  // ---- timeline view ----
  double view_span_ms = 2000;      // visible width
  double view_end_ms = 0;          // right edge (follows "now" while `follow`)
  bool follow = true;

  // ---- Run xN ----
  BatchRun batch;
  bool show_batch = false;
  int batch_runs = 100;
  std::vector<SourceError> batch_errors;

  ItemHeights channel_heights, lock_heights;

  std::string status;              // a one-line message under the toolbar (trace written, ...)

  bool quit = false;
  bool started = false;            // run_at_start has been honoured
  bool scroll_output = true;
  std::vector<OutputChunk> output;         // the transcript as last copied
  std::uint64_t output_version = ~std::uint64_t{0};

  // Helpers shared by the panels.
  void run(bool paused = false);   // compile + start the editor's program with the settings
                                   // (paused: main holds before its first line, to Step)
  void stop() {  // Stop, Esc, a new example: also cancels a run waiting to start (App::run)
    run_when_stopped = false;
    session.stop();
  }
  void load_example(const Example& e);
  void start_batch();              // Run xN with the toolbar's settings
  RunSettings run_settings() const;  // the toolbar's GOMAXPROCS, mode, seed and speed
  double speed() const;            // lines per second per P from the Speed slider; 0: full
  void set_speed_near(double lines_per_second);  // moves the slider to the nearest stop
  void select(std::uint64_t goroutine);
  const char* state_word(NoteState s) const;
};

// The panels (one file each).
void draw_menu_bar(UiState& s);
void draw_toolbar(UiState& s);
void draw_editor(UiState& s);
void draw_output(UiState& s);
void draw_procs(UiState& s);
void draw_goroutines(UiState& s);
void draw_channels(UiState& s);
void draw_locks(UiState& s);
void draw_timeline(UiState& s);
void draw_example_note(UiState& s);
void draw_batch_window(UiState& s);   // Run xN: outcomes of N fresh runs

// Small shared widgets (widgets.cpp).
// A goroutine chip "G7" in its state's colour; click selects it. Returns true if clicked.
bool goroutine_chip(UiState& s, std::uint64_t id, const char* suffix = nullptr);
// A coloured square in a state's colour followed by the state's word.
void state_badge(const UiState& s, NoteState state);
// Whether object `id` relates to the selected goroutine (highlight it).
bool is_related_object(const UiState& s, std::uint64_t id);
// Whether the run died of a deadlock with goroutines blocked on object `id` (shown in red).
bool in_deadlock(const UiState& s, std::uint64_t id);
// An object's header colour: deadlocked red, related to the selection blue, else the default
// (0: push nothing).
ImU32 object_header_color(const UiState& s, std::uint64_t id);
constexpr ImU32 kDeadlockRed = IM_COL32(255, 95, 85, 255);

}  // namespace gopark::dash
