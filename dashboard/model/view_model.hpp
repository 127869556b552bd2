#pragma once
// The dashboard's view-model: what every panel draws, computed from engine snapshots (and trace
// events) off the UI thread, so that drawing a frame is only walking these vectors.
//
// Design
// - Plain data (strings, ids, indices), no ImGui and no engine objects: it can be built on a
//   sampler thread, handed to the UI thread by pointer swap, and tested from hand-made snapshots.
// - One ViewModel is one frame of a moving system (trace::Snapshot's caveat holds): a goroutine
//   may appear in a channel's queue while its own row already says ready. Panels show it as is.
// - The five states of the study note are the one vocabulary of colour across every panel
//   (goroutine rows, P lanes, run queues, channel and lock queues, timeline); `state_style`
//   gives both Go's word and the note's word for a state, and its colour.
// - Names: a goroutine is shown as "G<id> <function>"; objects by the name the runtime gave them
//   (variable or make site), else "<kind> #<id>".
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "trace/event.hpp"
#include "trace/snapshot.hpp"

namespace gopark::dash {

// The study note's five states (= rt::GState: Initial, Runnable, Running, Waiting, Dead).
enum class NoteState : std::uint8_t { Initial, Ready, Running, Suspended, Terminated, Count };

struct StateStyle {
  const char* go_word;    // Go's: "runnable" (for Initial too), "running", "waiting", "dead"
  const char* note_word;  // the note's: "initial", "ready", "running", "suspended", "terminated"
  std::uint32_t color;    // 0xAABBGGRR (ImGui's IM_COL32 layout), readable on a dark background
};
// Never fails: NoteState::Count (or any value past it) gets a neutral grey "?" style.
const StateStyle& state_style(NoteState s);
// From trace::GoroutineInfo::state (rt::GState). A value out of range (a torn read of a G being
// reused) counts as Terminated: it is no goroutine the program can still see.
NoteState note_state(std::uint8_t gstate);

// Go's wait reason text ("chan receive", "sync.Mutex.Lock", "sleep", ...) for rt::WaitReason;
// "" for None, "?" for a value out of range.
std::string wait_reason_text(std::uint8_t reason);

// The display name of an object known only by its id: "<kind> #<id>" with the kind that a wait
// of this rt::WaitReason implies ("chan #3", "Mutex #5", "WaitGroup #2"), "object #<id>" when the
// reason names no kind (select, sleep, None). Used for objects missing from a frame and by the
// timeline, which has ids only.
std::string unnamed_object(std::uint64_t id, std::uint8_t wait_reason);

struct GoroutineRow {
  std::uint64_t id = 0;
  std::string function;        // label: "main.worker", "main.main.func1"
  NoteState state = NoteState::Initial;
  // What it waits for; all three empty/0 unless suspended (a frame may catch a woken goroutine's
  // state before its wait fields are cleared: the state wins).
  std::string wait;            // wait reason text
  std::uint64_t wait_object = 0;  // 0 for waits on no object (sleep, select, nil channel)
  // The channel/lock it waits on: its name, "<kind> #<id>" when unnamed or missing from the
  // frame (see unnamed_object); "" if none.
  std::string wait_object_name;
  int p = -1;                  // P it runs on (running) or last ran on
  int m = -1;
  int line = 0;                // current source line (0: unknown)
  int created_line = 0;        // line of the `go` statement (0 for main)
  std::uint64_t parent = 0;
  double run_ms = 0;           // time spent running
  std::uint32_t switches = 0;  // times it was scheduled
};

// One P lane: what runs on it and what waits in its queues.
struct ProcLane {
  int id = 0;
  std::string status;          // "idle", "running", "retiring" (past GOMAXPROCS), "dead"
  int m = -1;                  // the thread holding it
  std::uint64_t running = 0;   // goroutine id (0: none)
  std::uint64_t runnext = 0;
  std::vector<std::uint64_t> runq;  // in order (may be truncated)
  std::uint32_t runq_size = 0;      // the real length
};

struct ThreadRow {
  int id = 0;
  std::uint64_t os_tid = 0;
  std::string status;          // "idle", "spinning", "running"
  int p = -1;
  std::uint64_t running = 0;
  std::uint64_t bound = 0;     // threads mode: its goroutine
};

struct QueuedGoroutine {
  std::uint64_t id = 0;
  std::string value;           // senders: the value being sent
  bool writer = false;         // lock waiters: wants the write lock
};

struct ChannelView {
  std::uint64_t id = 0;
  std::string name;            // "jobs" or "make(chan int, 3) at line 12"
  std::string elem_type;
  std::uint32_t cap = 0, len = 0;
  bool closed = false;
  std::vector<std::string> buffer;            // oldest first
  std::vector<QueuedGoroutine> senders, receivers;
  std::uint64_t sends = 0, receives = 0;
};

struct LockView {
  std::uint64_t id = 0;
  std::string kind;            // "Mutex", "RWMutex", "WaitGroup", "Once", "Cond"
  std::string name;
  std::vector<std::uint64_t> holders;
  std::uint32_t readers = 0;
  bool writer_waiting = false;
  std::int64_t counter = 0;    // WaitGroup
  bool done = false;           // Once
  std::vector<QueuedGoroutine> waiters;
};

// A data race the race detector reported (a run with RunSettings::race; vm/race.hpp).
struct RaceView {
  std::uint64_t goroutine = 0, previous_goroutine = 0;  // who made the access, who the earlier one
  bool write = false, previous_write = false;
  int line = 0, previous_line = 0;  // the lines of the program's own code (0: none, the library's)
  std::string text;                 // Go's report: "WARNING: DATA RACE\nWrite at ..."
};

struct ViewModel {
  double time_ms = 0;
  std::string mode;            // "goroutines (M:N)", "threads (1:1)", "coroutines (N:1)", "simulated (deterministic)"
  int gomaxprocs = 0;
  bool running = false;
  std::vector<GoroutineRow> goroutines;        // sorted by id: goroutine() relies on it
  std::uint32_t state_counts[std::size_t(NoteState::Count)] = {};
  std::vector<ProcLane> procs;
  std::vector<ThreadRow> threads;
  std::vector<std::uint64_t> global_runq;
  std::uint32_t global_runq_size = 0;
  std::vector<ChannelView> channels;
  std::vector<LockView> locks;
  std::uint32_t timers = 0;
  // The run ended in a deadlock (ended_in_deadlock): every goroutine left is suspended for ever,
  // shown where it waits; these are the objects they wait on (sorted, unique).
  bool deadlock = false;
  std::vector<std::uint64_t> deadlock_objects;
  // The data races reported so far, in the order found (a run with the race detector).
  std::vector<RaceView> races;

  // The row of goroutine `id`, or null.
  const GoroutineRow* goroutine(std::uint64_t id) const;
  // "G7 main.worker" (or "G7" when the goroutine is not in this frame).
  std::string goroutine_name(std::uint64_t id) const;
  // The note state of goroutine `id` (Terminated when it is not in this frame).
  NoteState state_of(std::uint64_t id) const;
};

ViewModel build_view_model(const trace::Snapshot& snapshot);

// ---- the run's last frame (ending.cpp) ----
// The program ended: every goroutine still alive ends with it (the study note's "main ends, the
// children end"), so all are terminated, and nothing waits in a queue any more. `why` is shown as
// their wait text ("terminated because main returned"); main's own row gets none.
void ended(ViewModel& v, const std::string& why = "ended with the program");
// The program died of a deadlock ("all goroutines are asleep"), `v` being the picture at that
// moment: the suspended goroutines stay suspended, with what they wait on, and the view is
// marked (ViewModel::deadlock, deadlock_objects) so every panel can highlight them.
void ended_in_deadlock(ViewModel& v);
// One line per deadlocked goroutine: "G1 main.main: chan receive on results (line 12)".
std::vector<std::string> deadlock_lines(const ViewModel& v);

// Snapshots list live goroutines only, so a goroutine would vanish from the table the moment it
// ends. This keeps a row for the most recently ended ones (the note's fifth state, terminated),
// up to `capacity` of them, oldest dropped first. One owner: the sampler, frame after frame.
class EndedGoroutines {
 public:
  explicit EndedGoroutines(std::size_t capacity = 256) : capacity_(capacity) {}
  // `v` is the next frame: the live rows of the previous frame that are missing from it have
  // ended (their last known line and P kept). Adds every kept ended row to `v`, terminated and
  // in id order, and recounts the states. A row of `v` wins over a kept ended row of the same id
  // (`v` may be an older picture: the runtime's at the end).
  void update(ViewModel& v);
  std::size_t size() const { return ended_.size(); }

 private:
  std::size_t capacity_;
  std::vector<GoroutineRow> previous_;  // the previous frame's rows that were not terminated
  std::vector<GoroutineRow> ended_;     // oldest first
};

// ---- the goroutine table: filter and sort (indices into ViewModel::goroutines) ----
enum class GoroutineColumn : std::uint8_t { Id, Function, State, Wait, P, Line, RunTime, Switches };
struct GoroutineFilter {
  // Case-insensitive substring of the function name, the wait reason or the waited-on object's
  // name ("jobs" finds everyone waiting on jobs); "" matches every row.
  std::string text;
  bool show[std::size_t(NoteState::Count)] = {true, true, true, true, true};
};
// The rows that pass `filter`, sorted by `column` (ascending or descending); rows equal in that
// column stay in ascending id order whatever the direction, so the table does not shuffle.
std::vector<std::size_t> goroutine_order(const ViewModel& vm, const GoroutineFilter& filter,
                                         GoroutineColumn column, bool ascending);

// ---- selection: what a selected goroutine relates to (highlighted in every panel) ----
// Both lists ascending, without duplicates, never containing `goroutine` itself. Related
// goroutines: those queued on (or, by their own row, waiting on) any of its objects, and the
// holders of its locks; so selecting a lock holder lights up everyone queued behind it.
struct Related {
  std::vector<std::uint64_t> objects;     // channels/locks it waits on, holds, or is queued in
  std::vector<std::uint64_t> goroutines;  // goroutines queued with it or holding what it waits for
};
Related related_to(const ViewModel& vm, std::uint64_t goroutine);

// ---- the timeline: per-P lanes of slices, built from trace events ----
// A slice: goroutine g ran on P p from start to end (ms since the run started).
struct TimelineSlice {
  int p = -1;
  std::uint64_t g = 0;
  double start_ms = 0, end_ms = 0;  // end_ms < 0: still running
};
// A mark: what happened to a goroutine at an instant (or a GC). Plain data, cheap to copy (the
// sampler publishes every frame's marks); mark_text() words it for hovering.
struct TimelineMark {
  enum class Kind : std::uint8_t { Block, Unblock, Create, End, Yield, Preempt, Gc } kind = Kind::Block;
  std::uint8_t detail = 0;     // Block: rt::WaitReason; End: rt::EndReason
  int p = -1;
  double ms = 0;
  std::uint64_t g = 0;
  std::uint64_t obj = 0;       // Block: the object waited on (0: none)
  std::int64_t arg = 0;        // Unblock: the waker; Create: the creator (0: the runtime); Gc: live bytes
  double pause_ms = -1;        // Gc: how long the world was stopped (< 0: its start was not seen)
};
// The hover text: "G3 blocks: chan receive on chan #5", "GC: world stopped 0.500 ms, 2.0 KiB live".
std::string mark_text(const TimelineMark& m);
// Accumulates events into lanes, keeping only the last `keep_ms` of history (bounded memory
// whatever the run's length). Not thread-safe: one owner (the sampler thread).
//
// Events come in batches drained from per-thread buffers: in order per writing thread, not
// globally, and a batch may hold events older than the previous batch's newest. Each batch is
// sorted by time first; what is still out of order is repaired where the timeline can tell:
// a GoStart on a P whose slice is open closes that slice at the new start (and the goroutine's
// open slice on any other P: it cannot run on two), and a late GoBlock/GoYield/GoPreempt/GoEnd
// or ProcStop shortens the slice it belongs to. Threads mode has no Ps: its events carry p = -1
// and give marks but no slices.
//
// Invariants: slices() is sorted by start_ms; the slices of one P do not overlap, and only the
// latest of them may be open; marks() is sorted by ms. Memory is bounded by time (keep_ms) and
// by count (kMaxSlices, kMaxMarks: a busy program keeps a shorter history), since every frame
// copies what is kept.
class Timeline {
 public:
  static constexpr std::size_t kMaxSlices = 60000;
  static constexpr std::size_t kMaxMarks = 60000;
  // The most of one batch worth adding: each event opens at most one slice or mark, so this many
  // newest events hold about as much history as the bounds above keep (the sampler reads no more
  // at once; a seek in a simulated run makes millions of events between two samples).
  static constexpr std::size_t kMaxBatch = kMaxSlices + kMaxMarks;
  explicit Timeline(double keep_ms = 10000) : keep_ms_(keep_ms) {}
  void add(const std::vector<trace::Event>& events);  // one batch, see above
  // Closes nothing; drops slices that ended, marks and GC pauses that ended before ms - keep_ms,
  // and the oldest beyond the count bounds.
  void set_now(double ms);
  const std::vector<TimelineSlice>& slices() const { return slices_; }
  const std::vector<TimelineMark>& marks() const { return marks_; }
  // Stop-the-world collections as (start_ms, end_ms), oldest first; end_ms < 0: still going.
  std::vector<std::pair<double, double>> gc_pauses() const { return gc_; }
  int lanes() const { return lanes_; }  // highest P id seen in any event + 1
  void clear();
  void reset(double keep_ms) {  // empty, keeping `keep_ms` from now on (and the memory it had)
    clear();
    keep_ms_ = keep_ms;
  }

 private:
  void add_event(const trace::Event& e);
  void start_slice(int p, std::uint64_t g, double ms);
  void close_slice(int p, std::uint64_t g, double ms);  // g == 0: whatever runs there (ProcStop)
  void add_mark(TimelineMark mark);
  void gc_event(const trace::Event& e, double ms);
  std::size_t latest_on(int p, double ms) const;  // latest slice of p starting at or before ms
  std::size_t next_on(int p, double ms) const;    // first slice of p starting after ms
  void insert_slice(std::size_t at, const TimelineSlice& slice);

  double keep_ms_;
  int lanes_ = 0;
  std::vector<TimelineSlice> slices_;
  std::vector<TimelineMark> marks_;
  std::vector<std::pair<double, double>> gc_;
  // Per P: index in slices_ of its latest slice (open when its end_ms < 0), or SIZE_MAX.
  std::vector<std::size_t> latest_;
};

// ---- Run ×N: distinct outputs and how often each came out ----
struct OutcomeCount {
  std::string output;          // the whole stdout of a run (plus the exit line if not 0)
  std::uint32_t count = 0;
  std::uint64_t seed = 0;      // the smallest seed of its runs (sim mode: that seed replays it)
};
// Most frequent first (ties: smallest seed, then first seen). `seeds`, when not empty, is each
// run's seed.
std::vector<OutcomeCount> histogram(const std::vector<std::string>& outputs,
                                    const std::vector<std::uint64_t>& seeds = {});

}  // namespace gopark::dash
