#pragma once
// The program's output (output_panel.cpp). Internal to dashboard/ui.
#include <cstdint>
#include <vector>

#include "session/session.hpp"

namespace gopark::dash {

struct Shared;

struct OutputPanel {
  bool follow = true;                         // keep the end in view while the output grows
  std::vector<OutputChunk> transcript;        // the session's transcript as last copied
  std::uint64_t version = ~std::uint64_t{0};  // the session's output_version() at that copy

  void draw(Shared& s);
};

}  // namespace gopark::dash
