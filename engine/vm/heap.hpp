// Heap: the VM's garbage-collected memory. Allocation from many threads at once, stop-the-world
// mark-sweep collection run by one thread while every goroutine waits at a safe point.
//
// ---- What it serves ----
// Every VM register and heap word is 8 bytes (on wasm32 a pointer is a word's low half, the high half
// zero). Strings, slices, interfaces, maps, channels, funcs and pointers are one word pointing at a
// heap object (null is the zero value); structs and arrays live inline inside objects. So pointers
// may be interior (&s[i], &p.f), and a root word may also be null or point at static data: the
// collector maps any address to the object containing it, or ignores it.
// Three kinds of object:
//   scan    typed storage, `count` elements of one GcLayout; its pointer words are known exactly;
//   noscan  bytes with no pointers (string bytes, []int backing arrays): never looked into;
//   custom  a C++ structure with a `trace` function (extra pointers held in malloc memory: a map's
//           table, a channel's buffer) and/or a `finalize` run when it dies. 16-byte header.
//
// ---- Memory layout ----
// Memory comes from the system in 512 KB blocks of 64 pages of 8 KB (posix_memalign: no address-space
// reservation, which wasm32 does not have). A span is a run of 1-16 pages holding objects of one size
// class and one kind; there are 46 size classes from 8 bytes to 32 KB, spaced by at most 25% (so at
// most 20% of a slot is rounding), each with the shortest span that holds at least 4 slots and wastes
// at most 1/8 of itself (a one-page span for every class up to 2 KB).
// An object over 32 KB is a span of its own, allocated directly (posix_memalign, page-aligned).
//
// Each span keeps side bitmaps (malloc'd with its descriptor, never in the object memory):
//   alloc bits   one per slot: the slot holds an object (exact outside the owning cache's cursor);
//   mark bits    one per slot: reached in the current collection; all clear between collections;
//   pointer bits one per 8-byte word of a scan or custom span: the word holds a heap pointer.
// The pointer bits are written by `allocate` from the layout (Go's heap bitmap), so marking needs no
// per-object type and an 8-byte cell costs 8 bytes plus 3 bits. Custom objects carry their GcLayout
// in a header because their trace/finalize functions are per object.
//
// Finding an object from an address: a three-level radix table indexed by address >> 13 (one entry per
// page, 48-bit addresses natively, 32-bit on wasm) gives the span; the slot index is the offset times
// a precomputed reciprocal (`div_magic`, exact for every offset inside a span: tested). An address in
// a page of no span of this heap, in a span's tail waste, or in a free slot is "not a heap pointer".
//
// ---- Allocation ----
// Each (thread, heap) pair has a ThreadCache holding, per span class (size class x kind), one span it
// owns. Fast path, no lock and no atomic: take the lowest set bit of a 64-slot window of free slots
// (the complement of one word of alloc bits), then zero the object and write its pointer bits. When
// the window is empty the owner moves on to the next word of the same span (still no lock); when the
// span is exhausted it takes the heap lock to hand the span back and get a partly free span of the
// class, or an empty one kept from the last sweep, or a new one cut from a block. Alloc bits of the
// word under the cursor are written back when the cursor leaves it and when the cache is flushed, so
// the cursor costs nothing per object. Span descriptors are cache-line aligned: each owner writes its
// span's cursor and pointer bits on every allocation, and two threads' spans must not share a line.
//
// Accounting is done at span granularity under the lock, as Go does: taking a span counts all its free
// bytes as allocated. When live-after-last-GC (external reservations included) plus allocated-since reaches the trigger
// (live * (1 + GOGC/100), at least 4 MB; with a limit, at most 7/8 of it but never below halfway from
// the live heap to the limit, so a heap near its limit does not collect at every safe point), the
// relaxed atomic `gc_wanted_` turns true; the VM polls it at safe points. Allocation never collects.
// The limit caps memory taken from the system (blocks + large objects) plus the bytes the owner holds
// outside the heap (reserve_external: the heap's share is what they leave): past it `allocate` returns
// null (and sets gc_wanted) and the VM reports "out of memory" (allocation points are not safe points:
// natives hold raw pointers; the trigger, at most 7/8 of the limit, has normally collected at a safe
// point before). Before failing, an allocation frees the spans kept empty for reuse and the empty
// blocks (shrink), so it never fails for memory the last collection found free.
//
// ---- Threads and caches ----
// A thread finds its cache through a thread_local (heap id, cache) pair for the last heap it used, then
// a thread_local list of all its caches. Heap ids are never reused, so an entry for a destroyed heap can
// never match a new heap at the same address. Caches are owned by their heap (its list, under the heap
// lock) and freed with it. A process-wide registry of live heaps (id -> Heap*) lets a thread's exit
// hook mark its caches "orphaned" in the heaps still alive; an orphan keeps its spans and is adopted
// by the next thread that needs a cache of that heap ("threads" mode starts and ends threads all the
// time), and collect frees the orphans it finds.
//
// ---- Collection (collect) ----
// Runs with the heap lock held, every mutator stopped (the caller's job): (1) flush every cache: write
// back cursors, disown spans, free orphans; (2) mark from the roots the caller reports, with an
// explicit stack (a million-node list must not overflow the C stack); an entry is (span, slot) and
// scanning walks the object's pointer bits, then calls the custom trace per element. Scanning is bound
// by cache misses on the objects, so popped entries pass through an 8-entry FIFO that prefetches them
// (a 2M-node tree: 147 -> 87 ms), and the span of the last object marked is tried before the radix
// table (neighbours point at neighbours); (3) sweep every span eagerly: run `finalize` on dead custom
// objects, alloc bits := mark bits, clear mark bits; partly free spans go on their class's partial
// list; an empty span goes on its class's empty list and is freed only if the next sweep finds it
// empty again, so a program allocating steadily reuses its spans instead of cutting new ones under
// the heap lock (2 threads allocating: 8.3 -> 4.8 ns per object); (4) recompute the trigger, free
// empty blocks beyond it (kept ones save the next cycle a malloc and page faults).
// Under AddressSanitizer dead slots and free pages are poisoned, so a VM bug that keeps using a
// collected object is reported at the faulty access.
//
// ---- Invariants ----
//  - A span is owned by at most one cache; only its owner touches its cursor (window, next_group)
//    outside a collection; a span on a partial or empty list is owned by nobody, and one on an empty
//    list has no allocated slot.
//  - Outside a collection every mark bit is clear; during marking, a marked slot is allocated.
//  - Alloc bits are exact for every span not owned by a cache; for an owned span, slot i is allocated
//    iff its alloc bit is set, or it is in the group under the cursor and gone from the window (groups
//    the cursor has left are written back as full).
//  - The pointer bits of an allocated slot describe it exactly (allocate rewrites all of its bits), so
//    stale bits of dead objects are never read.
//  - The radix table maps a page to a span iff the page belongs to a span of this heap.
//  - Every allocation is zeroed before it is returned.
//
// ---- Locks ----
// Lock order: registry mutex -> heap lock. The heap lock (a std::mutex, so no clang annotation: the
// fields it guards say so in words) guards spans, partial and empty lists, blocks, large objects, the
// cache list and the counters; collect holds it throughout. The registry mutex guards the set of live
// heaps. The fast path takes neither.
//
// ---- Rejected ----
//  - A header with a layout pointer on every object: 100% overhead for an 8-byte cell, and a dependent
//    load per object while marking. Only custom objects, which are few and large, pay for one.
//  - Spans segregated by layout (type): every type would need its own partly used span per thread.
//  - 64 KB spans for every class: "threads" mode has hundreds of threads, each holding a span per class
//    it uses; 8 KB spans keep that hoard a few MB.
//  - Free lists threaded through dead objects: sweeping would write into every dead object; bitmaps
//    keep the sweep in metadata and let allocation find free slots with one count-trailing-zeros.
//  - Scanning objects conservatively (every word a maybe-pointer): false retention of big structures by
//    integers, and no way to run custom trace functions. Roots may be conservative; objects are precise.
//  - A moving (copying/compacting) collector: C++ structures and registers hold raw interior pointers.
//  - A flat hash table for the page lookup: it must be rehashed while other threads allocate. A
//    process-wide radix table: a stale root word could lead into another heap's freed span descriptor.
//  - Incremental or concurrent marking: every VM store would need a write barrier. Later, if pauses
//    of big heaps show on the timeline (parallel marking by several threads during the same stop is
//    the cheaper next step).
//  - Zeroing dead slots during the sweep instead of at allocation: the sweep would touch every dead
//    object; zeroing at allocation writes memory the program is about to write anyway.
//  - Returning an empty span's pages at once (Go's way): with one heap lock, a steady allocator would
//    cut a new span (descriptor malloc, page search, radix table writes) under it at every refill.
//
// ---- Measured (16-core x86-64, clang 14 -O2, tests/bench/heap_bench.cpp) ----
// A 16-byte object with a pointer: 7.8 ns into warm memory, 8.9 ns with collections included (malloc +
// memset + free of 16 bytes: 14.5 ns). 8 threads at once: 3.1 ns per object overall, 16: 2.1 (the
// heap lock on refills is the limit: 64 KB spans give 1.2). Pause: a live binary tree of 2M 24-byte
// nodes (48 MB) 86 ms (0.94 ms per live MB, sweep 0.008 ms/MB); a live list of 1M nodes 26 ms; 1M
// dead nodes 0.6 ms.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace gopark::vm {

class Marker;
namespace heap_detail {
struct HeapState;
}

// How to find the pointers in one element of an object, and, for custom objects, how to trace and
// finalize it. Built once per type by the VM; must outlive every heap object allocated with it.
class GcLayout {
 public:
  using TraceFn = void (*)(void* element, Marker& marker);
  using FinalizeFn = void (*)(void* element);

  // `size`: bytes per element. `pointer_offsets`: byte offsets of the words holding heap pointers
  // (8-aligned, inside the element). `trace` reports extra pointers held outside the heap words;
  // `finalize` releases C++ resources when the element dies. Either one makes the object "custom".
  // A bad layout (misaligned or out-of-range offset) is a gopark bug: internal_error.
  GcLayout(std::uint32_t size, std::vector<std::uint32_t> pointer_offsets, TraceFn trace = nullptr,
           FinalizeFn finalize = nullptr, const char* name = "");

  std::uint32_t size() const { return size_; }
  const char* name() const { return name_; }
  TraceFn trace() const { return trace_; }
  FinalizeFn finalize() const { return finalize_; }
  bool has_pointers() const { return !pointer_words_.empty(); }

 private:
  friend struct heap_detail::HeapState;
  std::uint32_t size_;
  std::uint32_t words_;                       // size rounded up to words
  std::vector<std::uint32_t> pointer_words_;  // word indexes of pointers, ascending
  std::uint64_t pattern_ = 0;                 // if words_ divides 64: the pointer bits repeated to 64
  std::uint64_t element_mask_ = 0;            // if words_ <= 64: the pointer bits of one element
  bool periodic_ = false;
  TraceFn trace_;
  FinalizeFn finalize_;
  const char* name_;
};

// Passed to root scanners and trace functions during a collection. Every call is cheap for a word
// that is not a heap pointer (null, static data, integers, another heap's objects).
class Marker {
 public:
  // Marks the object containing `maybe_pointer` (an interior pointer is fine), if there is one.
  void mark(const void* maybe_pointer);
  // Marks from `count` consecutive 8-byte words, each a maybe-pointer (a frame scanned
  // conservatively). On wasm32 a word holds a pointer in its low half; one with a high half is none.
  void mark_words(const std::uint64_t* words, std::size_t count);

  Marker(const Marker&) = delete;
  Marker& operator=(const Marker&) = delete;

 private:
  friend struct heap_detail::HeapState;
  explicit Marker(heap_detail::HeapState& state) : state_(state) {}
  heap_detail::HeapState& state_;
};

class Heap {
 public:
  struct Stats {
    std::size_t live_bytes = 0;          // slot bytes found live by the last collection
    std::size_t live_objects = 0;        // objects found live by the last collection
    std::size_t heap_bytes = 0;          // memory taken from the system: blocks + large objects
    std::size_t heap_live = 0;           // live_bytes + allocated since (span granularity)
    std::uint64_t allocated_bytes = 0;   // total ever handed out: exact at each collection,
                                         // span granularity in between
    std::size_t next_gc = 0;             // heap_live at which gc_wanted() turns true
    std::size_t limit = 0;               // set_limit(); SIZE_MAX when none
    std::size_t external_bytes = 0;      // reserve_external() less release_external()
    std::uint64_t collections = 0;
    std::uint64_t finalized = 0;         // finalize calls so far (not counting ~Heap)
    std::uint64_t last_pause_ns = 0;     // the last collect(), whole
    std::uint64_t last_mark_ns = 0;      //   of which marking (roots included)
    std::uint64_t last_sweep_ns = 0;     //   of which sweeping
    std::uint64_t total_pause_ns = 0;
    std::size_t thread_caches = 0;       // caches alive (one per thread that allocated, until reclaimed)
  };

  Heap();
  // Frees everything, running the finalizers of the custom objects still allocated. No thread may be
  // allocating from this heap any more.
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // `count` zeroed elements of `layout`. Null past the limit, or if the size overflows. Never collects.
  // Any thread; not during collect(). A zero-byte scan object is a shared static address (Go's
  // zerobase): non-null, not in the heap. Custom objects are 16-byte aligned, others 8-byte aligned
  // (16 when the slot size is a multiple of 16, i.e. every class from 32 bytes up).
  void* allocate(const GcLayout& layout, std::size_t count = 1);
  // `bytes` zeroed bytes that the collector never looks into. Same contract as allocate().
  void* allocate_noscan(std::size_t bytes);

  // True once the heap has grown past the trigger (or always, under set_gc_stress). Cheap: one relaxed
  // load. The VM polls it at safe points and then stops the world and calls collect().
  bool gc_wanted() const { return gc_wanted_.load(std::memory_order_relaxed); }

  // Stop-the-world collection, run by one thread while no other thread allocates or touches the heap.
  // `scan_roots` reports every root word (Marker::mark / mark_words; interior, static and null
  // pointers are fine). Trace functions, finalizers and scan_roots must not call into this heap.
  void collect(const std::function<void(Marker&)>& scan_roots);

  // GOGC: the heap may grow by `percent`% of the live heap before gc_wanted(); negative: never (but
  // the limit still triggers). Default 100.
  void set_gogc(int percent);
  // Caps memory taken from the system; SIZE_MAX (the default): no cap.
  void set_limit(std::size_t bytes);
  // Memory the heap's owner takes outside the heap (the VM: goroutine stacks and frames, channel
  // buffers) counts against the same limit: the heap may use the limit less what is reserved.
  // False, reserving nothing, when `bytes` more would pass the limit (and then a collection is
  // wanted). `collectable`: only a collection frees it (a buffer released by a finalizer), so it
  // counts towards the next collection's trigger like an allocation. Any thread; lock-free unless
  // collectable. Release exactly what was reserved, any thread, finalizers included.
  bool reserve_external(std::size_t bytes, bool collectable = false);
  void release_external(std::size_t bytes);
  // GC stress (Lua's): gc_wanted() is always true, so the VM collects at every safe point.
  void set_gc_stress(bool on);

  Stats stats() const;

  // The start of the object containing `p` (the address allocate returned), or null if `p` is not in
  // an allocated object of this heap. Any address in the object's slot counts, including its rounding
  // tail. For tests and debugging: exact when no other thread is allocating.
  const void* find_base(const void* p) const;
  // What the program sees when it prints a pointer (%p, println): for an address in this heap, one
  // made of the order its block (or large object) was made in and its offset there, in Go's range
  // (0xc000...), so a simulated run prints the same addresses every time on every machine; any
  // other address as it is. Distinct addresses stay distinct.
  std::uint64_t go_address(std::uint64_t address) const;

 private:
  std::unique_ptr<heap_detail::HeapState> state_;
  std::atomic<bool> gc_wanted_{false};
  friend struct heap_detail::HeapState;
};

}  // namespace gopark::vm
