// What a selected goroutine relates to, for highlighting across panels.
//
// Two passes: first the objects the goroutine touches (its row's wait object, the channel queues
// and lock queues it sits in, the locks it holds), then everyone else attached to those objects.
// Both the row and the queues are read because a frame is not a transaction (snapshot.hpp): a
// goroutine just queued may not say so in its row yet, and the other way round.
#include <algorithm>

#include "model/view_model.hpp"

namespace gopark::dash {

namespace {

bool queued_in(const std::vector<QueuedGoroutine>& queue, std::uint64_t g) {
  return std::any_of(queue.begin(), queue.end(), [g](const QueuedGoroutine& q) { return q.id == g; });
}

bool has(const std::vector<std::uint64_t>& ids, std::uint64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

void sort_unique(std::vector<std::uint64_t>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

void add_queue(const std::vector<QueuedGoroutine>& queue, std::vector<std::uint64_t>& out) {
  for (const auto& q : queue) out.push_back(q.id);
}

std::vector<std::uint64_t> objects_of(const ViewModel& vm, std::uint64_t g) {
  std::vector<std::uint64_t> objects;
  if (const GoroutineRow* row = vm.goroutine(g); row && row->wait_object != 0) {
    objects.push_back(row->wait_object);
  }
  for (const auto& c : vm.channels) {
    if (queued_in(c.senders, g) || queued_in(c.receivers, g)) objects.push_back(c.id);
  }
  for (const auto& l : vm.locks) {
    if (has(l.holders, g) || queued_in(l.waiters, g)) objects.push_back(l.id);
  }
  sort_unique(objects);
  return objects;
}

}  // namespace

Related related_to(const ViewModel& vm, std::uint64_t goroutine) {
  Related related;
  related.objects = objects_of(vm, goroutine);
  const auto& objects = related.objects;
  auto& others = related.goroutines;
  for (const auto& c : vm.channels) {
    if (!std::binary_search(objects.begin(), objects.end(), c.id)) continue;
    add_queue(c.senders, others);
    add_queue(c.receivers, others);
  }
  for (const auto& l : vm.locks) {
    if (!std::binary_search(objects.begin(), objects.end(), l.id)) continue;
    others.insert(others.end(), l.holders.begin(), l.holders.end());
    add_queue(l.waiters, others);
  }
  // Waiting on the same object by their own rows (also finds waiters on objects the frame lacks).
  for (const auto& row : vm.goroutines) {
    if (row.wait_object != 0 && std::binary_search(objects.begin(), objects.end(), row.wait_object)) {
      others.push_back(row.id);
    }
  }
  others.erase(std::remove(others.begin(), others.end(), goroutine), others.end());
  sort_unique(others);
  return related;
}

}  // namespace gopark::dash
