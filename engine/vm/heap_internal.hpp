// The heap's internals (engine/vm only): size classes, spans, thread caches, the page table and the
// state behind a Heap. The design is described at the top of heap.hpp.
#pragma once

#include <array>
#include <atomic>
#include <bit>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "vm/heap.hpp"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GOPARK_HEAP_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(GOPARK_HEAP_ASAN)
#define GOPARK_HEAP_ASAN 1
#endif
#ifdef GOPARK_HEAP_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace gopark::vm::heap_detail {

inline constexpr unsigned kPageShift = 13;
inline constexpr std::size_t kPageSize = std::size_t{1} << kPageShift;  // 8 KB
inline constexpr unsigned kBlockPages = 64;                              // one bit each in a uint64_t
inline constexpr std::size_t kBlockSize = kBlockPages * kPageSize;      // 512 KB
inline constexpr std::size_t kMaxSmall = 32 * 1024;
inline constexpr std::size_t kCustomHeader = 16;  // a CustomHeader: keeps payloads 16-aligned
inline constexpr std::size_t kMinTrigger = 4 * 1024 * 1024;

// Poisoning of free heap memory under AddressSanitizer (no-ops elsewhere).
inline void poison(const void* p, std::size_t n) {
#ifdef GOPARK_HEAP_ASAN
  ASAN_POISON_MEMORY_REGION(p, n);
#else
  (void)p, (void)n;
#endif
}
inline void unpoison(const void* p, std::size_t n) {
#ifdef GOPARK_HEAP_ASAN
  ASAN_UNPOISON_MEMORY_REGION(p, n);
#else
  (void)p, (void)n;
#endif
}

// A heap word as an address. Words are 8 bytes on every target; on wasm32 a pointer is the low half
// and a word with a non-zero high half is not a pointer.
inline const void* word_address(std::uint64_t word) {
  if constexpr (sizeof(void*) < sizeof(std::uint64_t)) {
    if (word >> (8 * sizeof(void*))) return nullptr;
  }
  return reinterpret_cast<const void*>(static_cast<std::uintptr_t>(word));
}

// ---- Size classes ----

struct SizeClass {
  std::uint32_t size;       // slot bytes
  std::uint32_t pages;      // span length
  std::uint32_t slots;      // slots per span
  std::uint32_t div_magic;  // offset / size == (offset * div_magic) >> 32 for offsets inside a span
};

inline constexpr int kNumClasses = 46;

// 8, 16, 24, then every 16 bytes to 256, then four steps per doubling to 32 KB. The span length is the
// first of 1, 2, 4, 8, 16 pages that holds at least 4 slots (fewer would send every few allocations to
// the locked slow path) with a tail waste of at most 1/8 of the span; 16 if none does.
constexpr std::array<SizeClass, kNumClasses> make_size_classes() {
  std::array<SizeClass, kNumClasses> out{};
  int n = 0;
  auto add = [&](std::uint32_t size) {
    std::uint32_t pages = 16;
    for (std::uint32_t p = 1; p <= 16; p *= 2) {
      std::size_t span = p * kPageSize;
      if ((span % size) * 8 <= span && span / size >= 4) {
        pages = p;
        break;
      }
    }
    std::uint32_t slots = std::uint32_t(pages * kPageSize / size);
    out[n++] = {size, pages, slots, std::uint32_t(0xFFFFFFFFu / size + 1)};
  };
  add(8);
  add(16);
  add(24);
  for (std::uint32_t s = 32; s <= 256; s += 16) add(s);
  for (std::uint32_t base = 256; base < kMaxSmall; base *= 2) {
    for (std::uint32_t k = 1; k <= 4; ++k) add(base + k * base / 4);
  }
  return out;
}
inline constexpr std::array<SizeClass, kNumClasses> kSizeClasses = make_size_classes();
static_assert(kSizeClasses[kNumClasses - 1].size == kMaxSmall, "the class table must end at kMaxSmall");

// Size class of a small object of `bytes` (1..kMaxSmall), by a table indexed by words.
constexpr std::array<std::uint8_t, kMaxSmall / 8 + 1> make_class_index() {
  std::array<std::uint8_t, kMaxSmall / 8 + 1> out{};
  int c = 0;
  for (std::size_t words = 0; words <= kMaxSmall / 8; ++words) {
    while (kSizeClasses[c].size < words * 8) ++c;
    out[words] = std::uint8_t(c);
  }
  return out;
}
inline constexpr auto kClassByWords = make_class_index();
inline int size_class_of(std::size_t bytes) { return kClassByWords[(bytes + 7) >> 3]; }

enum class Kind : std::uint8_t { Scan, NoScan, Custom };
inline constexpr int kKinds = 3;
inline constexpr int kSpanClasses = kNumClasses * kKinds;
inline int span_class(int size_class, Kind kind) { return size_class * kKinds + int(kind); }

// What precedes a custom object's elements (pointer bits clear: the layout is not a heap pointer).
struct alignas(16) CustomHeader {
  const GcLayout* layout;
  std::uint64_t count;
};
static_assert(sizeof(CustomHeader) == kCustomHeader);

// ---- Spans ----

struct Block;

// A span: a run of pages holding slots of one size class and kind, or one large object.
// Invariants: see heap.hpp. Allocated with its bitmaps in one cache-line aligned block (Span::create).
struct alignas(64) Span {
  char* base = nullptr;
  std::size_t bytes = 0;        // pages * kPageSize
  std::size_t slot_size = 0;    // large: the object's bytes rounded up to pages
  std::uint32_t slots = 0;      // large: 1
  std::uint32_t groups = 0;     // words of alloc/mark bits: (slots + 63) / 64
  std::uint32_t div_magic = 0;  // large: 0
  std::uint16_t span_class = 0;
  Kind kind = Kind::NoScan;
  bool large = false;
  Block* block = nullptr;       // the block the pages come from (null for large objects)
  std::uint64_t seq = 0;        // large: its place in the order large objects were made (go_address)

  // Allocation cursor: written only by the owning cache (and by collect, with the world stopped).
  std::uint64_t window = 0;      // free slots of group next_group - 1 not yet handed out
  std::uint32_t next_group = 0;  // 0: no group under the cursor yet

  // Under the heap lock.
  bool owned = false;
  bool was_empty = false;        // no live slot at the last sweep: freed if the next finds it empty too
  bool released = false;         // its pages were given back by shrink(), which destroys it
  std::uint32_t free_slots = 0;  // as of the last sweep or acquisition
  Span* next_partial = nullptr;

  std::uint64_t* alloc_bits = nullptr;    // `groups` words
  std::uint64_t* mark_bits = nullptr;     // `groups` words
  std::uint64_t* pointer_bits = nullptr;  // one bit per word of the span; null for noscan

  static Span* create(char* base, std::size_t bytes, std::size_t slot_size, std::uint32_t slots, Kind kind);
  static void destroy(Span* span);

  std::uint64_t valid_mask(std::uint32_t group) const {
    std::uint32_t rest = slots - group * 64;
    return rest >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << rest) - 1;
  }
  char* slot_address(std::uint32_t slot) const { return base + std::size_t(slot) * slot_size; }
  // Slot index of an offset inside the span, or UINT32_MAX if it falls in the tail waste.
  std::uint32_t slot_of(std::size_t offset) const {
    if (large) return offset < slot_size ? 0 : UINT32_MAX;
    std::uint32_t slot = std::uint32_t((std::uint64_t(offset) * div_magic) >> 32);
    return slot < slots ? slot : UINT32_MAX;
  }
  bool is_allocated(std::uint32_t slot) const;  // with the cursor taken into account
};

// A span leaving its owner (refill, flush): the group under the cursor written back to the alloc bits,
// the cursor reset.
void write_back_cursor(Span& span);

// A 512 KB block of 64 pages. `free_mask` bit i: page i is not part of any span.
struct Block {
  char* base = nullptr;
  std::uint64_t free_mask = ~std::uint64_t{0};
  std::uint32_t index = 0;  // in HeapState::blocks
  std::uint64_t seq = 0;    // its place in the order blocks of its kind were made (go_address)
  // Custom objects (the VM's and the library's C++ objects: channels, locks, timers) have sizes
  // that differ between targets (wasm32's pointers are 4 bytes), so their spans take blocks of
  // their own, numbered apart: the addresses the program's own objects print (go_address) are
  // then the same on every target.
  bool custom = false;
};

// ---- The page table ----

// address >> kPageShift -> Span*, three levels, nodes created on demand and kept until the heap dies.
// Written under the heap lock with release stores; read without a lock (acquire).
class PageTable {
 public:
  static constexpr unsigned kAddressBits = sizeof(void*) == 8 ? 48 : 32;
  static constexpr unsigned kIndexBits = kAddressBits - kPageShift;
  static constexpr unsigned kLeafBits = kIndexBits < 12 ? kIndexBits : 12;
  static constexpr unsigned kMidBits = kIndexBits - kLeafBits < 12 ? kIndexBits - kLeafBits : 12;
  static constexpr unsigned kTopBits = kIndexBits - kLeafBits - kMidBits;

  PageTable() = default;
  ~PageTable();
  PageTable(const PageTable&) = delete;
  PageTable& operator=(const PageTable&) = delete;

  Span* lookup(const void* p) const {
    std::uintptr_t a = reinterpret_cast<std::uintptr_t>(p);
    if constexpr (sizeof(void*) == 8) {
      if (a >> kAddressBits) return nullptr;
    }
    std::uintptr_t index = a >> kPageShift;
    Mid* mid = top_[index >> (kLeafBits + kMidBits)].load(std::memory_order_acquire);
    if (!mid) return nullptr;
    Leaf* leaf = mid->leaves[(index >> kLeafBits) & ((1u << kMidBits) - 1)].load(std::memory_order_acquire);
    if (!leaf) return nullptr;
    return leaf->spans[index & ((1u << kLeafBits) - 1)].load(std::memory_order_acquire);
  }
  // Maps every page of [base, base + bytes) to `span` (null: unmaps). Under the heap lock.
  void set(const char* base, std::size_t bytes, Span* span);

 private:
  struct Leaf {
    std::atomic<Span*> spans[1u << kLeafBits];
  };
  struct Mid {
    std::atomic<Leaf*> leaves[1u << kMidBits];
  };
  std::atomic<Mid*> top_[1u << kTopBits] = {};
};

// ---- Thread caches ----

// One per (thread, heap). `spans[c]` is the span class c allocates from, or &kNoSpan.
struct ThreadCache {
  Span* spans[kSpanClasses];
  ThreadCache* next = nullptr;  // the heap's list, under the heap lock
  bool orphaned = false;        // its thread has exited; under the heap lock
  ThreadCache();
};

// A span with no free slot and no pages: what a cache holds for a class it has no span of, so the fast
// path needs no null check. Only ever read.
extern Span kNoSpan;

// ---- The heap ----

struct HeapState {
  explicit HeapState(Heap& heap);
  ~HeapState();

  Heap& heap;
  const std::uint64_t id;

  // Lock order: registry mutex -> lock.
  std::mutex lock;
  // Guarded by `lock`:
  std::vector<Span*> spans;                 // every small span in use
  std::vector<Span*> large;                 // every large object
  Span* partial[kSpanClasses] = {};         // spans with live and free slots, owned by no cache
  Span* empty[kSpanClasses] = {};           // spans with no live slot, kept one cycle for reuse
  std::vector<Block*> blocks;
  std::size_t block_hint = 0;               // blocks before it have no free page
  std::uint64_t blocks_made = 0, custom_blocks_made = 0, large_made = 0;  // for Block::seq and Span::seq
  ThreadCache* caches = nullptr;
  std::size_t cache_count = 0;
  // Atomics, read without the lock by Heap::reserve_external; written under it.
  std::atomic<std::size_t> heap_bytes{0};   // blocks + large objects
  std::atomic<std::size_t> limit{SIZE_MAX};
  // Not guarded: bytes the heap's owner holds outside the heap (Heap::reserve_external).
  std::atomic<std::size_t> external{0};
  std::size_t live_bytes = 0;               // after the last collection
  std::size_t live_external = 0;            // `external` when the trigger was last computed
  std::size_t live_objects = 0;
  std::size_t allocated_since_gc = 0;       // span granularity
  std::uint64_t allocated_total = 0;        // exact as of the last collection
  std::size_t trigger = kMinTrigger;
  int gogc = 100;
  bool stress = false;
  std::uint64_t collections = 0;
  std::uint64_t finalized = 0;
  std::uint64_t last_pause_ns = 0, last_mark_ns = 0, last_sweep_ns = 0, total_pause_ns = 0;

  PageTable table;  // written under `lock`, read by anyone

  // The mark stack: used only by the collecting thread.
  struct Work {
    Span* span;
    std::uint32_t slot;
  };
  std::vector<Work> mark_stack;
  Span* last_marked = nullptr;  // the span of the last object marked (&kNoSpan at the start)

  // --- allocation (heap_alloc.cpp) ---
  ThreadCache& cache();                 // this thread's cache for this heap
  ThreadCache& cache_slow();
  void* allocate(const GcLayout& layout, std::size_t count);
  void* allocate_noscan(std::size_t bytes);
  void* allocate_small(Kind kind, std::size_t bytes, const GcLayout* layout, std::size_t count);
  void* allocate_large(Kind kind, std::size_t bytes, const GcLayout* layout, std::size_t count);
  char* take_slot(int span_class, Span*& span);
  char* refill(ThreadCache& cache, int span_class, Span*& span_out);
  Span* new_span(int span_class);       // under lock
  char* alloc_pages(unsigned pages, Block*& block_out, bool custom);  // under lock
  void free_pages(Span* span);          // under lock
  void note_allocated(std::size_t bytes);  // under lock
  std::nullptr_t at_limit();            // under lock
  bool shrink();                        // under lock
  void free_blocks(bool all);           // under lock
  void update_trigger();                // under lock
  std::size_t heap_limit() const;       // the limit less the external bytes (SIZE_MAX: none)
  void orphan(ThreadCache* cache);      // takes lock
  static bool small_object_bits(const GcLayout& layout, std::size_t count, std::size_t header_words,
                                std::uint64_t& out);
  void* finish_object(Span& span, char* p, std::size_t slot_words, Kind kind, const GcLayout* layout,
                      std::size_t count);
  void write_object_bits(Span& span, char* object, std::size_t slot_words, const GcLayout* layout,
                         std::size_t count, std::size_t header_words);

  // --- collection (heap_collect.cpp) ---
  struct SweepTotals {
    std::size_t live_bytes = 0;
    std::size_t live_objects = 0;
    std::size_t allocated_bytes = 0;  // before the sweep
  };
  void collect(const std::function<void(Marker&)>& scan_roots);
  void flush_caches(bool all);          // under lock; `all`: free every cache, else only orphans
  void mark(const void* p);
  void mark_inline(const void* p);
  void drain(Marker& marker);
  void scan(Span& span, std::uint32_t slot, Marker& marker);
  void sweep(SweepTotals& totals);      // under lock
  void free_large(Span* span);          // under lock
  void finalize_slot(Span& span, std::uint32_t slot);
  const void* find_base(const void* p) const;
  std::uint64_t go_address(const void* p) const;
};

// Pointer bitmaps: bit i of `bits` is word i.
void clear_bits(std::uint64_t* bits, std::size_t first, std::size_t count);
// Sets bits [first, first + count) from `pattern`, whose bit j is the bit of word first + j (mod 64).
void or_pattern(std::uint64_t* bits, std::size_t first, std::size_t count, std::uint64_t pattern);

}  // namespace gopark::vm::heap_detail
