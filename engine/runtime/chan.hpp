// Channel: Go's hchan, usable by any front end (the C++ API in api/chan.hpp, the VM).
//
// Design (as Go's chan.go): one lock per channel; a ring buffer of `cap` elements; a queue of parked
// receivers and one of parked senders. A send that finds a parked receiver copies its value straight into
// the receiver's slot; a receive from a full buffered channel with parked senders takes the head of the
// buffer and moves the first sender's value to the tail. So waking a partner never needs a second
// handshake, and FIFO order of waiters is kept as Go keeps it.
//
// Elements are type-erased: an ElemType says how to move, destroy, zero and print a value, so a C++
// Chan<std::string> and the VM's 16-byte values share this code. Values sent by a parked sender stay in the
// sender's storage (its Waiter::elem) until a receiver takes them.
//
// Invariants (under `lock_`):
//  - at least one of sendq_ and recvq_ is empty, except for select waiters that have lost their race
//    (their G already woke on another case) and are waiting to be dequeued;
//  - for buffered channels, recvq_ non-empty implies count_ == 0, and sendq_ non-empty implies
//    count_ == cap_;
//  - closed_ only goes from false to true; a closed channel has no parked senders.
//
// A nil channel is a null Channel*: the operations below take Channel* and implement nil's semantics.
#pragma once

#include <cstddef>
#include <memory>
#include <cstdint>
#include <string>

#include "runtime/object.hpp"
#include "runtime/race.hpp"
#include "runtime/spinlock.hpp"
#include "runtime/waitq.hpp"

namespace gopark::rt {

struct G;

// How to handle one element type. Receive slots are constructed objects (move_assign into them);
// buffer slots are raw storage (move_construct into them, destroy when taken).
struct ElemType {
  const char* name;
  uint32_t size;
  uint32_t align;
  void (*move_construct)(void* dst, void* src);
  void (*move_assign)(void* dst, void* src);
  void (*destroy)(void* p);
  void (*assign_zero)(void* dst);
  // Writes the value at p for snapshots (may be null: shown as "?"). `type` is this ElemType, so
  // one function can serve many element types through `context`.
  void (*format)(const ElemType& type, const void* p, std::string& out);
  bool trivial = false;  // trivially copyable: moves are memcpy and destroy is a no-op (the fast path)
  const void* context = nullptr;  // the format function's (the VM: the element's TypeInfo)
};

class Channel final : public Object {
 public:
  Channel(const ElemType& type, uint32_t cap);
  ~Channel();

  uint32_t cap() const { return cap_; }
  // len(ch): buffered elements. Lock-free read, as Go's (the value may be stale the moment it is read).
  uint32_t len() const { return count_.load(std::memory_order_relaxed); }
  bool closed() const { return closed_.load(std::memory_order_acquire); }
  const ElemType& elem_type() const { return type_; }

  void describe(trace::Snapshot& out) const override;
  // Calls fn(slot, ctx) for each buffered element, oldest first. For a garbage collector that has
  // stopped every goroutine (no operation is in progress, so no lock is taken).
  void visit_buffer(void (*fn)(void* slot, void* ctx), void* ctx) const GOPARK_NO_THREAD_SAFETY_ANALYSIS {
    uint32_t n = count_.load(std::memory_order_relaxed);
    for (uint32_t i = 0, x = recvx_; i < n; ++i, x = x + 1 == cap_ ? 0 : x + 1) fn(slot(x), ctx);
  }

 private:
  friend struct ChanOps;
  const ElemType& type_;
  const uint32_t cap_;
  SpinLock lock_;
  std::atomic<uint32_t> count_{0};  // written under lock_ only
  uint32_t sendx_ GOPARK_GUARDED_BY(lock_) = 0;
  uint32_t recvx_ GOPARK_GUARDED_BY(lock_) = 0;
  std::atomic<bool> closed_{false};  // written under lock_ only
  std::byte* buf_ = nullptr;         // cap_ slots of type_.size bytes
  // Race detector (race.hpp), made on first use under lock_: a clock per buffer slot (the k-th
  // receive happens before the (k+cap)-th send completes: both go through slot k mod cap), and
  // close's (a receive that sees the channel closed happens after the close).
  std::unique_ptr<race::SyncClock[]> race_slots_ GOPARK_GUARDED_BY(lock_);
  race::SyncClock race_close_;
  WaitQueue recvq_ GOPARK_GUARDED_BY(lock_);
  WaitQueue sendq_ GOPARK_GUARDED_BY(lock_);
  std::atomic<uint64_t> sends_{0};
  std::atomic<uint64_t> recvs_{0};

  void* slot(uint32_t i) const { return buf_ + size_t(i) * type_.size; }
};

enum class ChanStatus : uint8_t {
  Done,        // completed
  Parked,      // g queued itself: hand g's thread to the scheduler now (g.handoff == Park)
  WouldBlock,  // block == false and the operation is not ready
  Closed,      // send on a closed channel (panic "send on closed channel")
};

// Sends the value at `elem` (moved from) on c, for goroutine g (null when called from outside any
// goroutine, e.g. a timer; then block must be false). `w` is g's waiter storage, used if it parks.
// After a Parked send resumes, w.success is true if a receiver took the value, false if c was closed
// (panic: "send on closed channel").
ChanStatus chan_send(Channel* c, void* elem, G* g, Waiter* w, bool block);

// Receives from c into `slot` (a constructed value, assigned; null discards). *ok is false when c was
// closed and empty (slot gets the zero value). After a Parked receive resumes, ok is w.success.
ChanStatus chan_recv(Channel* c, void* slot, bool* ok, G* g, Waiter* w, bool block);

enum class CloseStatus : uint8_t { Done, Nil, AlreadyClosed };  // panics: "close of nil channel",
                                                                  // "close of closed channel"
CloseStatus chan_close(Channel* c, G* g);

// ---- select ----

struct SelectCase {
  Channel* chan = nullptr;  // null: a nil channel, never ready
  void* elem = nullptr;     // send: the value; receive: the slot (null discards)
  bool is_send = false;
};

struct SelectOutcome {
  ChanStatus status = ChanStatus::Done;  // Done, Parked, WouldBlock (default case), Closed (send case)
  int index = -1;                        // the case that fired
  bool ok = false;                       // receive cases: false if the channel was closed
};

// Caller-owned storage for one select of n cases (all arrays of n elements), valid until the select
// finishes (across the park).
struct SelectState {
  SelectCase* cases = nullptr;
  Waiter* waiters = nullptr;
  uint16_t* poll_order = nullptr;
  Channel** lock_order = nullptr;
  uint16_t n = 0;
  uint16_t n_locked = 0;  // distinct non-nil channels, in lock_order
  SelectOutcome outcome;  // after a parked select resumes: what fired
};

// Go's selectgo, first half: polls the cases in a uniformly random order and completes the first ready
// one; with `block` false returns WouldBlock if none is (the default case); otherwise queues g on every
// channel and returns Parked. With n == 0 and block, g parks forever (select {}). When a parked select
// resumes, s.outcome holds the result (a send case woken by close panics before the body resumes).
SelectOutcome select_begin(SelectState& s, G& g, bool block);
// Second half, run on g's M when it is woken: dequeues g from the channels that did not fire.
SelectOutcome select_finish(SelectState& s, G& g);

}  // namespace gopark::rt
