#pragma once
// What more than one panel needs between frames, and only that. Internal to dashboard/ui.
//
// Every panel is a struct in a file of its own (editor_panel.hpp, timeline_panel.hpp, ...) that
// keeps the state only it uses and draws itself with `void draw(Shared&)`, the way Dear ImGui's
// windows do; App (app.cpp) holds one of each and lays them out. So a new panel is a new file
// and a line in App, and touches no other panel. A field belongs here only if two or more panels
// (or a panel and App's API) read or write it; everything else lives in its panel.
//
// Ownership: App::frame() and App's API run on the UI thread between panels, never during one,
// so there are no locks; the rules say who may write what (anyone may read):
//   session      the run. Started by run() and stopped by stop() (the toolbar, the menu bar,
//                App's API; App::run also stops it itself, to start the new run once it has
//                ended); the toolbar also pauses it, steps it and changes GOMAXPROCS and the
//                speed live. Other panels only read it (the output, the step state).
//   controls     the toolbar's widgets and App::set_controls; read by run() and Run xN. Kept
//                together (run_controls.hpp) so that swapping them out touches one place.
//   the program  source, file_name, example, errors: the editor edits source and clears errors
//                (stale positions would mislead); run() sets errors; load_example() and
//                App::edit_source replace the text, and bump editor_generation so that the editor
//                drops its copy of the old text; App::edit_source sets focus_editor, which the
//                editor clears once it has taken the focus.
//   frame        set by App::frame() once a frame, before any panel draws; panels only read it.
//   selected     select() (a goroutine chip, the editor's gutter, the timeline); cleared by run().
//   related      recomputed by App::frame() from selected and frame; cleared by run().
//   note_words   the View menu; read by every state word (state_word()).
//   follow       the View menu and the timeline (zoom and pan stop following); run() sets it.
//   show_batch   the menu bar, the toolbar and App open the Run xN window; it closes itself.
//   status       the menu bar (a trace written); shown by the toolbar.
//   run_when_stopped  App::run() sets it while the old run stops; stop() cancels it; App starts
//                the pending run once the old one has ended.
// Invariants: related is what `selected` relates to in the latest frame that had one, and means
// nothing while selected is 0 (readers check selected first); editor_generation only grows.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "model/view_model.hpp"
#include "session/session.hpp"
#include "ui/examples.hpp"
#include "ui/run_controls.hpp"

namespace gopark::dash {

struct Shared {
  Session session;
  RunControls controls;

  // ---- the program ----
  std::string source;                // the editor's text
  std::string file_name = "prog.go";
  const Example* example = nullptr;  // the example loaded last (its note is shown)
  std::vector<SourceError> errors;   // of the last Run that did not compile
  bool focus_editor = false;         // give the editor the keyboard focus at the next frame
  // Bumped whenever the text is replaced from outside the editor (an example, the page's API):
  // part of the editor's ImGui id, so an editor being typed in drops its own copy of the old text
  // instead of writing it back over the new one.
  int editor_generation = 0;
  bool run_when_stopped = false;     // App::run while a run was going: start once it has ended
  // A seek behind a live simulated run: it is stopped first (never waited for on the UI thread),
  // and App::start_pending_run replays the program to this step once it has ended.
  std::uint64_t seek_when_stopped = UINT64_MAX;

  // ---- what the panels show ----
  std::shared_ptr<const Frame> frame;  // the frame being drawn (the session's, or a pinned one)
  bool note_words = false;           // goroutine states in the study note's words, not Go's
  std::uint64_t selected = 0;        // selected goroutine (0: none)
  Related related;                   // what the selected goroutine relates to
  // The race selected in the races panel (an index into frame->view.races; -1: none): `selected`
  // is its goroutine, and the other one is added to `related`.
  int selected_race = -1;
  bool follow = true;                // the timeline follows the run's end

  bool show_batch = false;           // the Run xN window is open
  std::string status;                // a one-line message by the toolbar (trace written, ...)

  // Compiles and starts the editor's program with the controls' settings (paused: main holds
  // before its first line, to Step). Compile errors go to `errors`.
  void run(bool paused = false);
  // Stop, Esc, a new example: also cancels a run waiting to start (App::run).
  // A step back by line behind a live run, likewise: (goroutine, from position); 0: none.
  std::pair<std::uint64_t, std::uint64_t> line_back_when_stopped{0, 0};
  // A replay waits for the live run to end (App::start_pending_run starts it).
  bool replay_pending() const { return seek_when_stopped != UINT64_MAX || line_back_when_stopped.first != 0; }
  void stop() {
    run_when_stopped = false;
    seek_when_stopped = UINT64_MAX;
    line_back_when_stopped = {0, 0};
    session.stop();
  }
  // Simulated runs: show step k (Session::seek), the live run going on to it, or a replay of the
  // last simulated run when k is behind; with no simulated run yet, the editor's program starts
  // paused (false when the settings are not simulated). step_back: one step back.
  bool seek(std::uint64_t k);
  void step_back() { seek(session.back_target()); }
  // One line of goroutine g back (Session::line_back), from where the run holds now.
  void line_back(std::uint64_t g);
  void load_example(const Example& e);  // stops the run and puts the example in the editor
  void select(std::uint64_t goroutine);  // selects it, or deselects it if it was selected
  void select_race(int race);            // -1: none
  const char* state_word(NoteState s) const;  // Go's word, or the note's (View menu)
};

}  // namespace gopark::dash
