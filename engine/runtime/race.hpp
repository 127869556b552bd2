// race: the happens-before data race detector's core (`gopark run --race`), in the spirit of Go's
// -race (ThreadSanitizer v2) and FastTrack (Flanagan & Freund, PLDI 2009). It knows goroutines,
// synchronisation and 8-byte memory words; it does not know the VM: the VM reports each access
// with an opaque `site` (where the program was: its stack, interned by the VM) and formats reports.
//
// ---- Model ----
// Every goroutine has a *slot* (an index in vector clocks) and a vector clock `vc`: vc[s] is the
// last event of slot s it knows of (happened before its next event); vc[own slot] is its own
// clock. An *epoch* (slot, clock) names one event of one goroutine. An access with epoch e
// happened before the current goroutine's next event iff e.clock <= vc[e.slot].
//   - go f():      child.vc = parent.vc, then the parent ticks (its later events are unknown to
//                  the child).
//   - release(s):  sync.vc joins the goroutine's vc, then the goroutine ticks (unlock, send, Done,
//                  atomic store, ...). acquire(s): the goroutine's vc joins sync.vc (lock,
//                  receive, Wait, atomic load, ...). A read-modify-write does both.
// Memory is tracked in 8-byte words, each with a shadow Cell: a few access *records* (epoch,
// which bytes of the word, read or write, who, where). Byte masks keep goroutines that fill
// neighbouring bytes (a []byte split between workers) apart, as Go's shadow words do. An access
// races with a record of another goroutine that touched one of its bytes, did not happen before
// it, and of which one of the two is a write (FastTrack's rules). The records that happened before
// the new access then lose the bytes it covers (all records if it is a write, the reads if it is
// a read; a record left with no bytes goes): a later access racing with them on those bytes would
// race with the new one too. A record of the same goroutine, epoch and kind takes the new bytes
// instead of a new record. So a cell holds its last writes and the reads since that nobody has
// ordered. The reporter is told both accesses: goroutine ids and sites.
//
// ---- Slots ----
// Vector clocks are dense, one entry per slot, so slots are reused: a goroutine that ends frees
// its slot with its final clock; a new goroutine takes a free slot whose old occupant's every event
// its parent already knows of (parent.vc[s] >= final[s], e.g. joined through a WaitGroup), and
// carries on the slot's clock from there, so epochs never repeat. When no such slot is free, a
// fresh one; past kMaxSlots a free slot anyway (imprecise: a race between the old occupant's last
// unsynchronised accesses and the new occupant's is then missed). More than kMaxLive goroutines
// alive at once end the run as Go's detector does ("race: limit on 8128 simultaneously alive
// goroutines is exceeded, dying").
//
// ---- Threads ----
// A Thread is touched only by its goroutine (and by go(), before the child runs). A SyncClock has
// its own lock. Each shadow Cell has a lock byte, held for one access's check and update. Slots
// are allocated under a mutex.
//
// ---- Memory ----
// A Cell is 64 bytes per word (records beyond two on the heap), in regions of the address space
// the program touched: about 8x the memory it uses (Go documents 5-10x for -race). Memory freed
// and reused by the heap must be reset() at allocation, or the new object would inherit the old
// one's history (false reports).
//
// Rejected: sparse vector clocks (a WaitGroup joined by 100,000 goroutines still makes every later
// clock that large); a shadow array beside each heap span (couples the detector to the heap's
// layout and covers only heap words, not the VM's other storage); a hash map of cells (a cache
// miss or two per access: 20x slower than the direct-mapped regions on a sieve).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "runtime/spinlock.hpp"

namespace gopark::rt::race {

using Clock = uint32_t;
using Slot = uint32_t;
using Site = uint64_t;  // opaque to the detector: where the program was (the VM's stack and pc)

// One event of one slot; clocks start at 1, so {0, 0} is "none".
struct Epoch {
  Slot slot = 0;
  Clock clock = 0;
  bool none() const { return clock == 0; }
  bool operator==(const Epoch&) const = default;
};

class VectorClock {
 public:
  Clock get(Slot s) const { return s < c_.size() ? c_[s] : 0; }
  void set(Slot s, Clock c) {
    if (s >= c_.size()) c_.resize(s + 1, 0);
    c_[s] = c;
  }
  void join(const VectorClock& o);
  bool knows(Epoch e) const { return e.clock <= get(e.slot); }  // e happened before
  std::size_t size() const { return c_.size(); }

 private:
  std::vector<Clock> c_;
};

// A goroutine's part.
struct Thread {
  Slot slot = 0;
  uint64_t gid = 0;  // the goroutine number reports show
  VectorClock vc;
  bool accessed = false;  // an access was made at the current epoch
  Epoch epoch() const { return {slot, vc.get(slot)}; }
  void tick() {
    vc.set(slot, vc.get(slot) + 1);
    accessed = false;
  }
  // Its last event that matters: the current epoch if it made an access, else the one before
  // (the tick after a release of its last access is no event).
  Clock last() const { return accessed ? vc.get(slot) : vc.get(slot) - 1; }
};

// A synchronisation object's clock (a Mutex, a channel or one of its buffer slots, a WaitGroup,
// an atomic word...). Any thread.
class SyncClock {
 public:
  void release(Thread& t);   // this.vc joins t.vc; t ticks
  void acquire(Thread& t);   // t.vc joins this.vc
  void acq_rel(Thread& t);   // both (a read-modify-write, an unbuffered handoff)
  VectorClock get() const;

 private:
  mutable SpinLock lock_;
  VectorClock vc_ GOPARK_GUARDED_BY(lock_);
};

// Synchronisation done by no goroutine: a timer firing (its channel's send, the goroutine
// AfterFunc starts) acts with what was released to its clock when it was started. While a
// thread fires one, `outside` is a Thread made by Detector::outside() for it, and the runtime's
// race_thread(nullptr) (g.hpp) is that Thread. Its slot, Detector::kOutsideSlot, is no
// goroutine's and makes no accesses, so its ticks are nobody's events.
inline thread_local Thread* outside = nullptr;
class OutsideScope {
 public:
  explicit OutsideScope(Thread* t) : saved_(outside) { outside = t; }
  ~OutsideScope() { outside = saved_; }
  OutsideScope(const OutsideScope&) = delete;
  OutsideScope& operator=(const OutsideScope&) = delete;

 private:
  Thread* saved_;
};

// One side of a race: who, at which event, where.
struct Access {
  uint64_t gid = 0;
  Site site = 0;
  bool write = false;
};
struct Race {
  uintptr_t addr = 0;
  Access now, before;  // the access being made, and the earlier one it races with
};

class Detector {
 public:
  static constexpr std::size_t kMaxLive = 8128;    // goroutines alive at once (Go's limit)
  static constexpr std::size_t kMaxSlots = 16384;  // past this, slots are reused imprecisely
  static constexpr Slot kOutsideSlot = 0;           // reserved: see `outside`

  Detector();
  ~Detector();
  Detector(const Detector&) = delete;
  Detector& operator=(const Detector&) = delete;

  // The main goroutine (or any root goroutine: timers' functions run on their own).
  bool start(Thread& t, uint64_t gid);
  // go f(): `child` starts knowing what `parent` knows. False past kMaxLive.
  bool go(Thread& parent, Thread& child, uint64_t child_gid);
  // The goroutine ended: its slot may be reused.
  void end(Thread& t);
  // A Thread for work done on behalf of no goroutine, knowing what `knows` holds (see `outside`).
  static Thread outside(const SyncClock& knows);

  // An access to `size` bytes at `addr` (1, 2, 4 or 8, within one 8-byte word; any thread).
  // True, with `race` filled, when it races with an earlier access; the cell is updated either way.
  bool read(Thread& t, uintptr_t addr, unsigned size, Site site, Race* race) {
    return access(t, addr, size, false, site, race);
  }
  bool write(Thread& t, uintptr_t addr, unsigned size, Site site, Race* race) {
    return access(t, addr, size, true, site, race);
  }
  // A sync/atomic access: it never races with another atomic access, only with plain ones. Its
  // ordering is atomic_clock()'s, which the caller releases before a store and acquires after a load.
  bool atomic_read(Thread& t, uintptr_t addr, unsigned size, Site site, Race* race) {
    return access(t, addr, size, false, site, race, true);
  }
  bool atomic_write(Thread& t, uintptr_t addr, unsigned size, Site site, Race* race) {
    return access(t, addr, size, true, site, race, true);
  }
  // The clock of the atomic variable at `addr` (made on first use, forgotten by reset()).
  SyncClock& atomic_clock(uintptr_t addr);
  // [addr, addr + bytes), any length and alignment: each word's bytes in it (a copy, a clear).
  // The first race found is reported.
  bool read_range(Thread& t, uintptr_t addr, std::size_t bytes, Site site, Race* race) {
    return range(t, addr, bytes, false, site, race);
  }
  bool write_range(Thread& t, uintptr_t addr, std::size_t bytes, Site site, Race* race) {
    return range(t, addr, bytes, true, site, race);
  }
  // [addr, addr + bytes) is fresh memory: no access to it happened yet.
  void reset(uintptr_t addr, std::size_t bytes);

  std::size_t cells() const;  // words with history (for tests and the memory benchmark)

 private:
  // One access, or several of one goroutine at one epoch (their bytes merged).
  struct Record {
    Clock clock = 0;
    uint16_t slot = 0;
    uint8_t mask = 0;   // the bytes of the word it touched
    uint8_t flags = 0;  // kWrite, kAtomic (sync/atomic: no race with another atomic access)
    uint64_t gid = 0;
    Site site = 0;
    Epoch epoch() const { return {slot, clock}; }
  };
  static constexpr uint8_t kWrite = 1, kAtomic = 2;
  // A word's records: two inline, more on the heap (several goroutines' concurrent reads).
  // Invariants: no record is superseded by another (see Model: a record loses the bytes a later
  // access it happened before covers; an atomic one only to atomic accesses); no two records
  // have the same epoch and flags (they merge). All zero is empty: shadow memory starts zeroed.
  struct Cell {
    uint8_t lock = 0;  // a spin lock (__atomic builtins): held for one access's check and update
    uint8_t n = 0;     // records inline (at most 2)
    Record inline_[2];
    std::vector<Record>* more = nullptr;  // the rest, when there are more than 2
  };
  // Shadow memory: a Region shadows 64 KiB of the address space, a Cell per 8-byte word,
  // allocated zeroed on first touch (the OS maps pages in as they are used) and kept for the
  // Detector's life. Regions are found through a map under regions_mutex_, and by each thread's
  // cache of the last one (the common case: the next access is near the last).
  static constexpr unsigned kRegionBits = 16;
  static constexpr std::size_t kRegionWords = std::size_t(1) << (kRegionBits - 3);
  Cell* cell_of(uintptr_t word);
  bool access(Thread& t, uintptr_t addr, unsigned size, bool write, Site site, Race* race, bool atomic = false);
  bool word_access(Thread& t, uintptr_t word, uint8_t mask, uintptr_t addr, bool write, Site site, Race* race,
                   bool atomic = false);
  bool range(Thread& t, uintptr_t addr, std::size_t bytes, bool write, Site site, Race* race);

  static constexpr std::size_t kShards = 64;
  struct Shard {  // sync/atomic variables' clocks, by address
    SpinLock lock;
    std::unordered_map<uintptr_t, std::unique_ptr<SyncClock>> atomics GOPARK_GUARDED_BY(lock);
  };
  Shard& shard_of(uintptr_t addr) { return shards_[(addr >> 2) * 0x9E3779B97F4A7C15ull >> 58]; }
  bool take_slot(Thread& child);  // child.vc: what it knows (its parent's clock)

  const uint64_t id_;  // tells this Detector from a later one at the same address (thread caches)
  mutable std::mutex regions_mutex_;
  std::unordered_map<uintptr_t, Cell*> regions_;  // guarded by regions_mutex_: by addr >> kRegionBits
  std::unique_ptr<Shard[]> shards_;
  std::atomic<std::size_t> atomics_{0};  // atomic clocks made (none: reset() need not look)
  std::mutex slots_mutex_;
  std::vector<Clock> final_;  // guarded by slots_mutex_: per slot, its last occupant's last clock
  std::vector<Slot> free_;    // guarded by slots_mutex_: slots whose occupant ended
  std::size_t live_ = 0;      // guarded by slots_mutex_
};

}  // namespace gopark::rt::race
