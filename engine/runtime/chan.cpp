#include "runtime/chan.hpp"
#include "runtime/observed.hpp"

#include <cstdlib>
#include <cstring>
#include <new>

#include "runtime/runq.hpp"
#include "runtime/runtime.hpp"
#include "trace/snapshot.hpp"

namespace gopark::rt {

using trace::EventKind;

Channel::Channel(const ElemType& type, uint32_t cap) : Object(ObjectKind::Channel), type_(type), cap_(cap) {
  if (cap_ > 0) {
    size_t align = type_.align < alignof(std::max_align_t) ? alignof(std::max_align_t) : type_.align;
    buf_ = static_cast<std::byte*>(::operator new(size_t(cap_) * type_.size, std::align_val_t(align)));
  }
}

Channel::~Channel() {
  detach();
  // Goroutines parked here (possible only when the run has ended, or through a dangling C++ reference):
  // unlink them so that teardown never writes into this freed queue.
  recvq_.clear();
  sendq_.clear();
  uint32_t n = count_.load(std::memory_order_relaxed);
  for (uint32_t i = 0; i < n; ++i) type_.destroy(slot((recvx_ + i) % cap_));
  if (buf_) {
    size_t align = type_.align < alignof(std::max_align_t) ? alignof(std::max_align_t) : type_.align;
    ::operator delete(buf_, std::align_val_t(align));
  }
}

// Private access for the operations below.
struct ChanOps {
  // Takes the first waiter that can still be woken. A select waiter whose goroutine already won on
  // another case is dropped here (its CAS on select_done fails), as Go's dequeue does.
  static Waiter* dequeue(WaitQueue& q) {
    while (Waiter* w = q.pop_front()) {
      if (w->is_select) {
        uint32_t expected = 0;
        if (!w->g->select_done.compare_exchange_strong(expected, 1, std::memory_order_acq_rel)) continue;
        w->g->woken_by = w;
      }
      return w;
    }
    return nullptr;
  }

  static void unlock_commit(G&, void* arg) GOPARK_NO_THREAD_SAFETY_ANALYSIS {
    static_cast<Channel*>(arg)->lock_.unlock();
  }

  // A parked sender woken by close panics once it is back on its M, before its body resumes.
  static bool send_resumed(G& g, void* arg) {
    auto* w = static_cast<Waiter*>(arg);
    if (w->success || g.body_recovers) return true;
    g.end_message = "send on closed channel";
    g.handoff = Handoff::Panic;
    return false;
  }

  // The runtime an operation belongs to: the calling goroutine's, or (from a thread outside every
  // goroutine, e.g. a timer) the partner goroutine's. Not the channel's owner: read before taking the
  // lock, it can still be null while a goroutine that attached it is already queued.
  static Runtime* runtime_of(Channel& c, G* g, G* partner) {
    if (g) return g->runtime;
    return partner ? partner->runtime : nullptr;
  }

  static void emit(Runtime* rt, EventKind kind, G* g, Channel& c, int64_t arg) {
    if (rt && rt->tracing()) rt->emit(kind, g ? g->id.load(std::memory_order_relaxed) : 0, c.object_id(), arg);
  }

  // Counters are written only under the channel lock, so a relaxed load + store (no locked RMW) is enough;
  // they are atomics only because snapshots read them without the lock.
  static void bump(std::atomic<uint64_t>& counter) { bump_observed(counter); }
  // Element moves: a plain copy for trivially copyable types (ints, the VM's values), else the type's own.
  static void move_assign(const Channel& c, void* dst, void* src) {
    if (c.type_.trivial) std::memcpy(dst, src, c.type_.size); else c.type_.move_assign(dst, src);
  }
  static void move_construct(const Channel& c, void* dst, void* src) {
    if (c.type_.trivial) std::memcpy(dst, src, c.type_.size); else c.type_.move_construct(dst, src);
  }
  static void destroy(const Channel& c, void* p) {
    if (!c.type_.trivial) c.type_.destroy(p);
  }

  // ---- Race detector edges (race.hpp); nothing without a detector. Caller holds c.lock_. ----
  // A handoff between a running goroutine and a parked partner: each completes after the other
  // began (an unbuffered send and its receive), so each learns what the other knows.
  static void race_handoff(G* running, G* parked) {
    race::Thread* a = race_thread(running);
    race::Thread* b = race_thread(parked);
    if (!a || !b) return;
    a->vc.join(b->vc);
    b->vc.join(a->vc);
    a->tick();
    b->tick();
  }
  // A send into, or a receive from, buffer slot i.
  static void race_slot(Channel& c, uint32_t i, G* g) GOPARK_REQUIRES(c.lock_) {
    race::Thread* t = race_thread(g);
    if (!t) return;
    if (!c.race_slots_) c.race_slots_.reset(new race::SyncClock[c.cap_]);
    c.race_slots_[i].acq_rel(*t);
  }

  // Delivers a sender's value to receiver slot `dst` and completes both sides' bookkeeping.
  // Caller holds c.lock_.
  static void transfer(Channel& c, void* dst, void* src) {
    if (dst) move_assign(c, dst, src);
    bump(c.sends_);
    bump(c.recvs_);
  }

  // Receives from a channel whose sendq head `s` is parked (unbuffered: take its value; full buffer:
  // take the head of the buffer and move s's value to the tail). Caller holds c.lock_.
  static void recv_from_sender(Channel& c, Waiter& s, void* dst, G* self) GOPARK_REQUIRES(c.lock_) {
    if (c.cap_ == 0) {
      race_handoff(self, s.g);
      transfer(c, dst, s.elem);
    } else {
      // The receive takes the head slot; the parked sender's send fills it again after it.
      race_slot(c, c.recvx_, self);
      race_slot(c, c.recvx_, s.g);
      void* head = c.slot(c.recvx_);
      if (dst) move_assign(c, dst, head);
      destroy(c, head);
      move_construct(c, head, s.elem);
      c.recvx_ = c.recvx_ + 1 == c.cap_ ? 0 : c.recvx_ + 1;
      c.sendx_ = c.recvx_;
      bump(c.sends_);
      bump(c.recvs_);
    }
    s.success = true;
  }

  static void buffer_put(Channel& c, void* src, G* self) GOPARK_REQUIRES(c.lock_) {
    race_slot(c, c.sendx_, self);
    move_construct(c, c.slot(c.sendx_), src);
    c.sendx_ = c.sendx_ + 1 == c.cap_ ? 0 : c.sendx_ + 1;
    store_observed(c.count_, c.count_.load(std::memory_order_relaxed) + 1);
    bump(c.sends_);
  }

  static void buffer_take(Channel& c, void* dst, G* self) GOPARK_REQUIRES(c.lock_) {
    race_slot(c, c.recvx_, self);
    void* head = c.slot(c.recvx_);
    if (dst) move_assign(c, dst, head);
    destroy(c, head);
    c.recvx_ = c.recvx_ + 1 == c.cap_ ? 0 : c.recvx_ + 1;
    store_observed(c.count_, c.count_.load(std::memory_order_relaxed) - 1);
    bump(c.recvs_);
  }

  // Tries to complete a send without waiting. Caller holds c.lock_; on Done with a partner, *partner
  // is the G to ready after unlocking.
  static ChanStatus try_send(Channel& c, void* elem, G* self, G** partner) GOPARK_REQUIRES(c.lock_) {
    if (c.closed_.load(std::memory_order_relaxed)) return ChanStatus::Closed;
    if (Waiter* r = dequeue(c.recvq_)) {
      race_handoff(self, r->g);
      transfer(c, r->elem, elem);
      r->success = true;
      *partner = r->g;
      return ChanStatus::Done;
    }
    if (c.count_.load(std::memory_order_relaxed) < c.cap_) {
      buffer_put(c, elem, self);
      return ChanStatus::Done;
    }
    return ChanStatus::WouldBlock;
  }

  static ChanStatus try_recv(Channel& c, void* slot, bool* ok, G* self, G** partner) GOPARK_REQUIRES(c.lock_) {
    if (Waiter* s = dequeue(c.sendq_)) {
      recv_from_sender(c, *s, slot, self);
      *partner = s->g;
      *ok = true;
      return ChanStatus::Done;
    }
    if (c.count_.load(std::memory_order_relaxed) > 0) {
      buffer_take(c, slot, self);
      *ok = true;
      return ChanStatus::Done;
    }
    if (c.closed_.load(std::memory_order_relaxed)) {
      if (race::Thread* t = race_thread(self)) c.race_close_.acquire(*t);
      if (slot) c.type_.assign_zero(slot);
      *ok = false;
      return ChanStatus::Done;
    }
    return ChanStatus::WouldBlock;
  }

  static void close_locked(Channel& c, GQueue& wake, G* self) GOPARK_REQUIRES(c.lock_) {
    if (race::Thread* t = race_thread(self)) c.race_close_.release(*t);
    c.closed_.store(true, std::memory_order_release);
    while (Waiter* r = dequeue(c.recvq_)) {
      if (race::Thread* t = race_thread(r->g)) c.race_close_.acquire(*t);  // parked: on its behalf
      if (r->elem) c.type_.assign_zero(r->elem);
      r->success = false;
      wake.push_back(r->g);
    }
    while (Waiter* s = dequeue(c.sendq_)) {
      s->success = false;
      wake.push_back(s->g);
    }
  }

  static void describe(const Channel& c, trace::Snapshot& out);

  static SpinLock& lock(Channel& c) GOPARK_RETURN_CAPABILITY(c.lock_) { return c.lock_; }
  static WaitQueue& sendq(Channel& c) { return c.sendq_; }
  static WaitQueue& recvq(Channel& c) { return c.recvq_; }
};

ChanStatus chan_send(Channel* c, void* elem, G* g, Waiter* w, bool block) GOPARK_NO_THREAD_SAFETY_ANALYSIS {
  if (!c) {
    if (!block) return ChanStatus::WouldBlock;
    prepare_park(*g, WaitReason::ChanSendNil, 0, nullptr, nullptr, nullptr);
    return ChanStatus::Parked;
  }
  if (g) c->attach(*g->runtime);
  SpinLock& lock = ChanOps::lock(*c);
  lock.lock();
  G* partner = nullptr;
  ChanStatus st = ChanOps::try_send(*c, elem, g, &partner);
  if (st == ChanStatus::WouldBlock && block) {
    // Queue ourselves; the scheduler releases the lock once we are off the CPU (sched.hpp: Parking).
    *w = Waiter{};
    w->g = g;
    w->elem = elem;
    ChanOps::sendq(*c).push_back(*w);
    g->on_resume = &ChanOps::send_resumed;
    g->on_resume_arg = w;
    prepare_park(*g, WaitReason::ChanSend, c->object_id(), &ChanOps::unlock_commit, c, w);
    return ChanStatus::Parked;
  }
  lock.unlock();
  if (st == ChanStatus::Done) {
    Runtime* rt = ChanOps::runtime_of(*c, g, partner);
    ChanOps::emit(rt, EventKind::ChanSend, g, *c, partner != nullptr);
    if (partner) {
      ChanOps::emit(rt, EventKind::ChanRecv, partner, *c, 1);
      partner->runtime->ready(*partner, g);
    }
  }
  return st;
}

ChanStatus chan_recv(Channel* c, void* slot, bool* ok, G* g, Waiter* w, bool block)
    GOPARK_NO_THREAD_SAFETY_ANALYSIS {
  if (!c) {
    if (!block) return ChanStatus::WouldBlock;
    prepare_park(*g, WaitReason::ChanReceiveNil, 0, nullptr, nullptr, nullptr);
    return ChanStatus::Parked;
  }
  // Fast path, as Go's: an empty buffered channel that is not closed cannot be received from now.
  // Emptiness is read before closedness (both acquire; emptying and closing happen in separate critical
  // sections): a channel cannot be reopened, so seeing it open now means it was open when we saw it
  // empty, and we answer as of that moment.
  if (!block && c->cap() > 0 && c->len() == 0 && !c->closed()) return ChanStatus::WouldBlock;
  if (g) c->attach(*g->runtime);
  SpinLock& lock = ChanOps::lock(*c);
  lock.lock();
  G* partner = nullptr;
  ChanStatus st = ChanOps::try_recv(*c, slot, ok, g, &partner);
  if (st == ChanStatus::WouldBlock && block) {
    *w = Waiter{};
    w->g = g;
    w->elem = slot;
    ChanOps::recvq(*c).push_back(*w);
    prepare_park(*g, WaitReason::ChanReceive, c->object_id(), &ChanOps::unlock_commit, c, w);
    return ChanStatus::Parked;
  }
  lock.unlock();
  if (st == ChanStatus::Done) {
    Runtime* rt = ChanOps::runtime_of(*c, g, partner);
    ChanOps::emit(rt, EventKind::ChanRecv, g, *c, *ok);
    if (partner) {
      ChanOps::emit(rt, EventKind::ChanSend, partner, *c, 1);
      partner->runtime->ready(*partner, g);
    }
  }
  return st;
}

CloseStatus chan_close(Channel* c, G* g) {
  if (!c) return CloseStatus::Nil;
  if (g) c->attach(*g->runtime);
  GQueue wake;
  {
    SpinGuard guard(ChanOps::lock(*c));
    if (c->closed()) return CloseStatus::AlreadyClosed;
    ChanOps::close_locked(*c, wake, g);
  }
  ChanOps::emit(g ? g->runtime : c->owner(), EventKind::ChanClose, g, *c, 0);
  while (G* w = wake.pop_front()) w->runtime->ready(*w, g);
  return CloseStatus::Done;
}

// ---- select ----

namespace {

void lock_all(SelectState& s) GOPARK_NO_THREAD_SAFETY_ANALYSIS {
  for (uint16_t i = 0; i < s.n_locked; ++i) ChanOps::lock(*s.lock_order[i]).lock();
}

void unlock_all(SelectState& s) GOPARK_NO_THREAD_SAFETY_ANALYSIS {
  for (uint16_t i = s.n_locked; i > 0; --i) ChanOps::lock(*s.lock_order[i - 1]).unlock();
}

void select_commit(G&, void* arg) { unlock_all(*static_cast<SelectState*>(arg)); }

// After a parked select is woken: dequeue from the other channels, then decide. A send case woken by
// close panics here, before the body resumes.
bool select_resumed(G& g, void* arg) {
  auto& s = *static_cast<SelectState*>(arg);
  s.outcome = select_finish(s, g);
  if (s.outcome.status == ChanStatus::Closed && !g.body_recovers) {
    g.end_message = "send on closed channel";
    g.handoff = Handoff::Panic;
    return false;
  }
  return true;
}

}  // namespace

SelectOutcome select_begin(SelectState& s, G& g, bool block) GOPARK_NO_THREAD_SAFETY_ANALYSIS {
  Runtime& rt = *g.runtime;
  const uint16_t n = s.n;
  // Poll order: a uniformly random permutation (Fisher-Yates, inside-out), so that among ready cases
  // each is chosen with equal probability.
  for (uint16_t i = 0; i < n; ++i) {
    uint16_t j = uint16_t(rt.rand32() % (i + 1u));
    s.poll_order[i] = s.poll_order[j];
    s.poll_order[j] = i;
  }
  // Lock order: distinct channels by address, so two selects over the same channels cannot deadlock.
  s.n_locked = 0;
  for (uint16_t i = 0; i < n; ++i) {
    Channel* c = s.cases[i].chan;
    if (!c) continue;
    c->attach(rt);
    uint16_t k = s.n_locked;
    bool dup = false;
    while (k > 0 && s.lock_order[k - 1] >= c) {
      if (s.lock_order[k - 1] == c) { dup = true; break; }
      --k;
    }
    if (dup) continue;
    for (uint16_t m = s.n_locked; m > k; --m) s.lock_order[m] = s.lock_order[m - 1];
    s.lock_order[k] = c;
    ++s.n_locked;
  }
  lock_all(s);

  SelectOutcome out;
  for (uint16_t k = 0; k < n; ++k) {
    uint16_t i = s.poll_order[k];
    SelectCase& sc = s.cases[i];
    if (!sc.chan) continue;
    G* partner = nullptr;
    bool ok = false;
    ChanStatus st = sc.is_send ? ChanOps::try_send(*sc.chan, sc.elem, &g, &partner)
                               : ChanOps::try_recv(*sc.chan, sc.elem, &ok, &g, &partner);
    if (st == ChanStatus::WouldBlock) continue;
    unlock_all(s);
    out.status = st;
    out.index = i;
    out.ok = ok;
    if (st == ChanStatus::Done) {
      ChanOps::emit(&rt, sc.is_send ? EventKind::ChanSend : EventKind::ChanRecv, &g, *sc.chan,
                    sc.is_send ? partner != nullptr : ok);
      if (partner) {
        ChanOps::emit(&rt, sc.is_send ? EventKind::ChanRecv : EventKind::ChanSend, partner, *sc.chan, 1);
        rt.ready(*partner, &g);
      }
    }
    return out;
  }
  if (!block) {
    unlock_all(s);
    out.status = ChanStatus::WouldBlock;
    return out;
  }
  // Queue a waiter on every channel; the first partner to CAS g.select_done wins.
  g.select_done.store(0, std::memory_order_relaxed);
  g.woken_by = nullptr;
  Waiter* chain = nullptr;
  for (uint16_t i = 0; i < n; ++i) {
    SelectCase& sc = s.cases[i];
    if (!sc.chan) continue;
    Waiter& w = s.waiters[i];
    w = Waiter{};
    w.g = &g;
    w.is_select = true;
    w.case_index = i;
    w.elem = sc.elem;
    (sc.is_send ? ChanOps::sendq(*sc.chan) : ChanOps::recvq(*sc.chan)).push_back(w);
    w.g_next = chain;
    chain = &w;
  }
  g.on_resume = &select_resumed;
  g.on_resume_arg = &s;
  prepare_park(g, n == 0 ? WaitReason::SelectNoCases : WaitReason::Select, 0, &select_commit, &s, chain);
  out.status = ChanStatus::Parked;
  return out;
}

SelectOutcome select_finish(SelectState& s, G& g) {
  lock_all(s);
  Waiter* won = g.woken_by;
  for (Waiter* w = g.waiting; w; w = w->g_next) {
    if (w != won && w->queue) w->queue->remove(*w);
  }
  g.waiting = nullptr;
  g.woken_by = nullptr;
  unlock_all(s);
  if (!won) internal_error("select woke up without a winning case");
  SelectOutcome out;
  out.index = int(won->case_index);
  if (s.cases[out.index].is_send) {
    out.status = won->success ? ChanStatus::Done : ChanStatus::Closed;
  } else {
    out.status = ChanStatus::Done;
    out.ok = won->success;
  }
  return out;
}

// ---- snapshots ----

void ChanOps::describe(const Channel& c, trace::Snapshot& out) GOPARK_NO_THREAD_SAFETY_ANALYSIS {
  trace::ChannelInfo info;
  info.id = c.object_id();
  if (const char* n = c.name()) info.name = n;
  info.elem_type = c.type_.name;
  info.cap = c.cap_;
  info.sends = c.sends_.load(std::memory_order_relaxed);
  info.receives = c.recvs_.load(std::memory_order_relaxed);
  auto fmt = [&](const void* p) {
    std::string s;
    if (c.type_.format && p) c.type_.format(c.type_, p, s); else s = "?";
    return s;
  };
  auto& mc = const_cast<Channel&>(c);
  SpinGuard guard(mc.lock_);
  info.closed = c.closed();
  info.len = c.count_.load(std::memory_order_relaxed);
  for (uint32_t i = 0; i < info.len; ++i) info.buffer.push_back(fmt(c.slot((c.recvx_ + i) % c.cap_)));
  c.sendq_.for_each([&](const Waiter& w) {
    info.senders.push_back({w.g->id.load(std::memory_order_relaxed), fmt(w.elem), false});
  });
  c.recvq_.for_each([&](const Waiter& w) {
    info.receivers.push_back({w.g->id.load(std::memory_order_relaxed), {}, false});
  });
  out.channels.push_back(std::move(info));
}

void Channel::describe(trace::Snapshot& out) const { ChanOps::describe(*this, out); }

}  // namespace gopark::rt
