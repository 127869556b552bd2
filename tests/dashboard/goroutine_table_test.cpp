// goroutine_order: the goroutine table's filter (text, state checkboxes) and its sort by every
// column in both directions, with ties always in ascending id order.
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "model/view_model.hpp"

namespace {

namespace dash = gopark::dash;
using dash::GoroutineColumn;
using dash::NoteState;

dash::GoroutineRow row(std::uint64_t id, const char* function, NoteState state, const char* wait = "",
                       const char* object = "") {
  dash::GoroutineRow r;
  r.id = id;
  r.function = function;
  r.state = state;
  r.wait = wait;
  r.wait_object_name = object;
  return r;
}

// A frame as build_view_model makes it: rows by id.
dash::ViewModel frame() {
  dash::ViewModel vm;
  vm.goroutines = {
      row(1, "main.main", NoteState::Suspended, "sync.WaitGroup.Wait", "wg"),
      row(2, "main.Worker", NoteState::Running),
      row(3, "main.worker", NoteState::Suspended, "chan receive", "jobs"),
      row(4, "main.producer", NoteState::Ready),
      row(5, "main.worker", NoteState::Suspended, "chan receive", "jobs"),
      row(6, "main.worker", NoteState::Initial),
  };
  const int p[] = {0, 1, 0, 1, -1, 0};
  const int line[] = {20, 8, 9, 30, 9, 0};
  const double run_ms[] = {0.5, 3.0, 1.0, 0.25, 1.0, 0};
  const std::uint32_t switches[] = {4, 9, 2, 1, 2, 0};
  for (std::size_t i = 0; i < vm.goroutines.size(); ++i) {
    vm.goroutines[i].p = p[i];
    vm.goroutines[i].line = line[i];
    vm.goroutines[i].run_ms = run_ms[i];
    vm.goroutines[i].switches = switches[i];
  }
  return vm;
}

std::vector<std::uint64_t> ids(const dash::ViewModel& vm, const std::vector<std::size_t>& order) {
  std::vector<std::uint64_t> out;
  for (std::size_t i : order) out.push_back(vm.goroutines[i].id);
  return out;
}

std::vector<std::uint64_t> sorted(const dash::ViewModel& vm, GoroutineColumn column, bool ascending) {
  return ids(vm, dash::goroutine_order(vm, dash::GoroutineFilter{}, column, ascending));
}

using Ids = std::vector<std::uint64_t>;

}  // namespace

TEST_CASE("an empty frame has no rows, whatever the filter") {
  dash::GoroutineFilter filter;
  CHECK(dash::goroutine_order(dash::ViewModel{}, filter, GoroutineColumn::Id, true).empty());
  filter.text = "worker";
  CHECK(dash::goroutine_order(dash::ViewModel{}, filter, GoroutineColumn::State, false).empty());
}

TEST_CASE("the text filter is a case-insensitive substring of function, wait reason or object") {
  const auto vm = frame();
  dash::GoroutineFilter filter;
  CHECK(ids(vm, dash::goroutine_order(vm, filter, GoroutineColumn::Id, true)) == Ids{1, 2, 3, 4, 5, 6});
  filter.text = "WORKER";
  CHECK(ids(vm, dash::goroutine_order(vm, filter, GoroutineColumn::Id, true)) == Ids{2, 3, 5, 6});
  filter.text = "Chan Rec";
  CHECK(ids(vm, dash::goroutine_order(vm, filter, GoroutineColumn::Id, true)) == Ids{3, 5});
  filter.text = "jobs";  // the object's name
  CHECK(ids(vm, dash::goroutine_order(vm, filter, GoroutineColumn::Id, true)) == Ids{3, 5});
  filter.text = "WG";
  CHECK(ids(vm, dash::goroutine_order(vm, filter, GoroutineColumn::Id, true)) == Ids{1});
  filter.text = "no such goroutine";
  CHECK(dash::goroutine_order(vm, filter, GoroutineColumn::Id, true).empty());
  filter.text = "main.worker and more";  // longer than every field
  CHECK(dash::goroutine_order(vm, filter, GoroutineColumn::Id, true).empty());
}

TEST_CASE("the state checkboxes hide rows, combined with the text") {
  const auto vm = frame();
  dash::GoroutineFilter filter;
  filter.show[std::size_t(NoteState::Suspended)] = false;
  CHECK(ids(vm, dash::goroutine_order(vm, filter, GoroutineColumn::Id, true)) == Ids{2, 4, 6});
  filter.text = "worker";
  CHECK(ids(vm, dash::goroutine_order(vm, filter, GoroutineColumn::Id, true)) == Ids{2, 6});
  for (bool& show : filter.show) show = false;
  CHECK(dash::goroutine_order(vm, filter, GoroutineColumn::Id, true).empty());
}

TEST_CASE("each column sorts both ways, and equal rows stay in ascending id order") {
  const auto vm = frame();
  CHECK(sorted(vm, GoroutineColumn::Id, true) == Ids{1, 2, 3, 4, 5, 6});
  CHECK(sorted(vm, GoroutineColumn::Id, false) == Ids{6, 5, 4, 3, 2, 1});
  // Byte order: "main.Worker" < "main.main" < "main.producer" < "main.worker".
  CHECK(sorted(vm, GoroutineColumn::Function, true) == Ids{2, 1, 4, 3, 5, 6});
  CHECK(sorted(vm, GoroutineColumn::Function, false) == Ids{3, 5, 6, 4, 1, 2});
  // The note's order: initial, ready, running, suspended.
  CHECK(sorted(vm, GoroutineColumn::State, true) == Ids{6, 4, 2, 1, 3, 5});
  CHECK(sorted(vm, GoroutineColumn::State, false) == Ids{1, 3, 5, 2, 4, 6});
  CHECK(sorted(vm, GoroutineColumn::Wait, true) == Ids{2, 4, 6, 3, 5, 1});
  CHECK(sorted(vm, GoroutineColumn::Wait, false) == Ids{1, 3, 5, 2, 4, 6});
  CHECK(sorted(vm, GoroutineColumn::P, true) == Ids{5, 1, 3, 6, 2, 4});
  CHECK(sorted(vm, GoroutineColumn::P, false) == Ids{2, 4, 1, 3, 6, 5});
  CHECK(sorted(vm, GoroutineColumn::Line, true) == Ids{6, 2, 3, 5, 1, 4});
  CHECK(sorted(vm, GoroutineColumn::RunTime, true) == Ids{6, 4, 1, 3, 5, 2});
  CHECK(sorted(vm, GoroutineColumn::RunTime, false) == Ids{2, 3, 5, 1, 4, 6});
  CHECK(sorted(vm, GoroutineColumn::Switches, true) == Ids{6, 4, 3, 5, 1, 2});
  CHECK(sorted(vm, GoroutineColumn::Switches, false) == Ids{2, 1, 3, 5, 4, 6});
}

TEST_CASE("the wait column sorts by reason, then by the object's name") {
  dash::ViewModel vm;
  vm.goroutines = {row(1, "f", NoteState::Suspended, "chan receive", "results"),
                   row(2, "f", NoteState::Suspended, "chan receive", "jobs")};
  CHECK(sorted(vm, GoroutineColumn::Wait, true) == Ids{2, 1});
}
