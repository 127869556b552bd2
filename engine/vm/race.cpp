// Races (race.hpp): sites, and Go's reports of the races the detector finds.
#include "vm/race.hpp"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include "vm/heap.hpp"
#include "vm/machine.hpp"

namespace gopark::vm {

using rt::race::Site;

std::size_t Races::NodeKeyHash::operator()(
    const std::tuple<std::uint32_t, std::uint32_t, const Function*>& k) const {
  std::uint64_t h = std::uint64_t(std::get<0>(k)) * 0x9E3779B97F4A7C15ull ^ std::get<1>(k);
  h ^= std::uint64_t(reinterpret_cast<std::uintptr_t>(std::get<2>(k))) * 0xC2B2AE3D27D4EB4Full;
  return std::size_t(h ^ (h >> 29));
}

Races::Races(const Image& image, rt::race::Detector& detector, const Heap& heap, const Output& output)
    : image_(image), detector_(detector), heap_(heap), output_(output) {
  nodes_.push_back({});
}

std::uint32_t Races::intern(std::uint32_t parent, std::uint32_t call_pc, const Function* fn) {
  auto [it, fresh] = index_.try_emplace({parent, call_pc, fn}, std::uint32_t(nodes_.size()));
  if (fresh) nodes_.push_back({parent, call_pc, fn});
  return it->second;
}

std::uint32_t Races::node_of(Goroutine& gr, std::size_t frame) {
  Frame& f = gr.frames[frame];
  if (f.race_node != 0) return f.race_node;
  std::uint32_t parent = 0, call_pc = 0;
  if (frame > 0) {
    // Past kKeptFrames, the frames between the first ones and this one are left out: a
    // recursion's paths would otherwise make a node per call.
    const std::size_t up = std::min(frame - 1, kKeptFrames - 1);
    parent = node_of(gr, up);
    const Frame& caller = gr.frames[frame - 1];
    call_pc = std::uint32_t(caller.pc - caller.fn->code.data());
    if (call_pc > 0) --call_pc;  // the pc saved at a call is past it
    if (up != frame - 1) call_pc |= kElided;
  }
  std::lock_guard lock(mutex_);
  f.race_node = intern(parent, call_pc, f.fn);
  // A goroutine's first access tells where it was created, before anyone can race with it.
  if (frame == 0 && gr.g && gr.race_created != 0) created_.try_emplace(gr.g->id, gr.race_created);
  return f.race_node;
}

Site Races::site(Goroutine& gr, const Instr* at) {
  const std::size_t top = gr.frames.size() - 1;
  const std::uint32_t node = node_of(gr, top);
  return Site(node) << 32 | std::uint32_t(at - gr.frames[top].fn->code.data());
}

void Races::read(Goroutine& gr, const Instr* at, std::uintptr_t addr, unsigned size) {
  if (addr == 0) return;  // a nil map: nothing shared
  rt::race::Race r;
  if (detector_.read(gr.g->race, addr, size, site(gr, at), &r)) raced(gr, r);
}
void Races::write(Goroutine& gr, const Instr* at, std::uintptr_t addr, unsigned size) {
  if (addr == 0) return;  // a nil map: nothing shared
  rt::race::Race r;
  if (detector_.write(gr.g->race, addr, size, site(gr, at), &r)) raced(gr, r);
}
void Races::read_range(Goroutine& gr, const Instr* at, std::uintptr_t addr, std::size_t bytes) {
  if (bytes == 0) return;
  rt::race::Race r;
  if (detector_.read_range(gr.g->race, addr, bytes, site(gr, at), &r)) raced(gr, r);
}
void Races::write_range(Goroutine& gr, const Instr* at, std::uintptr_t addr, std::size_t bytes) {
  if (bytes == 0) return;
  rt::race::Race r;
  if (detector_.write_range(gr.g->race, addr, bytes, site(gr, at), &r)) raced(gr, r);
}

void Races::atomic_before(Goroutine& gr, std::uintptr_t addr, Atomic op) {
  if (op != Atomic::Load) detector_.atomic_clock(addr).release(gr.g->race);
}

void Races::atomic_after(Goroutine& gr, std::uintptr_t addr, unsigned size, Atomic op) {
  if (op != Atomic::Store) detector_.atomic_clock(addr).acquire(gr.g->race);
  // The native was called by the top frame, whose pc is saved past the call.
  const Site at = site(gr, gr.frames.back().pc - 1);
  rt::race::Race r;
  const bool raced = op == Atomic::Load ? detector_.atomic_read(gr.g->race, addr, size, at, &r)
                                        : detector_.atomic_write(gr.g->race, addr, size, at, &r);
  if (raced) this->raced(gr, r);
}

void race_write(Goroutine& gr, const void* addr, std::size_t bytes) {
  if (Races* r = gr.machine->races()) r->write_range(gr, gr.frames.back().pc - 1, reinterpret_cast<std::uintptr_t>(addr), bytes);
}

AtomicAccess::AtomicAccess(Goroutine& gr, const void* addr, unsigned size, Races::Atomic op)
    : gr_(gr), races_(gr.machine->races()), addr_(reinterpret_cast<std::uintptr_t>(addr)), size_(size), op_(op) {
  if (races_) races_->atomic_before(gr_, addr_, op_);
}

AtomicAccess::~AtomicAccess() {
  if (races_) races_->atomic_after(gr_, addr_, size_, op_);
}

void Races::finished(std::uint64_t gid) {
  std::lock_guard lock(mutex_);
  finished_.insert(gid);
}

std::size_t Races::found() const {
  std::lock_guard lock(mutex_);
  return reports_.size();
}

std::vector<RaceReport> Races::reports() const {
  std::lock_guard lock(mutex_);
  return reports_;
}

Races::Location Races::location(Site site) const {
  const Node& n = nodes_[std::size_t(site >> 32)];
  return {n.fn, n.fn ? std::int32_t(n.fn->line_at(std::uint32_t(site))) : 0};
}

std::int32_t Races::append_stack(std::string& out, Site site) const {
  std::int32_t user_line = 0;
  std::uint32_t node = std::uint32_t(site >> 32), pc = std::uint32_t(site);
  while (node != 0) {
    const Node& n = nodes_[node];
    if (!n.fn->hidden) {
      const std::int32_t line = std::int32_t(n.fn->line_at(pc));
      if (user_line == 0 && n.fn->user_code) user_line = line;
      char offset[24];
      std::snprintf(offset, sizeof offset, " +0x%" PRIx32, pc);
      out += "  " + n.fn->name + "()\n      " + image_.file_of(*n.fn) + ":" + std::to_string(line) + offset + "\n";
    }
    if (n.call_pc & kElided) out += "  ...\n";
    pc = n.call_pc & ~kElided;
    node = n.parent;
  }
  return user_line;
}

void Races::raced(Goroutine& gr, const rt::race::Race& race) {
  std::lock_guard lock(mutex_);
  Location a = location(race.now.site), b = location(race.before.site);
  if (b < a) std::swap(a, b);
  const std::uintptr_t word = race.addr & ~std::uintptr_t(7);
  if (addresses_.count(word) || !pairs_.insert({a, b}).second) return;
  addresses_.insert(word);

  RaceReport report;
  report.goroutine = race.now.gid;
  report.previous_goroutine = race.before.gid;
  report.write = race.now.write;
  report.previous_write = race.before.write;
  char address[32];
  std::snprintf(address, sizeof address, "0x%012" PRIx64, heap_.go_address(race.addr));
  auto who = [](std::uint64_t gid) { return gid == 1 ? std::string("main goroutine") : "goroutine " + std::to_string(gid); };
  std::string& t = report.text;
  t = std::string(kRaceWarning) + "\n";
  t += std::string(race.now.write ? "Write" : "Read") + " at " + address + " by " + who(race.now.gid) + ":\n";
  report.line = append_stack(t, race.now.site);
  t += std::string("\nPrevious ") + (race.before.write ? "write" : "read") + " at " + address + " by " +
       who(race.before.gid) + ":\n";
  report.previous_line = append_stack(t, race.before.site);
  auto creation = [&](std::uint64_t gid, bool running) {
    if (gid == 1) return;
    Site at = 0;
    if (gid == race.now.gid) at = gr.race_created;
    else if (auto it = created_.find(gid); it != created_.end()) at = it->second;
    if (at == 0) return;
    t += "\nGoroutine " + std::to_string(gid) + (running ? " (running)" : " (finished)") + " created at:\n";
    append_stack(t, at);
  };
  creation(race.now.gid, true);
  if (race.before.gid != race.now.gid) creation(race.before.gid, !finished_.count(race.before.gid));
  output_.err("==================\n" + t + "==================\n");
  reports_.push_back(std::move(report));
}

}  // namespace gopark::vm
