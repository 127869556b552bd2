#pragma once
// How Go values look in the VM's registers and heap.
//
// The one rule: every register and every value of string, slice, interface, map, chan, func and
// pointer type is one 8-byte Word. The multi-word parts live in immutable heap objects, so a Word
// can be copied, stored and loaded with one aligned 8-byte access. That is what makes the VM
// memory-safe under user data races (ARCHITECTURE.md): a racy program can read a stale Word, never a
// torn one, and every object a Word points to is self-describing and bounds-checked:
//   string     → String  {data, len}        data points into a byte object (or static memory)
//   slice      → Slice   {data, len, cap}   data points into a backing array object
//   interface  → Box     {type, payload}    payload is the value's bytes; boxes are immutable
//   func       → Closure {fn, free...}      free variables are cell pointers
//   map        → MapObject                  internally locked (map.hpp)
//   chan       → ChanObject                 wraps an engine channel of Words
//   pointer    → the address of the value, possibly inside another object
// Zero is the zero value of all of them (nil, "", nil slice ...).
//
// Structs and arrays are stored inline (natural layout: TypeInfo's size, align and field
// offsets). A register of struct or array type holds a pointer to the value's storage; the
// compiler copies the storage when Go's value semantics need a copy (assignment, passing,
// boxing, channel send).
//
// Numbers in registers: integers are kept normalized to their type (sign- or zero-extended to 64
// bits), so comparisons and conversions need no masking; float32 values are held as doubles that
// are exactly representable as float. In memory, each has its natural size.
//
// Rejected: a tagged union per value (Lua's TValue): 16 bytes, tag checks on every instruction,
// and a torn tag/payload pair would be unsafe under races. Multi-word strings and slices in
// registers (Go's own layout) would be faster to slice, but a racy read could pair a data pointer
// with another slice's length, and checking against the backing store would cost more than the
// indirection does.
#include <cstdint>
#include <cstring>

namespace gopark::lang { struct Type; }

namespace gopark::vm {

using Word = std::uint64_t;

struct TypeInfo;   // the runtime descriptor of a Go type (image.hpp)
struct Function;   // bytecode (code.hpp)

// An immutable string header. Bytes are not NUL-terminated.
struct String {
  const std::uint8_t* data;
  std::int64_t len;
};

// An immutable slice header. data points at element 0 of the slice inside the backing array;
// cap counts elements from there.
struct Slice {
  std::uint8_t* data;
  std::int64_t len;
  std::int64_t cap;
};

// An interface value: the dynamic type and the value's bytes. Immutable.
struct Box {
  // alignas(8): the payload starts at offset 8 on every target (wasm32's pointers are 4 bytes,
  // and the payload's words must stay 8-aligned for their atomic loads).
  alignas(8) const TypeInfo* type;
  // payload follows, aligned to 8
  std::uint8_t* payload() { return reinterpret_cast<std::uint8_t*>(this + 1); }
  const std::uint8_t* payload() const { return reinterpret_cast<const std::uint8_t*>(this + 1); }
  Word word() const { Word w; std::memcpy(&w, payload(), sizeof w); return w; }
};

static_assert(sizeof(Box) == 8, "a Box's payload starts at offset 8");

// A function value. `free` holds the cells of captured variables (or, for a bound method value,
// the receiver's storage).
struct Closure {
  const Function* fn;
  std::uint32_t nfree;
  std::uint32_t pad;
  Word free[1];  // nfree entries
};

// Word access helpers. Relaxed atomics: races between goroutines are the program's business, but
// they must not be undefined behaviour in C++ (and TSan must not report the VM itself).
// (GCC builtins rather than std::atomic_ref: Emscripten's libc++ 13 lacks atomic_ref.)
inline Word load_word(const void* p) {
  return __atomic_load_n(static_cast<const Word*>(p), __ATOMIC_RELAXED);
}
inline void store_word(void* p, Word w) { __atomic_store_n(static_cast<Word*>(p), w, __ATOMIC_RELAXED); }
template <class T> T* ptr(Word w) { return reinterpret_cast<T*>(static_cast<std::uintptr_t>(w)); }
inline Word word(const void* p) { return static_cast<Word>(reinterpret_cast<std::uintptr_t>(p)); }

}  // namespace gopark::vm
