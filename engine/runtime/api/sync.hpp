// Package sync for C++ goroutines: Mutex, RWMutex, WaitGroup, Once, Cond.
//
// Every operation that may block or report Go's misuse errors is awaited:
//   co_await mu.lock(); ... co_await mu.unlock();
//   co_await wg.add(1); co::go(...); co_await wg.wait();
// Zero values are ready to use, as in Go; the objects must not be copied or moved while in use.
#pragma once

#include <type_traits>

#include "runtime/api/task.hpp"
#include "runtime/sync.hpp"

namespace gopark::co {

namespace detail {

// Suspends on a lock-like runtime operation that either succeeds now or parks.
inline bool park_unless_acquired(rt::LockStatus st, rt::G& g, coro::coroutine_handle<> h) {
  return st == rt::LockStatus::Parked && suspend(g, h);
}

}  // namespace detail

class Mutex {
 public:
  Mutex() = default;
  explicit Mutex(const char* name) { m_.set_name(name); }

  // Fast paths run in await_ready: an operation that completes at once never suspends the coroutine.
  struct [[nodiscard]] LockAwaiter {
    rt::Mutex& m;
    rt::Waiter waiter{};
    bool await_ready() { return m.try_lock(rt::current_g()); }
    bool await_suspend(coro::coroutine_handle<> h) {
      rt::G& g = detail::self();
      return detail::park_unless_acquired(m.lock(g, waiter), g, h);
    }
    void await_resume() const noexcept {}
  };
  struct [[nodiscard]] UnlockAwaiter {
    rt::Mutex& m;
    bool await_ready() { return m.unlock(rt::current_g()); }  // false: it was not locked
    bool await_suspend(coro::coroutine_handle<>) {
      return detail::fail(detail::self(), rt::Handoff::Fatal, "sync: unlock of unlocked mutex");
    }
    void await_resume() const noexcept {}
  };

  LockAwaiter lock() { return LockAwaiter{m_}; }
  UnlockAwaiter unlock() { return UnlockAwaiter{m_}; }
  [[nodiscard]] bool try_lock() { return m_.try_lock(rt::current_g()); }
  rt::Mutex& core() { return m_; }

 private:
  rt::Mutex m_;
};

class RWMutex {
 public:
  RWMutex() = default;
  explicit RWMutex(const char* name) { m_.set_name(name); }

  template <bool Write>
  struct [[nodiscard]] LockAwaiter {
    rt::RWMutex& m;
    rt::Waiter waiter{};
    bool await_ready() const noexcept { return false; }
    bool await_suspend(coro::coroutine_handle<> h) {
      rt::G& g = detail::self();
      return detail::park_unless_acquired(Write ? m.lock(g, waiter) : m.rlock(g, waiter), g, h);
    }
    void await_resume() const noexcept {}
  };
  template <bool Write>
  struct [[nodiscard]] UnlockAwaiter {
    rt::RWMutex& m;
    bool await_ready() const noexcept { return false; }
    bool await_suspend(coro::coroutine_handle<>) {
      rt::G& g = detail::self();
      if (Write ? m.unlock(&g) : m.runlock(&g)) return false;
      return detail::fail(g, rt::Handoff::Fatal,
                          Write ? "sync: Unlock of unlocked RWMutex" : "sync: RUnlock of unlocked RWMutex");
    }
    void await_resume() const noexcept {}
  };

  LockAwaiter<true> lock() { return {m_}; }
  UnlockAwaiter<true> unlock() { return {m_}; }
  LockAwaiter<false> rlock() { return {m_}; }
  UnlockAwaiter<false> runlock() { return {m_}; }
  [[nodiscard]] bool try_lock() { return m_.try_lock(rt::current_g()); }
  [[nodiscard]] bool try_rlock() { return m_.try_rlock(rt::current_g()); }
  rt::RWMutex& core() { return m_; }

 private:
  rt::RWMutex m_;
};

class WaitGroup {
 public:
  WaitGroup() = default;
  explicit WaitGroup(const char* name) { wg_.set_name(name); }

  struct [[nodiscard]] AddAwaiter {
    rt::WaitGroup& wg;
    int64_t delta;
    bool await_ready() { return wg.add(rt::current_g(), delta); }  // false: the counter went negative
    bool await_suspend(coro::coroutine_handle<>) {
      return detail::fail(detail::self(), rt::Handoff::Panic, "sync: negative WaitGroup counter");
    }
    void await_resume() const noexcept {}
  };
  struct [[nodiscard]] WaitAwaiter {
    rt::WaitGroup& wg;
    rt::Waiter waiter{};
    bool await_ready() const noexcept { return false; }
    bool await_suspend(coro::coroutine_handle<> h) {
      rt::G& g = detail::self();
      return detail::park_unless_acquired(wg.wait(g, waiter), g, h);
    }
    void await_resume() const noexcept {}
  };

  AddAwaiter add(int64_t delta) { return {wg_, delta}; }
  AddAwaiter done() { return {wg_, -1}; }
  WaitAwaiter wait() { return {wg_}; }
  int64_t counter() const { return wg_.counter(); }
  rt::WaitGroup& core() { return wg_; }

  // WaitGroup.Go (Go 1.25): add(1), then run f in a new goroutine that calls done() when f returns.
  template <class F>
  Task<> go(F f, const char* label = "func") {
    co_await add(1);
    co::go([this, f = std::move(f)]() mutable -> Task<> {
      co_await detail::as_task(std::move(f));
      co_await done();
    }, label);
  }

 private:
  rt::WaitGroup wg_;
};

class Once {
 public:
  // Once.Do(f): the first caller runs f (a plain function, or one returning Task<>); everyone else waits
  // until it has returned, then returns without calling f.
  template <class F>
  Task<> call(F f) {
    BeginAwaiter begin{once_};  // rt::Once::begin has the done fast path (and the race detector's edge)
    if (co_await begin) {
      if constexpr (std::is_same_v<std::invoke_result_t<F&>, Task<>>) {
        co_await f();
      } else {
        f();
      }
      once_.finish(rt::current_g());
    }
  }
  bool done() const { return once_.done(); }
  rt::Once& core() { return once_; }

 private:
  struct BeginAwaiter {
    rt::Once& once;
    rt::Waiter waiter{};
    rt::Once::Begin begin = rt::Once::Begin::AlreadyDone;
    bool await_ready() const noexcept { return false; }
    bool await_suspend(coro::coroutine_handle<> h) {
      rt::G& g = detail::self();
      begin = once.begin(g, waiter);
      return begin == rt::Once::Begin::Parked && detail::suspend(g, h);
    }
    bool await_resume() const noexcept { return begin == rt::Once::Begin::RunIt; }  // true: run f
  };
  rt::Once once_;
};

class Cond {
 public:
  explicit Cond(Mutex& l) : l_(l) {}

  // Cond.Wait: unlocks L, waits for Signal or Broadcast, locks L again.
  struct [[nodiscard]] WaitAwaiter {
    Cond& c;
    rt::Waiter cond_waiter{};
    rt::Waiter lock_waiter{};
    bool await_ready() const noexcept { return false; }
    bool await_suspend(coro::coroutine_handle<> h) {
      rt::G& g = detail::self();
      uint64_t ticket = c.c_.ticket();
      if (!c.l_.core().unlock(&g)) return detail::fail(g, rt::Handoff::Fatal, "sync: unlock of unlocked mutex");
      if (c.c_.wait(g, cond_waiter, ticket) == rt::LockStatus::Parked) {
        // Woken later: lock L again before the body resumes (this may park once more).
        g.on_resume = [](rt::G& g, void* arg) {
          auto* self = static_cast<WaitAwaiter*>(arg);
          return self->c.l_.core().lock(g, self->lock_waiter) == rt::LockStatus::Acquired;
        };
        g.on_resume_arg = this;
        return detail::suspend(g, h);
      }
      return detail::park_unless_acquired(c.l_.core().lock(g, lock_waiter), g, h);
    }
    void await_resume() const noexcept {}
  };

  WaitAwaiter wait() { return WaitAwaiter{*this}; }
  void signal() { c_.signal(rt::current_g()); }
  void broadcast() { c_.broadcast(rt::current_g()); }
  rt::Cond& core() { return c_; }

 private:
  Mutex& l_;
  rt::Cond c_;
};

}  // namespace gopark::co
