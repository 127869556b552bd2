// A goroutine body that is not a C++ coroutine: a tiny interpreter over a list of instructions, driving
// the runtime's core API the way the VM will (its own Waiter storage, its own program counter, returning
// from resume() when an operation parks, polling g.preempt at loop back-edges).
#include <atomic>
#include <memory>
#include <vector>

#include "helpers.hpp"

using namespace gopark;
using namespace gopark::test;
using co::Task;

namespace {

struct Instr {
  enum Op { Send, Recv, Spin, SpinForever, Exit } op;
  rt::Channel* chan = nullptr;
  int64_t value = 0;
};

// Per-goroutine state of the machine: its program, pc, and storage for the values in flight.
struct Machine {
  std::vector<Instr> program;
  size_t pc = 0;
  int64_t reg = 0;           // the value being sent / the value received
  int64_t sum = 0;           // every received value added up
  int64_t spins = 0;
  bool resuming = false;     // the instruction at pc parked and has completed
  rt::Waiter waiter;
  std::atomic<bool>* stop = nullptr;
  bool owned_by_test = false;  // else the goroutine frees it when it ends
};

class MachineBody final : public rt::Body {
 public:
  void resume(rt::G& g) override {
    auto& m = *static_cast<Machine*>(g.body_data);
    for (;;) {
      Instr& in = m.program[m.pc];
      if (m.resuming) {  // the parked operation completed while we were away
        m.resuming = false;
        if (in.op == Instr::Recv) m.sum += m.reg;
        ++m.pc;
        continue;
      }
      switch (in.op) {
        case Instr::Send: {
          m.reg = in.value;
          auto st = rt::chan_send(in.chan, &m.reg, &g, &m.waiter, true);
          if (st == rt::ChanStatus::Parked) return park(m);
          if (st == rt::ChanStatus::Closed) return fail(g, "send on closed channel");
          ++m.pc;
          break;
        }
        case Instr::Recv: {
          bool ok = false;
          if (rt::chan_recv(in.chan, &m.reg, &ok, &g, &m.waiter, true) == rt::ChanStatus::Parked) return park(m);
          m.sum += m.reg;
          ++m.pc;
          break;
        }
        case Instr::Spin:  // a loop of in.value iterations, preemptible at its back-edge
          while (m.spins < in.value) {
            ++m.spins;
            if (g.should_yield()) {
              g.handoff = rt::Handoff::Preempt;
              return;
            }
          }
          m.spins = 0;
          ++m.pc;
          break;
        case Instr::SpinForever:  // Go's `for {}`: only preemption gets the thread back
          for (;;) {
            ++m.spins;
            if (m.stop && m.stop->load(std::memory_order_relaxed)) {
              ++m.pc;
              break;
            }
            if (g.should_yield()) {
              g.handoff = rt::Handoff::Preempt;
              return;
            }
          }
          break;
        case Instr::Exit:
          g.handoff = rt::Handoff::Exit;
          return;
      }
    }
  }
  void destroy(rt::G& g) override {
    auto* m = static_cast<Machine*>(g.body_data);
    if (!m->owned_by_test) delete m;
  }
  void traceback(const rt::G& g, std::string& out) const override {
    auto& m = *static_cast<const Machine*>(g.body_data);
    out += "machine.run(...)\n\tprogram.asm:" + std::to_string(m.pc + 1) + "\n";
  }

 private:
  static void park(Machine& m) { m.resuming = true; }
  static void fail(rt::G& g, const char* message) {
    g.end_message = message;
    g.handoff = rt::Handoff::Panic;
  }
};

MachineBody machine_body;

rt::G* spawn_machine(rt::Runtime& r, Machine* m, const char* label) {
  return r.spawn(machine_body, m, label, rt::current_g());
}

}  // namespace

TEST_CASE("a non-coroutine body shares channels with coroutine goroutines, in every mode") {
  for (auto& named : all_configs()) {
    const rt::Config& config = named.config;
    CAPTURE(named.name);
    rt::Runtime r(config);
    Machine m;
    m.owned_by_test = true;
    auto res = co::run(r, [&]() -> Task<> {
      auto to_machine = co::make_chan<int64_t>();
      auto from_machine = co::make_chan<int64_t>(2);
      for (int i = 1; i <= 10; ++i) {
        m.program.push_back({Instr::Recv, to_machine.core()});
        m.program.push_back({Instr::Spin, nullptr, 1000});
      }
      m.program.push_back({Instr::Send, from_machine.core(), 1});  // "done": the sum is final
      m.program.push_back({Instr::Exit});
      REQUIRE(spawn_machine(r, &m, "machine.run"));
      for (int64_t i = 1; i <= 10; ++i) co_await to_machine.send(i);
      co_await from_machine.recv();
      CHECK(m.sum == 55);
    });
    CHECK(res.kind == rt::ExitKind::MainReturned);
  }
}

TEST_CASE("a body that polls preempt is time-sliced on one P, and `for {}` in it can be stopped") {
  // One P, M:N: the spinning machine must be preempted for main's timer to ever run.
  std::atomic<bool> machine_stop{false};
  auto res = co::run(rt::Config{.procs = 1, .time_slice_ns = 2'000'000}, [&]() -> Task<> {
    auto* m = new Machine;
    m->program = {{Instr::SpinForever}, {Instr::Exit}};
    m->stop = &machine_stop;
    spawn_machine(*co::detail::self().runtime, m, "machine.spin");
    co_await co::sleep(std::chrono::milliseconds(20));
    machine_stop = true;
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);

  for (auto& named : all_configs()) {
    CAPTURE(named.name);
    rt::Runtime r(named.config);
    std::atomic<bool> spawned{false};
    co::start(r, [&]() -> Task<> {
      for (int i = 0; i < 2; ++i) {
        auto* m = new Machine;
        m->program = {{Instr::SpinForever}, {Instr::Exit}};
        spawn_machine(r, m, "machine.spin");
      }
      spawned = true;
      auto never = co::make_chan<int>();
      co_await never.recv();
    });
    // Stop once both spin (a loaded machine, wasm's workers, may take a while to start main).
    for (int waited = 0; !spawned && waited < 20000; ++waited) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    r.stop();
    auto stopped = r.wait();
    CHECK(stopped.kind == rt::ExitKind::Stopped);
    CHECK(stopped.killed == 3);
  }
}

TEST_CASE("the deadlock dump and panics use the body's own traceback") {
  auto dead = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    auto ch = co::make_chan<int64_t>();
    auto* m = new Machine;
    m->program = {{Instr::Spin, nullptr, 10}, {Instr::Recv, ch.core()}, {Instr::Exit}};
    spawn_machine(*co::detail::self().runtime, m, "machine.run");
    co_await ch.recv();
  });
  CHECK(dead.kind == rt::ExitKind::Deadlock);
  CHECK(dead.goroutines.find("goroutine 2 [chan receive]:\nmachine.run(...)\n\tprogram.asm:2\n") != std::string::npos);

  auto panicked = co::run(rt::Config{.procs = 2}, [&]() -> Task<> {
    auto ch = co::make_chan<int64_t>();
    co_await ch.close();
    auto* m = new Machine;
    m->program = {{Instr::Send, ch.core(), 7}, {Instr::Exit}};
    spawn_machine(*co::detail::self().runtime, m, "machine.run");
    co_await co::sleep(std::chrono::hours(1));
  });
  CHECK(panicked.kind == rt::ExitKind::Panic);
  CHECK(panicked.report() == "panic: send on closed channel\n\ngoroutine 2 [running]:\nmachine.run(...)\n\tprogram.asm:1\n");
}
