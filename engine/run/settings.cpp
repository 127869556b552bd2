// RunSettings (settings.hpp).
#include "run/settings.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace gopark::engine {
namespace {

// A whole decimal number, all of the text.
bool parse_uint(std::string_view text, std::uint64_t& out) {
  if (text.empty()) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

// A finite decimal number, all of the text (std::from_chars for doubles is missing in libc++ 13).
bool parse_number(std::string_view text, double& out) {
  if (text.empty() || text.size() > 64) return false;
  std::string s(text);
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && std::isfinite(out);
}

// GOMEMLIMIT's syntax: bytes, or a number with B, KiB, MiB, GiB or TiB.
bool parse_bytes(std::string_view text, std::uint64_t& out) {
  static constexpr std::pair<std::string_view, int> kUnits[] = {
      {"TiB", 40}, {"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"B", 0}};
  int shift = 0;
  for (auto [unit, bits] : kUnits) {
    if (text.size() > unit.size() && text.substr(text.size() - unit.size()) == unit) {
      text.remove_suffix(unit.size());
      shift = bits;
      break;
    }
  }
  if (!parse_uint(text, out) || out > (std::uint64_t(1) << (63 - shift))) return false;
  out <<= shift;
  return true;
}

std::string whole_number_message(std::uint64_t low, std::uint64_t high) {
  return "a whole number from " + std::to_string(low) + " to " + std::to_string(high);
}

}  // namespace

bool RunSettings::is_setting(std::string_view name) {
  return name == "procs" || name == "mode" || name == "seed" || name == "speed" || name == "memory" ||
         name == "max-steps" || is_switch(name);
}

std::string RunSettings::set(std::string_view name, std::string_view value) {
  std::uint64_t n = 0;
  if (name == "procs") {
    if (!parse_uint(value, n) || n < std::uint64_t(kMinProcs) || n > std::uint64_t(kMaxProcs))
      return whole_number_message(kMinProcs, kMaxProcs);
    procs = int(n);
  } else if (name == "mode") {
    rt::Mode m;
    if (value == "0") m = rt::Mode::MN;
    else if (value == "1") m = rt::Mode::Threads;
    else if (value == "2") m = rt::Mode::Coroutines;
    else if (value == "3") m = rt::Mode::Sim;
    else if (!rt::parse_mode(value, m)) return "mn (or goroutines), threads, coroutines or sim (or 0, 1, 2, 3)";
    mode = m;
  } else if (name == "seed") {
    if (!parse_uint(value, n)) return whole_number_message(0, std::numeric_limits<std::uint64_t>::max());
    seed = n;
  } else if (name == "speed") {
    double v = 0;
    if (!parse_number(value, v) || v < 0 || v > kMaxSpeed)
      return "source lines a second per P, from 0 (full speed) to " + std::to_string(int(kMaxSpeed));
    speed = v;
  } else if (name == "memory") {
    if (!parse_bytes(value, n) || n < kMinMemoryLimit || n > kMaxMemoryLimit)
      return "bytes, or with a unit (512MiB, 2GiB), from " + std::to_string(kMinMemoryLimit >> 20) +
             "MiB to " + std::to_string(std::uint64_t(kMaxMemoryLimit) >> 30) + "GiB";
    memory_limit = std::size_t(n);
  } else if (name == "max-steps") {
    if (!parse_uint(value, n)) return "a whole number of steps (loop iterations and calls); 0: the mode's default";
    max_steps = n;
  } else if (name == "race") {
    if (value == "true" || value == "1" || value == "on") race = true;
    else if (value == "false" || value == "0" || value == "off") race = false;
    else return "true or false (or 1, 0, on, off)";
  } else {
    return "no such setting (procs, mode, seed, speed, memory, max-steps, race)";
  }
  return "";
}

RunSettings RunSettings::clamped() const {
  RunSettings c = *this;
  if (c.procs != 0) c.procs = std::clamp(c.procs, kMinProcs, kMaxProcs);
  if (!(c.speed > 0)) c.speed = 0;  // NaN and negatives: full speed
  c.speed = std::min(c.speed, kMaxSpeed);
  c.memory_limit = std::clamp(c.memory_limit, kMinMemoryLimit, kMaxMemoryLimit);
  return c;
}

int RunSettings::effective_procs() const {
  const int machine = mode == rt::Mode::Sim ? rt::kSimCpus : rt::Runtime::num_cpu();
  return std::clamp(procs > 0 ? procs : machine, kMinProcs, kMaxProcs);
}

std::uint64_t RunSettings::effective_max_steps() const {
  if (max_steps != 0) return max_steps;
  return mode == rt::Mode::Sim ? kSimDefaultMaxSteps : 0;
}

rt::Config runtime_config(const RunSettings& settings) {
  RunSettings s = settings.clamped();
  rt::Config config;
  config.procs = s.procs;
  config.mode = s.mode;
  config.seed = s.seed;
  config.race = s.race;
  return config;
}

vm::MachineConfig machine_config(const RunSettings& settings, const std::string& program_name) {
  RunSettings s = settings.clamped();
  vm::MachineConfig config;
  config.runtime = runtime_config(s);
  config.memory_limit = s.memory_limit;
  config.max_steps = s.effective_max_steps();
  config.args.push_back(program_name);
  return config;
}

}  // namespace gopark::engine
