// The goroutine table's rows: which pass the filter, in which order.
//
// The table is redrawn every frame from a fresh ViewModel, so the order must depend only on the
// rows' contents: ties are broken by id (ascending in both directions) rather than left to the
// sort, or equal rows would swap places from one frame to the next.
#include <algorithm>

#include "model/view_model.hpp"

namespace gopark::dash {

namespace {

// ASCII only: function names and wait reasons are Go identifiers and Go's own words; a byte of a
// UTF-8 sequence is left as it is, which still matches itself.
char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

bool contains_folded(std::string_view haystack, std::string_view folded_needle) {
  if (folded_needle.size() > haystack.size()) return false;
  for (std::size_t at = 0; at + folded_needle.size() <= haystack.size(); ++at) {
    std::size_t i = 0;
    while (i < folded_needle.size() && lower(haystack[at + i]) == folded_needle[i]) ++i;
    if (i == folded_needle.size()) return true;
  }
  return false;
}

bool passes(const GoroutineRow& row, const GoroutineFilter& filter, std::string_view folded_text) {
  const auto state = std::size_t(row.state);
  if (state < std::size_t(NoteState::Count) && !filter.show[state]) return false;
  return folded_text.empty() || contains_folded(row.function, folded_text) ||
         contains_folded(row.wait, folded_text) || contains_folded(row.wait_object_name, folded_text);
}

// -1, 0, 1 as a is before, level with, after b in `column`, ascending.
template <typename T>
int compare(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

int compare_by(GoroutineColumn column, const GoroutineRow& a, const GoroutineRow& b) {
  switch (column) {
    case GoroutineColumn::Id: return compare(a.id, b.id);
    case GoroutineColumn::Function: return compare(a.function, b.function);
    case GoroutineColumn::State: return compare(a.state, b.state);
    case GoroutineColumn::Wait: {
      // What the Wait column shows: the reason, then the object it is on.
      if (int c = compare(a.wait, b.wait)) return c;
      return compare(a.wait_object_name, b.wait_object_name);
    }
    case GoroutineColumn::P: return compare(a.p, b.p);
    case GoroutineColumn::Line: return compare(a.line, b.line);
    case GoroutineColumn::RunTime: return compare(a.run_ms, b.run_ms);
    case GoroutineColumn::Switches: return compare(a.switches, b.switches);
  }
  return 0;
}

}  // namespace

std::vector<std::size_t> goroutine_order(const ViewModel& vm, const GoroutineFilter& filter,
                                         GoroutineColumn column, bool ascending) {
  std::string folded;
  for (char c : filter.text) folded += lower(c);
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < vm.goroutines.size(); ++i) {
    if (passes(vm.goroutines[i], filter, folded)) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    const GoroutineRow& a = vm.goroutines[i];
    const GoroutineRow& b = vm.goroutines[j];
    if (int c = compare_by(column, a, b)) return ascending ? c < 0 : c > 0;
    if (a.id != b.id) return a.id < b.id;
    return i < j;  // a frame with a duplicated id: keep row order
  });
  return order;
}

}  // namespace gopark::dash
