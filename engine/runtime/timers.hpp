// Timers: time.Sleep, time.After, Timer and Ticker, fired without any busy loop.
//
// Design: one min-heap of TimerTasks per runtime, under a mutex, and one timer thread that sleeps on a
// condition variable until the earliest deadline (or until an earlier timer is added). A firing runs the
// task's callback on the timer thread: readying a sleeping goroutine, or a non-blocking send of the time
// on a timer's channel (capacity 1, so a slow reader drops ticks, as Go's Ticker does).
// The same thread is sysmon: while goroutines run it wakes every time slice and asks a G that has held
// its P for a whole slice to yield (the VM polls g.preempt at loop back-edges and calls).
//
// Rejected: Go's per-P timer heaps run by the Ms themselves (fewer thread hops, but an idle runtime then
// needs one M to sleep with a timeout while the others sleep forever, and every scheduling decision has to
// look at timers; one thread is simpler and the hop costs microseconds against millisecond timers).
//
// Invariants (under the timer mutex): a task with status Pending is in the heap at heap_index; a Firing
// task is not in the heap and its callback is running or about to; `live` counts Pending + Firing tasks,
// and is decremented only after a callback has returned, so deadlock detection never misses a wake-up
// a timer is about to deliver.
#pragma once

#include <cstdint>

namespace gopark::rt {

struct TimerTask {
  enum class Status : uint8_t { Idle, Pending, Firing };
  int64_t when_ns = 0;    // runtime clock (Runtime::now_ns)
  int64_t period_ns = 0;  // > 0: fires again every period (Ticker)
  void (*fire)(TimerTask& t, int64_t now_ns) = nullptr;
  void* arg = nullptr;
  // If set, the runtime owns the task: it calls release once the task will never fire again (after a
  // one-shot firing, or when the run ends). Used by time.After and time.Tick, whose timers nobody stops.
  void (*release)(TimerTask& t) = nullptr;
  // Under the timer mutex:
  int32_t heap_index = -1;
  Status status = Status::Idle;
  bool rearm = false;   // set while Firing when add_timer asks for another run
  bool cancel = false;  // set while Firing when cancel_timer asks for no further run
};

}  // namespace gopark::rt
