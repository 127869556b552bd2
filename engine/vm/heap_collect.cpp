// Heap collection: flushing the caches, marking, sweeping, releasing memory, and the heap's teardown.
// The design, its invariants and the lock order are at the top of heap.hpp.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>

#include "runtime/runtime.hpp"
#include "vm/heap_internal.hpp"

namespace gopark::vm {

using namespace heap_detail;

namespace {

std::uint64_t now_ns() {
  return std::uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                           std::chrono::steady_clock::now().time_since_epoch())
                           .count());
}

}  // namespace

void Marker::mark(const void* maybe_pointer) { state_.mark(maybe_pointer); }

void Marker::mark_words(const std::uint64_t* words, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) state_.mark(word_address(words[i]));
}

namespace heap_detail {

// ---- Marking (the collecting thread only, world stopped: no locks, no atomics needed for the bits) ----

// Neighbours point at neighbours: the span of the last hit is checked before the table.
inline __attribute__((always_inline)) void HeapState::mark_inline(const void* p) {
  Span* span = last_marked;
  if (reinterpret_cast<std::uintptr_t>(p) - reinterpret_cast<std::uintptr_t>(span->base) >= span->bytes) {
    span = table.lookup(p);
    if (!span) return;
    last_marked = span;
  }
  std::uint32_t slot = span->slot_of(std::size_t(static_cast<const char*>(p) - span->base));
  if (slot == UINT32_MAX) return;
  std::uint32_t g = slot / 64;
  std::uint64_t bit = std::uint64_t{1} << (slot % 64);
  if (span->mark_bits[g] & bit) return;
  if (!(span->alloc_bits[g] & bit)) return;  // a free slot: a stale or made-up address
  span->mark_bits[g] |= bit;
  if (span->kind != Kind::NoScan) mark_stack.push_back({span, slot});
}

void HeapState::mark(const void* p) { mark_inline(p); }

// Marks everything the object in `slot` points to: its pointer words, then its custom trace.
void HeapState::scan(Span& span, std::uint32_t slot, Marker& marker) {
  char* object = span.slot_address(slot);
  std::size_t first = std::size_t(object - span.base) / 8;
  std::size_t last = first + span.slot_size / 8 - 1;
  for (std::size_t w = first / 64; w <= last / 64; ++w) {
    std::uint64_t bits = span.pointer_bits[w];
    if (w == first / 64) bits &= ~std::uint64_t{0} << (first % 64);
    if (w == last / 64) bits &= ~std::uint64_t{0} >> (63 - last % 64);
    while (bits) {
      std::uint64_t word;  // memcpy: the word was stored as whatever C++ type the VM gave it
      std::memcpy(&word, span.base + (w * 64 + std::size_t(std::countr_zero(bits))) * 8, sizeof word);
      mark_inline(word_address(word));
      bits &= bits - 1;
    }
  }
  if (span.kind != Kind::Custom) return;
  const auto& header = *reinterpret_cast<const CustomHeader*>(object);
  const GcLayout* layout = header.layout;
  std::uint64_t count = header.count;
  if (!layout->trace_) return;
  char* element = object + kCustomHeader;
  for (std::uint64_t e = 0; e < count; ++e, element += layout->size_) layout->trace_(element, marker);
}

void HeapState::drain(Marker& marker) {
  // Objects go through a small FIFO between the mark stack and the scan, prefetched on the way in:
  // scanning is bound by cache misses on the objects, and LIFO order gives a prefetch no time.
  constexpr unsigned kAhead = 8;
  Work ring[kAhead];
  unsigned head = 0, count = 0;
  for (;;) {
    while (count < kAhead && !mark_stack.empty()) {
      Work work = mark_stack.back();
      mark_stack.pop_back();
      __builtin_prefetch(work.span->slot_address(work.slot));
      ring[(head + count++) % kAhead] = work;
    }
    if (count == 0) return;
    Work work = ring[head];
    head = (head + 1) % kAhead;
    --count;
    scan(*work.span, work.slot, marker);
  }
}

// ---- Flushing the caches (under the lock) ----

void HeapState::flush_caches(bool all) {
  ThreadCache** link = &caches;
  while (ThreadCache* c = *link) {
    for (Span*& span : c->spans) {
      if (span == &kNoSpan) continue;
      write_back_cursor(*span);
      span->owned = false;
      span = &kNoSpan;
    }
    if (all || c->orphaned) {
      *link = c->next;
      delete c;
      --cache_count;
    } else {
      link = &c->next;
    }
  }
}

// ---- Sweeping (under the lock) ----

void HeapState::finalize_slot(Span& span, std::uint32_t slot) {
  char* object = span.slot_address(slot);
  const auto& header = *reinterpret_cast<const CustomHeader*>(object);
  const GcLayout* layout = header.layout;
  std::uint64_t count = header.count;
  if (!layout->finalize_) return;
  char* element = object + kCustomHeader;
  for (std::uint64_t e = 0; e < count; ++e, element += layout->size_) layout->finalize_(element);
  ++finalized;
}

// alloc bits := mark bits, mark bits := 0, finalizers for dead custom objects, and the span's fate: on
// its class's partial list (some free slots), on no list (full), or, with no live slot, on its class's
// empty list the first time and freed the second: a program allocating steadily reuses its spans
// instead of making new ones under the heap lock at every refill.
void HeapState::sweep(SweepTotals& totals) {
  for (Span*& head : partial) head = nullptr;
  for (Span*& head : empty) head = nullptr;
  std::size_t kept = 0;
  for (Span* span : spans) {
    std::uint32_t live = 0;
    for (std::uint32_t g = 0; g < span->groups; ++g) {
      std::uint64_t allocated = span->alloc_bits[g];
      std::uint64_t marked = span->mark_bits[g];
      totals.allocated_bytes += std::size_t(std::popcount(allocated)) * span->slot_size;
      for (std::uint64_t dead = allocated & ~marked; dead; dead &= dead - 1) {
        std::uint32_t slot = g * 64 + std::uint32_t(std::countr_zero(dead));
        if (span->kind == Kind::Custom) finalize_slot(*span, slot);
        poison(span->slot_address(slot), span->slot_size);
      }
      span->alloc_bits[g] = marked;
      span->mark_bits[g] = 0;
      live += std::uint32_t(std::popcount(marked));
    }
    if (live == 0) {
      if (span->was_empty) {
        free_pages(span);
        Span::destroy(span);
        continue;
      }
      span->was_empty = true;
      span->free_slots = span->slots;
      span->next_partial = empty[span->span_class];
      empty[span->span_class] = span;
      spans[kept++] = span;
      continue;
    }
    span->was_empty = false;
    span->free_slots = span->slots - live;
    if (span->free_slots > 0) {
      span->next_partial = partial[span->span_class];
      partial[span->span_class] = span;
    }
    totals.live_bytes += std::size_t(live) * span->slot_size;
    totals.live_objects += live;
    spans[kept++] = span;
  }
  spans.resize(kept);

  kept = 0;
  for (Span* span : large) {
    totals.allocated_bytes += span->slot_size;
    if (span->mark_bits[0]) {
      span->mark_bits[0] = 0;
      totals.live_bytes += span->slot_size;
      totals.live_objects += 1;
      large[kept++] = span;
      continue;
    }
    if (span->kind == Kind::Custom) finalize_slot(*span, 0);
    free_large(span);
  }
  large.resize(kept);
}

void HeapState::free_large(Span* span) {
  table.set(span->base, span->bytes, nullptr);
  heap_bytes -= span->bytes;
  std::free(span->base);
  Span::destroy(span);
}

// Frees empty blocks: all of them, or (after a collection) those beyond the next trigger. Up to there the
// heap will grow again before the next collection, and a kept block saves a malloc and page faults.
void HeapState::free_blocks(bool all) {
  std::size_t kept = 0;
  for (Block* b : blocks) {
    if (b->free_mask == ~std::uint64_t{0} && (all || heap_bytes > trigger)) {
      unpoison(b->base, kBlockSize);
      std::free(b->base);
      delete b;
      heap_bytes -= kBlockSize;
      continue;
    }
    b->index = std::uint32_t(kept);
    blocks[kept++] = b;
  }
  blocks.resize(kept);
  block_hint = 0;
  while (block_hint < blocks.size() && blocks[block_hint]->free_mask == 0) ++block_hint;
}

void HeapState::collect(const std::function<void(Marker&)>& scan_roots) {
  std::uint64_t start = now_ns();
  std::lock_guard guard(lock);
  flush_caches(false);
  last_marked = &kNoSpan;
  Marker marker(*this);
  scan_roots(marker);
  drain(marker);
  std::uint64_t marked = now_ns();

  SweepTotals totals;
  sweep(totals);
  allocated_total += totals.allocated_bytes - std::min(totals.allocated_bytes, live_bytes);
  live_bytes = totals.live_bytes;
  live_objects = totals.live_objects;
  allocated_since_gc = 0;
  update_trigger();
  free_blocks(false);
  if (mark_stack.capacity() > (std::size_t{1} << 20)) mark_stack = {};  // a deep one-off: give it back
  std::uint64_t end = now_ns();

  ++collections;
  last_mark_ns = marked - start;
  last_sweep_ns = end - marked;
  last_pause_ns = end - start;
  total_pause_ns += last_pause_ns;
}

const void* HeapState::find_base(const void* p) const {
  Span* span = table.lookup(p);
  if (!span) return nullptr;
  std::uint32_t slot = span->slot_of(std::size_t(static_cast<const char*>(p) - span->base));
  if (slot == UINT32_MAX || !span->is_allocated(slot)) return nullptr;
  char* object = span->slot_address(slot);
  return span->kind == Kind::Custom ? object + kCustomHeader : object;
}

std::uint64_t HeapState::go_address(const void* p) const {
  // Go's heap starts at 0xc000000000; large objects are placed far above the blocks, 4 GiB apart
  // (no object is that big: the heap's limit is lower).
  // The blocks of custom objects (Block::custom) are numbered apart: the program's own blocks
  // take the even places, theirs the odd ones.
  constexpr std::uint64_t kBlocksBase = 0xc000000000, kLargeBase = 0xe000000000;
  const Span* span = table.lookup(p);
  if (!span) return std::uint64_t(reinterpret_cast<std::uintptr_t>(p));
  if (span->large) return kLargeBase + (span->seq << 32) + std::uint64_t(static_cast<const char*>(p) - span->base);
  const std::uint64_t place = 2 * span->block->seq + (span->block->custom ? 1 : 0);
  return kBlocksBase + place * kBlockSize + std::uint64_t(static_cast<const char*>(p) - span->block->base);
}

HeapState::~HeapState() {
  // The heap is gone from the registry (~Heap) and no thread allocates: no lock is needed, but the
  // analysis-free std::mutex makes taking it free, so the guarded fields are touched under it.
  std::lock_guard guard(lock);
  flush_caches(true);
  for (Span* span : spans) {
    if (span->kind == Kind::Custom) {
      for (std::uint32_t g = 0; g < span->groups; ++g) {
        for (std::uint64_t live = span->alloc_bits[g]; live; live &= live - 1) {
          finalize_slot(*span, g * 64 + std::uint32_t(std::countr_zero(live)));
        }
      }
    }
    Span::destroy(span);
  }
  spans.clear();
  for (Span* span : large) {
    if (span->kind == Kind::Custom) finalize_slot(*span, 0);
    free_large(span);
  }
  large.clear();
  for (Block* b : blocks) {
    unpoison(b->base, kBlockSize);
    std::free(b->base);
    delete b;
  }
  blocks.clear();
}

}  // namespace heap_detail

// ---- Heap: the public face ----

void Heap::collect(const std::function<void(Marker&)>& scan_roots) { state_->collect(scan_roots); }

Heap::Stats Heap::stats() const {
  HeapState& s = *state_;
  std::lock_guard guard(s.lock);
  Stats out;
  out.live_bytes = s.live_bytes;
  out.live_objects = s.live_objects;
  out.heap_bytes = s.heap_bytes;
  out.heap_live = s.live_bytes + s.allocated_since_gc;
  out.allocated_bytes = s.allocated_total + s.allocated_since_gc;
  out.next_gc = s.trigger;
  out.limit = s.limit;
  out.external_bytes = s.external.load(std::memory_order_relaxed);
  out.collections = s.collections;
  out.finalized = s.finalized;
  out.last_pause_ns = s.last_pause_ns;
  out.last_mark_ns = s.last_mark_ns;
  out.last_sweep_ns = s.last_sweep_ns;
  out.total_pause_ns = s.total_pause_ns;
  out.thread_caches = s.cache_count;
  return out;
}

const void* Heap::find_base(const void* p) const { return state_->find_base(p); }
std::uint64_t Heap::go_address(std::uint64_t address) const {
  return address == 0 ? 0 : state_->go_address(reinterpret_cast<const void*>(std::uintptr_t(address)));
}

}  // namespace gopark::vm
