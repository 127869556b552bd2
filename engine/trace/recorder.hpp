// Recorder: the trace buffers of one run.
//
// Design: one Sink per writing thread (each M, the timer thread), plus one shared sink behind a mutex for
// calls from outside the runtime (a UI thread changing GOMAXPROCS). A Sink is a list of fixed-size chunks;
// its writer appends to its newest chunk and publishes the count with a release store, so readers (the
// dashboard at 60 Hz, the Chrome exporter) can copy events [0, count) of any chunk without stopping the
// writer. Only linking a new chunk takes the recorder's mutex.
//
// Memory stays bounded: past `max_events`, the oldest full chunks are dropped (under the mutex; a writer
// never touches a full chunk again, and readers copy under the mutex) and their memory is reused for the
// next chunks. Each chunk has a sequence number, so an incremental reader can tell what it has already
// seen and what was dropped.
//
// Chunks are carved from 2 MiB slabs, which Linux is asked to back with huge pages: a simulated replay
// records millions of events in a fraction of a second, and first-touch faults of 4 KiB pages were
// most of its time.
//
// Rejected: a single global ring buffer with an atomic index (every event would contend on one cache
// line across all Ms); per-event locking (too slow for a scheduler's hot path).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "trace/event.hpp"

namespace gopark::trace {

class Recorder;

class Sink {
 public:
  static constexpr uint32_t kChunkEvents = 1024;
  // Single writer. Never blocks except to link a new chunk.
  void emit(const Event& e);

 private:
  friend class Recorder;
  struct Chunk {
    // The events are left uninitialised: slot i is written before `count` publishes it, and nothing
    // reads past `count` (zeroing 40 KB per chunk was most of a simulated replay's time).
    Chunk() {}
    uint64_t seq = 0;
    std::atomic<uint32_t> count{0};
    union {
      Event events[kChunkEvents];
    };
  };
  explicit Sink(Recorder& r) : recorder_(r) {}
  Recorder& recorder_;
  Chunk* current_ = nullptr;  // writer-owned; also listed in the recorder's chunk list
};

class Recorder {
 public:
  explicit Recorder(size_t max_events = 4u << 20);
  ~Recorder();
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  // A new sink for one writing thread; owned by the recorder.
  Sink* new_sink();
  // Emits from any thread (takes a mutex): for calls from outside the runtime.
  void emit_shared(const Event& e);

  // Every retained event, ordered by time.
  std::vector<Event> events() const;
  // What an incremental reader has consumed so far (start with a default-constructed one).
  struct Cursor {
    std::map<uint64_t, uint32_t> consumed;  // chunk seq -> events already read from it
  };
  // Appends to `out` the events this reader has not seen yet (ordered per writing thread, not globally
  // by time) and advances the cursor. A reader that only keeps recent history (the dashboard's
  // timeline) passes `at_most`: when more is new, whole chunks of the oldest new events are passed
  // over, so at most `at_most` come back (a seek in a simulated run makes millions of events at once).
  void read_new(Cursor& cursor, std::vector<Event>& out, size_t at_most = SIZE_MAX) const;
  // How many events were dropped to stay under max_events.
  uint64_t dropped() const;

 private:
  friend class Sink;
  Sink::Chunk* link_chunk(Sink& s);
  Sink::Chunk* new_chunk();  // under mutex_: a reused or fresh chunk, numbered, empty

  static constexpr size_t kSlabBytes = size_t(2) << 20;
  static constexpr size_t kSlabChunks = kSlabBytes / sizeof(Sink::Chunk);

  mutable std::mutex mutex_;
  size_t max_chunks_;
  uint64_t next_seq_ = 1;                     // guarded by mutex_
  std::vector<std::unique_ptr<Sink>> sinks_;  // guarded by mutex_
  std::vector<Sink::Chunk*> chunks_;          // guarded by mutex_; retained chunks, in link order
  std::vector<Sink::Chunk*> free_;            // guarded by mutex_; dropped chunks, to be reused
  std::vector<void*> slabs_;                  // guarded by mutex_; every chunk lives in one of these
  size_t slab_used_ = kSlabChunks;            // guarded by mutex_; chunks carved from the newest slab
  uint64_t dropped_ = 0;                      // guarded by mutex_
  Sink* shared_ = nullptr;                            // written under mutex_
};

}  // namespace gopark::trace
