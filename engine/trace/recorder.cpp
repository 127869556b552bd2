#include "trace/recorder.hpp"

#include <algorithm>

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

Recorder::~Recorder() = default;

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
    chunks_.push_back(std::make_unique<Sink::Chunk>());
    c = chunks_.back().get();
    c->seq = next_seq_++;
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
    auto it = std::find_if(chunks_.begin(), chunks_.end(), [&](const auto& c) {
      for (const auto& sink : sinks_) {
        if (sink->current_ == c.get()) return false;
      }
      return true;
    });
    if (it == chunks_.end()) break;
    dropped_ += (*it)->count.load(std::memory_order_relaxed);
    chunks_.erase(it);
  }
  chunks_.push_back(std::make_unique<Sink::Chunk>());
  Sink::Chunk* c = chunks_.back().get();
  c->seq = next_seq_++;
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

void Recorder::read_new(Cursor& cursor, std::vector<Event>& out) const {
  std::lock_guard lock(mutex_);
  uint64_t oldest = chunks_.empty() ? next_seq_ : chunks_.front()->seq;
  cursor.consumed.erase(cursor.consumed.begin(), cursor.consumed.lower_bound(oldest));
  for (const auto& c : chunks_) {
    uint32_t n = c->count.load(std::memory_order_acquire);
    uint32_t& seen = cursor.consumed[c->seq];
    if (n > seen) {
      out.insert(out.end(), c->events + seen, c->events + n);
      seen = n;
    }
  }
}

uint64_t Recorder::dropped() const {
  std::lock_guard lock(mutex_);
  return dropped_;
}

}  // namespace gopark::trace
