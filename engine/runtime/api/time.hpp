// Package time for C++ goroutines: Sleep, After, Tick, Timer, Ticker.
//
// Timer channels carry a Time (nanoseconds since the Unix epoch: what Go's t.UnixNano() says) and have
// capacity 1, so a reader that falls behind a Ticker misses ticks instead of queueing them (Go 1.22 and
// earlier semantics).
#pragma once

#include <chrono>

#include "runtime/api/chan.hpp"
#include "runtime/api/task.hpp"
#include "runtime/timers.hpp"

namespace gopark::co {

using Time = int64_t;
using Duration = std::chrono::nanoseconds;

// time.Now().UnixNano()
Time now();

// time.Sleep(d): parks the goroutine; d <= 0 returns at once.
class [[nodiscard]] sleep {
 public:
  explicit sleep(Duration d) : ns_(d.count()) {}
  bool await_ready() const noexcept { return ns_ <= 0; }
  // Out of line on purpose: clang 14's coroutine splitter crashes at -O2 when this is inlined into a
  // coroutine that sleeps in a loop.
  bool await_suspend(coro::coroutine_handle<> h);
  void await_resume() const noexcept {}

 private:
  int64_t ns_;
};

// time.After(d): a channel that receives the time once, after d.
Chan<Time> after(Duration d);
// time.Tick(d): a channel that receives the time every d, for the rest of the run.
Chan<Time> tick(Duration d);

// time.Timer. Lives in one place (not movable): the runtime's timer heap points at it.
class Timer {
 public:
  explicit Timer(Duration d);
  ~Timer();
  Timer(const Timer&) = delete;
  Timer& operator=(const Timer&) = delete;

  const Chan<Time> c;  // t.C
  bool stop();          // true if the timer was pending (it will not fire)
  bool reset(Duration d);

 private:
  rt::Runtime& runtime_;
  rt::TimerTask task_{};
};

// time.Ticker.
class Ticker {
 public:
  explicit Ticker(Duration d);
  ~Ticker();
  Ticker(const Ticker&) = delete;
  Ticker& operator=(const Ticker&) = delete;

  const Chan<Time> c;  // t.C
  void stop();
  void reset(Duration d);

 private:
  rt::Runtime& runtime_;
  rt::TimerTask task_{};
};

}  // namespace gopark::co
