// race (race.hpp): vector clocks, slots, and FastTrack's read and write rules.
#include "runtime/race.hpp"
#include "runtime/runtime.hpp"

#include <algorithm>
#include <cstdlib>

namespace gopark::rt::race {

void VectorClock::join(const VectorClock& o) {
  if (o.c_.size() > c_.size()) c_.resize(o.c_.size(), 0);
  for (std::size_t i = 0; i < o.c_.size(); ++i) c_[i] = std::max(c_[i], o.c_[i]);
}

void SyncClock::release(Thread& t) {
  {
    SpinGuard g(lock_);
    vc_.join(t.vc);
  }
  t.tick();
}

void SyncClock::acquire(Thread& t) {
  SpinGuard g(lock_);
  t.vc.join(vc_);
}

VectorClock SyncClock::get() const {
  SpinGuard g(lock_);
  return vc_;
}

void SyncClock::acq_rel(Thread& t) {
  {
    SpinGuard g(lock_);
    t.vc.join(vc_);
    vc_.join(t.vc);
  }
  t.tick();
}

namespace {
std::atomic<uint64_t> detectors{0};
// The region a thread touched last (Detector::cell_of), tagged with its Detector's id.
struct RegionCache {
  uint64_t detector = 0;
  uintptr_t key = 0;
  void* cells = nullptr;
};
thread_local RegionCache region_cache;
}  // namespace

Detector::Detector() : id_(detectors.fetch_add(1) + 1), shards_(new Shard[kShards]) {
  final_.push_back(0);  // kOutsideSlot: never a goroutine's
}

Detector::~Detector() {
  for (auto& [key, cells] : regions_) {
    for (std::size_t i = 0; i < kRegionWords; ++i) delete cells[i].more;
    std::free(cells);
  }
}

Thread Detector::outside(const SyncClock& knows) {
  Thread t;
  t.slot = kOutsideSlot;
  t.vc = knows.get();
  t.vc.set(kOutsideSlot, t.vc.get(kOutsideSlot) + 1);
  return t;
}

Detector::Cell* Detector::cell_of(uintptr_t word) {
  const uintptr_t key = word >> kRegionBits;
  RegionCache& c = region_cache;
  if (c.detector != id_ || c.key != key || !c.cells) {
    Cell* cells;
    {
      std::lock_guard lock(regions_mutex_);
      Cell*& r = regions_[key];
      // Zeroed (an empty Cell is all zero); calloc maps a region this size in as it is touched.
      if (!r) r = static_cast<Cell*>(std::calloc(kRegionWords, sizeof(Cell)));
      if (!r) internal_error("race: out of memory for shadow memory");
      cells = r;
    }
    c = {id_, key, cells};
  }
  return static_cast<Cell*>(c.cells) + ((word >> 3) & (kRegionWords - 1));
}

bool Detector::take_slot(Thread& child) {
  std::lock_guard lock(slots_mutex_);
  if (live_ >= kMaxLive) return false;
  ++live_;
  // A free slot whose old occupant's events the child (its parent) knows all of; the latest freed
  // first, the most likely to have been joined. A bounded search: the list can be long.
  auto pick = free_.end();
  const std::size_t tries = std::min<std::size_t>(free_.size(), 64);
  for (std::size_t i = 0; i < tries; ++i) {
    auto it = free_.end() - std::ptrdiff_t(i + 1);
    if (child.vc.get(*it) >= final_[*it]) {
      pick = it;
      break;
    }
  }
  if (pick == free_.end() && final_.size() >= kMaxSlots && !free_.empty()) pick = free_.begin();  // imprecise
  if (pick != free_.end()) {
    child.slot = *pick;
    free_.erase(pick);
  } else {
    child.slot = Slot(final_.size());
    final_.push_back(0);
  }
  // The slot's clock goes on from its last occupant's: epochs never repeat.
  child.vc.set(child.slot, std::max(child.vc.get(child.slot), final_[child.slot]) + 1);
  child.accessed = false;
  return true;
}

bool Detector::start(Thread& t, uint64_t gid) {
  t.vc = VectorClock();
  t.gid = gid;
  return take_slot(t);
}

bool Detector::go(Thread& parent, Thread& child, uint64_t child_gid) {
  child.vc = parent.vc;
  child.gid = child_gid;
  if (!take_slot(child)) return false;
  parent.tick();
  return true;
}

void Detector::end(Thread& t) {
  std::lock_guard lock(slots_mutex_);
  final_[t.slot] = std::max(final_[t.slot], t.last());
  free_.push_back(t.slot);
  --live_;
}

bool Detector::access(Thread& t, uintptr_t addr, unsigned size, bool write, Site site, Race* race, bool atomic) {
  const uintptr_t word = addr & ~uintptr_t(7);
  const unsigned offset = unsigned(addr - word);
  if (offset + size > 8) return range(t, addr, size, write, site, race);  // unaligned: split it
  const uint8_t mask = uint8_t(((1u << size) - 1) << offset);
  return word_access(t, word, mask, addr, write, site, race, atomic);
}

SyncClock& Detector::atomic_clock(uintptr_t addr) {
  Shard& sh = shard_of(addr);
  SpinGuard g(sh.lock);
  std::unique_ptr<SyncClock>& c = sh.atomics[addr];
  if (!c) {
    c = std::make_unique<SyncClock>();
    atomics_.fetch_add(1, std::memory_order_relaxed);
  }
  return *c;
}

namespace {

// A cell's lock byte.
struct CellGuard {
  uint8_t& lock;
  explicit CellGuard(uint8_t& l) : lock(l) {
    while (__atomic_exchange_n(&lock, uint8_t(1), __ATOMIC_ACQUIRE)) {
      while (__atomic_load_n(&lock, __ATOMIC_RELAXED)) {
      }
    }
  }
  ~CellGuard() { __atomic_store_n(&lock, uint8_t(0), __ATOMIC_RELEASE); }
};

}  // namespace

bool Detector::word_access(Thread& t, uintptr_t word, uint8_t mask, uintptr_t addr, bool write, Site site,
                           Race* race, bool atomic) {
  t.accessed = true;
  const Epoch now = t.epoch();
  const uint8_t flags = uint8_t((write ? kWrite : 0) | (atomic ? kAtomic : 0));
  Cell& c = *cell_of(word);
  CellGuard guard(c.lock);
  Record* const in = c.inline_;
  const std::size_t n_more = c.more ? c.more->size() : 0;
  auto at = [&](std::size_t i) -> Record& { return i < c.n ? in[i] : (*c.more)[i - c.n]; };
  const std::size_t n = c.n + n_more;
  // Done already at this epoch: a record of it covering these bytes, at least as strong.
  for (std::size_t i = 0; i < n; ++i) {
    const Record& r = at(i);
    if (r.clock == now.clock && r.slot == now.slot && (r.mask & mask) == mask &&
        ((r.flags & kWrite) || !write) && (r.flags & kAtomic) == (flags & kAtomic)) {
      return false;
    }
  }
  bool raced = false;
  for (std::size_t i = 0; i < n; ++i) {
    const Record& r = at(i);
    if ((r.mask & mask) && (write || (r.flags & kWrite)) && !(atomic && (r.flags & kAtomic)) &&
        !t.vc.knows(r.epoch())) {
      if (race) *race = {addr, {t.gid, site, write}, {r.gid, r.site, (r.flags & kWrite) != 0}};
      raced = true;
      break;
    }
  }
  // Update: the records this access supersedes lose its bytes (those left with none go); one of
  // the same epoch and flags takes its bytes (and site) instead of a new record.
  bool merged = false;
  std::size_t kept = 0;
  Record keep[2];
  std::vector<Record> rest;
  for (std::size_t i = 0; i < n; ++i) {
    Record r = at(i);
    if (r.clock == now.clock && r.slot == now.slot && r.flags == flags) {
      r.mask |= mask;
      r.site = site;
      merged = true;
    } else if ((write || !(r.flags & kWrite)) && (!atomic || (r.flags & kAtomic)) && t.vc.knows(r.epoch())) {
      r.mask &= uint8_t(~mask);
      if (r.mask == 0) continue;
    }
    if (kept < 2) keep[kept++] = r;
    else rest.push_back(r);
  }
  if (!merged) {
    const Record fresh{now.clock, uint16_t(now.slot), mask, flags, t.gid, site};
    if (kept < 2) keep[kept++] = fresh;
    else rest.push_back(fresh);
  }
  // n and more are also read without the lock (reset: is the cell empty?), hence the atomics.
  for (std::size_t i = 0; i < kept; ++i) in[i] = keep[i];
  __atomic_store_n(&c.n, uint8_t(kept), __ATOMIC_RELAXED);
  if (rest.empty()) {
    delete c.more;
    __atomic_store_n(&c.more, nullptr, __ATOMIC_RELAXED);
  } else if (c.more) {
    c.more->swap(rest);
  } else {
    __atomic_store_n(&c.more, new std::vector<Record>(std::move(rest)), __ATOMIC_RELAXED);
  }
  return raced;
}

bool Detector::range(Thread& t, uintptr_t addr, std::size_t bytes, bool write, Site site, Race* race) {
  bool raced = false;
  const uintptr_t end = addr + bytes;
  for (uintptr_t word = addr & ~uintptr_t(7); word < end; word += 8) {
    const uintptr_t lo = std::max(word, addr), hi = std::min(word + 8, end);
    const uint8_t mask = uint8_t(((1u << (hi - lo)) - 1) << (lo - word));
    Race r;
    if (word_access(t, word, mask, lo, write, site, &r) && !raced) {
      raced = true;
      if (race) *race = r;
    }
  }
  return raced;
}

void Detector::reset(uintptr_t addr, std::size_t bytes) {
  for (uintptr_t w = addr & ~uintptr_t(7); w < addr + bytes; w += 8) {
    Cell& c = *cell_of(w);
    // Never touched: nothing to do, and reading it maps no shadow memory in (a big fresh object).
    if (__atomic_load_n(&c.n, __ATOMIC_RELAXED) == 0 && !__atomic_load_n(&c.more, __ATOMIC_RELAXED)) continue;
    CellGuard guard(c.lock);
    __atomic_store_n(&c.n, uint8_t(0), __ATOMIC_RELAXED);
    delete c.more;
    __atomic_store_n(&c.more, nullptr, __ATOMIC_RELAXED);
  }
  // The clocks of atomic variables in a small object (a big one keeps any: at worst a later
  // atomic access there is ordered after more than it should be, hiding a race, never making one).
  if (bytes > 64 || atomics_.load(std::memory_order_relaxed) == 0) return;
  for (uintptr_t a = addr & ~uintptr_t(3); a < addr + bytes; a += 4) {
    Shard& sh = shard_of(a);
    SpinGuard g(sh.lock);
    if (!sh.atomics.empty()) sh.atomics.erase(a);
  }
}

std::size_t Detector::cells() const {
  std::lock_guard lock(regions_mutex_);
  std::size_t n = 0;
  for (const auto& [key, cells] : regions_) {
    for (std::size_t i = 0; i < kRegionWords; ++i) {
      n += __atomic_load_n(&cells[i].n, __ATOMIC_RELAXED) > 0 || __atomic_load_n(&cells[i].more, __ATOMIC_RELAXED);
    }
  }
  return n;
}

}  // namespace gopark::rt::race
