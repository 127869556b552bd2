// Note: a one-shot sleep/wake-up for one OS thread (Go's `note`).
//
// An idle M sleeps on its own note; whoever hands it work calls wake(). A wake() that comes before sleep()
// is not lost: sleep() returns at once and consumes it. A mutex + condition variable is used rather than a
// raw futex so that the same code runs on Linux, under TSan, and on Emscripten's pthreads (Atomics.wait).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace gopark::rt {

class Note {
 public:
  // Blocks until wake() has been called since the last sleep() returned.
  void sleep() {
    std::unique_lock lock(mutex_);
    cond_.wait(lock, [&] { return woken_; });
    woken_ = false;
  }
  // As sleep(), but gives up at `deadline`. Returns true if woken.
  bool sleep_until(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    bool woken = cond_.wait_until(lock, deadline, [&] { return woken_; });
    woken_ = false;
    return woken;
  }
  void wake() {
    {
      std::lock_guard lock(mutex_);
      woken_ = true;
    }
    cond_.notify_one();
  }

 private:
  std::mutex mutex_;
  std::condition_variable cond_;
  bool woken_ = false;
};

}  // namespace gopark::rt
