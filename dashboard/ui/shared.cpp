// Shared (shared.hpp): the helpers every panel may call.
#include "ui/shared.hpp"

namespace gopark::dash {

void Shared::run(bool paused) {
  RunSettings settings = controls.settings;
  settings.start_paused = paused;
  selected = 0;
  selected_race = -1;
  related = {};
  follow = true;
  session.start(source, file_name, settings, errors);
}

bool Shared::seek(std::uint64_t k) {
  if (!session.simulated()) {
    if (controls.settings.mode != rt::Mode::Sim) return false;
    run(true);
  }
  if (session.running() && k < session.step()) {
    session.stop();
    seek_when_stopped = k;
    return true;
  }
  return session.seek(k);
}

void Shared::line_back(std::uint64_t g) {
  if (!session.simulated()) return;
  if (!session.running()) {  // it ended: back from its end
    session.line_back(g, session.position());
    return;
  }
  line_back_when_stopped = {g, session.position()};
  session.stop();
}

void Shared::load_example(const Example& e) {
  stop();
  source = std::string(e.source);
  ++editor_generation;
  file_name = e.file;
  example = &e;
  errors.clear();
}

void Shared::select(std::uint64_t goroutine) {
  selected = selected == goroutine ? 0 : goroutine;
  selected_race = -1;
}

void Shared::select_race(int race) {
  const std::size_t n = frame ? frame->view.races.size() : 0;
  if (race < 0 || std::size_t(race) >= n) {
    if (selected_race >= 0) selected = 0;
    selected_race = -1;
    return;
  }
  selected_race = race;
  selected = frame->view.races[std::size_t(race)].goroutine;
}

const char* Shared::state_word(NoteState st) const {
  const StateStyle& style = state_style(st);
  return note_words ? style.note_word : style.go_word;
}

}  // namespace gopark::dash
