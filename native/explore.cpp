// `gopark explore`: a search over simulated schedules (engine/run/explore.hpp), for a terminal.
//
//   gopark explore: 1000 runs of counter.go in 0.31 s (3226 runs/s; 4 Ps; seeds 1 to 1000): 2 outcomes
//
//   outcome 1: 983 runs (98.3%), exit status 0
//     stdout: 2
//     replay: gopark run --mode sim --seed 1 counter.go
//   ...
// With --json, one JSON object per outcome and line instead (engine::outcome_json).
#include <unistd.h>

#include <cstdio>
#include <string>
#include <string_view>

#include "run.hpp"

namespace gopark::native {
namespace {

constexpr int kLinesShown = 8;  // of each outcome's stdout and stderr

// `text` indented under a label, at most kLinesShown lines.
std::string block(const char* label, std::string_view text) {
  std::string s = std::string("  ") + label + ":";
  if (text.empty()) return s + " (nothing)\n";
  int lines = 0;
  bool multi = text.find('\n') != text.size() - 1 && text.find('\n') != std::string_view::npos;
  if (!multi) {
    if (text.back() == '\n') text.remove_suffix(1);
    return s + " " + std::string(text) + "\n";
  }
  s += "\n";
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (lines == kLinesShown) {
      int more = 0;
      for (char c : text) more += c == '\n';
      if (text.back() != '\n') ++more;
      s += "    ... (" + std::to_string(more) + " more lines)\n";
      break;
    }
    s += "    " + std::string(line) + "\n";
    ++lines;
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
  return s;
}

}  // namespace

int explore_program(const ExploreCommand& command) {
  int status = 0;
  auto image = build(command.path, true, status);
  if (!image) return status;
  engine::ExploreOptions options = command.options;
  options.program = command.path;
  const bool live = !command.json && isatty(STDERR_FILENO);
  if (live) {
    options.progress = [&](std::uint64_t done) {
      if (done % 256 == 0) std::fprintf(stderr, "\r%llu runs...", static_cast<unsigned long long>(done));
    };
  }
  engine::Exploration e = engine::explore(image, options);
  if (live) std::fputs("\r              \r", stderr);
  if (command.json) {
    for (const auto& o : e.outcomes) std::printf("%s\n", engine::outcome_json(o).c_str());
    return 0;
  }
  const std::uint64_t first = options.settings.seed;
  if (e.runs == 0) {
    std::printf("gopark explore: no runs of %s (cancelled or no time)\n", command.path.c_str());
    return 0;
  }
  std::printf("gopark explore: %llu runs of %s in %.2f s (%.0f runs/s; %d Ps; seeds %llu to %llu): %zu outcome%s\n",
              static_cast<unsigned long long>(e.runs), command.path.c_str(), e.seconds,
              e.seconds > 0 ? double(e.runs) / e.seconds : 0.0,
              engine::RunSettings{options.settings.procs, rt::Mode::Sim}.effective_procs(),
              static_cast<unsigned long long>(first), static_cast<unsigned long long>(first + e.runs - 1),
              e.outcomes.size(), e.outcomes.size() == 1 ? "" : "s");
  int n = 0;
  for (const auto& o : e.outcomes) {
    std::printf("\noutcome %d: %llu run%s (%.1f%%), exit status %d\n", ++n, static_cast<unsigned long long>(o.count),
                o.count == 1 ? "" : "s", 100.0 * double(o.count) / double(e.runs), o.exit);
    std::fputs(block("stdout", o.out).c_str(), stdout);
    if (!o.err.empty()) std::fputs(block("stderr", o.err).c_str(), stdout);
    std::printf("  replay: gopark run --mode sim --seed %llu%s %s\n", static_cast<unsigned long long>(o.seed),
                command.replay_flags.c_str(), command.path.c_str());
  }
  return 0;
}

}  // namespace gopark::native
