// Run queues: a P's local queue (lock-free, stealable) and the global queue (under the scheduler lock).
//
// LocalRunQueue is Go's runq: a 256-slot ring plus a `runnext` slot.
//  - Only the owning P's M pushes (tail is written by the owner alone).
//  - The owner and thieves take from the head with a CAS, so any M may steal half of the ring.
//  - runnext holds the G readied most recently by this P's running G (a channel partner, a new goroutine):
//    it runs next, ahead of the ring, which keeps a ping-pong pair on one P, sharing a time slice.
//
// Why slots are atomics: a thief copies slots [head, head+n) and then CASes head; if the CAS fails it
// discards the copies. Meanwhile the owner may be overwriting slots it has already consumed. Those reads
// race by design and the CAS decides who wins; relaxed atomics make the race well-defined (and TSan-clean).
// The owner publishes a slot before the tail (release), and thieves read the tail with acquire.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>

#include "runtime/g.hpp"

namespace gopark::rt {

class LocalRunQueue {
 public:
  static constexpr uint32_t kSize = 256;

  // Owner only. Returns false if the ring is full (the caller moves half of it to the global queue).
  bool push_back(G* g) {
    uint32_t h = head_.load(std::memory_order_acquire);
    uint32_t t = tail_.load(std::memory_order_relaxed);
    if (t - h >= kSize) return false;
    slots_[t % kSize].store(g, std::memory_order_relaxed);
    tail_.store(t + 1, std::memory_order_release);
    return true;
  }

  // Owner only. Puts g in runnext; returns the G it displaced (to be pushed to the ring), or null.
  G* put_next(G* g) { return next_.exchange(g, std::memory_order_acq_rel); }

  // Owner only: runnext first, then the ring.
  G* pop() {
    if (G* g = next_.exchange(nullptr, std::memory_order_acq_rel)) return g;
    for (;;) {
      uint32_t h = head_.load(std::memory_order_acquire);
      uint32_t t = tail_.load(std::memory_order_relaxed);
      if (t == h) return nullptr;
      G* g = slots_[h % kSize].load(std::memory_order_relaxed);
      if (head_.compare_exchange_weak(h, h + 1, std::memory_order_acq_rel)) return g;
    }
  }

  // Owner only: takes up to half of the ring (at most `max`) into out[]; used when the ring overflows.
  uint32_t pop_half(G** out, uint32_t max) {
    for (;;) {
      uint32_t h = head_.load(std::memory_order_acquire);
      uint32_t t = tail_.load(std::memory_order_relaxed);
      uint32_t n = (t - h) / 2;
      if (n > max) n = max;
      for (uint32_t i = 0; i < n; ++i) out[i] = slots_[(h + i) % kSize].load(std::memory_order_relaxed);
      if (head_.compare_exchange_weak(h, h + n, std::memory_order_acq_rel)) return n;
    }
  }

  // Any M: steals about half of this queue into `into` (which must be empty and owned by the caller),
  // and returns one stolen G to run at once (or null). With steal_next, also takes runnext if the ring
  // is empty.
  G* steal_into(LocalRunQueue& into, bool steal_next) {
    G* batch[kSize / 2];
    uint32_t n = grab(batch, steal_next);
    if (n == 0) return nullptr;
    G* first = batch[0];
    for (uint32_t i = 1; i < n; ++i) into.push_back(batch[i]);  // cannot overflow: into was empty
    return first;
  }

  bool empty() const {
    return head_.load(std::memory_order_acquire) == tail_.load(std::memory_order_acquire) &&
           next_.load(std::memory_order_acquire) == nullptr;
  }
  uint32_t size() const {
    uint32_t h = head_.load(std::memory_order_acquire);
    uint32_t t = tail_.load(std::memory_order_acquire);
    return (t - h) + (next_.load(std::memory_order_acquire) ? 1 : 0);
  }

  // Snapshot support (any thread): the Gs in the ring, approximately (it may be changing).
  template <class F>
  void peek(F&& f, uint32_t max) const {
    uint32_t h = head_.load(std::memory_order_acquire);
    uint32_t t = tail_.load(std::memory_order_acquire);
    for (uint32_t i = h; i != t && i - h < max && i - h < kSize; ++i) {
      if (G* g = slots_[i % kSize].load(std::memory_order_acquire)) f(g);
    }
  }
  G* peek_next() const { return next_.load(std::memory_order_acquire); }

 private:
  uint32_t grab(G** out, bool steal_next) {
    for (;;) {
      uint32_t h = head_.load(std::memory_order_acquire);
      uint32_t t = tail_.load(std::memory_order_acquire);
      uint32_t n = t - h;
      n = n - n / 2;
      if (n == 0) {
        if (!steal_next) return 0;
        G* g = next_.load(std::memory_order_acquire);
        if (!g || !next_.compare_exchange_strong(g, nullptr, std::memory_order_acq_rel)) return 0;
        out[0] = g;
        return 1;
      }
      if (n > kSize / 2) continue;  // read an inconsistent head/tail pair; retry
      for (uint32_t i = 0; i < n; ++i) out[i] = slots_[(h + i) % kSize].load(std::memory_order_relaxed);
      if (head_.compare_exchange_weak(h, h + n, std::memory_order_acq_rel)) return n;
    }
  }

  alignas(64) std::atomic<uint32_t> head_{0};
  alignas(64) std::atomic<uint32_t> tail_{0};
  std::atomic<G*> next_{nullptr};
  std::array<std::atomic<G*>, kSize> slots_{};
};

// A FIFO of Gs linked through G::schedlink. Not thread-safe: the global run queue lives under the
// scheduler lock, and objects collect the Waiting Gs to ready after releasing their own lock in one
// (a Waiting G uses its schedlink for nothing else).
class GQueue {
 public:
  bool empty() const { return head_ == nullptr; }
  uint32_t size() const { return size_; }
  void push_back(G* g) {
    g->schedlink = nullptr;
    if (tail_) tail_->schedlink = g; else head_ = g;
    tail_ = g;
    ++size_;
  }
  G* pop_front() {
    G* g = head_;
    if (!g) return nullptr;
    head_ = g->schedlink;
    if (!head_) tail_ = nullptr;
    g->schedlink = nullptr;
    --size_;
    return g;
  }
  template <class F>
  void for_each(F&& f) const {
    for (G* g = head_; g; g = g->schedlink) f(g);
  }

 private:
  G* head_ = nullptr;
  G* tail_ = nullptr;
  uint32_t size_ = 0;
};

}  // namespace gopark::rt
