#pragma once
// Small widgets every panel uses (widgets.cpp): goroutine chips and state badges in the five
// states' colours, object highlighting, and ItemHeights for lists of items of varying height.
// Internal to dashboard/ui.
#include <cstdint>
#include <unordered_map>

#include <imgui.h>

#include "ui/shared.hpp"

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

// A goroutine chip "G7" in its state's colour; click selects it. Returns true if clicked.
bool goroutine_chip(Shared& s, std::uint64_t id, const char* suffix = nullptr);
// A coloured square in a state's colour followed by the state's word.
void state_badge(const Shared& s, NoteState state);
// Whether object `id` relates to the selected goroutine (highlight it).
bool is_related_object(const Shared& s, std::uint64_t id);
// Whether the run died of a deadlock with goroutines blocked on object `id` (shown in red).
bool in_deadlock(const Shared& s, std::uint64_t id);
// An object's header colour: deadlocked red, related to the selection blue, else the default
// (0: push nothing).
ImU32 object_header_color(const Shared& s, std::uint64_t id);
constexpr ImU32 kDeadlockRed = IM_COL32(255, 95, 85, 255);

}  // namespace gopark::dash
