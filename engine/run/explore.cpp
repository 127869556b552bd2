// Explore (explore.hpp).
#include "run/explore.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>

#include "trace/json.hpp"
#include "vm/machine.hpp"

namespace gopark::engine {

RunOutput run_captured(const std::shared_ptr<const vm::Image>& image, const RunSettings& settings,
                       const std::string& program) {
  RunOutput r;
  std::mutex mu;  // real modes write from several threads; a simulation from one
  vm::MachineConfig config = machine_config(settings, program);
  config.output.out = [&](std::string_view s) {
    std::lock_guard lock(mu);
    r.out += s;
  };
  config.output.err = [&](std::string_view s) {
    std::lock_guard lock(mu);
    r.err += s;
  };
  rt::RunResult result;
  {
    vm::Machine machine(image, std::move(config));
    machine.set_speed(settings.speed);
    machine.start();
    result = machine.wait();
  }
  r.err += result.go_run_tail();
  r.exit = result.exit_code;
  return r;
}

std::string_view first_line(std::string_view err) {
  // A race detector's report opens with a separator line: the line under it says what it is.
  constexpr std::string_view kSeparator = "==================\n";
  if (err.starts_with(kSeparator) && err.substr(kSeparator.size()).starts_with(vm::kRaceWarning)) {
    return vm::kRaceWarning;
  }
  return err.substr(0, err.find('\n'));
}

namespace {

// What tells outcomes apart (explore.hpp).
struct Key {
  std::string out;
  int exit;
  std::string err_head;
  bool operator<(const Key& o) const {
    return std::tie(exit, out, err_head) < std::tie(o.exit, o.out, o.err_head);
  }
};

}  // namespace

Exploration explore(const std::shared_ptr<const vm::Image>& image, const ExploreOptions& options) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  RunSettings settings = options.settings;
  settings.mode = rt::Mode::Sim;
  settings.speed = 0;
  const std::uint64_t first = settings.seed;
  int jobs = options.jobs > 0 ? options.jobs : int(std::max(1u, std::thread::hardware_concurrency()));
  jobs = int(std::min<std::uint64_t>(std::uint64_t(jobs), std::max<std::uint64_t>(options.runs, 1)));
  const auto deadline = options.seconds > 0
                            ? start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.seconds))
                            : Clock::time_point::max();

  std::mutex mu;  // guards `groups` and `done`
  std::map<Key, Outcome> groups;
  std::uint64_t done = 0;
  std::atomic<std::uint64_t> next{0};
  std::atomic<bool> over{false};

  auto worker = [&](bool reporter) {
    for (;;) {
      if (over.load(std::memory_order_relaxed)) return;
      if ((options.cancel && options.cancel->load(std::memory_order_relaxed)) || Clock::now() >= deadline) {
        over.store(true);
        return;
      }
      const std::uint64_t i = next.fetch_add(1);
      if (i >= options.runs) return;
      RunSettings s = settings;
      s.seed = first + i;
      RunOutput r = run_captured(image, s, options.program);
      std::uint64_t finished;
      {
        std::lock_guard lock(mu);
        if (options.on_run) options.on_run(s.seed, r);
        Key key{r.out, r.exit, std::string(first_line(r.err))};
        auto [it, fresh] = groups.try_emplace(std::move(key));
        Outcome& o = it->second;
        if (fresh || s.seed < o.seed) {
          o.out = std::move(r.out);
          o.err = std::move(r.err);
          o.exit = r.exit;
          o.seed = s.seed;
        }
        ++o.count;
        finished = ++done;
      }
      if (reporter && options.progress) options.progress(finished);
    }
  };
  std::vector<std::thread> threads;
  for (int j = 1; j < jobs; ++j) threads.emplace_back(worker, false);
  worker(true);
  for (auto& t : threads) t.join();

  Exploration e;
  e.runs = done;
  for (auto& [key, o] : groups) e.outcomes.push_back(std::move(o));
  std::sort(e.outcomes.begin(), e.outcomes.end(), [](const Outcome& a, const Outcome& b) {
    return a.count != b.count ? a.count > b.count : a.seed < b.seed;
  });
  e.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return e;
}

std::string outcome_json(const Outcome& o) {
  std::string s = "{\"stdout\":";
  trace::append_json_string(s, o.out);
  s += ",\"stderr\":";
  trace::append_json_string(s, o.err);
  s += ",\"exit\":" + std::to_string(o.exit) + ",\"count\":" + std::to_string(o.count) + ",\"seed\":\"" +
       std::to_string(o.seed) + "\"}";
  return s;
}

}  // namespace gopark::engine
