// related_to: what lights up when a goroutine is selected. Frames are torn (a queue may list a
// goroutine whose row says otherwise), so both the rows and the queues count.
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "model/view_model.hpp"

namespace {

namespace dash = gopark::dash;
using dash::NoteState;
using Ids = std::vector<std::uint64_t>;

dash::GoroutineRow row(std::uint64_t id, NoteState state, std::uint64_t wait_object = 0) {
  dash::GoroutineRow r;
  r.id = id;
  r.state = state;
  r.wait_object = wait_object;
  return r;
}

dash::ChannelView channel(std::uint64_t id, Ids senders, Ids receivers) {
  dash::ChannelView c;
  c.id = id;
  for (auto g : senders) c.senders.push_back({g, "v", false});
  for (auto g : receivers) c.receivers.push_back({g, "", false});
  return c;
}

dash::LockView lock(std::uint64_t id, Ids holders, Ids waiters) {
  dash::LockView l;
  l.id = id;
  l.holders = std::move(holders);
  for (auto g : waiters) l.waiters.push_back({g, "", false});
  return l;
}

}  // namespace

TEST_CASE("a goroutine in no queue and waiting on nothing relates to nothing") {
  const auto empty = dash::related_to(dash::ViewModel{}, 1);
  CHECK(empty.objects.empty());
  CHECK(empty.goroutines.empty());
  dash::ViewModel vm;
  vm.goroutines = {row(1, NoteState::Running), row(2, NoteState::Suspended, 10)};
  vm.channels = {channel(10, {}, {2})};
  const auto r = dash::related_to(vm, 1);
  CHECK(r.objects.empty());
  CHECK(r.goroutines.empty());
}

TEST_CASE("a receiver relates to its channel and to everyone queued on it, never to itself") {
  dash::ViewModel vm;
  vm.goroutines = {row(2, NoteState::Suspended, 10), row(3, NoteState::Suspended, 10),
                   row(4, NoteState::Suspended, 11)};
  vm.channels = {channel(10, {5}, {3, 2}), channel(11, {4}, {})};
  const auto r = dash::related_to(vm, 2);
  CHECK(r.objects == Ids{10});
  CHECK(r.goroutines == Ids{3, 5});
}

TEST_CASE("a lock waiter relates to the holder and the other waiters, the holder to its waiters") {
  dash::ViewModel vm;
  vm.goroutines = {row(1, NoteState::Running), row(2, NoteState::Suspended, 20),
                   row(3, NoteState::Suspended, 20)};
  vm.locks = {lock(20, {1}, {2, 3}), lock(21, {7}, {})};
  const auto waiter = dash::related_to(vm, 2);
  CHECK(waiter.objects == Ids{20});
  CHECK(waiter.goroutines == Ids{1, 3});
  const auto holder = dash::related_to(vm, 1);
  CHECK(holder.objects == Ids{20});
  CHECK(holder.goroutines == Ids{2, 3});
}

TEST_CASE("a wait object missing from the frame still relates the goroutines waiting on it") {
  dash::ViewModel vm;
  vm.goroutines = {row(1, NoteState::Suspended, 99), row(2, NoteState::Suspended, 99),
                   row(3, NoteState::Suspended, 98)};
  const auto r = dash::related_to(vm, 1);
  CHECK(r.objects == Ids{99});
  CHECK(r.goroutines == Ids{2});
}

TEST_CASE("a torn frame: queued on a channel while its row says ready, or missing altogether") {
  dash::ViewModel vm;
  vm.goroutines = {row(2, NoteState::Ready), row(3, NoteState::Suspended, 10)};
  vm.channels = {channel(10, {}, {2, 3})};
  const auto ready = dash::related_to(vm, 2);
  CHECK(ready.objects == Ids{10});
  CHECK(ready.goroutines == Ids{3});
  vm.channels[0].senders.push_back({8, "x", false});  // G8 has no row in this frame
  const auto absent = dash::related_to(vm, 8);
  CHECK(absent.objects == Ids{10});
  CHECK(absent.goroutines == Ids{2, 3});
}

TEST_CASE("objects and goroutines come sorted without duplicates") {
  dash::ViewModel vm;
  // G1 waits on lock 30 by its row and sits in its queue; it also holds 20 and sends on 10.
  vm.goroutines = {row(1, NoteState::Suspended, 30), row(4, NoteState::Suspended, 30)};
  vm.locks = {lock(30, {5}, {1, 4}), lock(20, {1}, {4})};
  vm.channels = {channel(10, {1, 4}, {})};
  const auto r = dash::related_to(vm, 1);
  CHECK(r.objects == Ids{10, 20, 30});
  CHECK(r.goroutines == Ids{4, 5});
}
