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

void SyncClock::acq_rel(Thread& t) {
  {
    SpinGuard g(lock_);
    t.vc.join(vc_);
    vc_.join(t.vc);
  }
  t.tick();
}

// Concurrent reads since the last write: one per slot (the latest), with who and where.
struct Detector::SharedReads {
  struct Read {
    Epoch epoch;
    uint32_t site = 0;
    uint64_t gid = 0;
  };
  std::vector<Read> reads;
  void add(Epoch e, uint32_t site, uint64_t gid) {
    for (Read& r : reads) {
      if (r.epoch.slot == e.slot) {
        r = {e, site, gid};
        return;
      }
    }
    reads.push_back({e, site, gid});
  }
};

Detector::Detector() : shards_(new Shard[kShards]) {}
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

bool Detector::read(Thread& t, uintptr_t addr, uint32_t site, Race* race) {
  const uintptr_t word = addr & ~uintptr_t(7);
  t.accessed = true;
  const Epoch now = t.epoch();
  Shard& sh = shard_of(word);
  SpinGuard g(sh.lock);
  Cell& c = sh.cells[word];
  if (!c.reads && c.read == now) return false;  // read already at this epoch
  bool raced = false;
  if (!c.write.none() && !t.vc.knows(c.write)) {  // write-read
    raced = true;
    if (race) *race = {word, {t.gid, site, false}, {c.write_gid, c.write_site, true}};
  }
  if (c.reads) {
    c.reads->add(now, site, t.gid);
  } else if (c.read.none() || t.vc.knows(c.read)) {
    c.read = now;  // ordered after the last read: it alone is enough
    c.read_site = site;
    c.read_gid = t.gid;
  } else {  // two concurrent reads: keep both from now on
    c.reads = std::make_unique<SharedReads>();
    c.reads->add(c.read, c.read_site, c.read_gid);
    c.reads->add(now, site, t.gid);
    c.read = {};
  }
  return raced;
}

bool Detector::write(Thread& t, uintptr_t addr, uint32_t site, Race* race) {
  const uintptr_t word = addr & ~uintptr_t(7);
  t.accessed = true;
  const Epoch now = t.epoch();
  Shard& sh = shard_of(word);
  SpinGuard g(sh.lock);
  Cell& c = sh.cells[word];
  if (c.write == now && !c.reads && c.read.none()) return false;  // written already at this epoch
  bool raced = false;
  auto report = [&](uint64_t gid, uint32_t at, bool was_write) {
    if (!raced && race) *race = {word, {t.gid, site, true}, {gid, at, was_write}};
    raced = true;
  };
  if (!c.write.none() && !t.vc.knows(c.write)) report(c.write_gid, c.write_site, true);  // write-write
  if (c.reads) {
    for (const SharedReads::Read& r : c.reads->reads) {
      if (!t.vc.knows(r.epoch)) report(r.gid, r.site, false);
    }
  } else if (!c.read.none() && !t.vc.knows(c.read)) {  // read-write
    report(c.read_gid, c.read_site, false);
  }
  c.write = now;
  c.write_site = site;
  c.write_gid = t.gid;
  c.read = {};
  c.reads.reset();
  return raced;
}

void Detector::reset(uintptr_t addr, std::size_t bytes) {
  for (uintptr_t w = addr & ~uintptr_t(7); w < addr + bytes; w += 8) {
    Shard& sh = shard_of(w);
    SpinGuard g(sh.lock);
    sh.cells.erase(w);
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
