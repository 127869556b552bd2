#pragma once
// The example's note above the editor (example_note.cpp). Internal to dashboard/ui.
namespace gopark::dash {

struct Shared;

// No state of its own: it shows Shared::example.
struct ExampleNote {
  void draw(const Shared& s);
};

}  // namespace gopark::dash
