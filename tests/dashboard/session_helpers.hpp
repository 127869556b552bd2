#pragma once
// Helpers for the Session tests: polling with a time limit, starting a program.
#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "session/session.hpp"

namespace gopark::test {

// Polls `done` every few milliseconds; false after `seconds`.
inline bool wait_until(const std::function<bool()>& done, double seconds = 20) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

// Starts `source` as prog.go; compile errors are reported as test messages.
inline bool start(dash::Session& s, const std::string& source, dash::RunSettings settings = {}) {
  std::vector<dash::SourceError> errors;
  bool ok = s.start(source, "prog.go", settings, errors);
  for (const dash::SourceError& e : errors) MESSAGE(e.line << ":" << e.col << ": " << e.message);
  return ok;
}

}  // namespace gopark::test
