// The App's API for pages that embed the dashboard (the web shell's window.gopark): examples by
// name, the toolbar's settings, run, stop, exit status, output and the state as JSON. Drawn
// headless.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>

#include <imgui.h>

#include "headless_ui.hpp"
#include "ui/app.hpp"

namespace {

using Headless = gopark::test::HeadlessUi;

// Starts `for {}` and draws frames until the App says it runs.
void run_spinning(Headless& ui, gopark::dash::App& app) {
  app.edit_source("package main\n\nfunc main() {\n\tfor {\n\t}\n}\n");
  ui.frame(app);
  app.run();
  REQUIRE(ui.frames_until(app, [&] { return app.running(); }));
}

}  // namespace

TEST_CASE("an example opened by name runs with the settings given, and its state comes as JSON") {
  Headless ui;
  gopark::dash::App app({});
  CHECK(app.exit_code() == -1);
  CHECK_FALSE(app.open_example("no_such_example"));
  REQUIRE(app.open_example("10_go_keyword"));
  CHECK(app.example_name() == "10_go_keyword");
  CHECK(app.open_example("14_named_anonymous_main.go"));
  CHECK(app.example_name() == "14_named_anonymous_main");
  gopark::engine::RunSettings want;
  want.procs = 3;
  want.mode = gopark::rt::Mode::Threads;
  want.speed = 12;
  want.seed = 7;
  app.set_settings(want);
  gopark::engine::RunSettings c = app.settings();
  CHECK(c.procs == 3);
  CHECK(c.mode == gopark::rt::Mode::Threads);
  CHECK(c.speed == 10);  // the nearest slider stop
  CHECK(c.seed == 7);
  // Values from code are brought within the engine's limits (text is checked before: RunSettings::set).
  want.procs = 100000;
  want.mode = gopark::rt::Mode::MN;
  want.speed = -5;
  want.seed = 0;
  app.set_settings(want);
  CHECK(app.settings().procs == gopark::engine::kMaxProcs);
  CHECK(app.settings().mode == gopark::rt::Mode::MN);
  CHECK(app.settings().speed == 0);
  want.procs = 2;
  app.set_settings(want);

  ui.frame(app);
  app.run();
  REQUIRE(ui.frames_until(app, [&] { return !app.running(); }));
  CHECK(app.exit_code() == 0);
  CHECK(app.output_text().find("named goroutine") != std::string::npos);
  CHECK(app.stdout_text() == app.output_text());  // nothing on stderr, a normal end adds nothing
  std::string state = app.state_json();
  CHECK(state.rfind("{\"step\":", 0) == 0);
  CHECK(state.find("\"held\":false,\"running\":false") != std::string::npos);  // not simulated, and over
  CHECK(state.find("\"function\":\"main.main\"") != std::string::npos);

  // A program loaded from outside is the user's own: a compile error is exit status 1, names it
  // prog.go (not the example it replaced), and the last run's picture is gone.
  app.edit_source("package main\n\nfunc main() {\n\tx := 1\n}\n");
  CHECK(app.example_name().empty());
  app.run();
  CHECK(app.exit_code() == 1);
  CHECK(app.output_text().find("prog.go:4:2: declared and not used: x") != std::string::npos);
  CHECK(app.output_text().find("14_named") == std::string::npos);
  CHECK(app.state_json() == "null");
}

TEST_CASE("stop ends a runaway program and its exit status says stopped") {
  Headless ui;
  gopark::dash::App app({});
  run_spinning(ui, app);
  app.stop();
  REQUIRE(ui.frames_until(app, [&] { return !app.running(); }));
  CHECK(app.exit_code() == -1);
}

TEST_CASE("run while a run is going stops it and starts the new one at a later frame, never waiting") {
  Headless ui;
  gopark::dash::App app({});
  run_spinning(ui, app);
  app.edit_source("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"second\")\n}\n");
  auto t0 = std::chrono::steady_clock::now();
  app.run();  // returns at once: the spinning run is only asked to stop
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(200));
  CHECK(app.running());
  REQUIRE(ui.frames_until(app, [&] { return !app.running(); }));
  CHECK(app.exit_code() == 0);
  CHECK(app.output_text() == "second\n");
}

TEST_CASE("stop also cancels a run that waits for the previous one to end") {
  Headless ui;
  gopark::dash::App app({});
  run_spinning(ui, app);
  const std::uint64_t runs = app.runs();
  app.edit_source("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"second\")\n}\n");
  app.run();   // waits for the spinning run to end...
  app.stop();  // ...and is called off
  REQUIRE(ui.frames_until(app, [&] { return !app.running(); }));
  for (int i = 0; i < 10; ++i) ui.frame(app);
  app.start_pending_run();
  CHECK_FALSE(app.running());
  CHECK(app.runs() == runs);  // the second program never started
  CHECK(app.exit_code() == -1);
}
