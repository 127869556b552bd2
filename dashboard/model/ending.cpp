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

void ended(ViewModel& v) {
  clear_scheduling(v);
  for (GoroutineRow& g : v.goroutines) {
    if (g.state != NoteState::Terminated) {
      g.wait = g.id == 1 ? "" : "ended with the program";
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
