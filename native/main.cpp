// gopark: the command-line face of the project.
//
//   gopark                 the desktop app (same as `gopark open`)
//   gopark open [prog.go] [--run] [--run-n N] [--speed N] [--steps N] [--screenshot out.ppm] [--frames N] [--print-output]
//   gopark run [--procs N] [--mode mn|threads|coroutines|sim] [--seed S] [--speed N] [--memory M] [--max-steps N] [--race] [--trace out.json] prog.go [args]
//   gopark explore [--runs N] [--time S] [--jobs N] [--json] [--procs N] [--seed S] [--max-steps N] [--memory M] prog.go
//   gopark check prog.go
//   gopark demo [--procs N] [--mode mn|threads|coroutines] [--seed S] [--speed N] [--memory M] [--jobs N] [--trace out.json]
//   gopark version
//
// The run settings (--procs, --mode, --seed, --speed, --memory, --max-steps, --race) and their limits are
// engine::RunSettings' (engine/run/settings.hpp); this file only reads the flags.
//
// The desktop app exists only in builds with the dashboard (GOPARK_DESKTOP, set by CMake when
// Dear ImGui's source, SDL2 and OpenGL were found); elsewhere `open` says how to get it.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "demo.hpp"
#include "desktop.hpp"
#include "run.hpp"

namespace {

constexpr const char* kUsage =
    "usage:\n"
    "  gopark\n"
    "  gopark open [prog.go] [settings] [--run] [--run-n N] [--speed N] [--steps N]\n"
    "              [--screenshot out.ppm] [--frames N] [--print-output] [--frame-stats]\n"
    "              open the desktop app (on prog.go, else the first example); for tests:\n"
    "              --run presses Run at start; --run-n N starts Run xN with N runs;\n"
    "              --speed N runs in slow motion (N lines a second); --steps N starts paused\n"
    "              and presses Step N times;\n"
    "              --screenshot writes the window as a PPM image once\n"
    "              the run has finished (or after --frames N frames) and quits; --frames N alone\n"
    "              quits after N frames; --print-output prints the program's output on exit;\n"
    "              --frame-stats prints how long the frames took.\n"
    "              The UI follows the display's DPI; GOPARK_UI_SCALE=1.5 overrides it\n"
    "  gopark run [settings] [--trace out.json] [--step K] prog.go [args]\n"
    "              compile and run a Go program, like `go run`; --step K (with --mode sim):\n"
    "              stop at step K (K goroutine state changes) and print the state there\n"
    "  gopark explore [settings] [--runs N] [--time S] [--jobs N] [--json] prog.go\n"
    "              run the program under many simulated schedules (seeds S, S+1, ...: 1000\n"
    "              runs, or as many as --time S seconds allow) and print each outcome with\n"
    "              how often it happened and a seed that replays it; --json: one JSON\n"
    "              object per outcome and line; --jobs N: threads (default: one per CPU)\n"
    "  gopark check prog.go\n"
    "              report the program's compile errors, like `go vet`\n"
    "  gopark disasm prog.go\n"
    "              print the program's bytecode\n"
    "  gopark demo [settings] [--jobs N] [--trace out.json]\n"
    "              watch a worker pool run on the goroutine runtime\n"
    "  gopark version\n"
    "settings (run, explore and demo):\n"
    "  --procs N     GOMAXPROCS, 1 to 256 (default: the number of CPUs; 4 in sim mode)\n"
    "  --mode M      mn (goroutines on Ps, the default), threads (1:1), coroutines (N:1),\n"
    "                or sim: simulated and deterministic, the same run every time for a seed\n"
    "  --seed S      the scheduler's randomness, 0 to 2^64-1 (0, the default: a fresh one;\n"
    "                in sim mode the seed is the whole schedule, and 0 is a seed too)\n"
    "  --max-steps N end the run after N loop iterations and calls (default: no limit;\n"
    "                200000000 in sim mode, where time stands still while anything runs)\n"
    "  --speed N     slow motion: N source lines a second per P (0, the default: full speed)\n"
    "  --memory M    the heap's limit: bytes, or 512MiB, 2GiB (16MiB to 64GiB; default 2GiB)\n"
    "  --race        the data race detector, as go run -race: each race reported on stderr as\n"
    "                Go reports it, and exit status 66 if there was one\n";

int usage_error(const std::string& why) {
  std::fprintf(stderr, "gopark: %s\n%s", why.c_str(), kUsage);
  return 2;
}

bool parse_int(const char* s, long long& out) {
  char* end = nullptr;
  out = std::strtoll(s, &end, 10);
  return end && *end == '\0' && end != s;
}

// The flag loop `run` and `demo` share. Every run setting is a flag of both, by its name
// (engine::RunSettings::set: --procs 4, --mode threads, --seed 7, --speed 10, --memory 512MiB);
// `own` takes the command's own flags and returns false for one it does not know. As with Go's
// flag package, -procs works like --procs and --procs=4 like --procs 4. Parsing stops at the first
// argument that is not a flag; returns its index, or -1 after printing what was wrong.
template <typename OwnFlag>
int parse_flags(int argc, char** argv, gopark::engine::RunSettings& settings, const OwnFlag& own) {
  int i = 0;
  for (; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag.size() < 2 || flag[0] != '-') break;
    if (flag.rfind("--", 0) != 0) flag = "-" + flag;
    std::string value;
    if (auto eq = flag.find('='); eq != std::string::npos) {
      value = flag.substr(eq + 1);
      flag.resize(eq);
    } else if (gopark::engine::RunSettings::is_switch(flag.substr(2))) {
      value = "true";  // --race, as go's -race
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      usage_error("missing value after " + flag);
      return -1;
    }
    std::string name = flag.substr(2);
    if (gopark::engine::RunSettings::is_setting(name)) {
      std::string error = settings.set(name, value);
      if (!error.empty()) {
        usage_error("invalid value \"" + value + "\" for flag " + flag + ": " + error);
        return -1;
      }
    } else if (!own(flag, value)) {
      usage_error("bad flag " + flag + " " + value);
      return -1;
    }
  }
  return i;
}

int demo(int argc, char** argv) {
  gopark::native::DemoOptions options;
  options.live = isatty(STDOUT_FILENO);
  int i = parse_flags(argc, argv, options.settings, [&](const std::string& flag, const std::string& value) {
    long long n = 0;
    if (flag == "--jobs" && parse_int(value.c_str(), n) && n >= 1 && n <= 10000) options.jobs = int(n);
    else if (flag == "--trace") options.trace_path = value;
    else return false;
    return true;
  });
  if (i < 0) return 2;
  if (i < argc) return usage_error("demo: unexpected argument " + std::string(argv[i]));
  return gopark::native::run_demo(options);
}

// Flags come before the file; everything after the file goes to the program (os.Args), as with go run.
int run(int argc, char** argv) {
  gopark::native::RunOptions options;
  int i = parse_flags(argc, argv, options.settings, [&](const std::string& flag, const std::string& value) {
    long long n = 0;
    if (flag == "--trace") options.trace_path = value;
    else if (flag == "--step" && parse_int(value.c_str(), n) && n >= 0) options.step = std::uint64_t(n);
    else return false;
    return true;
  });
  if (i < 0) return 2;
  if (options.step != UINT64_MAX && options.settings.mode != gopark::rt::Mode::Sim)
    return usage_error("run: --step needs a simulated run (--mode sim)");
  if (i >= argc) return usage_error("run: no .go file given");
  options.path = argv[i++];
  for (; i < argc; ++i) options.args.emplace_back(argv[i]);
  return gopark::native::run_program(options);
}

// gopark explore [settings] [--runs N] [--time S] [--jobs N] [--json] prog.go
int explore(int argc, char** argv) {
  gopark::native::ExploreCommand command;
  gopark::engine::RunSettings& settings = command.options.settings;
  settings.mode = gopark::rt::Mode::Sim;
  settings.seed = 1;
  bool runs_given = false;
  std::vector<char*> args;  // without --json, the one flag with no value
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--json" || a == "-json") command.json = true;
    else args.push_back(argv[i]);
  }
  int i = parse_flags(int(args.size()), args.data(), settings, [&](const std::string& flag, const std::string& value) {
    long long n = 0;
    char* end = nullptr;
    if (flag == "--runs" && parse_int(value.c_str(), n) && n >= 1) {
      command.options.runs = std::uint64_t(n);
      runs_given = true;
    } else if (flag == "--jobs" && parse_int(value.c_str(), n) && n >= 1 && n <= 1024) {
      command.options.jobs = int(n);
    } else if (flag == "--time" && (command.options.seconds = std::strtod(value.c_str(), &end)) > 0 && *end == '\0') {
    } else {
      return false;
    }
    return true;
  });
  if (i < 0) return 2;
  if (settings.mode != gopark::rt::Mode::Sim) return usage_error("explore: it runs simulated schedules only (--mode sim)");
  if (i >= int(args.size())) return usage_error("explore: no .go file given");
  if (i + 1 != int(args.size())) return usage_error("explore: give one .go file, after the flags");
  command.path = args[std::size_t(i)];
  // --time alone runs until the time is up.
  if (command.options.seconds > 0 && !runs_given) command.options.runs = UINT64_MAX;
  std::string& replay = command.replay_flags;
  if (settings.procs != 0) replay += " --procs " + std::to_string(settings.procs);
  if (settings.max_steps != 0) replay += " --max-steps " + std::to_string(settings.max_steps);
  if (settings.memory_limit != gopark::engine::kDefaultMemoryLimit)
    replay += " --memory " + std::to_string(settings.memory_limit);
  if (settings.race) replay += " --race";
  return gopark::native::explore_program(command);
}

// Flags and the file may come in any order: `gopark open prog.go --run` and `gopark open --run prog.go`.
int open_desktop(int argc, char** argv) {
  gopark::native::DesktopOptions options;
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    long long n = 0;
    if (arg == "--run") {
      options.run_at_start = true;
    } else if (arg == "--print-output") {
      options.print_output = true;
    } else if (arg == "--frame-stats") {
      options.frame_stats = true;
    } else if (arg == "--speed" || arg == "--steps") {
      if (i + 1 >= argc) return usage_error("missing value after " + arg);
      const char* value = argv[++i];
      if (!parse_int(value, n) || n < 0 || n > 1000000) return usage_error("bad flag " + arg + " " + value);
      if (arg == "--speed") options.speed = double(n); else options.steps = int(n);
    } else if (arg == "--screenshot" || arg == "--frames" || arg == "--run-n") {
      if (i + 1 >= argc) return usage_error("missing value after " + arg);
      const char* value = argv[++i];
      if (arg == "--screenshot") {
        options.screenshot_path = value;
      } else if (parse_int(value, n) && n >= 1 && n <= 1000000) {
        (arg == "--frames" ? options.frames : options.batch_runs) = int(n);
      } else {
        return usage_error("bad flag " + arg + " " + value);
      }
    } else if (arg.rfind("--", 0) == 0 && gopark::engine::RunSettings::is_switch(arg.substr(2))) {
      options.settings.emplace_back(arg.substr(2), "true");  // --race
    } else if (arg.rfind("--", 0) == 0 && gopark::engine::RunSettings::is_setting(arg.substr(2))) {
      if (i + 1 >= argc) return usage_error("missing value after " + arg);
      std::string value = argv[++i];
      gopark::engine::RunSettings check;
      std::string error = check.set(arg.substr(2), value);
      if (!error.empty()) return usage_error("invalid value \"" + value + "\" for flag " + arg + ": " + error);
      options.settings.emplace_back(arg.substr(2), value);
    } else if (arg.rfind("-", 0) == 0) {
      return usage_error("bad flag " + arg);
    } else if (options.file.empty()) {
      options.file = arg;
    } else {
      return usage_error("open: give at most one .go file");
    }
  }
#ifdef GOPARK_DESKTOP
  return gopark::native::run_desktop(options);
#else
  std::fputs(
      "gopark: this gopark was built without the desktop app (GOPARK_DASHBOARD off, or Dear ImGui's source,\n"
      "SDL2 or OpenGL missing when it was configured). Run cmake/deps.sh and configure again\n"
      "(`make native`), or just `make play`.\n"
      "`gopark run prog.go` runs a program without it; `gopark help` lists every command.\n",
      stderr);
  return 2;
#endif
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return open_desktop(0, argv + 1);
  std::string command = argv[1];
  if (command == "open") return open_desktop(argc - 2, argv + 2);
  if (command == "demo") return demo(argc - 2, argv + 2);
  if (command == "run") return run(argc - 2, argv + 2);
  if (command == "explore") return explore(argc - 2, argv + 2);
  if (command == "disasm") {
    if (argc != 3) return usage_error("disasm: give one .go file");
    return gopark::native::disassemble_program(argv[2]);
  }
  if (command == "check") {
    if (argc != 3) return usage_error("check: give one .go file");
    return gopark::native::check_program(argv[2]);
  }
  if (command == "version") {
#ifdef GOPARK_DESKTOP
    std::puts("gopark 0.1.0 (with the desktop app)");
#else
    std::puts("gopark 0.1.0 (without the desktop app)");
#endif
    return 0;
  }
  if (command == "help" || command == "-h" || command == "--help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  return usage_error("unknown command " + command);
}
