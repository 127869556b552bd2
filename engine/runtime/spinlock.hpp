// SpinLock: the short lock inside every channel, sync object and run queue of the runtime.
//
// Why not std::mutex: a goroutine that parks on a channel holds the channel's lock across the return from
// its coroutine to the scheduler (see the parking protocol in sched.hpp), and the critical sections are a
// few dozen instructions. A test-and-test-and-set lock with a bounded spin is the cheapest thing that works;
// after the spin it yields the thread so that, with more runnable threads than cores (2 cores here, many Ms
// in the stress tests), a preempted holder gets the CPU back instead of being spun against for a whole
// time slice.
#pragma once

#include <atomic>
#include <thread>

#include "runtime/annotations.hpp"

namespace gopark::rt {

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

class GOPARK_CAPABILITY("spinlock") SpinLock {
 public:
  void lock() GOPARK_ACQUIRE() {
    for (int spins = 0;; ++spins) {
      if (!locked_.exchange(true, std::memory_order_acquire)) return;
      while (locked_.load(std::memory_order_relaxed)) {
        if (++spins < 64) {
          cpu_relax();
        } else {
          std::this_thread::yield();
        }
      }
    }
  }
  bool try_lock() GOPARK_TRY_ACQUIRE(true) {
    return !locked_.load(std::memory_order_relaxed) && !locked_.exchange(true, std::memory_order_acquire);
  }
  void unlock() GOPARK_RELEASE() { locked_.store(false, std::memory_order_release); }

 private:
  std::atomic<bool> locked_{false};
};

// RAII holder for a SpinLock.
class GOPARK_SCOPED_CAPABILITY SpinGuard {
 public:
  explicit SpinGuard(SpinLock& lock) GOPARK_ACQUIRE(lock) : lock_(lock) { lock_.lock(); }
  ~SpinGuard() GOPARK_RELEASE() { lock_.unlock(); }
  SpinGuard(const SpinGuard&) = delete;
  SpinGuard& operator=(const SpinGuard&) = delete;

 private:
  SpinLock& lock_;
};

}  // namespace gopark::rt
