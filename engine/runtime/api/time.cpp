#include "runtime/api/time.hpp"

namespace gopark::co {

namespace {

// Timer channel firing: a non-blocking send of the current time (runs on the timer thread).
void send_time(rt::TimerTask& t, int64_t) {
  Time now_value = now();
  rt::chan_send(static_cast<rt::Channel*>(t.arg), &now_value, nullptr, nullptr, false);
}

// A timer that nobody can stop (time.After, time.Tick): the runtime owns it and frees it.
struct OwnedTimer : rt::TimerTask {
  std::shared_ptr<rt::Channel> chan;
};

Chan<Time> owned_timer(Duration d, bool periodic) {
  rt::G& g = detail::self();
  auto ch = make_chan<Time>(1);
  auto* t = new OwnedTimer;
  t->chan = ch.shared();
  t->arg = t->chan.get();
  t->fire = &send_time;
  t->release = [](rt::TimerTask& task) { delete static_cast<OwnedTimer*>(&task); };
  int64_t ns = std::max<int64_t>(d.count(), periodic ? 1 : 0);
  g.runtime->add_timer(*t, g.runtime->now_ns() + ns, periodic ? ns : 0);
  return ch;
}

}  // namespace

Time now() {
  if (rt::Runtime* r = rt::current_runtime()) return r->wall_ns();
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool sleep::await_suspend(coro::coroutine_handle<> h) {
  rt::G& g = detail::self();
  g.runtime->prepare_sleep(g, ns_);
  return detail::suspend(g, h);
}

Chan<Time> after(Duration d) { return owned_timer(d, false); }
Chan<Time> tick(Duration d) { return owned_timer(d, true); }

Timer::Timer(Duration d) : c(make_chan<Time>(1)), runtime_(*detail::self().runtime) {
  task_.arg = c.core();
  task_.fire = &send_time;
  runtime_.add_timer(task_, runtime_.now_ns() + d.count(), 0);
}

Timer::~Timer() { runtime_.cancel_timer(task_); }

bool Timer::stop() { return runtime_.cancel_timer(task_); }

bool Timer::reset(Duration d) {
  bool was_pending = runtime_.cancel_timer(task_);
  runtime_.add_timer(task_, runtime_.now_ns() + d.count(), 0);
  return was_pending;
}

Ticker::Ticker(Duration d) : c(make_chan<Time>(1)), runtime_(*detail::self().runtime) {
  if (d.count() <= 0) rt::api_misuse("non-positive interval for NewTicker");
  task_.arg = c.core();
  task_.fire = &send_time;
  runtime_.add_timer(task_, runtime_.now_ns() + d.count(), d.count());
}

Ticker::~Ticker() { runtime_.cancel_timer(task_); }

void Ticker::stop() { runtime_.cancel_timer(task_); }

void Ticker::reset(Duration d) {
  runtime_.cancel_timer(task_);
  runtime_.add_timer(task_, runtime_.now_ns() + d.count(), d.count());
}

}  // namespace gopark::co
