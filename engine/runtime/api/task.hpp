// The C++ face of the runtime: goroutines written as C++20 coroutines.
//
//   gopark::rt::Runtime rt({.procs = 4});
//   auto result = co::run(rt, []() -> co::Task<> {
//     auto ch = co::make_chan<int>();
//     co::go([ch]() -> co::Task<> { co_await ch.send(42); });
//     int v = co_await ch.recv();
//   });
//
// A goroutine's body is a Task<> coroutine. Runtime operations that may block or fail (channel ops, locks,
// sleeps, Goexit) are awaited; when one parks, the whole chain of coroutine frames of the goroutine stays
// suspended and the M goes on with other goroutines. Task<T> may also be awaited as a plain function
// call (symmetric transfer, no scheduler involved).
//
// Errors: Go panics and fatal errors end the program, as an unrecovered panic does in Go: the failing
// operation suspends the goroutine for good and the run's RunResult carries Go's message. (C++ code has no
// recover; the VM implements Go's.) No C++ exception is used: the engine also builds for the web, where
// exceptions are costly.
#pragma once

#include <optional>
#include <type_traits>
#include <utility>

#include "runtime/api/frame_pool.hpp"
#include "runtime/coro.hpp"
#include "runtime/g.hpp"
#include "runtime/runtime.hpp"

namespace gopark::co {

using rt::Config;
using rt::RunResult;
using rt::Runtime;

template <class T = void>
class Task;

namespace detail {

struct PromiseBase {
  coro::coroutine_handle<> continuation{};  // the awaiting coroutine; null for a goroutine's root

  struct FinalAwaiter {
    bool await_ready() noexcept { return false; }
    template <class Promise>
    coro::coroutine_handle<> await_suspend(coro::coroutine_handle<Promise> h) noexcept {
      if (auto c = h.promise().continuation) return c;
      // A goroutine's function returned (unless it is on its way out for another reason).
      rt::G* g = rt::current_g();
      if (g->handoff == rt::Handoff::None) g->handoff = rt::Handoff::Exit;
      return coro::noop_coroutine();
    }
    void await_resume() noexcept {}
  };

  coro::suspend_always initial_suspend() noexcept { return {}; }
  FinalAwaiter final_suspend() noexcept { return {}; }
  static void* operator new(std::size_t size) { return allocate_frame(size); }
  static void operator delete(void* p, std::size_t size) { free_frame(p, size); }
  void unhandled_exception() noexcept { rt::api_misuse("a C++ exception escaped a goroutine"); }
};

// The goroutine running on this thread; an internal error outside goroutines.
rt::G& self();

// Suspends the goroutine at h (a runtime operation has parked it or asked for a switch).
inline bool suspend(rt::G& g, coro::coroutine_handle<> h) {
  g.resume_point = h;
  return true;
}

// Ends the program with a Go panic or fatal error at this point (the goroutine never resumes).
inline bool fail(rt::G& g, rt::Handoff how, const char* message) {
  g.end_message = message;
  g.handoff = how;
  return true;
}

}  // namespace detail

template <class T>
class [[nodiscard]] Task {
 public:
  struct promise_type : detail::PromiseBase {
    std::optional<T> value;
    Task get_return_object() { return Task(handle::from_promise(*this)); }
    template <class U>
    void return_value(U&& v) {
      value.emplace(std::forward<U>(v));
    }
  };
  using handle = coro::coroutine_handle<promise_type>;

  Task(Task&& o) noexcept : h_(std::exchange(o.h_, {})) {}
  Task& operator=(Task&&) = delete;
  ~Task() {
    if (h_) h_.destroy();
  }

  bool await_ready() const noexcept { return false; }
  coro::coroutine_handle<> await_suspend(coro::coroutine_handle<> caller) noexcept {
    h_.promise().continuation = caller;
    return h_;
  }
  T await_resume() { return std::move(*h_.promise().value); }

  handle release() { return std::exchange(h_, {}); }

 private:
  explicit Task(handle h) : h_(h) {}
  handle h_;
};

template <>
class [[nodiscard]] Task<void> {
 public:
  struct promise_type : detail::PromiseBase {
    Task get_return_object() { return Task(handle::from_promise(*this)); }
    void return_void() noexcept {}
  };
  using handle = coro::coroutine_handle<promise_type>;

  Task(Task&& o) noexcept : h_(std::exchange(o.h_, {})) {}
  Task& operator=(Task&&) = delete;
  ~Task() {
    if (h_) h_.destroy();
  }

  bool await_ready() const noexcept { return false; }
  coro::coroutine_handle<> await_suspend(coro::coroutine_handle<> caller) noexcept {
    h_.promise().continuation = caller;
    return h_;
  }
  void await_resume() noexcept {}

  handle release() { return std::exchange(h_, {}); }

 private:
  explicit Task(handle h) : h_(h) {}
  handle h_;
};

// The Body of goroutines written with this API.
class CoroutineBody final : public rt::Body {
 public:
  static CoroutineBody& instance();
  void resume(rt::G& g) override;
  void destroy(rt::G& g) override;
  void traceback(const rt::G& g, std::string& out) const override;
};

namespace detail {

template <class F>
Task<> call_owned(F f) {
  co_await f();
}

// A Task<> as is; a callable returning one is moved into a coroutine frame that owns it, so that a
// lambda's captures live exactly as long as the goroutine.
template <class F>
Task<> as_task(F&& f) {
  if constexpr (std::is_same_v<std::decay_t<F>, Task<>>) {
    return std::move(f);
  } else {
    return call_owned(std::decay_t<F>(std::forward<F>(f)));
  }
}

rt::G* spawn(rt::Runtime& r, Task<> t, const char* label, rt::G* parent);

}  // namespace detail

// Go's `go f()`: starts a goroutine running f (a Task<> or a callable returning one). Only inside a
// goroutine. `label` names it in dumps and UIs, and must outlive the run.
template <class F>
void go(F&& f, const char* label = "func") {
  rt::G& parent = detail::self();
  detail::spawn(*parent.runtime, detail::as_task(std::forward<F>(f)), label, &parent);
}

// Starts r with `main_fn` as goroutine 1; returns at once (see Runtime::start).
template <class F>
void start(rt::Runtime& r, F&& main_fn, const char* label = "main.main") {
  auto h = detail::as_task(std::forward<F>(main_fn)).release();
  r.start(CoroutineBody::instance(), h.address(), label);
}

// Runs a program to its end.
template <class F>
RunResult run(rt::Runtime& r, F&& main_fn) {
  start(r, std::forward<F>(main_fn));
  return r.wait();
}
template <class F>
RunResult run(const Config& config, F&& main_fn) {
  rt::Runtime r(config);
  return run(r, std::forward<F>(main_fn));
}

// ---- package runtime ----

// runtime.Gosched: lets other goroutines run.
struct [[nodiscard]] yield {
  bool await_ready() const noexcept { return false; }
  bool await_suspend(coro::coroutine_handle<> h) {
    rt::G& g = detail::self();
    g.handoff = rt::Handoff::Yield;
    return detail::suspend(g, h);
  }
  void await_resume() const noexcept {}
};

// Gives the thread back if the runtime asked this goroutine to (time slice over, GOMAXPROCS shrank, the
// run is stopping). Long loops in C++ goroutines call it where Go code would be preempted.
struct [[nodiscard]] checkpoint {
  bool await_ready() const noexcept { return !detail::self().should_yield(); }
  bool await_suspend(coro::coroutine_handle<> h) {
    rt::G& g = detail::self();
    g.handoff = rt::Handoff::Preempt;
    return detail::suspend(g, h);
  }
  void await_resume() const noexcept {}
};

// runtime.Goexit: ends this goroutine; its frames are destroyed, so destructors run (the C++ analogue of
// deferred calls). If main calls it, the program goes on until every other goroutine has finished.
struct [[nodiscard]] goexit {
  bool await_ready() const noexcept { return false; }
  bool await_suspend(coro::coroutine_handle<>) {
    detail::self().handoff = rt::Handoff::Goexit;
    return true;
  }
  void await_resume() const noexcept {}
};

// os.Exit(code): ends the program at once; no destructors of other goroutines run before the end.
struct [[nodiscard]] os_exit {
  int code;
  bool await_ready() const noexcept { return false; }
  bool await_suspend(coro::coroutine_handle<>) {
    rt::G& g = detail::self();
    g.exit_code = code;
    g.handoff = rt::Handoff::OsExit;
    return true;
  }
  void await_resume() const noexcept {}
};

// panic(message): ends the program with Go's panic report.
struct [[nodiscard]] panic {
  const char* message;
  bool await_ready() const noexcept { return false; }
  bool await_suspend(coro::coroutine_handle<>) { return detail::fail(detail::self(), rt::Handoff::Panic, message); }
  void await_resume() const noexcept {}
};

inline int gomaxprocs(int n) { return detail::self().runtime->gomaxprocs(n); }
inline int num_goroutine() { return detail::self().runtime->num_goroutine(); }
inline int num_cpu() { return detail::self().runtime->cpus(); }

}  // namespace gopark::co
