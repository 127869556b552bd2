// Snapshot: a picture of a running program for a UI, taken from any thread (Runtime::snapshot()).
//
// Plain data with ids and strings only, so it can be copied to another thread, kept, diffed and drawn
// while the program keeps running. It is taken piece by piece (each object under its own lock, goroutine
// fields with relaxed loads), so it is consistent per object but not across objects: a goroutine can
// appear in a channel's queue while its own row already says Runnable. A UI should treat it as one frame
// of a moving system.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gopark::trace {

struct GoroutineInfo {
  uint64_t id = 0;
  uint8_t state = 0;        // GState (states.hpp)
  uint8_t wait_reason = 0;  // WaitReason (states.hpp)
  uint64_t wait_object = 0;
  std::string label;        // function name
  int32_t line = 0;
  int32_t created_line = 0;
  uint64_t parent_id = 0;
  int32_t p = -1;           // P it is on (Running) or last ran on
  int32_t m = -1;
  int64_t run_ns = 0;
  uint32_t switches = 0;
};

struct ProcInfo {
  int32_t id = 0;
  uint8_t status = 0;  // rt::PStatus: 0 idle, 1 running, 2 retiring (past GOMAXPROCS), 3 dead
  int32_t m = -1;
  uint64_t running = 0;   // goroutine id on it, 0 if none
  uint64_t runnext = 0;
  std::vector<uint64_t> runq;  // in order (may be truncated for display)
  uint32_t runq_size = 0;
};

struct ThreadInfo {
  int32_t id = 0;
  uint64_t os_tid = 0;   // the kernel's thread id (a pthread id under Emscripten)
  uint8_t status = 0;    // rt::MStatus: 0 idle, 1 spinning, 2 running
  int32_t p = -1;
  uint64_t running = 0;  // goroutine id, 0 if none
  uint64_t bound = 0;    // threads mode: the goroutine this thread is dedicated to
};

struct WaiterInfo {
  uint64_t goroutine = 0;
  std::string value;     // channel senders: the value being sent
  bool is_writer = false;
};

struct ChannelInfo {
  uint64_t id = 0;
  std::string name;
  std::string elem_type;
  uint32_t cap = 0;
  uint32_t len = 0;
  bool closed = false;
  std::vector<std::string> buffer;  // buffered values, oldest first
  std::vector<WaiterInfo> senders;  // queued to send, in wake order
  std::vector<WaiterInfo> receivers;
  uint64_t sends = 0;
  uint64_t receives = 0;
};

struct LockInfo {
  enum class Kind : uint8_t { Mutex, RWMutex, WaitGroup, Once, Cond };
  uint64_t id = 0;
  Kind kind = Kind::Mutex;
  std::string name;
  std::vector<uint64_t> holders;  // Mutex/RWMutex writer: one; RWMutex readers: if known
  uint32_t readers = 0;           // RWMutex: read holders
  bool writer_waiting = false;    // RWMutex: a writer is queued, so new readers queue too
  int64_t counter = 0;            // WaitGroup counter
  bool done = false;              // Once
  std::vector<WaiterInfo> waiters;
};

struct Snapshot {
  int64_t time_ns = 0;  // since the run started
  uint8_t mode = 0;     // rt::Mode
  int32_t gomaxprocs = 0;
  bool running = false;  // the program has not ended yet
  std::vector<GoroutineInfo> goroutines;  // live goroutines, by id
  std::vector<ProcInfo> procs;
  std::vector<ThreadInfo> threads;
  std::vector<uint64_t> global_runq;
  uint32_t global_runq_size = 0;
  std::vector<ChannelInfo> channels;
  std::vector<LockInfo> locks;
  uint32_t timers = 0;
};

}  // namespace gopark::trace
