// The timeline: per-P lanes of "goroutine g ran here from a to b", plus point marks and GC
// pauses, built incrementally from trace event batches.
//
// Design
// - The runtime's events say when a goroutine starts on a P (GoStart) and when it leaves it
//   (GoBlock, GoYield, GoPreempt, GoEnd, or the P stopping). A slice is opened by the first and
//   closed by the second; a goroutine still on its P has an open slice (end_ms < 0), which the
//   panel draws up to "now".
// - Order: a batch is the concatenation of per-thread buffers, so it is sorted by timestamp
//   first (stably: equal stamps keep their thread's order). That fixes disorder within a batch.
//   Across batches an event can still arrive after later ones of another thread; the slice
//   operations below therefore work at the event's own time, not at "the end": a start finds
//   the slice of its P that spans its time and cuts it there, a close shortens only a slice of
//   its own goroutine. Rejected: buffering events until they are "safe" to apply (no such moment
//   is known to a reader of per-thread buffers, and the live view would lag).
// - Slices stay sorted by start, so the slice of a P around a time is found by a binary search
//   and a short walk back; `latest_` keeps the common case (an event at the end of its lane)
//   O(1). History is bounded by set_now, which drops whatever ended before now - keep_ms.
#include <algorithm>
#include <cstdio>

#include "model/view_model.hpp"
#include "runtime/g.hpp"

namespace gopark::dash {

namespace {

constexpr std::size_t kNone = SIZE_MAX;

double to_ms(std::int64_t ns) { return double(ns) / 1e6; }

std::string gname(std::uint64_t g) { return "G" + std::to_string(g); }

std::string bytes_text(std::int64_t bytes) {
  char buf[32];
  if (bytes < 1024) std::snprintf(buf, sizeof buf, "%lld B", static_cast<long long>(bytes));
  else if (bytes < 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f KiB", double(bytes) / 1024);
  else std::snprintf(buf, sizeof buf, "%.1f MiB", double(bytes) / (1024 * 1024));
  return buf;
}

bool starts_before(double ms, const TimelineSlice& s) { return ms < s.start_ms; }

}  // namespace

std::string mark_text(const TimelineMark& m) {
  using Kind = TimelineMark::Kind;
  switch (m.kind) {
    case Kind::Block: {
      std::string text = gname(m.g) + " blocks";
      std::string reason = wait_reason_text(m.detail);
      if (!reason.empty()) text += ": " + reason;
      if (m.obj != 0) text += " on " + unnamed_object(m.obj, m.detail);
      return text;
    }
    case Kind::Unblock:
      return gname(m.g) + " ready, woken by " + (m.arg > 0 ? gname(std::uint64_t(m.arg)) : "the runtime");
    case Kind::Create:
      // The event's label pointer is not followed: the timeline may outlive the program. The
      // panel names goroutines from the view-model.
      return gname(m.g) + " created" + (m.arg > 0 ? " by " + gname(std::uint64_t(m.arg)) : "");
    case Kind::End: return gname(m.g) + " ends: " + rt::describe(rt::EndReason(m.detail));
    case Kind::Yield: return gname(m.g) + " yields (runtime.Gosched)";
    case Kind::Preempt: return gname(m.g) + " preempted";
    case Kind::Gc: {
      if (m.pause_ms < 0) return "GC ends, " + bytes_text(m.arg) + " live";
      char buf[64];
      std::snprintf(buf, sizeof buf, "GC: world stopped %.3f ms, ", m.pause_ms);
      return buf + bytes_text(m.arg) + " live";
    }
  }
  return "";
}

void Timeline::add(const std::vector<trace::Event>& events) {
  std::vector<const trace::Event*> order;
  order.reserve(events.size());
  for (const auto& e : events) order.push_back(&e);
  std::stable_sort(order.begin(), order.end(),
                   [](const trace::Event* a, const trace::Event* b) { return a->ts_ns < b->ts_ns; });
  for (const trace::Event* e : order) add_event(*e);
}

void Timeline::add_event(const trace::Event& e) {
  using trace::EventKind;
  using Kind = TimelineMark::Kind;
  const double ms = to_ms(e.ts_ns);
  const int p = e.p;
  if (p >= lanes_) {
    lanes_ = p + 1;
    latest_.resize(std::size_t(lanes_), kNone);
  }
  switch (e.kind) {
    case EventKind::GoStart: start_slice(p, e.g, ms); break;
    case EventKind::GoBlock:
      close_slice(p, e.g, ms);
      add_mark({.kind = Kind::Block, .detail = e.detail, .p = p, .ms = ms, .g = e.g, .obj = e.obj});
      break;
    case EventKind::GoYield:
      close_slice(p, e.g, ms);
      add_mark({.kind = Kind::Yield, .p = p, .ms = ms, .g = e.g});
      break;
    case EventKind::GoPreempt:
      close_slice(p, e.g, ms);
      add_mark({.kind = Kind::Preempt, .p = p, .ms = ms, .g = e.g});
      break;
    case EventKind::GoEnd:
      close_slice(p, e.g, ms);
      add_mark({.kind = Kind::End, .detail = e.detail, .p = p, .ms = ms, .g = e.g});
      break;
    case EventKind::ProcStop: close_slice(p, 0, ms); break;
    case EventKind::GoUnblock: add_mark({.kind = Kind::Unblock, .p = p, .ms = ms, .g = e.g, .arg = e.arg}); break;
    case EventKind::GoCreate: add_mark({.kind = Kind::Create, .p = p, .ms = ms, .g = e.g, .arg = e.arg}); break;
    case EventKind::GcStart:
    case EventKind::GcEnd: gc_event(e, ms); break;
    default: break;  // channel and lock operations show in their own panels
  }
}

std::size_t Timeline::latest_on(int p, double ms) const {
  const std::size_t latest = latest_[std::size_t(p)];
  if (latest == kNone || slices_[latest].start_ms <= ms) return latest;
  // A late event: walk back from the first slice that starts after it.
  auto after = std::upper_bound(slices_.begin(), slices_.end(), ms, starts_before);
  for (auto i = std::size_t(after - slices_.begin()); i-- > 0;) {
    if (slices_[i].p == p) return i;
  }
  return kNone;
}

std::size_t Timeline::next_on(int p, double ms) const {
  const std::size_t latest = latest_[std::size_t(p)];
  if (latest == kNone || slices_[latest].start_ms <= ms) return kNone;
  auto after = std::upper_bound(slices_.begin(), slices_.end(), ms, starts_before);
  for (auto i = std::size_t(after - slices_.begin()); i < slices_.size(); ++i) {
    if (slices_[i].p == p) return i;
  }
  return latest;  // unreachable: the latest slice of p starts after ms
}

void Timeline::insert_slice(std::size_t at, const TimelineSlice& slice) {
  slices_.insert(slices_.begin() + std::ptrdiff_t(at), slice);
  for (auto& index : latest_) {
    if (index != kNone && index >= at) ++index;
  }
}

void Timeline::start_slice(int p, std::uint64_t g, double ms) {
  if (p < 0) return;
  // g cannot run on two Ps: if its slice elsewhere is still open, the event that closes it is
  // late, and it ended by now at the latest (the late close will shorten it further).
  for (std::size_t q = 0; q < latest_.size(); ++q) {
    if (int(q) == p || latest_[q] == kNone) continue;
    TimelineSlice& other = slices_[latest_[q]];
    if (other.g == g && other.end_ms < 0 && other.start_ms <= ms) other.end_ms = ms;
  }
  // Whatever ran on p at `ms` stopped then.
  if (std::size_t prev = latest_on(p, ms); prev != kNone) {
    TimelineSlice& s = slices_[prev];
    if (s.end_ms < 0 || s.end_ms > ms) s.end_ms = ms;
  }
  // A late start ends, at the latest, where the next known slice of p begins.
  const std::size_t next = next_on(p, ms);
  const TimelineSlice slice{p, g, ms, next == kNone ? -1.0 : slices_[next].start_ms};
  const auto at =
      std::size_t(std::upper_bound(slices_.begin(), slices_.end(), ms, starts_before) - slices_.begin());
  insert_slice(at, slice);
  if (next == kNone) latest_[std::size_t(p)] = at;
}

void Timeline::close_slice(int p, std::uint64_t g, double ms) {
  if (p < 0) return;
  const std::size_t i = latest_on(p, ms);
  if (i == kNone) return;
  TimelineSlice& s = slices_[i];
  // A goroutine's leaving closes only its own slice: a GoEnd of a goroutine killed at the end of
  // the run is written on whatever P the killer holds.
  if (g != 0 && s.g != g) return;
  if (s.end_ms < 0 || s.end_ms > ms) s.end_ms = ms;
}

void Timeline::add_mark(TimelineMark mark) {
  auto at = std::upper_bound(marks_.begin(), marks_.end(), mark.ms,
                             [](double ms, const TimelineMark& m) { return ms < m.ms; });
  marks_.insert(at, std::move(mark));
}

void Timeline::gc_event(const trace::Event& e, double ms) {
  const bool open = !gc_.empty() && gc_.back().second < 0;
  if (e.kind == trace::EventKind::GcStart) {
    if (!open) gc_.emplace_back(ms, -1.0);  // a second start while one is open is the same pause
    return;
  }
  double pause = -1;
  if (open && gc_.back().first <= ms) {
    gc_.back().second = ms;
    pause = ms - gc_.back().first;
  }
  add_mark({.kind = TimelineMark::Kind::Gc, .p = e.p, .ms = ms, .arg = e.arg, .pause_ms = pause});
}

void Timeline::set_now(double ms) {
  double cutoff = ms - keep_ms_;
  // Past the count bound, history is cut where the kMaxSlices-th newest slice starts.
  if (slices_.size() > kMaxSlices) cutoff = std::max(cutoff, slices_[slices_.size() - kMaxSlices].start_ms);
  auto expired = [cutoff](const TimelineSlice& s) { return s.end_ms >= 0 && s.end_ms < cutoff; };
  if (std::any_of(slices_.begin(), slices_.end(), expired)) {
    std::vector<std::size_t> moved_to(slices_.size(), kNone);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < slices_.size(); ++i) {
      if (expired(slices_[i])) continue;
      moved_to[i] = kept;
      slices_[kept++] = slices_[i];
    }
    slices_.resize(kept);
    // A P's latest slice ends after all its others, so if it went, they all did.
    for (auto& index : latest_) {
      if (index != kNone) index = moved_to[index];
    }
  }
  marks_.erase(marks_.begin(), std::lower_bound(marks_.begin(), marks_.end(), cutoff,
                                                [](const TimelineMark& m, double c) { return m.ms < c; }));
  if (marks_.size() > kMaxMarks) marks_.erase(marks_.begin(), marks_.end() - std::ptrdiff_t(kMaxMarks));
  gc_.erase(std::remove_if(gc_.begin(), gc_.end(),
                           [cutoff](const auto& pause) { return pause.second >= 0 && pause.second < cutoff; }),
            gc_.end());
}

void Timeline::clear() {
  lanes_ = 0;
  slices_.clear();
  marks_.clear();
  gc_.clear();
  latest_.clear();
}

}  // namespace gopark::dash
