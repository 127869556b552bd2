#pragma once
// Machine: one run of a compiled program (an Image) on the engine's runtime. It owns the heap, the
// globals and every goroutine's VM state, and is the rt::Body of all of the program's goroutines.
//
// Design
// - A goroutine's VM state (Goroutine) is a growable stack of Words holding the registers of all
//   its frames, a vector of Frames, its deferred calls and its panics. No C++ frame of the
//   interpreter survives a park: when an instruction blocks, the interpreter saves the pc and
//   returns from Body::resume, and any M may resume the goroutine later (ARCHITECTURE.md).
// - Garbage collection stops the world with a mutator lock: an M holds it (shared) while it runs
//   VM code and releases it whenever the goroutine leaves the CPU; at safe points (loop back-edges
//   and calls) a goroutine that sees a collection pending releases it and waits. The collector
//   takes it exclusively, so it runs exactly when every goroutine is parked, runnable, or waiting
//   at a safe point — the only places where all of its live values are in its stack.
//   Roots: every goroutine's stack (scanned conservatively: a word that points into the heap
//   keeps its object alive), deferred arguments, panic values, the globals.
//   Rejected: precise stack maps per pc. They need a pointer/non-pointer discipline for every
//   register at every safe point; conservative scanning costs some false retention of garbage
//   and nothing else, because objects never move.
// - Natives (engine/lib) run on the goroutine's M inside the interpreter and never reach a safe
//   point, so raw pointers they hold stay valid; they may park the goroutine (sync, time) by
//   returning false. A native that calls back into Go (fmt calling String methods) runs a nested
//   interpreter loop; safe points inside it do not collect (Goroutine::nested).
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "runtime/chan.hpp"
#include "runtime/g.hpp"
#include "runtime/runtime.hpp"
#include "vm/code.hpp"
#include "vm/heap.hpp"
#include "vm/race.hpp"

namespace gopark::vm {

class Machine;

enum class FrameKind : std::uint8_t {
  Normal,
  Deferred,       // a deferred call run by RunDefers (returns to RunDefers)
  PanicDeferred,  // a deferred call run by panic unwinding (returns to the unwinder)
  Callback,       // called by a native through NativeContext::call (returns to the native)
  GoexitDeferred, // a deferred call run by runtime.Goexit
};

struct Frame {
  const Function* fn = nullptr;
  const Instr* pc = nullptr;      // next instruction to run (saved when the frame calls or leaves)
  std::uint32_t base = 0;         // stack index of its R[0]
  std::uint32_t defers = 0;       // size of the defer stack when the frame was entered
  const Closure* closure = nullptr;
  FrameKind kind = FrameKind::Normal;
  std::uint32_t panic = 0;        // PanicDeferred: 1 + index of the panic running it
  // The traced interpreter (Pause, Step, slow motion): the line it last stopped at in this frame,
  // so that coming back from a call, or waking from a park, does not count as a new line.
  std::int32_t traced_line = 0;
  std::uint32_t race_node = 0;    // the race detector's stack node (vm/race.hpp); 0: not found yet
};

// What a helper left for the dispatch loop to act on (interp.cpp: CHECK_FAULT).
enum class Fault : std::uint8_t {
  None,
  Panic,  // a Go panic was started (ops::raise): unwind
  Fatal,  // the program ends (a fatal error, out of memory): g.handoff is set
};

struct DeferRecord {
  Word closure = 0;               // Closure*
  std::uint32_t args = 0;         // first word in Goroutine::defer_args
  std::uint32_t nargs = 0;
};

struct PanicRecord {
  Word value = 0;                 // the interface value passed to panic (Box*)
  bool recovered = false;
  bool goexit = false;            // runtime.Goexit, not a panic: cannot be recovered
  bool aborted = false;           // a later panic started while this one ran deferred calls
  bool traced = false;            // `traceback` holds the stack where it started
  bool repanicked = false;        // panic(v) of a value just recovered (reporting only)
  std::string traceback;
  std::size_t charged = 0;        // the traceback's bytes, in Goroutine::charged (ops::pop_panic)
};

// The VM state of one goroutine (rt::G::body_data).
struct Goroutine {
  Machine* machine = nullptr;
  rt::G* g = nullptr;
  std::vector<Word> stack;        // registers of every frame
  std::vector<Frame> frames;
  std::vector<DeferRecord> defers;
  std::vector<Word> defer_args;
  std::vector<PanicRecord> panics;
  rt::Waiter waiter;
  Word inflight[2] = {0, 0};      // a parked send's value / a parked receive's slot and ok
  // select scratch, sized per select
  std::vector<rt::SelectCase> select_cases;
  std::vector<rt::Waiter> select_waiters;
  std::vector<std::uint16_t> select_poll;
  std::vector<rt::Channel*> select_lock;
  std::vector<Word> select_values;
  rt::SelectState select_state;
  int nested = 0;                 // native → Go callbacks in progress
  const Function* created_by = nullptr;  // for tracebacks: "created by main.main"
  std::uint32_t created_line = 0;
  std::uint64_t race_created = 0; // the race detector's site of its go statement (vm/race.hpp)
  std::string final_traceback;    // set when an unrecovered panic ends the program
  // Bytes reserved for this goroutine against the run's memory limit (Machine::charge): its
  // structures and the capacities of its stack, frames and deferred calls. Released when it ends.
  std::size_t charged = 0;
  bool resuming = false;          // the instruction at the top frame's pc parked and has completed
  Fault fault = Fault::None;
  Goroutine* prev = nullptr;      // Machine's registry (guarded by Machine::goroutines_mutex_)
  Goroutine* next = nullptr;
};

// Where a program's output goes (the CLI: the process's stdout/stderr; the dashboard: a buffer).
struct Output {
  std::function<void(std::string_view)> out;
  std::function<void(std::string_view)> err;
};

// Go's limit on one goroutine's stack (runtime.maxstacksize): 1 GB on 64-bit targets, 250 MB on
// 32-bit ones (wasm32, where it also ends a runaway recursion far below the page's memory).
inline constexpr std::size_t kDefaultMaxStack = sizeof(void*) == 8 ? 1'000'000'000 : 250'000'000;

struct MachineConfig {
  rt::Config runtime;
  Output output;
  std::vector<std::string> args;          // os.Args (args[0] is the program name)
  // One cap on the run's memory: the heap, every goroutine's structures, stack and frames, and
  // channel buffers. Past it: "fatal error: out of memory".
  std::size_t memory_limit = std::size_t(2) << 30;
  // A goroutine's stack: its register words and frames (capacities, as they grow by doubling, as
  // Go's do). Past it: "fatal error: stack overflow". Also counted in memory_limit.
  std::size_t max_stack = kDefaultMaxStack;
  int gogc = 100;
  bool gc_stress = false;                 // collect at every safe point (tests)
  // The step budget: how many safe points (loop back-edges and calls) the whole run may pass, all
  // goroutines together; past it the run stops as a Stop button stops it (ExitKind::Stopped,
  // "step limit exceeded"). 0: no limit. For runs nobody watches (the fuzz target), where a
  // wall-clock limit alone would let a fast machine and a slow one disagree.
  std::uint64_t max_steps = 0;
};

class Machine final : public rt::Body {
 public:
  Machine(std::shared_ptr<const Image> image, MachineConfig config);
  ~Machine() override;

  // Starts the program (package initialization, then main.main) and returns at once.
  void start();
  rt::RunResult wait();
  void stop() {
    set_paused(false);
    runtime_.stop();
  }
  // The interpreter passed `count` more safe points (MachineConfig::max_steps, not 0): stops the
  // run when that takes the total past the budget. Called once per poll of the interpreter, not
  // per safe point, so it is counted in whole polls, roughly: a goroutine that parks mid-batch is
  // not charged the rest (a run that only parks ends by deadlock or a wall-clock limit instead),
  // and a poll brought forward for a collection is charged a whole batch.
  // Returns true once the total is past the budget (the run is stopping).
  bool count_steps(std::uint64_t count) {
    // Relaxed: the total only has to pass the limit once, on some thread; it orders nothing.
    std::uint64_t before = steps_.fetch_add(count, std::memory_order_relaxed);
    if (before + count <= config_.max_steps) return false;
    if (before <= config_.max_steps) {
      set_paused(false);
      runtime_.stop("step limit exceeded (" + std::to_string(config_.max_steps) +
                    " loop iterations and calls): the program may never end");
    }
    return true;
  }
  // ---- Watching a run slowly (the dashboard's Pause, Step and Speed controls) ----
  // While paused or slowed down the Machine is "traced": the interpreter switches, at its next
  // safe point, to a copy of its loop that calls trace_point() at every new source line. There:
  // - Pause: goroutines hold where they are, off the mutator lock (a collection can still
  //   happen), until resumed, stepped or stopped. Parked goroutines stay parked; timers keep real
  //   time, so a sleep that ends during the pause wakes at once afterwards.
  // - Step, while paused: step_event() lets the held goroutines run until the runtime records
  //   the next goroutine state change (created, started, blocked, woken, yielded, preempted,
  //   ended; several may land together when Ps run in parallel); step_line(id) lets goroutine
  //   `id` alone run its current line (into calls), holding it at the next one. A step replaces
  //   one in progress; Resume ends it.
  // - Speed: lines_per_second > 0 makes every goroutine wait 1/lines_per_second before each new
  //   line, so a P runs at most that many lines a second; 0 is full speed.
  // All of these: any thread, before start() too (a run can start paused).
  void set_paused(bool paused);
  bool paused() const;
  // Simulated runs only: run on until the runtime has recorded `event` goroutine state changes,
  // then hold there (rt::Runtime::sim_hold_at): seek forward, or Step to a given step. A run
  // started paused and sent to event k is the run at its step k, the same every time.
  void hold_at_event(std::uint64_t event);
  bool simulated() const { return sim_; }
  void step_event();
  void step_line(std::uint64_t goroutine);
  bool stepping() const;             // a step was asked for and has not finished
  // ---- Step back by line (simulated runs only) ----
  // A place in a simulated run is its position, rt::Runtime::sim_position: instructions charged
  // so far. A goroutine's *arrivals* are the positions where it reaches a new line of the
  // program's own code (the trace points of a run watched from its start). One line back from
  // position P for goroutine g is g's last arrival before P; finding it takes a replay that
  // watches g (scan_arrivals), going there another (hold_at_arrival), both started held at step 0
  // so that both are watched from the start and see the same arrivals.
  // Where the run holds now (valid while it holds: a step, a seek or a line step is over).
  std::uint64_t position() const;
  // Runs on, watched, recording g's arrivals, until any goroutine reaches a line at or past
  // `until` (or the run ends); then holds there. stepping() is true until then.
  void scan_arrivals(std::uint64_t goroutine, std::uint64_t until);
  std::vector<std::uint64_t> arrivals() const;  // what the last scan recorded, in order
  // Runs on, watched, until goroutine g arrives at a line at position `at` (or later), and holds
  // g there. stepping() is true until then.
  void hold_at_arrival(std::uint64_t goroutine, std::uint64_t at);
  void set_speed(double lines_per_second);
  double speed() const;
  // Which copy of the dispatch loop goroutines run (interp.hpp): Watched while paused, stepping
  // or slowed; else Sim in a simulated run (it counts instructions, runtime/sim.hpp); else Plain.
  enum class LoopKind : std::uint8_t { Plain, Sim, Watched };
  LoopKind loop_kind() const { return loop_kind_.load(std::memory_order_relaxed); }
  bool traced() const { return loop_kind() == LoopKind::Watched; }
  // Called by the traced interpreter when gr reaches a new line (gr.g->line is published).
  void trace_point(Goroutine& gr);
  rt::Runtime& runtime() { return runtime_; }
  const Image& image() const { return *image_; }
  Heap& heap() { return heap_; }
  // The race detector's VM side (MachineConfig::runtime.race), or null.
  Races* races() const { return races_.get(); }
  const Output& output() const { return config_.output; }
  const MachineConfig& config() const { return config_; }

  // rt::Body
  void resume(rt::G& g) override;
  void destroy(rt::G& g) override;
  void traceback(const rt::G& g, std::string& out) const override;

  // ---- for the interpreter and natives ----
  // ---- Memory outside the heap, under the same limit (MachineConfig::memory_limit) ----
  // A goroutine with room for `stack_words` registers and a few frames, its memory charged; null
  // when that would pass the limit (the caller raises the error on whom it can).
  Goroutine* new_goroutine(std::size_t stack_words);
  // Reserves `bytes` for gr (Goroutine::charged); false past the limit, with "fatal error: out of
  // memory" raised on gr. reserve() is the same for memory gr does not own (a channel's buffer,
  // freed by its finalizer through release(); `collectable` as in Heap::reserve_external).
  bool charge(Goroutine& gr, std::size_t bytes);
  bool reserve(Goroutine& gr, std::size_t bytes, bool collectable);
  void release(std::size_t bytes) { heap_.release_external(bytes); }
  // Go's report of a failed allocation: "runtime: out of memory: cannot allocate N-byte block
  // (M in use)" then "fatal error: out of memory".
  void out_of_memory(Goroutine& gr, std::size_t bytes);
  // Allocation; null past the memory limit, with "fatal error: out of memory" raised on gr (the
  // caller checks the fault). It never collects: collections happen at safe points.
  void* allocate(Goroutine& gr, const GcLayout& layout, std::size_t count = 1);
  void* allocate_noscan(Goroutine& gr, std::size_t bytes);
  // Layouts of the VM's own objects.
  const GcLayout& string_view_layout() const { return string_view_layout_; }
  const GcLayout& slice_layout() const { return slice_layout_; }
  const GcLayout& closure_layout(std::uint32_t nfree);
  // The channel element type for values of `t` (one per type, kept for the Machine's life): how
  // the runtime moves their Words, and how a snapshot shows them (display_value).
  const rt::ElemType& chan_elem_type(const TypeInfo& t);
  const TypeInfo& byte_type() const { return *byte_type_; }
  const TypeInfo& rune_type() const { return *rune_type_; }
  void free_goroutine(Goroutine* gr);
  // The traceback Go prints for an unrecovered panic: the stack where it started.
  void set_panic_traceback(Goroutine& gr, std::string traceback) { gr.final_traceback = std::move(traceback); }
  // Go's traceback of gr's frames ("main.f(...)\n\tprog.go:12\n" per frame, innermost first).
  std::string traceback_of(const Goroutine& gr) const;
  // A safe point: collect if wanted (the mutator lock is released meanwhile).
  void safe_point(Goroutine& gr);
  // runtime.GC: a collection now, called by a native that holds no raw heap pointers. Does
  // nothing inside a native's callback (Goroutine::nested), whose callers hold raw pointers.
  void collect(Goroutine& gr);
  // Extra roots: objects only the engine refers to, such as a pending timer's channel and
  // function (engine/lib). A pinned word keeps its object alive until unpinned as often as it
  // was pinned. Any thread.
  void pin(Word w);
  void unpin(Word w);
  std::uint8_t* global_storage() { return globals_; }
  const GcLayout& layout_of(const TypeInfo& t) const;
  const GcLayout& box_layout_of(const TypeInfo& t) const;

  // The mutator lock (see the top of this file). Shared by running goroutines.
  void enter_mutator();
  void leave_mutator();

 private:
  void collect_now();
  void scan_roots(Marker& m);
  void publish_line(Goroutine& gr);

  std::shared_ptr<const Image> image_;
  MachineConfig config_;
  rt::Runtime runtime_;
  // Channel element types (chan_elem_type): before heap_, so the channels' finalizers, which
  // run when heap_ is destroyed, still see them.
  std::mutex chan_types_mutex_;
  struct ChanElemType {
    std::string name;
    rt::ElemType type;
  };
  std::unordered_map<const TypeInfo*, std::unique_ptr<ChanElemType>> chan_types_;
  Heap heap_;  // after runtime_: destroyed first, its finalizers still see the runtime
  std::unique_ptr<Races> races_;
  std::atomic<bool> race_summary_{false};  // "Found N data race(s)" was written (wait)
  std::unique_ptr<GcLayout> globals_layout_;
  std::uint8_t* globals_ = nullptr;  // heap object: every global's storage
  std::vector<std::unique_ptr<GcLayout>> layouts_;   // per TypeInfo: storage, box
  GcLayout string_view_layout_{sizeof(String), {0}, nullptr, nullptr, "string"};
  GcLayout slice_layout_{sizeof(Slice), {0}, nullptr, nullptr, "slice"};
  std::mutex closure_layouts_mutex_;                  // guards closure_layouts_
  std::vector<std::unique_ptr<GcLayout>> closure_layouts_;  // by nfree
  const TypeInfo* byte_type_ = nullptr;
  const TypeInfo* rune_type_ = nullptr;
  // Mutator lock: `mutators_` counts Ms running VM code; a collector sets `stopping_` and waits
  // for the count to drain. Guarded by mutator_mutex_ for the waits.
  std::mutex mutator_mutex_;
  std::condition_variable mutator_cv_;
  std::atomic<int> mutators_{0};
  std::atomic<bool> stopping_{false};
  std::atomic<std::uint64_t> steps_{0};  // safe points passed, in whole polls (count_steps)
  // Pause/Step/Speed (see set_paused). loop_kind_ is Watched iff paused_ || speed_ > 0, else Sim
  // iff sim_; the atomics are written under pause_mutex_, which also guards the step fields;
  // pause_cv_ wakes goroutines holding in trace_point when any of them changes.
  enum class StepKind : std::uint8_t { None, Event, Line, Arrival, Scan };
  const bool sim_;
  std::atomic<bool> paused_{false};
  std::atomic<LoopKind> loop_kind_;
  mutable std::mutex pause_mutex_;
  std::condition_variable pause_cv_;
  double speed_ = 0;                 // lines per second per goroutine; 0: full speed
  StepKind step_kind_ = StepKind::None;
  std::uint64_t step_target_ = 0;    // Event: hold again once sched_events() reaches it
  std::uint64_t step_goroutine_ = 0; // Line: who may run
  bool step_passed_ = false;         // Line: it has left its hold point (the next line ends it)
  std::uint64_t step_position_ = 0;  // Arrival: where step_goroutine_ holds; Scan: where it ends
  std::vector<std::uint64_t> scan_arrivals_;         // Scan: step_goroutine_'s arrivals so far
  std::uint64_t line_hold_position_ = UINT64_MAX;    // sim: the position of a goroutine holding
                                                     // in trace_point (none: UINT64_MAX)
  void update_traced_locked();
  // `position`: the run's (sim mode; 0 otherwise), at the trace point asking.
  bool may_pass_locked(std::uint64_t goroutine, std::uint64_t position);
  std::mutex pins_mutex_;            // guards pins_
  // Word -> times pinned. Not a multiset: a million timers pin the same static closure, and
  // libc++'s multiset (the page's) inserts an equal key after all the others, a scan each time.
  std::unordered_map<Word, std::size_t> pins_;
  bool started_ = false;
  std::mutex goroutines_mutex_;      // guards the registry list below
  Goroutine* goroutines_ = nullptr;
  friend class Interpreter;
};

}  // namespace gopark::vm
