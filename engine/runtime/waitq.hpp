// Waiter and WaitQueue: how a parked goroutine sits in a channel's or lock's queue (Go's sudog / waitq).
//
// A Waiter lives in storage owned by the parked goroutine (the awaiter object in a C++ coroutine frame, or
// the VM's goroutine), so parking allocates nothing. It stays valid until the goroutine is resumed.
// A goroutine in `select` has one Waiter per case, all enqueued at once and chained through g_next.
//
// Invariants:
//  - w.queue == &q exactly while w is linked in q; it is only read or written under the lock of the object
//    that owns q.
//  - A G's waiters are reachable from g.waiting while the G is Waiting, so a run that ends can unlink
//    every waiter before destroying the frames that hold them.
#pragma once

#include <cstdint>

namespace gopark::rt {

struct G;
class Channel;
class WaitQueue;

struct Waiter {
  G* g = nullptr;
  WaitQueue* queue = nullptr;  // the queue holding this waiter, or null
  Waiter* prev = nullptr;
  Waiter* next = nullptr;
  Waiter* g_next = nullptr;  // the same G's next waiter (select)
  void* elem = nullptr;      // channel send: the value; receive: the slot to fill (null: discard)
  void* object = nullptr;     // the lock this waiter waits for (Mutex retry)
  uint32_t case_index = 0;   // select: which case this waiter stands for
  bool is_select = false;
  bool success = false;      // channel: completed by a partner (false: by close); locks: handed ownership
  bool is_writer = false;    // RWMutex
  uint64_t ticket = 0;       // Cond: notify-list ticket
  int64_t since_ns = 0;      // when it first queued (Mutex starvation)
};

class WaitQueue {
 public:
  bool empty() const { return first_ == nullptr; }
  Waiter* front() const { return first_; }
  uint32_t size() const { return size_; }

  void push_back(Waiter& w) {
    w.queue = this;
    w.next = nullptr;
    w.prev = last_;
    if (last_) last_->next = &w; else first_ = &w;
    last_ = &w;
    ++size_;
  }
  void push_front(Waiter& w) {
    w.queue = this;
    w.prev = nullptr;
    w.next = first_;
    if (first_) first_->prev = &w; else last_ = &w;
    first_ = &w;
    ++size_;
  }
  void remove(Waiter& w) {
    if (w.prev) w.prev->next = w.next; else first_ = w.next;
    if (w.next) w.next->prev = w.prev; else last_ = w.prev;
    w.prev = w.next = nullptr;
    w.queue = nullptr;
    --size_;
  }
  Waiter* pop_front() {
    Waiter* w = first_;
    if (w) remove(*w);
    return w;
  }
  // Unlinks every waiter (their goroutines are not readied).
  void clear() {
    while (pop_front()) {
    }
  }
  template <class F>
  void for_each(F&& f) const {
    for (Waiter* w = first_; w; w = w->next) f(*w);
  }

 private:
  Waiter* first_ = nullptr;
  Waiter* last_ = nullptr;
  uint32_t size_ = 0;
};

}  // namespace gopark::rt
