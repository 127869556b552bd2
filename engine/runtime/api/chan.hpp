// Chan<T>: Go's `chan T` for C++ goroutines.
//
// A Chan is a handle, copied freely (as Go's channel values are); the channel lives while any handle or
// parked goroutine refers to it. A default-constructed Chan is the nil channel.
//
//   auto ch = co::make_chan<int>(3);      // make(chan int, 3)
//   co_await ch.send(1);                  // ch <- 1
//   int v = co_await ch.recv();           // v := <-ch
//   auto [v, ok] = co_await ch.recv_ok(); // v, ok := <-ch
//   co_await ch.close();                  // close(ch)
//   switch (co_await co::select(ch.on_recv(&v), out.on_send(2), co::default_case())) { ... }
#pragma once

#include <array>
#include <memory>
#include <tuple>
#include <utility>

#include "runtime/api/elem_type.hpp"
#include "runtime/api/task.hpp"
#include "runtime/chan.hpp"

namespace gopark::co {

template <class T>
struct Received {
  T value;
  bool ok;
};

template <class T>
struct RecvCase {
  rt::Channel* chan;
  T* out;
  bool* ok;
};
template <class T>
struct SendCase {
  rt::Channel* chan;
  T value;
};
struct DefaultCase {};
inline DefaultCase default_case() { return {}; }

template <class T>
class Chan {
 public:
  Chan() = default;  // the nil channel
  explicit Chan(std::shared_ptr<rt::Channel> c) : c_(std::move(c)) {}

  bool is_nil() const { return !c_; }
  uint32_t len() const { return c_ ? c_->len() : 0; }
  uint32_t cap() const { return c_ ? c_->cap() : 0; }
  rt::Channel* core() const { return c_.get(); }
  const std::shared_ptr<rt::Channel>& shared() const { return c_; }
  bool operator==(const Chan& o) const { return c_ == o.c_; }

  struct [[nodiscard]] SendAwaiter {
    rt::Channel* chan;
    T value;
    rt::Waiter waiter{};
    bool await_ready() const noexcept { return false; }
    bool await_suspend(coro::coroutine_handle<> h) {
      rt::G& g = detail::self();
      switch (rt::chan_send(chan, &value, &g, &waiter, true)) {
        case rt::ChanStatus::Done: return false;
        case rt::ChanStatus::Parked: return detail::suspend(g, h);
        case rt::ChanStatus::Closed: return detail::fail(g, rt::Handoff::Panic, "send on closed channel");
        case rt::ChanStatus::WouldBlock: break;
      }
      rt::internal_error("blocking send would block");
    }
    void await_resume() const noexcept {}  // a send woken by close has panicked before resuming
  };

  template <bool WithOk>
  struct [[nodiscard]] RecvAwaiter {
    rt::Channel* chan;
    T value{};
    bool ok = false;
    bool parked = false;
    rt::Waiter waiter{};
    bool await_ready() const noexcept { return false; }
    bool await_suspend(coro::coroutine_handle<> h) {
      rt::G& g = detail::self();
      if (rt::chan_recv(chan, &value, &ok, &g, &waiter, true) == rt::ChanStatus::Parked) {
        parked = true;
        return detail::suspend(g, h);
      }
      return false;
    }
    auto await_resume() {
      if (parked) ok = waiter.success;
      if constexpr (WithOk) {
        return Received<T>{std::move(value), ok};
      } else {
        return std::move(value);
      }
    }
  };

  struct [[nodiscard]] CloseAwaiter {
    rt::Channel* chan;
    bool await_ready() const noexcept { return false; }
    bool await_suspend(coro::coroutine_handle<>) {
      rt::G& g = detail::self();
      switch (rt::chan_close(chan, &g)) {
        case rt::CloseStatus::Done: return false;
        case rt::CloseStatus::Nil: return detail::fail(g, rt::Handoff::Panic, "close of nil channel");
        case rt::CloseStatus::AlreadyClosed: return detail::fail(g, rt::Handoff::Panic, "close of closed channel");
      }
      return false;
    }
    void await_resume() const noexcept {}
  };

  SendAwaiter send(T v) const { return SendAwaiter{c_.get(), std::move(v)}; }
  RecvAwaiter<false> recv() const { return RecvAwaiter<false>{c_.get()}; }
  RecvAwaiter<true> recv_ok() const { return RecvAwaiter<true>{c_.get()}; }
  CloseAwaiter close() const { return CloseAwaiter{c_.get()}; }

  // Non-blocking forms (a select with a default case), usable from any goroutine.
  bool try_send(T v) const {
    return rt::chan_send(c_.get(), &v, rt::current_g(), nullptr, false) == rt::ChanStatus::Done;
  }
  bool try_recv(T* out, bool* ok = nullptr) const {
    bool okv = false;
    bool done = rt::chan_recv(c_.get(), out, &okv, rt::current_g(), nullptr, false) == rt::ChanStatus::Done;
    if (ok) *ok = okv;
    return done;
  }

  // Select cases. `out` and `ok` may be null (the value is dropped).
  RecvCase<T> on_recv(T* out = nullptr, bool* ok = nullptr) const { return {c_.get(), out, ok}; }
  SendCase<T> on_send(T v) const { return {c_.get(), std::move(v)}; }

 private:
  std::shared_ptr<rt::Channel> c_;
};

// make(chan T, cap). `name` (optional) labels it in snapshots; it must outlive the channel.
template <class T>
Chan<T> make_chan(uint32_t cap = 0, const char* name = nullptr) {
  auto c = std::make_shared<rt::Channel>(elem_type<T>(), cap);
  if (name) c->set_name(name);
  if (rt::G* g = rt::current_g()) {
    c->attach(*g->runtime);
    if (g->runtime->tracing()) {
      g->runtime->emit(trace::EventKind::ChanMake, g->id.load(std::memory_order_relaxed), c->object_id(), cap);
    }
  }
  return Chan<T>(std::move(c));
}

// Go's select statement over the given cases; resumes with the index of the case that ran.
template <class... Cases>
class [[nodiscard]] SelectAwaiter {
  static constexpr size_t N = sizeof...(Cases);

 public:
  explicit SelectAwaiter(Cases... cases) : cases_(std::move(cases)...) {}

  bool await_ready() const noexcept { return false; }
  bool await_suspend(coro::coroutine_handle<> h) {
    rt::G& g = detail::self();
    n_ = 0;
    build(std::index_sequence_for<Cases...>{});
    state_.cases = rcases_.data();
    state_.waiters = waiters_.data();
    state_.poll_order = poll_.data();
    state_.lock_order = locks_.data();
    state_.n = uint16_t(n_);
    rt::SelectOutcome out = rt::select_begin(state_, g, default_index_ < 0);
    switch (out.status) {
      case rt::ChanStatus::Done:
        finish(out);
        return false;
      case rt::ChanStatus::WouldBlock:
        result_ = default_index_;
        return false;
      case rt::ChanStatus::Closed:
        return detail::fail(g, rt::Handoff::Panic, "send on closed channel");
      case rt::ChanStatus::Parked:
        parked_ = true;
        return detail::suspend(g, h);
    }
    return false;
  }
  int await_resume() {
    if (parked_) finish(state_.outcome);
    return result_;
  }

 private:
  template <size_t... I>
  void build(std::index_sequence<I...>) {
    (add(std::get<I>(cases_), int(I)), ...);
  }
  void add(DefaultCase&, int index) { default_index_ = index; }
  template <class T>
  void add(RecvCase<T>& c, int index) {
    rcases_[n_] = rt::SelectCase{c.chan, c.out, false};
    oks_[n_] = c.ok;
    user_index_[n_++] = index;
  }
  template <class T>
  void add(SendCase<T>& c, int index) {
    rcases_[n_] = rt::SelectCase{c.chan, &c.value, true};
    oks_[n_] = nullptr;
    user_index_[n_++] = index;
  }
  void finish(const rt::SelectOutcome& out) {
    result_ = user_index_[out.index];
    if (oks_[out.index]) *oks_[out.index] = out.ok;
  }

  std::tuple<Cases...> cases_;
  std::array<rt::SelectCase, N> rcases_{};
  std::array<rt::Waiter, N> waiters_{};
  std::array<uint16_t, N> poll_{};
  std::array<rt::Channel*, N> locks_{};
  std::array<bool*, N> oks_{};
  std::array<int, N> user_index_{};
  size_t n_ = 0;
  int default_index_ = -1;
  int result_ = -1;
  bool parked_ = false;
  rt::SelectState state_{};
};

template <class... Cases>
SelectAwaiter<std::decay_t<Cases>...> select(Cases&&... cases) {
  return SelectAwaiter<std::decay_t<Cases>...>(std::forward<Cases>(cases)...);
}

}  // namespace gopark::co
