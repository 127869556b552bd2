// race (race.hpp): vector clocks, slots, and FastTrack's read and write rules.
#include "runtime/race.hpp"

#include <algorithm>

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

Detector::Detector() : shards_(new Shard[kShards]) {
  final_.push_back(0);  // kOutsideSlot: never a goroutine's
}

Thread Detector::outside(const SyncClock& knows) {
  Thread t;
  t.slot = kOutsideSlot;
  t.vc = knows.get();
  t.vc.set(kOutsideSlot, t.vc.get(kOutsideSlot) + 1);
  return t;
}
Detector::~Detector() = default;

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
  Shard& sh = shard_of(addr & ~uintptr_t(7));
  SpinGuard g(sh.lock);
  std::unique_ptr<SyncClock>& c = sh.atomics[addr];
  if (!c) c = std::make_unique<SyncClock>();
  return *c;
}

bool Detector::word_access(Thread& t, uintptr_t word, uint8_t mask, uintptr_t addr, bool write, Site site,
                           Race* race, bool atomic) {
  t.accessed = true;
  const Epoch now = t.epoch();
  Shard& sh = shard_of(word);
  SpinGuard g(sh.lock);
  Cell& c = sh.cells[word];
  for (const Record& r : c) {  // done already at this epoch
    if (r.epoch == now && (r.mask & mask) == mask && (r.write || !write) && r.atomic == atomic) return false;
  }
  bool raced = false;
  for (const Record& r : c) {
    if ((r.mask & mask) && (write || r.write) && !(atomic && r.atomic) && !t.vc.knows(r.epoch)) {
      if (race) *race = {addr, {t.gid, site, write}, {r.gid, r.site, r.write}};
      raced = true;
      break;
    }
  }
  std::erase_if(c, [&](const Record& r) {
    return (r.mask & ~mask) == 0 && (write || !r.write) && (!atomic || r.atomic) && t.vc.knows(r.epoch);
  });
  c.push_back({now, mask, write, atomic, t.gid, site});
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
    Shard& sh = shard_of(w);
    SpinGuard g(sh.lock);
    sh.cells.erase(w);
    if (!sh.atomics.empty()) {
      for (uintptr_t a = w; a < w + 8; a += 4) sh.atomics.erase(a);
    }
  }
}

std::size_t Detector::cells() const {
  std::size_t n = 0;
  for (std::size_t i = 0; i < kShards; ++i) {
    SpinGuard g(shards_[i].lock);
    n += shards_[i].cells.size();
  }
  return n;
}

}  // namespace gopark::rt::race
