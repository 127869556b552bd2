// Human-readable names of the runtime's own enums (the goroutine states' and the events' are in trace/names.cpp).
#include "runtime/runtime.hpp"

namespace gopark::rt {

const char* to_string(Mode m) {
  switch (m) {
    case Mode::MN: return "mn";
    case Mode::Threads: return "threads";
    case Mode::Coroutines: return "coroutines";
    case Mode::Sim: return "sim";
  }
  return "?";
}

bool parse_mode(std::string_view s, Mode& out) {
  if (s == "mn" || s == "goroutines") out = Mode::MN;
  else if (s == "threads") out = Mode::Threads;
  else if (s == "coroutines") out = Mode::Coroutines;
  else if (s == "sim") out = Mode::Sim;
  else return false;
  return true;
}

}  // namespace gopark::rt
