// engine/run: the one compile call and the one settings type every shell uses.
#include <doctest/doctest.h>

#include <limits>

#include "run/compile.hpp"
#include "run/settings.hpp"

using namespace gopark;

TEST_CASE("compile: a good program gives an image and no errors") {
  engine::Compiled c = engine::compile("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(1) }\n", "ok.go");
  REQUIRE(c.image);
  CHECK(c.errors.empty());
  CHECK(c.report.empty());
  CHECK(c.image->files.at(0) == "ok.go");
}

TEST_CASE("compile: errors are sorted, positioned, and reported as go build does") {
  engine::Compiled c = engine::compile("package main\n\nfunc main() {\n\ty := 2\n\tx := 1\n\tundefined()\n}\n", "bad.go");
  CHECK_FALSE(c.image);
  REQUIRE(c.errors.size() == 3);
  CHECK(c.errors[0].pos.line == 4);
  CHECK(c.errors[1].pos.line == 5);
  CHECK(c.errors[2].pos.line == 6);
  CHECK(c.report.rfind("bad.go:4:2: declared and not used: y\n", 0) == 0);
  CHECK(c.report.find("bad.go:6:2: undefined: undefined\n") != std::string::npos);
}

TEST_CASE("compile: more than ten errors end in 'too many errors'") {
  std::string source = "package main\n\nfunc main() {\n";
  for (int i = 0; i < 12; ++i) source += "\tu" + std::to_string(i) + "()\n";
  source += "}\n";
  engine::Compiled c = engine::compile(source, "many.go");
  CHECK(c.errors.size() == 12);
  CHECK(c.report.find("many.go:14:2: too many errors\n") != std::string::npos);
}

TEST_CASE("compile: text that is not Go is an error, never a crash") {
  for (const char* source : {"", "\xff\xfe", "package", "package main\nfunc main() {", "package p\n"}) {
    engine::Compiled c = engine::compile(source, "junk.go");
    CHECK_FALSE(c.image);
    CHECK_FALSE(c.errors.empty());
    CHECK(c.report.rfind("junk.go:", 0) == 0);
  }
}

TEST_CASE("RunSettings::set takes every setting by name, within its limits") {
  engine::RunSettings s;
  CHECK(s.set("procs", "1") == "");
  CHECK(s.procs == 1);
  CHECK(s.set("procs", std::to_string(engine::kMaxProcs)) == "");
  CHECK(s.procs == engine::kMaxProcs);
  CHECK(s.set("mode", "threads") == "");
  CHECK(s.mode == rt::Mode::Threads);
  CHECK(s.set("mode", "2") == "");
  CHECK(s.mode == rt::Mode::Coroutines);
  CHECK(s.set("mode", "goroutines") == "");
  CHECK(s.mode == rt::Mode::MN);
  CHECK(s.set("seed", "18446744073709551615") == "");
  CHECK(s.seed == std::numeric_limits<std::uint64_t>::max());
  CHECK(s.set("speed", "2.5") == "");
  CHECK(s.speed == 2.5);
  CHECK(s.set("memory", "512MiB") == "");
  CHECK(s.memory_limit == std::size_t(512) << 20);
  CHECK(s.set("memory", "1GiB") == "");
  CHECK(s.memory_limit == std::size_t(1) << 30);
}

TEST_CASE("RunSettings::set refuses what is out of range or not a number, and changes nothing") {
  engine::RunSettings s;
  s.procs = 3;
  const engine::RunSettings before = s;
  CHECK(s.set("procs", "0") == "a whole number from 1 to 256");
  CHECK(s.set("procs", "257") != "");
  CHECK(s.set("procs", "-1") != "");
  CHECK(s.set("procs", "4x") != "");
  CHECK(s.set("procs", "") != "");
  CHECK(s.set("mode", "fibers") != "");
  CHECK(s.set("mode", "4") != "");
  CHECK(s.set("seed", "18446744073709551616") != "");  // 2^64
  CHECK(s.set("seed", "-5") != "");
  CHECK(s.set("speed", "-1") != "");
  CHECK(s.set("speed", "nan") != "");
  CHECK(s.set("speed", "inf") != "");
  CHECK(s.set("speed", "2000000") != "");
  CHECK(s.set("memory", "1MiB") != "");     // under the floor
  CHECK(s.set("memory", "1000GiB") != "");  // over the ceiling
  CHECK(s.set("memory", "99999999999999999999TiB") != "");
  CHECK(s.set("memory", "MiB") != "");
  CHECK(s.set("colour", "blue").find("no such setting") == 0);
  CHECK(s.procs == before.procs);
  CHECK(s.mode == before.mode);
  CHECK(s.seed == before.seed);
  CHECK(s.speed == before.speed);
  CHECK(s.memory_limit == before.memory_limit);
}

TEST_CASE("RunSettings: values from code are clamped into the limits on the way to a Machine") {
  engine::RunSettings s;
  s.procs = 100000;
  s.speed = -3;
  s.memory_limit = 1;
  engine::RunSettings c = s.clamped();
  CHECK(c.procs == engine::kMaxProcs);
  CHECK(c.speed == 0);
  CHECK(c.memory_limit == engine::kMinMemoryLimit);
  vm::MachineConfig config = engine::machine_config(s, "prog.go");
  CHECK(config.runtime.procs == engine::kMaxProcs);
  CHECK(config.memory_limit == engine::kMinMemoryLimit);
  REQUIRE(config.args.size() == 1);
  CHECK(config.args[0] == "prog.go");
  engine::RunSettings defaults;
  CHECK(defaults.effective_procs() >= engine::kMinProcs);
  CHECK(defaults.effective_procs() <= engine::kMaxProcs);
}
