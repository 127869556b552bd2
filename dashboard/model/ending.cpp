// The last frame of a run: ended() and ended_in_deadlock() (view_model.hpp).
#include <algorithm>

#include "model/view_model.hpp"

namespace gopark::dash {

namespace {

// Nothing runs and no queue holds anyone once the program is over.
void clear_scheduling(ViewModel& v) {
  v.running = false;
  for (ProcLane& p : v.procs) {
    p.running = p.runnext = 0;
    p.runq.clear();
    p.runq_size = 0;
    if (p.status == "running") p.status = "idle";
  }
  v.global_runq.clear();
  v.global_runq_size = 0;
}

void recount(ViewModel& v) {
  for (auto& count : v.state_counts) count = 0;
  for (const GoroutineRow& g : v.goroutines) ++v.state_counts[std::size_t(g.state)];
}

}  // namespace

void ended(ViewModel& v, const std::string& why) {
  clear_scheduling(v);
  for (GoroutineRow& g : v.goroutines) {
    if (g.state != NoteState::Terminated) {
      g.wait = g.id == 1 ? "" : why;
      g.wait_object = 0;
      g.wait_object_name.clear();
      g.state = NoteState::Terminated;
    }
  }

  recount(v);
  for (ChannelView& c : v.channels) c.senders.clear(), c.receivers.clear();
  for (LockView& l : v.locks) l.waiters.clear();
}

void ended_in_deadlock(ViewModel& v) {
  clear_scheduling(v);
  v.deadlock = true;
  v.deadlock_objects.clear();
  for (GoroutineRow& g : v.goroutines) {
    // The picture is taken as the last thread goes idle: a goroutine caught between states
    // (woken but not yet run cannot happen in a deadlock) is shown as the runtime saw it.
    if (g.state == NoteState::Suspended && g.wait_object != 0) v.deadlock_objects.push_back(g.wait_object);
  }
  std::sort(v.deadlock_objects.begin(), v.deadlock_objects.end());
  v.deadlock_objects.erase(std::unique(v.deadlock_objects.begin(), v.deadlock_objects.end()), v.deadlock_objects.end());
  recount(v);
}

void EndedGoroutines::update(ViewModel& v) {
  // v.goroutines is sorted by id (build_view_model), so membership is a binary search.
  auto in_v = [&v](std::uint64_t id) { return v.goroutine(id) != nullptr; };
  for (GoroutineRow& row : previous_) {
    if (in_v(row.id)) continue;
    row.state = NoteState::Terminated;
    row.wait.clear();
    row.wait_object = 0;
    row.wait_object_name.clear();
    ended_.push_back(std::move(row));
  }
  // A picture older than the last frame (the runtime's picture at the end is taken before the
  // sampler's last look) may show alive what a frame saw gone: the picture wins.
  ended_.erase(std::remove_if(ended_.begin(), ended_.end(), [&](const GoroutineRow& row) { return in_v(row.id); }),
               ended_.end());
  if (ended_.size() > capacity_) ended_.erase(ended_.begin(), ended_.end() - std::ptrdiff_t(capacity_));
  previous_.clear();
  for (const GoroutineRow& row : v.goroutines) {
    if (row.state != NoteState::Terminated) previous_.push_back(row);
  }
  if (ended_.empty()) return;
  v.goroutines.insert(v.goroutines.end(), ended_.begin(), ended_.end());
  std::sort(v.goroutines.begin(), v.goroutines.end(),
            [](const GoroutineRow& a, const GoroutineRow& b) { return a.id < b.id; });
  recount(v);
}

std::vector<std::string> deadlock_lines(const ViewModel& v) {
  std::vector<std::string> out;
  if (!v.deadlock) return out;
  for (const GoroutineRow& g : v.goroutines) {
    if (g.state != NoteState::Suspended) continue;
    std::string line = "G" + std::to_string(g.id) + " " + g.function + ": " + g.wait;
    if (!g.wait_object_name.empty()) line += " on " + g.wait_object_name;
    if (g.line > 0) line += " (line " + std::to_string(g.line) + ")";
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace gopark::dash
