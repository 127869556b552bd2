// Slices: make, append with Go's growth rule, slicing with Go's bounds messages, copy.
//
// A slice is a Slice* header (immutable) over a backing array object; an append that fits reuses
// the array and makes a new header, as Go's append returns a new slice value.
#include <algorithm>
#include <cstring>

#include "vm/interp.hpp"

namespace gopark::vm::ops {
namespace {

// Go's malloc size classes (runtime/sizeclasses.go): append rounds a new backing array up to
// one, which decides the capacity programs observe.
constexpr std::uint32_t kSizeClasses[] = {
    8,     16,    24,    32,    48,    64,    80,    96,    112,   128,   144,   160,   176,   192,
    208,   224,   240,   256,   288,   320,   352,   384,   416,   448,   480,   512,   576,   640,
    704,   768,   896,   1024,  1152,  1280,  1408,  1536,  1792,  2048,  2304,  2688,  3072,  3200,
    3456,  4096,  4864,  5376,  6144,  6528,  6784,  6912,  8192,  9472,  9728,  10240, 10880, 12288,
    13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};

std::uint64_t round_up_size(std::uint64_t bytes) {
  if (bytes <= 32768) {
    for (std::uint32_t c : kSizeClasses) {
      if (bytes <= c) return c;
    }
  }
  return (bytes + 8191) & ~std::uint64_t(8191);
}

// Go's growslice: the new capacity for a slice of capacity old that must hold needed elements.
std::int64_t grow_capacity(std::int64_t old, std::int64_t needed, std::uint32_t elem_size) {
  std::int64_t cap = old;
  if (needed > 2 * old) {
    cap = needed;
  } else if (old < 256) {
    cap = 2 * old;
  } else {
    while (cap > 0 && cap < needed) cap += (cap + 3 * 256) / 4;
    if (cap <= 0) cap = needed;
  }
  if (elem_size == 0) return cap;
  return std::int64_t(round_up_size(std::uint64_t(cap) * elem_size) / elem_size);
}

Slice* new_header(Goroutine& gr, std::uint8_t* data, std::int64_t len, std::int64_t cap) {
  auto* h = static_cast<Slice*>(gr.machine->allocate(gr, gr.machine->slice_layout()));
  if (!h) return nullptr;
  h->data = data;
  h->len = len;
  h->cap = cap;
  return h;
}

std::uint8_t* new_array(Goroutine& gr, const TypeInfo& elem, std::int64_t n) {
  Machine& m = *gr.machine;
  if (n == 0) return nullptr;
  if (!elem.has_pointers) {
    std::size_t bytes;  // overflows only on wasm32, where it is past any limit
    if (__builtin_mul_overflow(std::size_t(n), std::size_t{elem.size}, &bytes) || std::int64_t(std::size_t(n)) != n) {
      m.out_of_memory(gr, SIZE_MAX);
      return nullptr;
    }
    return static_cast<std::uint8_t*>(m.allocate_noscan(gr, bytes));
  }
  return static_cast<std::uint8_t*>(m.allocate(gr, m.layout_of(elem), std::size_t(n)));
}

// Go's maxAlloc: the largest allocation it tries (past the memory limit: out of memory).
constexpr std::int64_t kMaxAlloc = sizeof(void*) == 8 ? std::int64_t(1) << 48 : (std::int64_t(1) << 32) - 1;

}  // namespace

Word make_slice(Goroutine& gr, const TypeInfo& elem, std::int64_t len, std::int64_t cap) {
  if (cap > 0 && elem.size > 0 && cap > kMaxAlloc / elem.size) {
    // Go blames len when len alone is already too big.
    raise(gr, len > kMaxAlloc / elem.size ? "runtime error: makeslice: len out of range"
                                          : "runtime error: makeslice: cap out of range");
    return 0;
  }
  std::uint8_t* data = new_array(gr, elem, cap);
  if (cap > 0 && !data && elem.size > 0) return 0;
  Slice* h = new_header(gr, data, len, cap);
  return word(h);
}

// Grows s (header may be null) to hold `extra` more elements; returns the new header with len
// increased, or null on out of memory. Elements beyond the old len are the caller's to fill.
static Slice* grow(Goroutine& gr, const TypeInfo& elem, const Slice* s, std::int64_t extra) {
  std::int64_t len = s ? s->len : 0, cap = s ? s->cap : 0;
  std::int64_t needed = len + extra;
  if (needed <= cap) return new_header(gr, s->data, needed, cap);
  if (needed > kMaxAlloc / std::max<std::uint32_t>(elem.size, 1)) {
    raise(gr, "runtime error: growslice: len out of range");
    return nullptr;
  }
  std::int64_t new_cap = grow_capacity(cap, needed, elem.size);
  std::uint8_t* data = new_array(gr, elem, new_cap);
  if (!data && elem.size > 0) return nullptr;
  if (len > 0 && elem.size > 0) {
    if (elem.has_pointers) {
      for (std::int64_t off = 0; off < len * elem.size; off += 8) store_word(data + off, load_word(s->data + off));
    } else {
      std::memcpy(data, s->data, std::size_t(len) * elem.size);
    }
  }
  return new_header(gr, data, needed, new_cap);
}

Word append_value(Goroutine& gr, const TypeInfo& elem, Word s, Word value) {
  Slice* h = grow(gr, elem, ptr<const Slice>(s), 1);
  if (!h) return 0;
  store_value(gr, elem, h->data + (h->len - 1) * elem.size, value);
  return word(h);
}

Word append_slice(Goroutine& gr, const TypeInfo& elem, Word s, Word other, bool other_is_string) {
  const std::uint8_t* src;
  std::int64_t n;
  if (other_is_string) {
    std::string_view v = view(other);
    src = reinterpret_cast<const std::uint8_t*>(v.data());
    n = std::int64_t(v.size());
  } else {
    const Slice* o = ptr<const Slice>(other);
    src = o ? o->data : nullptr;
    n = o ? o->len : 0;
  }
  if (n == 0) return s;
  Slice* h = grow(gr, elem, ptr<const Slice>(s), n);
  if (!h) return 0;
  std::uint8_t* dst = h->data + (h->len - n) * elem.size;
  if (elem.has_pointers) {
    for (std::int64_t off = 0; off < n * elem.size; off += 8) store_word(dst + off, load_word(src + off));
  } else {
    std::memmove(dst, src, std::size_t(n) * elem.size);
  }
  return word(h);
}

static std::string bounds(const char* what, std::int64_t a, std::int64_t b) {
  std::string s = what;
  std::size_t at = s.find('a');
  if (at != std::string::npos) s.replace(at, 1, std::to_string(a));
  at = s.find('b');
  if (at != std::string::npos) s.replace(at, 1, std::to_string(b));
  return "runtime error: slice bounds out of range " + s;
}

void slice_of(Goroutine& gr, int kind, const TypeInfo* elem, Word x, std::int64_t array_len,
              std::int64_t lo, std::int64_t hi, std::int64_t max, bool has_hi, bool has_max,
              Word& out) {
  std::int64_t len, cap;
  if (kind == 0) {
    const Slice* s = ptr<const Slice>(x);
    len = s ? s->len : 0;
    cap = s ? s->cap : 0;
  } else if (kind == 1) {
    if (!x) {
      raise(gr, "runtime error: invalid memory address or nil pointer dereference");
      return;
    }
    len = cap = array_len;
  } else {
    len = cap = std::int64_t(length(x));
  }
  if (!has_hi) hi = len;
  const char* limit = kind == 0 ? "capacity" : "length";
  if (has_max) {
    if (std::uint64_t(max) > std::uint64_t(cap)) {
      raise(gr, bounds("[::a] with ", max, 0) + limit + " " + std::to_string(cap));
      return;
    }
    if (std::uint64_t(hi) > std::uint64_t(max)) return raise(gr, bounds("[:a:b]", hi, max));
    if (std::uint64_t(lo) > std::uint64_t(hi)) return raise(gr, bounds("[a:b:]", lo, hi));
  } else {
    std::int64_t bound = kind == 2 ? len : cap;
    if (std::uint64_t(hi) > std::uint64_t(bound)) {
      raise(gr, bounds("[:a] with ", hi, 0) + limit + " " + std::to_string(bound));
      return;
    }
    if (std::uint64_t(lo) > std::uint64_t(hi)) return raise(gr, bounds("[a:b]", lo, hi));
    max = cap;
  }
  if (kind == 2) {
    out = substring(gr, x, lo, hi);
    return;
  }
  std::uint8_t* base = kind == 0 ? (x ? ptr<const Slice>(x)->data : nullptr) : ptr<std::uint8_t>(x);
  std::uint32_t size = elem ? elem->size : 1;
  // An empty slice at the very end of the array keeps a pointer to the array's base, never one
  // past its end (the collector only understands pointers into objects).
  std::uint8_t* data = base && max - lo > 0 ? base + lo * size : base;
  if (kind == 0 && !x) {
    out = 0;
    return;
  }
  Slice* h = new_header(gr, data, hi - lo, max - lo);
  out = word(h);
}

std::int64_t copy_slice(Word dst, Word src, std::uint32_t elem_size, bool src_is_string) {
  Slice* d = ptr<Slice>(dst);
  if (!d) return 0;
  const std::uint8_t* from;
  std::int64_t n;
  if (src_is_string) {
    std::string_view v = view(src);
    from = reinterpret_cast<const std::uint8_t*>(v.data());
    n = std::int64_t(v.size());
  } else {
    const Slice* s = ptr<const Slice>(src);
    if (!s) return 0;
    from = s->data;
    n = s->len;
  }
  n = std::min(n, d->len);
  if (n > 0) std::memmove(d->data, from, std::size_t(n) * elem_size);
  return n;
}

void race_copy_slice(Goroutine& gr, const Instr* at, Word dst, Word src, std::uint32_t elem_size,
                     bool src_is_string) {
  Races& races = *gr.machine->races();
  const Slice* d = ptr<const Slice>(dst);
  const Slice* s = src_is_string ? nullptr : ptr<const Slice>(src);
  std::int64_t n = src_is_string ? std::int64_t(view(src).size()) : s ? s->len : 0;
  if (dst) n = d ? std::min(n, d->len) : 0;
  if (n <= 0) return;
  if (s) races.read_range(gr, at, std::uintptr_t(s->data), std::size_t(n) * elem_size);
  if (d) races.write_range(gr, at, std::uintptr_t(d->data), std::size_t(n) * elem_size);
}

void race_append(Goroutine& gr, const Instr* at, const Slice& old, Word result, std::uint32_t elem_size) {
  const Slice* r = ptr<const Slice>(result);
  if (!r || r->len <= old.len) return;
  Races& races = *gr.machine->races();
  if (r->data != old.data && old.len > 0) {
    races.read_range(gr, at, std::uintptr_t(old.data), std::size_t(old.len) * elem_size);
  }
  races.write_range(gr, at, std::uintptr_t(r->data) + std::size_t(old.len) * elem_size,
                    std::size_t(r->len - old.len) * elem_size);
}

}  // namespace gopark::vm::ops
