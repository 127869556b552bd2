// The dashboard's frame time, headless: recorded-style snapshots with 10, 1,000 and 10,000
// goroutines (and 100 channels, 50 locks, 8 Ps, a full timeline) are turned into view-models
// (the sampler thread's work) and drawn by the real App into Dear ImGui draw lists (the UI
// thread's work, everything but the GPU). Prints milliseconds per frame; 16.7 ms is 60 fps.
//
//   dashboard_bench [--frames N]
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "model/view_model.hpp"
#include "session/session.hpp"
#include "ui/app.hpp"

namespace {

using namespace gopark;

// A busy program's snapshot: g goroutines in every state, waiting on channels and locks.
trace::Snapshot make_snapshot(int goroutines) {
  trace::Snapshot s;
  s.time_ns = 5'000'000'000;
  s.gomaxprocs = 8;
  s.running = true;
  for (int i = 0; i < goroutines; ++i) {
    trace::GoroutineInfo g;
    g.id = std::uint64_t(i + 1);
    g.state = std::uint8_t(i % 5);
    if (g.state == 3) {
      g.wait_reason = std::uint8_t(1 + i % 3);
      g.wait_object = std::uint64_t(1000 + i % 100);
    }
    g.label = i % 2 ? "main.worker" : "main.main.func1";
    g.line = 10 + i % 40;
    g.created_line = 30;
    g.p = i % 8;
    g.run_ns = std::int64_t(i) * 1000;
    g.switches = std::uint32_t(i % 97);
    s.goroutines.push_back(g);
  }
  for (int p = 0; p < 8; ++p) {
    trace::ProcInfo info;
    info.id = p;
    info.status = 1;
    info.m = p;
    info.running = std::uint64_t(p + 1);
    for (int k = 0; k < 16 && k < goroutines; ++k) info.runq.push_back(std::uint64_t((p * 16 + k) % goroutines + 1));
    info.runq_size = std::uint32_t(goroutines / 8);
    s.procs.push_back(info);
    trace::ThreadInfo t;
    t.id = p;
    t.os_tid = std::uint64_t(4000 + p);
    t.status = 2;
    t.p = p;
    s.threads.push_back(t);
  }
  for (int c = 0; c < 100; ++c) {
    trace::ChannelInfo ch;
    ch.id = std::uint64_t(1000 + c);
    ch.name = "jobs" + std::to_string(c);
    ch.elem_type = "int";
    ch.cap = 4;
    ch.len = std::uint32_t(c % 5);
    for (std::uint32_t k = 0; k < ch.len; ++k) ch.buffer.push_back(std::to_string(k * 7));
    for (int k = 0; k < 5 && k < goroutines; ++k) ch.receivers.push_back({std::uint64_t((c * 5 + k) % goroutines + 1), "", false});
    s.channels.push_back(ch);
  }
  for (int l = 0; l < 50; ++l) {
    trace::LockInfo lock;
    lock.id = std::uint64_t(2000 + l);
    lock.kind = trace::LockInfo::Kind(l % 3);
    lock.holders.push_back(std::uint64_t(l % goroutines + 1));
    for (int k = 0; k < 4 && k < goroutines; ++k) lock.waiters.push_back({std::uint64_t((l * 4 + k) % goroutines + 1), "", k == 0});
    s.locks.push_back(lock);
  }
  return s;
}

// Timeline events: goroutines taking turns on 8 Ps for the last few seconds.
std::vector<trace::Event> make_events(int goroutines) {
  std::vector<trace::Event> events;
  std::int64_t t = 0;
  for (int i = 0; i < 40000; ++i) {
    trace::Event start;
    start.kind = trace::EventKind::GoStart;
    start.ts_ns = t;
    start.g = std::uint64_t(i % goroutines + 1);
    start.p = std::int16_t(i % 8);
    events.push_back(start);
    trace::Event block = start;
    block.kind = trace::EventKind::GoBlock;
    block.ts_ns = t + 90'000;
    block.detail = 1;
    events.push_back(block);
    t += 100'000 / 8;
  }
  return events;
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  int frames = 120;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--frames") == 0) frames = std::max(1, std::atoi(argv[i + 1]));
  }
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1600, 1000);
  io.IniFilename = nullptr;
  unsigned char* pixels;
  int w, h;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the font atlas, as a renderer would
  ImGui::StyleColorsDark();

  std::printf("Dashboard frame time (headless: view-model and ImGui draw lists, no GPU), %d frames each\n", frames);
  std::printf("%-12s %18s %14s %14s\n", "goroutines", "view-model ms", "frame ms", "max frame ms");
  for (int goroutines : {10, 1000, 10000}) {
    trace::Snapshot snapshot = make_snapshot(goroutines);
    auto t0 = std::chrono::steady_clock::now();
    const int builds = 20;
    auto frame = std::make_shared<dash::Frame>();
    for (int i = 0; i < builds; ++i) frame->view = dash::build_view_model(snapshot);
    double build_ms = ms_since(t0) / builds;
    dash::Timeline timeline;
    timeline.add(make_events(goroutines));
    frame->slices = timeline.slices();
    frame->marks = timeline.marks();
    frame->lanes = timeline.lanes();
    frame->now_ms = 5000;

    dash::App app(dash::AppOptions{});
    app.pin_frame(frame);
    double total = 0, worst = 0;
    for (int f = 0; f < frames + 5; ++f) {
      auto start = std::chrono::steady_clock::now();
      io.DeltaTime = 1.0f / 60.0f;
      ImGui::NewFrame();
      app.frame();
      ImGui::Render();
      double ms = ms_since(start);
      if (f >= 5) {  // the first frames lay out windows and fill caches
        total += ms;
        worst = std::max(worst, ms);
      }
    }
    std::printf("%-12d %18.3f %14.3f %14.3f\n", goroutines, build_ms, total / frames, worst);
  }
  ImGui::DestroyContext();
  return 0;
}
