// A frame as JSON (dashboard/model/state_json.hpp): valid JSON for awkward text, every part of the
// frame present, states in both vocabularies.
#include <doctest/doctest.h>

#include <string>

#include "model/state_json.hpp"
#include "runtime/g.hpp"
#include "runtime/sched.hpp"

namespace {

namespace dash = gopark::dash;
namespace rt = gopark::rt;
namespace trace = gopark::trace;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("an empty frame is a complete JSON object with empty lists") {
  dash::ViewModel v;
  CHECK(dash::state_json(v) ==
        R"({"step":0,"held":false,"running":false,"time_ms":0.000,"mode":"","gomaxprocs":0,"deadlock":false,"goroutines":[],"procs":[],)"
        R"("global_runq":[],"global_runq_size":0,"threads":[],"channels":[],"locks":[],"races":[]})");
}

TEST_CASE("strings are escaped: quotes, backslashes, control characters; UTF-8 passes through") {
  trace::Snapshot s;
  trace::ChannelInfo c;
  c.id = 7;
  c.name = "a \"quoted\" \\ name\n\twith\x01 control";
  c.elem_type = "string";
  c.buffer = {"héllo, 世界"};
  s.channels = {c};
  std::string json = dash::state_json(dash::build_view_model(s));
  CHECK(contains(json, R"("name":"a \"quoted\" \\ name\n\twith\u0001 control")"));
  CHECK(contains(json, R"("buffer":["héllo, 世界"])"));
}

TEST_CASE("goroutines, Ps, queues, channels and locks all reach the JSON") {
  trace::Snapshot s;
  s.running = true;
  s.gomaxprocs = 2;
  trace::GoroutineInfo main_g;
  main_g.id = 1;
  main_g.state = std::uint8_t(rt::GState::Running);
  main_g.label = "main.main";
  main_g.line = 12;
  main_g.p = 0;
  trace::GoroutineInfo waiter;
  waiter.id = 2;
  waiter.state = std::uint8_t(rt::GState::Waiting);
  waiter.wait_reason = std::uint8_t(rt::WaitReason::ChanSend);
  waiter.wait_object = 5;
  waiter.label = "main.producer";
  s.goroutines = {main_g, waiter};
  trace::ProcInfo p;
  p.id = 0;
  p.status = std::uint8_t(rt::PStatus::Running);
  p.running = 1;
  p.runq = {3, 4};
  p.runq_size = 2;
  s.procs = {p};
  trace::ChannelInfo c;
  c.id = 5;
  c.name = "jobs";
  c.elem_type = "int";
  c.cap = 1;
  c.len = 1;
  c.buffer = {"41"};
  c.senders = {{2, "42", false}};
  s.channels = {c};
  trace::LockInfo mu;
  mu.id = 6;
  mu.name = "mu";
  mu.holders = {1};
  s.locks = {mu};
  std::string json = dash::state_json(dash::build_view_model(s));
  CHECK(contains(json, R"("running":true)"));
  CHECK(contains(json, R"("gomaxprocs":2)"));
  CHECK(contains(json, R"({"id":1,"function":"main.main","state":"running","go_state":"running")"));
  CHECK(contains(json, R"("state":"suspended","go_state":"waiting","wait":"chan send","wait_object":5,)"
                       R"("wait_object_name":"jobs")"));
  CHECK(contains(json, R"("line":12)"));
  CHECK(contains(json, R"("running":1,"runnext":0,"runq":[3,4],"runq_size":2)"));
  CHECK(contains(json, R"("buffer":["41"],"senders":[{"id":2,"value":"42"}],"receivers":[])"));
  CHECK(contains(json, R"({"id":6,"kind":"Mutex","name":"mu","holders":[1])"));
}

TEST_CASE("races: both sides' goroutine, kind and line, and Go's report") {
  dash::ViewModel v;
  v.races.push_back({7, 1, true, false, 14, 20, "WARNING: DATA RACE\n\"quoted\""});
  const std::string j = dash::state_json(v);
  CHECK(contains(j, R"("races":[{"goroutine":7,"write":true,"line":14,"previous_goroutine":1,"previous_write":false,)"
                    R"("previous_line":20,"text":"WARNING: DATA RACE\n\"quoted\""}])"));
}
