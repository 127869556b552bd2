// Seek in a simulated run, as the dashboard's Back and step scrubber do it: dash::Session::seek(k)
// on a run of tests/bench/explore/pingpong.go, timed from the call until the session publishes the
// frame of step k (held there, every panel's data built). Forward seeks go on from where the run
// is; a seek behind runs the program again from its start (what a step back costs).
//
//   seek_bench <pingpong.go>
// Prints milliseconds per seek. Speed is reported, never asserted.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "session/session.hpp"

namespace {

using namespace gopark;
using Clock = std::chrono::steady_clock;

// Seeks to k and waits for the frame held at step >= k; milliseconds, or -1 after 60 s.
double timed_seek(dash::Session& s, std::uint64_t k) {
  const auto start = Clock::now();
  if (!s.seek(k)) return -1;
  while (true) {
    auto f = s.frame();
    if (f && f->held && f->step >= k && s.paused() && !s.stepping()) break;
    if (!s.running() || Clock::now() - start > std::chrono::seconds(60)) return -1;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: seek_bench pingpong.go\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream source;
  source << in.rdbuf();
  dash::Session s;
  dash::RunSettings settings;
  settings.mode = rt::Mode::Sim;
  settings.seed = 1;
  settings.start_paused = true;
  std::vector<dash::SourceError> errors;
  if (!s.start(source.str(), "pingpong.go", settings, errors)) {
    std::fprintf(stderr, "seek_bench: %s does not compile\n", argv[1]);
    return 1;
  }
  std::printf("%-44s %10s\n", "seek (dash::Session, as Back and the scrubber)", "time");
  struct Case {
    const char* what;
    std::uint64_t step;
  };
  const Case cases[] = {
      {"forward to step 1,000", 1000},          {"forward to step 100,000", 100000},
      {"forward to step 1,000,000", 1000000},   {"back to step 999,999 (a step back)", 999999},
      {"back to step 500,000", 500000},         {"back to step 1,000", 1000},
      {"forward to step 1,000,000 again", 1000000},
  };
  for (const Case& c : cases) {
    double ms = timed_seek(s, c.step);
    if (ms < 0) {
      std::printf("%-44s %10s\n", c.what, "failed");
      return 1;
    }
    std::printf("%-44s %7.0f ms\n", c.what, ms);
  }
  s.stop();
  return 0;
}
