#pragma once
// The VM's side of the race detector (`gopark run --race`): the detector (runtime/race.hpp) knows
// goroutines, synchronisation and memory; this knows where the program was, and says it as Go does.
//
// ---- Sites ----
// Every access is reported with a site: where the program was, the whole stack, so that the report
// of a race can show the earlier access's stack long after that goroutine moved on (or ended). A
// stack is a node of one trie per run: a node is (parent node, the parent's call pc, function), so
// a site is (node, pc) in 64 bits. A frame finds its node once, on its first access
// (Frame::race_node, 0 until then; node 0 is the empty stack), from its caller's. A stack deeper
// than kKeptFrames keeps its first frames and its innermost one (a recursion's call paths would
// make a node per call).
//
// ---- Reports ----
// Go's format, on the run's stderr as the race happens:
//   ==================
//   WARNING: DATA RACE
//   Write at 0x00c000012345 by goroutine 7:
//     main.main.func1()
//         ./prog.go:12 +0x1c
//
//   Previous read at 0x00c000012345 by main goroutine:
//     main.main()
//         ./prog.go:15 +0x94
//
//   Goroutine 7 (running) created at:
//     main.main()
//         ./prog.go:11 +0x60
//   ==================
// and when main returns, "Found N data race(s)" and exit status 66 (Machine::wait). Like Go's, a
// race is reported once per pair of source lines, and an address once (its first race); the
// `+0x` offsets are the VM instruction's index in its function.
//
// Thread-safety: every method may be called from any goroutine's thread; one mutex guards the trie
// and the reports (taken once per frame that accesses memory, and per race).
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "runtime/race.hpp"
#include "vm/code.hpp"

namespace gopark::vm {

struct Goroutine;
class Heap;
struct Output;

// The line that opens every report (after the separator), and names a run's outcome that had one.
inline constexpr std::string_view kRaceWarning = "WARNING: DATA RACE";

// One race as reported, for the dashboard's list and the editor's marks.
struct RaceReport {
  std::uint64_t goroutine = 0, previous_goroutine = 0;
  bool write = false, previous_write = false;
  // Each side's innermost frame in the program's own code (Function::user_code); 0: none.
  std::int32_t line = 0, previous_line = 0;
  std::string text;  // the block as printed, between the ================== lines
};

class Races {
 public:
  Races(const Image& image, rt::race::Detector& detector, const Heap& heap, const Output& output);

  // An access by gr's top frame at instruction `at` (1, 2, 4 or 8 bytes; a range of any length).
  void read(Goroutine& gr, const Instr* at, std::uintptr_t addr, unsigned size);
  void write(Goroutine& gr, const Instr* at, std::uintptr_t addr, unsigned size);
  void read_range(Goroutine& gr, const Instr* at, std::uintptr_t addr, std::size_t bytes);
  void write_range(Goroutine& gr, const Instr* at, std::uintptr_t addr, std::size_t bytes);
  // A sync/atomic operation of a native called by gr's top frame (see AtomicAccess).
  enum class Atomic : std::uint8_t { Load, Store, ReadModifyWrite };
  void atomic_before(Goroutine& gr, std::uintptr_t addr, Atomic op);
  void atomic_after(Goroutine& gr, std::uintptr_t addr, unsigned size, Atomic op);
  // gr's site at instruction `at` of its top frame (a go statement: the new goroutine's creation).
  rt::race::Site site(Goroutine& gr, const Instr* at);
  void finished(std::uint64_t gid);  // the goroutine ended ("(finished)" in later reports)
  // [p, p + bytes) was just allocated: no access to it happened yet (it may be a freed object's).
  void fresh(const void* p, std::size_t bytes) { detector_.reset(reinterpret_cast<std::uintptr_t>(p), bytes); }

  std::size_t found() const;                // races reported
  std::vector<RaceReport> reports() const;  // in the order found

 private:
  struct Node {
    std::uint32_t parent = 0;
    std::uint32_t call_pc = 0;  // the caller's pc at the call; | kElided: frames left out between
    const Function* fn = nullptr;
  };
  // A stack keeps its first kKeptFrames frames and its innermost one; the report prints "..."
  // where frames were left out (only deep recursions have them).
  static constexpr std::size_t kKeptFrames = 8;
  static constexpr std::uint32_t kElided = 0x80000000u;
  std::uint32_t node_of(Goroutine& gr, std::size_t frame);
  std::uint32_t intern(std::uint32_t parent, std::uint32_t call_pc, const Function* fn);
  void raced(Goroutine& gr, const rt::race::Race& race);
  // Appends the stack of `site`, Go's way; returns its innermost line in the program's own code.
  std::int32_t append_stack(std::string& out, rt::race::Site site) const;
  // The location a race is told by: the innermost frame's function and line.
  std::pair<const Function*, std::int32_t> location(rt::race::Site site) const;

  const Image& image_;
  rt::race::Detector& detector_;
  const Heap& heap_;
  const Output& output_;
  mutable std::mutex mutex_;
  std::vector<Node> nodes_;  // guarded by mutex_; [0] is the empty stack
  struct NodeKeyHash {
    std::size_t operator()(const std::tuple<std::uint32_t, std::uint32_t, const Function*>& k) const;
  };
  std::unordered_map<std::tuple<std::uint32_t, std::uint32_t, const Function*>, std::uint32_t, NodeKeyHash>
      index_;  // guarded by mutex_
  std::unordered_map<std::uint64_t, rt::race::Site> created_;  // guarded by mutex_: by goroutine id
  std::unordered_set<std::uint64_t> finished_;                 // guarded by mutex_
  using Location = std::pair<const Function*, std::int32_t>;
  std::set<std::pair<Location, Location>> pairs_;  // guarded by mutex_: reported, smaller first
  std::unordered_set<std::uintptr_t> addresses_;   // guarded by mutex_: reported words
  std::vector<RaceReport> reports_;                // guarded by mutex_
};

// A native's plain write to the program's memory, told to the race detector (nothing without
// one) as its caller's, the frame on top of gr.
void race_write(Goroutine& gr, const void* addr, std::size_t bytes);

// Around a sync/atomic operation in a native, for the race detector (nothing without one): a
// store releases the variable's clock before it, a load acquires it after, a read-modify-write
// (add, swap, compare-and-swap) both; and the access is recorded as an atomic one.
class AtomicAccess {
 public:
  AtomicAccess(Goroutine& gr, const void* addr, unsigned size, Races::Atomic op);
  ~AtomicAccess();
  AtomicAccess(const AtomicAccess&) = delete;
  AtomicAccess& operator=(const AtomicAccess&) = delete;

 private:
  Goroutine& gr_;
  Races* races_;
  std::uintptr_t addr_;
  unsigned size_;
  Races::Atomic op_;
};

}  // namespace gopark::vm
