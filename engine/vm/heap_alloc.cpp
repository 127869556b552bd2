// Heap allocation: layouts, spans, blocks, the page table, thread caches and the allocation paths.
// The design, its invariants and the lock order are at the top of heap.hpp.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "runtime/runtime.hpp"
#include "vm/heap_internal.hpp"

namespace gopark::vm {

using namespace heap_detail;

namespace {

// Go's zerobase: what a zero-byte allocation returns. Not in any heap, never written.
alignas(16) constinit char zero_base[16] = {};

// ---- The registry of live heaps, and each thread's caches ----

// Process-wide. Leaked on purpose: thread exit hooks may run after static destructors.
struct Registry {
  std::mutex mutex;
  std::vector<HeapState*> live;  // guarded by mutex
  std::atomic<std::uint64_t> next_id{1};
};
Registry& registry() {
  static Registry* r = new Registry;
  return *r;
}

HeapState* live_heap(std::uint64_t id) {  // under the registry mutex
  for (HeapState* h : registry().live) {
    if (h->id == id) return h;
  }
  return nullptr;
}

struct CacheEntry {
  std::uint64_t heap_id;
  ThreadCache* cache;
};

// The last heap this thread allocated from: the fast path's only TLS access.
thread_local constinit CacheEntry tls_last{0, nullptr};
thread_local constinit bool tls_exited = false;

// Every cache of this thread. Its destructor (thread exit) orphans the caches of heaps still alive.
struct ThreadCaches {
  std::vector<CacheEntry> entries;
  ~ThreadCaches() {
    tls_exited = true;
    tls_last = {0, nullptr};
    std::lock_guard guard(registry().mutex);
    for (const CacheEntry& e : entries) {
      if (HeapState* h = live_heap(e.heap_id)) h->orphan(e.cache);
    }
  }
};
thread_local ThreadCaches tls_caches;

// Lowest page of an aligned run of `pages` (a power of two up to 16) free pages in `mask`, or -1.
int find_run(std::uint64_t mask, unsigned pages) {
  static constexpr std::uint64_t kAligned[] = {~std::uint64_t{0}, 0x5555555555555555, 0x1111111111111111,
                                               0x0101010101010101, 0x0001000100010001};
  std::uint64_t run = mask;
  for (unsigned s = 1; s < pages; s *= 2) run &= run >> s;
  run &= kAligned[std::countr_zero(pages)];
  return run ? std::countr_zero(run) : -1;
}

// Takes the next free slot under the cursor. The window must not be empty.
inline char* take(Span& span) {
  std::uint64_t w = span.window;
  std::uint32_t bit = std::uint32_t(std::countr_zero(w));
  span.window = w & (w - 1);
  return span.slot_address((span.next_group - 1) * 64 + bit);
}

// Moves the cursor to the next group with a free slot. Only the owner calls it, so no lock.
bool advance(Span& span) {
  // The group being left was emptied of free slots: it is now fully allocated.
  if (span.next_group > 0) span.alloc_bits[span.next_group - 1] = span.valid_mask(span.next_group - 1);
  while (span.next_group < span.groups) {
    std::uint32_t g = span.next_group++;
    std::uint64_t free = ~span.alloc_bits[g] & span.valid_mask(g);
    if (free) {
      span.window = free;
      return true;
    }
  }
  return false;
}

bool round_up(std::size_t n, std::size_t to, std::size_t& out) {
  if (n > SIZE_MAX - (to - 1)) return false;
  out = (n + to - 1) & ~(to - 1);
  return true;
}

}  // namespace

Span heap_detail::kNoSpan;

// ---- Layouts ----

GcLayout::GcLayout(std::uint32_t size, std::vector<std::uint32_t> pointer_offsets, TraceFn trace,
                   FinalizeFn finalize, const char* name)
    : size_(size), words_((size + 7) / 8), trace_(trace), finalize_(finalize), name_(name) {
  std::sort(pointer_offsets.begin(), pointer_offsets.end());
  pointer_offsets.erase(std::unique(pointer_offsets.begin(), pointer_offsets.end()), pointer_offsets.end());
  for (std::uint32_t offset : pointer_offsets) {
    if (offset % 8 != 0 || std::uint64_t(offset) + 8 > size) {
      rt::internal_error("GcLayout: a pointer offset is not an aligned word inside the element");
    }
    pointer_words_.push_back(offset / 8);
  }
  if (!pointer_words_.empty() && size % 8 != 0) {
    rt::internal_error("GcLayout: an element holding pointers must be a whole number of words");
  }
  if (words_ <= 64) {
    for (std::uint32_t w : pointer_words_) element_mask_ |= std::uint64_t{1} << w;
  }
  // Elements whose word count divides 64 repeat with period 64 bits: allocate writes whole bitmap words.
  if (!pointer_words_.empty() && words_ <= 64 && 64 % words_ == 0) {
    periodic_ = true;
    for (std::uint32_t start = 0; start < 64; start += words_) {
      for (std::uint32_t w : pointer_words_) pattern_ |= std::uint64_t{1} << (start + w);
    }
  }
}

namespace heap_detail {

// ---- Bitmaps ----

void clear_bits(std::uint64_t* bits, std::size_t first, std::size_t count) {
  if (count == 0) return;
  std::size_t last = first + count - 1;
  std::size_t w0 = first / 64, w1 = last / 64;
  std::uint64_t head = ~std::uint64_t{0} << (first % 64);
  std::uint64_t tail = ~std::uint64_t{0} >> (63 - last % 64);
  if (w0 == w1) {
    bits[w0] &= ~(head & tail);
    return;
  }
  bits[w0] &= ~head;
  for (std::size_t w = w0 + 1; w < w1; ++w) bits[w] = 0;
  bits[w1] &= ~tail;
}

void or_pattern(std::uint64_t* bits, std::size_t first, std::size_t count, std::uint64_t pattern) {
  if (count == 0) return;
  // Bit j of every bitmap word is pattern bit (j - first) mod 64: the pattern rotated left by first.
  std::uint64_t rotated = std::rotl(pattern, int(first % 64));
  std::size_t last = first + count - 1;
  std::size_t w0 = first / 64, w1 = last / 64;
  std::uint64_t head = ~std::uint64_t{0} << (first % 64);
  std::uint64_t tail = ~std::uint64_t{0} >> (63 - last % 64);
  if (w0 == w1) {
    bits[w0] |= rotated & head & tail;
    return;
  }
  bits[w0] |= rotated & head;
  for (std::size_t w = w0 + 1; w < w1; ++w) bits[w] |= rotated;
  bits[w1] |= rotated & tail;
}

// ---- Spans ----

Span* Span::create(char* base, std::size_t bytes, std::size_t slot_size, std::uint32_t slots, Kind kind) {
  std::uint32_t groups = (slots + 63) / 64;
  std::size_t pointer_words = kind == Kind::NoScan ? 0 : (bytes / 8 + 63) / 64;
  std::size_t bitmap_words = 2 * std::size_t(groups) + pointer_words;
  // Cache-line aligned and padded: each owner thread writes its span's cursor and pointer bits on every
  // allocation, and two threads' spans must not share a line.
  std::size_t size = (sizeof(Span) + bitmap_words * sizeof(std::uint64_t) + 63) & ~std::size_t{63};
  void* memory = nullptr;
  if (posix_memalign(&memory, alignof(Span), size) != 0) {
    rt::internal_error("out of memory for a span descriptor");
  }
  std::memset(memory, 0, size);
  Span* span = new (memory) Span;
  auto* bitmaps = reinterpret_cast<std::uint64_t*>(static_cast<char*>(memory) + sizeof(Span));
  span->base = base;
  span->bytes = bytes;
  span->slot_size = slot_size;
  span->slots = slots;
  span->groups = groups;
  span->kind = kind;
  span->free_slots = slots;
  span->alloc_bits = bitmaps;
  span->mark_bits = bitmaps + groups;
  span->pointer_bits = pointer_words ? bitmaps + 2 * groups : nullptr;
  return span;
}

void Span::destroy(Span* span) {
  span->~Span();
  std::free(span);
}

bool Span::is_allocated(std::uint32_t slot) const {
  std::uint32_t g = slot / 64;
  std::uint64_t bit = std::uint64_t{1} << (slot % 64);
  if (alloc_bits[g] & bit) return true;
  // Under the cursor: handed out since the window was loaded. (Groups behind it are written back.)
  return next_group > 0 && g == next_group - 1 && !(window & bit);
}

void write_back_cursor(Span& span) {
  if (span.next_group > 0) {
    std::uint32_t g = span.next_group - 1;
    span.alloc_bits[g] = span.valid_mask(g) & ~span.window;
  }
  span.window = 0;
  span.next_group = 0;
}

// ---- The page table ----

PageTable::~PageTable() {
  for (auto& top : top_) {
    Mid* mid = top.load(std::memory_order_relaxed);
    if (!mid) continue;
    for (auto& leaf : mid->leaves) delete leaf.load(std::memory_order_relaxed);
    delete mid;
  }
}

void PageTable::set(const char* base, std::size_t bytes, Span* span) {
  for (std::size_t at = 0; at < bytes; at += kPageSize) {
    std::uintptr_t a = reinterpret_cast<std::uintptr_t>(base + at);
    if constexpr (sizeof(void*) == 8) {
      if (a >> kAddressBits) rt::internal_error("heap memory above the 48-bit address space");
    }
    std::uintptr_t index = a >> kPageShift;
    std::atomic<Mid*>& top = top_[index >> (kLeafBits + kMidBits)];
    Mid* mid = top.load(std::memory_order_relaxed);
    if (!mid) {
      if (!span) continue;
      mid = new Mid();
      top.store(mid, std::memory_order_release);
    }
    std::atomic<Leaf*>& slot = mid->leaves[(index >> kLeafBits) & ((1u << kMidBits) - 1)];
    Leaf* leaf = slot.load(std::memory_order_relaxed);
    if (!leaf) {
      if (!span) continue;
      leaf = new Leaf();
      slot.store(leaf, std::memory_order_release);
    }
    leaf->spans[index & ((1u << kLeafBits) - 1)].store(span, std::memory_order_release);
  }
}

// ---- Thread caches ----

ThreadCache::ThreadCache() {
  for (Span*& s : spans) s = &kNoSpan;
}

ThreadCache& HeapState::cache() {
  // Fast path: one TLS load and a compare. Ids are never reused, so a stale entry cannot match.
  if (tls_last.heap_id == id) [[likely]] {
    return *tls_last.cache;
  }
  return cache_slow();
}

ThreadCache& HeapState::cache_slow() {
  if (tls_exited) rt::internal_error("heap allocation by a thread whose thread-local state is gone");
  std::vector<CacheEntry>& entries = tls_caches.entries;
  for (const CacheEntry& e : entries) {
    if (e.heap_id == id) {
      tls_last = e;
      return *e.cache;
    }
  }
  if (entries.size() >= 8) {  // drop the entries of heaps that are gone
    std::lock_guard guard(registry().mutex);
    std::erase_if(entries, [](const CacheEntry& e) { return live_heap(e.heap_id) == nullptr; });
  }
  ThreadCache* c = nullptr;
  {
    std::lock_guard guard(lock);
    for (ThreadCache* o = caches; o; o = o->next) {
      if (o->orphaned) {  // adopt an exited thread's cache, spans and all
        o->orphaned = false;
        c = o;
        break;
      }
    }
    if (!c) {
      c = new ThreadCache;
      c->next = caches;
      caches = c;
      ++cache_count;
    }
  }
  entries.push_back({id, c});
  tls_last = {id, c};
  return *c;
}

void HeapState::orphan(ThreadCache* c) {
  std::lock_guard guard(lock);
  c->orphaned = true;
}

HeapState::HeapState(Heap& owner) : heap(owner), id(registry().next_id.fetch_add(1)) {
  std::lock_guard guard(registry().mutex);
  registry().live.push_back(this);
}

// ---- Accounting ----

void HeapState::note_allocated(std::size_t bytes) {
  allocated_since_gc += bytes;
  if (live_bytes + live_external + allocated_since_gc >= trigger) heap.gc_wanted_.store(true, std::memory_order_relaxed);
}

std::size_t HeapState::heap_limit() const {
  std::size_t cap = limit.load(std::memory_order_relaxed);
  if (cap == SIZE_MAX) return cap;
  std::size_t outside = external.load(std::memory_order_relaxed);
  return cap > outside ? cap - outside : 0;
}

// The trigger counts what the run holds outside the heap as live too (as Go's pacer counts
// stacks): else a program holding many pending timers or goroutines, whose reservations count as
// allocation, would collect after every few MB, each time scanning all of them.
void HeapState::update_trigger() {
  live_external = external.load(std::memory_order_relaxed);
  const std::size_t live = live_bytes + live_external;
  std::size_t goal = SIZE_MAX;
  if (gogc >= 0) {
    std::uint64_t scaled;  // live * (100 + GOGC) / 100, saturating
    if (__builtin_mul_overflow(std::uint64_t{live}, std::uint64_t(gogc) + 100, &scaled)) {
      scaled = UINT64_MAX;
    }
    goal = std::max<std::size_t>(std::min<std::uint64_t>(scaled / 100, SIZE_MAX), kMinTrigger);
  }
  if (limit != SIZE_MAX) {
    // Collect before the limit is hit, but leave at least half the headroom above what is live so
    // a run close to its limit does not collect at every safe point.
    std::size_t near_limit = limit - limit / 8;
    std::size_t headroom = limit > live ? (limit - live) / 2 : 0;
    goal = std::min(goal, std::max(near_limit, live + headroom));
  }
  trigger = goal;
  bool wanted = stress || live + allocated_since_gc >= trigger;
  heap.gc_wanted_.store(wanted, std::memory_order_relaxed);
}

// ---- Pages and spans (under the lock) ----

// An allocation failed on the limit: a collection is wanted, whatever the trigger says.
std::nullptr_t HeapState::at_limit() {
  heap.gc_wanted_.store(true, std::memory_order_relaxed);
  return nullptr;
}

// At the limit: frees the spans kept empty for reuse and every empty block, so that an allocation retried
// after a collection never fails for memory that collection found free. True if heap_bytes went down.
bool HeapState::shrink() {
  bool freed_span = false;
  for (Span*& head : empty) {
    for (Span* span = head; span; span = span->next_partial) {
      free_pages(span);
      span->released = true;
      freed_span = true;
    }
    head = nullptr;
  }
  if (freed_span) {
    std::erase_if(spans, [](Span* span) {
      if (!span->released) return false;
      Span::destroy(span);
      return true;
    });
  }
  std::size_t before = heap_bytes;
  free_blocks(true);
  return heap_bytes < before;
}

char* HeapState::alloc_pages(unsigned pages, Block*& block_out, bool custom) {
  for (std::size_t i = block_hint; i < blocks.size(); ++i) {
    Block* b = blocks[i];
    if (b->custom != custom) continue;
    int at = find_run(b->free_mask, pages);
    if (at < 0) continue;
    std::uint64_t run = (pages == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << pages) - 1) << at;
    b->free_mask &= ~run;
    while (block_hint < blocks.size() && blocks[block_hint]->free_mask == 0) ++block_hint;
    block_out = b;
    return b->base + std::size_t(at) * kPageSize;
  }
  if (std::size_t cap = heap_limit(); cap < kBlockSize || heap_bytes > cap - kBlockSize) {
    return shrink() ? alloc_pages(pages, block_out, custom) : at_limit();
  }
  void* memory = nullptr;
  if (posix_memalign(&memory, kPageSize, kBlockSize) != 0) return nullptr;
  poison(memory, kBlockSize);
  heap_bytes += kBlockSize;
  Block* b = new Block;
  b->base = static_cast<char*>(memory);
  b->index = std::uint32_t(blocks.size());
  b->custom = custom;
  b->seq = custom ? custom_blocks_made++ : blocks_made++;
  b->free_mask = pages == 64 ? 0 : ~((std::uint64_t{1} << pages) - 1);
  blocks.push_back(b);
  block_out = b;
  return b->base;
}

void HeapState::free_pages(Span* span) {
  Block* b = span->block;
  std::size_t at = std::size_t(span->base - b->base) / kPageSize;
  std::size_t pages = span->bytes / kPageSize;
  b->free_mask |= (pages == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << pages) - 1) << at;
  block_hint = std::min<std::size_t>(block_hint, b->index);
  table.set(span->base, span->bytes, nullptr);
  poison(span->base, span->bytes);
}

Span* HeapState::new_span(int sc) {
  const SizeClass& c = kSizeClasses[sc / kKinds];
  Block* block = nullptr;
  char* base = alloc_pages(c.pages, block, Kind(sc % kKinds) == Kind::Custom);
  if (!base) return nullptr;
  Span* span = Span::create(base, c.pages * kPageSize, c.size, c.slots, Kind(sc % kKinds));
  span->div_magic = c.div_magic;
  span->span_class = std::uint16_t(sc);
  span->block = block;
  table.set(base, span->bytes, span);
  spans.push_back(span);
  return span;
}

// The slow path of a small allocation: the window under the cursor is empty.
char* HeapState::refill(ThreadCache& c, int sc, Span*& span_out) {
  Span* old = c.spans[sc];
  if (old != &kNoSpan && advance(*old)) {  // more free slots further on in the same span: no lock
    span_out = old;
    return take(*old);
  }
  std::lock_guard guard(lock);
  if (old != &kNoSpan) {  // exhausted: nobody's now, on no list, until a sweep frees slots in it
    write_back_cursor(*old);
    old->owned = false;
    old->free_slots = 0;
    c.spans[sc] = &kNoSpan;
  }
  // Partly used spans first, so that the empty ones can die at the next sweep if they are not needed.
  Span* span = partial[sc];
  if (span) {
    partial[sc] = span->next_partial;
  } else if ((span = empty[sc]) != nullptr) {
    empty[sc] = span->next_partial;
    span->was_empty = false;
  } else {
    span = new_span(sc);
    if (!span) return nullptr;
  }
  span->next_partial = nullptr;
  span->owned = true;
  note_allocated(span->free_slots * span->slot_size);
  c.spans[sc] = span;
  if (!advance(*span)) rt::internal_error("heap: a span on the partial list has no free slot");
  span_out = span;
  return take(*span);
}

// ---- Allocation ----

namespace {

std::uint64_t low_bits(std::size_t n) { return n >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1; }

// Replaces the bits of a slot of at most 64 words starting at bit `first`: one or two bitmap words.
__attribute__((always_inline)) inline void write_slot_bits(std::uint64_t* bits, std::size_t first,
                                                           std::size_t slot_words, std::uint64_t object) {
  std::size_t w = first / 64;
  unsigned shift = unsigned(first % 64);
  std::uint64_t slot = low_bits(slot_words);
  bits[w] = (bits[w] & ~(slot << shift)) | (object << shift);
  if (shift + slot_words > 64) {  // so shift > 0
    bits[w + 1] = (bits[w + 1] & ~(slot >> (64 - shift))) | (object >> (64 - shift));
  }
}

// Zeroes an object: constant-size stores for the common small sizes, memset beyond. Rounding up to a
// word stays inside the slot (slots are whole words).
inline void zero_object(char* p, std::size_t bytes) {
  switch ((bytes + 7) / 8) {
    case 1: std::memset(p, 0, 8); return;
    case 2: std::memset(p, 0, 16); return;
    case 3: std::memset(p, 0, 24); return;
    case 4: std::memset(p, 0, 32); return;
    case 5: std::memset(p, 0, 40); return;
    case 6: std::memset(p, 0, 48); return;
    default: std::memset(p, 0, bytes); return;
  }
}

}  // namespace

// The pointer bits of an object that fits in 64 words, from the start of its slot; false if the layout
// needs the general path (a non-periodic element repeated).
inline bool HeapState::small_object_bits(const GcLayout& layout, std::size_t count,
                                         std::size_t header_words, std::uint64_t& out) {
  if (count == 1 && layout.words_ <= 64) {  // new(T), a cell, a struct: the common case first
    out = layout.element_mask_ << header_words;
  } else if (layout.pointer_words_.empty()) {
    out = 0;
  } else if (layout.periodic_) {
    out = (layout.pattern_ & low_bits(count * layout.words_)) << header_words;
  } else {
    return false;
  }
  return true;
}

// Writes the pointer bits of a freshly allocated object: `count` elements of `layout` after
// `header_words`, every other bit of the slot cleared.
void HeapState::write_object_bits(Span& span, char* object, std::size_t slot_words, const GcLayout* layout,
                                  std::size_t count, std::size_t header_words) {
  std::size_t first = std::size_t(object - span.base) / 8;
  std::uint64_t bits;
  if (slot_words <= 64 && small_object_bits(*layout, count, header_words, bits)) {
    write_slot_bits(span.pointer_bits, first, slot_words, bits);
    return;
  }
  if (!span.large) clear_bits(span.pointer_bits, first, slot_words);  // a large span's bits start clear
  if (layout->pointer_words_.empty()) return;
  std::size_t start = first + header_words;
  if (layout->periodic_) {
    or_pattern(span.pointer_bits, start, count * layout->words_, layout->pattern_);
    return;
  }
  for (std::size_t e = 0; e < count; ++e, start += layout->words_) {
    for (std::uint32_t w : layout->pointer_words_) {
      span.pointer_bits[(start + w) / 64] |= std::uint64_t{1} << ((start + w) % 64);
    }
  }
}

// The pointer bits of a zeroed scan or custom object, and a custom object's header. Returns the address
// allocate hands out.
void* HeapState::finish_object(Span& span, char* p, std::size_t slot_words, Kind kind, const GcLayout* layout,
                               std::size_t count) {
  if (kind != Kind::Custom) {
    write_object_bits(span, p, slot_words, layout, count, 0);
    return p;
  }
  write_object_bits(span, p, slot_words, layout, count, kCustomHeader / 8);
  new (p) CustomHeader{layout, count};
  return p + kCustomHeader;
}

// A slot of span class `sc` from this thread's cache: the fast path, or the refill.
inline char* HeapState::take_slot(int sc, Span*& span) {
  ThreadCache& c = cache();
  span = c.spans[sc];
  if (span->window) [[likely]] {
    return take(*span);
  }
  return refill(c, sc, span);
}

void* HeapState::allocate_small(Kind kind, std::size_t bytes, const GcLayout* layout, std::size_t count) {
  int size_class = size_class_of(bytes);
  if (kind == Kind::Custom && kSizeClasses[size_class].size % 16 != 0) ++size_class;
  Span* span;
  char* p = take_slot(span_class(size_class, kind), span);
  if (!p) return nullptr;
  unpoison(p, span->slot_size);
  zero_object(p, bytes);
  if (kind == Kind::NoScan) return p;
  return finish_object(*span, p, span->slot_size / 8, kind, layout, count);
}

void* HeapState::allocate_large(Kind kind, std::size_t bytes, const GcLayout* layout, std::size_t count) {
  std::size_t rounded;
  if (!round_up(bytes, kPageSize, rounded)) return nullptr;
  Span* span;
  {
    std::lock_guard guard(lock);
    std::size_t cap = heap_limit();
    if (rounded > cap || heap_bytes > cap - rounded) {
      if (!shrink() || heap_bytes > cap - rounded) return at_limit();
    }
    void* memory = nullptr;
    if (posix_memalign(&memory, kPageSize, rounded) != 0) return nullptr;
    span = Span::create(static_cast<char*>(memory), rounded, rounded, 1, kind);
    span->large = true;
    span->seq = large_made++;
    span->span_class = std::uint16_t(kSpanClasses);
    span->alloc_bits[0] = 1;
    heap_bytes += rounded;
    table.set(span->base, rounded, span);
    large.push_back(span);
    note_allocated(rounded);
  }
  // Zeroing a big object takes a while: outside the lock. Nothing else can see the object yet.
  char* p = span->base;
  std::memset(p, 0, bytes);
  if (kind == Kind::NoScan) return p;
  return finish_object(*span, p, rounded / 8, kind, layout, count);
}

void* HeapState::allocate(const GcLayout& layout, std::size_t count) {
  std::size_t bytes;
  if (__builtin_mul_overflow(std::size_t{layout.size_}, count, &bytes)) return nullptr;
  if (layout.trace_ || layout.finalize_) {
    if (bytes > SIZE_MAX - kCustomHeader) return nullptr;
    bytes += kCustomHeader;
    return bytes <= kMaxSmall ? allocate_small(Kind::Custom, bytes, &layout, count)
                              : allocate_large(Kind::Custom, bytes, &layout, count);
  }
  if (layout.pointer_words_.empty()) return allocate_noscan(bytes);
  if (bytes - 1 < kMaxSmall) [[likely]] {  // 1..kMaxSmall: the path of most allocations, inline
    Span* span;
    char* p = take_slot(span_class(size_class_of(bytes), Kind::Scan), span);
    if (!p) return nullptr;
    unpoison(p, span->slot_size);
    zero_object(p, bytes);
    std::size_t slot_words = span->slot_size / 8;
    std::uint64_t bits;
    if (slot_words <= 64 && small_object_bits(layout, count, 0, bits)) {
      write_slot_bits(span->pointer_bits, std::size_t(p - span->base) / 8, slot_words, bits);
    } else {
      write_object_bits(*span, p, slot_words, &layout, count, 0);
    }
    return p;
  }
  if (bytes == 0) return zero_base;
  return allocate_large(Kind::Scan, bytes, &layout, count);
}

void* HeapState::allocate_noscan(std::size_t bytes) {
  if (bytes - 1 < kMaxSmall) [[likely]] {
    Span* span;
    char* p = take_slot(span_class(size_class_of(bytes), Kind::NoScan), span);
    if (!p) return nullptr;
    unpoison(p, span->slot_size);
    zero_object(p, bytes);
    return p;
  }
  if (bytes == 0) return zero_base;
  return allocate_large(Kind::NoScan, bytes, nullptr, 0);
}

}  // namespace heap_detail

// ---- Heap: the public face ----

Heap::Heap() : state_(std::make_unique<HeapState>(*this)) {}

Heap::~Heap() {
  {
    // After this no exiting thread can reach this heap to orphan a cache.
    std::lock_guard guard(registry().mutex);
    std::erase(registry().live, state_.get());
  }
  state_.reset();
}

void* Heap::allocate(const GcLayout& layout, std::size_t count) { return state_->allocate(layout, count); }

void* Heap::allocate_noscan(std::size_t bytes) { return state_->allocate_noscan(bytes); }

void Heap::set_gogc(int percent) {
  std::lock_guard guard(state_->lock);
  state_->gogc = percent;
  state_->update_trigger();
}

void Heap::set_limit(std::size_t bytes) {
  std::lock_guard guard(state_->lock);
  state_->limit = bytes;
  state_->update_trigger();
}

bool Heap::reserve_external(std::size_t bytes, bool collectable) {
  HeapState& s = *state_;
  std::size_t before = s.external.fetch_add(bytes, std::memory_order_relaxed);
  std::size_t limit = s.limit.load(std::memory_order_relaxed);
  std::size_t after;
  if (limit != SIZE_MAX &&
      (__builtin_add_overflow(before, bytes, &after) || after > limit || s.heap_bytes.load() > limit - after)) {
    s.external.fetch_sub(bytes, std::memory_order_relaxed);
    gc_wanted_.store(true, std::memory_order_relaxed);
    return false;
  }
  if (collectable) {
    std::lock_guard guard(s.lock);
    s.note_allocated(bytes);
  }
  return true;
}

void Heap::release_external(std::size_t bytes) {
  // Null while ~Heap runs the finalizers of what is still allocated: nothing is left to account.
  if (HeapState* s = state_.get()) s->external.fetch_sub(bytes, std::memory_order_relaxed);
}

void Heap::set_gc_stress(bool on) {
  std::lock_guard guard(state_->lock);
  state_->stress = on;
  state_->update_trigger();
}

}  // namespace gopark::vm
