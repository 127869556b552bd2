#include "trace/recorder.hpp"

#include <algorithm>
#include <cstdlib>
#include <new>

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#endif

namespace gopark::trace {

void Sink::emit(const Event& e) {
  Chunk* c = current_;
  uint32_t n = c ? c->count.load(std::memory_order_relaxed) : kChunkEvents;
  if (n == kChunkEvents) {
    c = recorder_.link_chunk(*this);
    n = 0;
  }
  c->events[n] = e;
  c->count.store(n + 1, std::memory_order_release);
}

Recorder::Recorder(size_t max_events)
    : max_chunks_(std::max<size_t>(4, max_events / Sink::kChunkEvents)) {}

namespace {

// Slabs of finished recorders, for the next ones: a dashboard that replays a simulated run to step
// back makes a recorder per replay, and fresh pages cost more than the recording. Bounded: past
// kCachedSlabs the memory goes back to the system.
class SlabCache {
 public:
  static constexpr size_t kCachedSlabs = 32;  // 64 MiB: the events of a replay to about step 800,000
  void* take() {
    std::lock_guard lock(mutex_);
    if (slabs_.empty()) return nullptr;
    void* slab = slabs_.back();
    slabs_.pop_back();
    return slab;
  }
  void give(void* slab) {
    {
      std::lock_guard lock(mutex_);
      if (slabs_.size() < kCachedSlabs) {
        slabs_.push_back(slab);
        return;
      }
    }
    std::free(slab);
  }

 private:
  std::mutex mutex_;
  std::vector<void*> slabs_;
};

SlabCache& slab_cache() {
  static SlabCache* cache = new SlabCache;  // never destroyed: recorders may outlive static destructors
  return *cache;
}

}  // namespace

Recorder::~Recorder() {
  for (void* slab : slabs_) slab_cache().give(slab);
}

Sink::Chunk* Recorder::new_chunk() {
  Sink::Chunk* c = nullptr;
  if (!free_.empty()) {
    c = free_.back();
    free_.pop_back();
  } else {
    if (slab_used_ == kSlabChunks) {
      void* slab = slab_cache().take();
      if (!slab) {
        slab = std::aligned_alloc(kSlabBytes, kSlabBytes);
        if (!slab) throw std::bad_alloc();
#if defined(__linux__) && !defined(__EMSCRIPTEN__) && defined(MADV_HUGEPAGE)
        madvise(slab, kSlabBytes, MADV_HUGEPAGE);  // advice only: without huge pages it works the same
#endif
      }
      slabs_.push_back(slab);
      slab_used_ = 0;
    }
    c = new (static_cast<Sink::Chunk*>(slabs_.back()) + slab_used_++) Sink::Chunk();
  }
  c->count.store(0, std::memory_order_relaxed);
  c->seq = next_seq_++;
  chunks_.push_back(c);
  return c;
}

Sink* Recorder::new_sink() {
  std::lock_guard lock(mutex_);
  sinks_.push_back(std::unique_ptr<Sink>(new Sink(*this)));
  return sinks_.back().get();
}

void Recorder::emit_shared(const Event& e) {
  std::lock_guard lock(mutex_);
  if (!shared_) {
    sinks_.push_back(std::unique_ptr<Sink>(new Sink(*this)));
    shared_ = sinks_.back().get();
  }
  // Inline version of Sink::emit: we already hold the mutex that link_chunk would take.
  Sink::Chunk* c = shared_->current_;
  uint32_t n = c ? c->count.load(std::memory_order_relaxed) : Sink::kChunkEvents;
  if (n == Sink::kChunkEvents) {
    c = new_chunk();
    shared_->current_ = c;
    n = 0;
  }
  c->events[n] = e;
  c->count.store(n + 1, std::memory_order_release);
}

Sink::Chunk* Recorder::link_chunk(Sink& s) {
  std::lock_guard lock(mutex_);
  // Drop the oldest chunks that no writer is still filling.
  while (chunks_.size() >= max_chunks_) {
    auto it = std::find_if(chunks_.begin(), chunks_.end(), [&](const Sink::Chunk* c) {
      for (const auto& sink : sinks_) {
        if (sink->current_ == c) return false;
      }
      return true;
    });
    if (it == chunks_.end()) break;
    dropped_ += (*it)->count.load(std::memory_order_relaxed);
    free_.push_back(*it);
    chunks_.erase(it);
  }
  Sink::Chunk* c = new_chunk();
  s.current_ = c;
  return c;
}

std::vector<Event> Recorder::events() const {
  std::vector<Event> out;
  {
    std::lock_guard lock(mutex_);
    for (const auto& c : chunks_) {
      uint32_t n = c->count.load(std::memory_order_acquire);
      out.insert(out.end(), c->events, c->events + n);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Event& a, const Event& b) { return a.ts_ns < b.ts_ns; });
  return out;
}

void Recorder::read_new(Cursor& cursor, std::vector<Event>& out, size_t at_most) const {
  std::lock_guard lock(mutex_);
  uint64_t oldest = chunks_.empty() ? next_seq_ : chunks_.front()->seq;
  cursor.consumed.erase(cursor.consumed.begin(), cursor.consumed.lower_bound(oldest));
  // Newest first, to find where the events worth reading start: chunks are linked in time order
  // (each writer's, and across writers closely enough for a bound on history).
  size_t first = 0;
  if (at_most != SIZE_MAX) {
    size_t fresh = 0;
    for (size_t i = chunks_.size(); i-- > 0;) {
      const Sink::Chunk* c = chunks_[i];
      auto it = cursor.consumed.find(c->seq);
      fresh += c->count.load(std::memory_order_acquire) - (it == cursor.consumed.end() ? 0 : it->second);
      if (fresh > at_most) {
        first = i + 1;
        break;
      }
    }
  }
  for (size_t i = 0; i < chunks_.size(); ++i) {
    const Sink::Chunk* c = chunks_[i];
    uint32_t n = c->count.load(std::memory_order_acquire);
    uint32_t& seen = cursor.consumed[c->seq];
    if (i >= first && n > seen) out.insert(out.end(), c->events + seen, c->events + n);
    seen = std::max(seen, n);
  }
}

uint64_t Recorder::dropped() const {
  std::lock_guard lock(mutex_);
  return dropped_;
}

}  // namespace gopark::trace
