// time's natives (engine/lib/go/time.go): the clocks, Sleep, and the engine timers behind Timer,
// Ticker, After, AfterFunc and Tick.
//
// Design
// - A Timer's or Ticker's `handle` field holds a TimerHandle (a custom heap object) that owns a
//   reference to a TimerState in C++ memory: the rt::TimerTask the runtime's timer heap points
//   at, the channel to send the time on or the function to start, and a reference count.
//   References: one held by the handle (dropped by its finalizer when the Go value dies) and one
//   while the task is armed (pending or firing; dropped when the runtime releases the task after
//   its last firing, or when stop/reset cancels it). So a pending timer outlives an unreachable
//   Timer (time.After, AfterFunc), and a finalizer never has to cancel (or wait for) a firing.
// - While armed, the channel and function are pinned as roots (Machine::pin): nothing else may
//   refer to them (AfterFunc's function, a Tick channel being received from).
// - A firing runs on the runtime's timer thread, outside any goroutine: it takes the mutator lock
//   (Machine::enter_mutator) around the allocation of the Time value and the non-blocking send
//   (a full channel drops the tick, as Go's timers do), or around starting AfterFunc's goroutine.
// - stop and reset cancel with Runtime::cancel_timer, which waits for a firing in progress; a
//   firing may itself be waiting for a collection, which waits for every mutator, so the native
//   releases the mutator lock meanwhile (it holds no raw heap pointer across the call).
//
// Rejected: the whole state in the heap object. The runtime's timer heap would point into a heap
// object that a collection could free while the task is pending; the finalizer would have to
// cancel the task, and cancel_timer may wait for a firing blocked on the collection itself.
#include <atomic>
#include <chrono>
#include <new>
#include <optional>

#include "lib/natives/native_support.hpp"

namespace gopark::lib {
namespace {

constexpr std::size_t kTimerHandleOffset = 8;  // Timer and Ticker: {C <-chan Time; handle}

struct TimerState {
  rt::TimerTask task;
  vm::Machine* machine = nullptr;
  vm::Word chan = 0;  // chan Time to send on, or 0
  vm::Word func = 0;  // func() to start in its own goroutine, or 0
  // The race detector's: starting or resetting the timer happens before it fires (its send, its
  // function's goroutine).
  rt::race::SyncClock race;
  // One reference held by the TimerHandle, one while armed; the last one deletes.
  std::atomic<int> refs{1};
};

// What a timer holds outside the heap, charged to the run's memory limit while it lives (a loop of
// AfterFunc(time.Hour, ...) once grew past any cap): its state, two pins, its runtime heap slot.
constexpr std::size_t kTimerBytes = sizeof(TimerState) + 2 * 64 + 16;

void drop(TimerState* s) {
  if (s->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    s->machine->release(kTimerBytes);
    delete s;
  }
}

void pin_words(TimerState* s) {
  if (s->chan) s->machine->pin(s->chan);
  if (s->func) s->machine->pin(s->func);
}

// The task is no longer armed: it will not fire again until re-armed.
void disarmed(TimerState* s) {
  if (s->chan) s->machine->unpin(s->chan);
  if (s->func) s->machine->unpin(s->func);
  drop(s);
}

struct TimerHandle {
  TimerState* state;
  static void trace(void* p, vm::Marker& marker) {
    const TimerState* s = static_cast<TimerHandle*>(p)->state;
    marker.mark(vm::ptr<void>(s->chan));
    marker.mark(vm::ptr<void>(s->func));
  }
  static void finalize(void* p) { drop(static_cast<TimerHandle*>(p)->state); }
  static const vm::GcLayout& layout() {
    static const vm::GcLayout layout(sizeof(TimerHandle), {}, &trace, &finalize, "timer");
    return layout;
  }
};

// Monotonic readings are nanoseconds since the run started, never 0 (0 means "no reading").
std::int64_t monotonic_ns(rt::Runtime& runtime) { return runtime.now_ns() + 1; }

// Starts AfterFunc's function in a goroutine of its own (from the timer thread, with the mutator
// lock held). If the run is ending, nothing starts.
void start_function(vm::Machine& m, vm::Word func) {
  const auto* closure = vm::ptr<const vm::Closure>(func);
  vm::Goroutine* gr = m.new_goroutine(std::size_t(closure->fn->nregs) + 64);
  if (!gr) {  // past the memory limit, and no goroutine to raise it on: the run ends all the same
    m.runtime().fail("", "out of memory");
    return;
  }
  if (!vm::ops::push_frame(*gr, *closure->fn, 0, closure, vm::FrameKind::Normal) ||
      !m.runtime().spawn(m, gr, closure->fn->name.c_str(), nullptr, 0)) {
    m.free_goroutine(gr);
  }
}

void fire(rt::TimerTask& task, std::int64_t) {
  auto* s = static_cast<TimerState*>(task.arg);
  vm::Machine& m = *s->machine;
  m.enter_mutator();
  std::optional<rt::race::Thread> firing;
  if (m.races()) firing = rt::race::Detector::outside(s->race);
  rt::race::OutsideScope as_firing(firing ? &*firing : nullptr);
  if (s->func) {
    start_function(m, s->func);
  } else if (s->chan) {
    // A Time value {wall, mono int64}: sent as a pointer to its own copy, as the VM sends structs.
    auto* t = static_cast<std::int64_t*>(m.heap().allocate_noscan(2 * sizeof(std::int64_t)));
    if (t && m.races()) m.races()->fresh(t, 2 * sizeof(std::int64_t));
    if (t) {
      t[0] = m.runtime().wall_ns();
      t[1] = monotonic_ns(m.runtime());
      vm::Word w = vm::word(t);
      rt::chan_send(vm::ops::channel(s->chan), &w, nullptr, nullptr, false);
    }
  }
  m.leave_mutator();
}

void release(rt::TimerTask& task) { disarmed(static_cast<TimerState*>(task.arg)); }

// `by`: the goroutine starting it.
void arm(TimerState* s, std::int64_t delay_ns, std::int64_t period_ns, vm::Goroutine& by) {
  if (s->machine->races()) s->race.release(by.g->race);
  s->refs.fetch_add(1, std::memory_order_relaxed);
  pin_words(s);
  rt::Runtime& runtime = s->machine->runtime();
  runtime.add_timer(s->task, runtime.now_ns() + std::max<std::int64_t>(delay_ns, 0), period_ns);
}

// Cancels the task (waiting for a firing in progress); true if it was pending. Afterwards the
// task is idle and no longer armed.
bool cancel(vm::NativeContext& ctx, TimerState* s) {
  vm::Machine& m = ctx.machine();
  // Inside a callback from another native (nested) the callers hold raw pointers: no collection
  // may run, so the mutator lock is kept (a firing blocked on a pending collection is then the
  // one case that waits until that collection can run, which needs this goroutine: rare enough).
  bool release_lock = ctx.goroutine().nested == 0;
  if (release_lock) m.leave_mutator();
  bool was_pending = m.runtime().cancel_timer(s->task);
  if (release_lock) m.enter_mutator();
  if (was_pending) disarmed(s);
  return was_pending;
}

TimerState* timer_state(vm::Word receiver) {
  vm::Word h = vm::load_word(vm::ptr<std::uint8_t>(receiver) + kTimerHandleOffset);
  return h ? vm::ptr<TimerHandle>(h)->state : nullptr;
}

bool nil_receiver(vm::NativeContext& ctx) {
  return ctx.panic("runtime error: invalid memory address or nil pointer dereference");
}

// Creates the state and installs the handle (start is called once, on a fresh Timer/Ticker).
TimerState* new_timer(vm::NativeContext& ctx, vm::Word receiver, vm::Word chan, vm::Word func) {
  // Collectable: the handle's reference goes with its finalizer.
  if (!ctx.machine().reserve(ctx.goroutine(), kTimerBytes, true)) {
    ctx.take_fault();
    return nullptr;
  }
  void* p = ctx.machine().allocate(ctx.goroutine(), TimerHandle::layout());
  if (!p) {
    ctx.machine().release(kTimerBytes);
    ctx.take_fault();
    return nullptr;
  }
  auto* s = new TimerState;
  s->machine = &ctx.machine();
  s->chan = chan;
  s->func = func;
  s->task.fire = &fire;
  s->task.release = &release;
  s->task.arg = s;
  new (p) TimerHandle{s};
  vm::store_word(vm::ptr<std::uint8_t>(receiver) + kTimerHandleOffset, vm::word(p));
  return s;
}

// ---- clocks and Sleep ----

// func now() (wall int64, mono int64)
bool now(vm::NativeContext& ctx, vm::Word* args) {
  args[0] = vm::Word(ctx.machine().runtime().wall_ns());
  args[1] = vm::Word(monotonic_ns(ctx.machine().runtime()));
  return true;
}

// func Sleep(d Duration)
bool sleep(vm::NativeContext& ctx, vm::Word* args) {
  auto d = std::int64_t(args[0]);
  if (d <= 0) return true;
  ctx.machine().runtime().prepare_sleep(ctx.g(), d);
  return ctx.park();
}

// ---- Timer ----

// func (t *Timer) start(d Duration, c chan Time, f func())
bool timer_start(vm::NativeContext& ctx, vm::Word* args) {
  if (!args[0]) return nil_receiver(ctx);
  TimerState* s = new_timer(ctx, args[0], args[2], args[3]);
  if (!s) return false;
  arm(s, std::int64_t(args[1]), 0, ctx.goroutine());
  return true;
}

// func (t *Timer) stop() bool
bool timer_stop(vm::NativeContext& ctx, vm::Word* args) {
  if (!args[0]) return nil_receiver(ctx);
  TimerState* s = timer_state(args[0]);
  bool was_pending = s && cancel(ctx, s);
  ctx.args()[0] = from_bool(was_pending);
  return true;
}

// func (t *Timer) reset(d Duration) bool
bool timer_reset(vm::NativeContext& ctx, vm::Word* args) {
  if (!args[0]) return nil_receiver(ctx);
  auto d = std::int64_t(args[1]);
  TimerState* s = timer_state(args[0]);
  if (!s) return nil_receiver(ctx);
  bool was_pending = cancel(ctx, s);
  arm(s, d, 0, ctx.goroutine());
  ctx.args()[0] = from_bool(was_pending);
  return true;
}

// ---- Ticker ----

// func (t *Ticker) start(d Duration, c chan Time)
bool ticker_start(vm::NativeContext& ctx, vm::Word* args) {
  if (!args[0]) return nil_receiver(ctx);
  auto d = std::int64_t(args[1]);
  TimerState* s = new_timer(ctx, args[0], args[2], 0);
  if (!s) return false;
  arm(s, d, d, ctx.goroutine());
  return true;
}

// func (t *Ticker) stop()
bool ticker_stop(vm::NativeContext& ctx, vm::Word* args) {
  if (!args[0]) return nil_receiver(ctx);
  if (TimerState* s = timer_state(args[0])) cancel(ctx, s);
  return true;
}

// func (t *Ticker) reset(d Duration)
bool ticker_reset(vm::NativeContext& ctx, vm::Word* args) {
  if (!args[0]) return nil_receiver(ctx);
  auto d = std::int64_t(args[1]);
  TimerState* s = timer_state(args[0]);
  if (!s) return nil_receiver(ctx);
  cancel(ctx, s);
  arm(s, d, d, ctx.goroutine());
  return true;
}

constexpr NativeEntry kNatives[] = {
    {"time.now", now},
    {"time.Sleep", sleep},
    {"time.(*Timer).start", timer_start},
    {"time.(*Timer).stop", timer_stop},
    {"time.(*Timer).reset", timer_reset},
    {"time.(*Ticker).start", ticker_start},
    {"time.(*Ticker).stop", ticker_stop},
    {"time.(*Ticker).reset", ticker_reset},
};

}  // namespace

std::span<const NativeEntry> time_natives() { return kNatives; }

}  // namespace gopark::lib
