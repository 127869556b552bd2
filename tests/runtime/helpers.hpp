// Shared helpers for the runtime tests.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "runtime/api/go.hpp"

namespace gopark::test {

using namespace std::chrono_literals;

struct NamedConfig {
  std::string name;
  rt::Config config;
};

// The scheduler set-ups every semantic test runs under: M:N with one and several Ps, 1:1 threads, and
// N:1 coroutines.
inline std::vector<NamedConfig> all_configs() {
  std::vector<NamedConfig> out;
  out.push_back({"mn/1", {.procs = 1}});
  out.push_back({"mn/4", {.procs = 4}});
  out.push_back({"threads", {.procs = 2, .mode = rt::Mode::Threads}});
  out.push_back({"coroutines", {.procs = 1, .mode = rt::Mode::Coroutines}});
  out.push_back({"sim/1", {.procs = 1, .mode = rt::Mode::Sim, .seed = 7}});
  out.push_back({"sim/4", {.procs = 4, .mode = rt::Mode::Sim, .seed = 8}});
  return out;
}

// Scales loop counts in stress tests: GOPARK_STRESS=0.1 under sanitizers and wasm keeps them quick.
inline double stress_scale() {
  const char* s = std::getenv("GOPARK_STRESS");
  double v = s ? std::atof(s) : 1.0;
  return v > 0 ? v : 1.0;
}
inline int scaled(int n) {
  int v = int(n * stress_scale());
  return v < 1 ? 1 : v;
}

// How many goroutines are parked on a channel, as a snapshot sees it: (senders, receivers).
inline std::pair<size_t, size_t> parked_on(const rt::Channel* c) {
  auto snap = co::detail::self().runtime->snapshot();
  for (auto& info : snap.channels) {
    if (info.id == c->object_id()) return {info.senders.size(), info.receivers.size()};
  }
  return {0, 0};
}

// Sleeps in small steps until pred() holds (for tests that must wait for goroutines to park).
template <class Pred>
co::Task<> wait_until(Pred pred) {
  while (!pred()) co_await co::sleep(std::chrono::microseconds(200));
}

// True when n goroutines besides the caller are parked (Waiting).
inline bool others_waiting(size_t n) {
  auto snap = co::detail::self().runtime->snapshot();
  size_t waiting = 0;
  for (auto& g : snap.goroutines) waiting += g.state == uint8_t(rt::GState::Waiting);
  return waiting == n;
}

#ifdef __EMSCRIPTEN__
inline constexpr bool kWasm = true;
#else
inline constexpr bool kWasm = false;
#endif

}  // namespace gopark::test
