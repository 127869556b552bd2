// Shared (shared.hpp): the helpers every panel may call.
#include "ui/shared.hpp"

namespace gopark::dash {

void Shared::run(bool paused) {
  RunSettings settings = controls.settings;
  settings.start_paused = paused;
  selected = 0;
  related = {};
  follow = true;
  session.start(source, file_name, settings, errors);
}

void Shared::load_example(const Example& e) {
  stop();
  source = std::string(e.source);
  ++editor_generation;
  file_name = e.file;
  example = &e;
  errors.clear();
}

void Shared::select(std::uint64_t goroutine) { selected = selected == goroutine ? 0 : goroutine; }

const char* Shared::state_word(NoteState st) const {
  const StateStyle& style = state_style(st);
  return note_words ? style.note_word : style.go_word;
}

}  // namespace gopark::dash
