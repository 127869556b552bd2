#pragma once
// The interpreter's internals, shared by interp.cpp (the dispatch loop) and the files that
// implement the heavier instructions (strings, slices, maps, interfaces, panics). Not a public API.
#include <string>
#include <string_view>

#include "text/utf8.hpp"
#include "vm/machine.hpp"

namespace gopark::vm {

// Why the dispatch loop returned to Body::resume.
enum class Leave : std::uint8_t {
  Park,      // an operation parked the goroutine (g.handoff == Park)
  Yield,     // Gosched or preemption (g.handoff set)
  Exit,      // the goroutine's function returned
  Goexit,    // runtime.Goexit finished running deferred calls
  End,       // the program ends: an unrecovered panic, a fatal error, os.Exit (g.handoff set)
  Callback,  // a Callback frame returned (nested call from a native)
  Retrace,   // internal to Interpreter::run: Machine::loop_kind() changed, run the other loop
};

class Interpreter {
 public:
  // Runs gr from its top frame until it leaves the CPU (or, when `stop_depth` > 0, until the frame
  // count drops back to stop_depth: a native's callback returned).
  static Leave run(Goroutine& gr, std::size_t stop_depth = 0);

 private:
  // The dispatch loop, three times (Machine::LoopKind): Plain has no per-instruction cost; Sim
  // counts a simulated slice's instructions down (G::sim_left); Watched does that too and calls
  // Machine::trace_point at every new source line (Pause, Step, slow motion). Each returns Retrace
  // at a safe point when Machine::loop_kind() no longer matches it. And each twice: kRace tells
  // the race detector (Machine::races) of every memory access, so a run without one pays nothing.
  template <Machine::LoopKind kKind, bool kRace>
  static Leave loop(Goroutine& gr, std::size_t stop_depth);
};

// ---- helpers the dispatch loop calls (interp_*.cpp) ----
namespace ops {

// Raising a Go panic from inside an instruction: a runtime.Error with this message (Go's text,
// including "runtime error: " where Go has it). Sets gr.fault = Panic.
void raise(Goroutine& gr, std::string message);
// A fatal error ends the program at once (no deferred calls), as Go's throw. Sets gr.fault = Fatal.
void fatal(Goroutine& gr, std::string message);
// The value of panic(nil): Go 1.21+ panics with a *runtime.PanicNilError.
Word nil_panic_value(Goroutine& gr);
void raise_type_assertion(Goroutine& gr, Word box, const TypeInfo& target, const TypeInfo& source);

// Strings (value.hpp: a string is a String* or null).
std::string_view view(Word s);
Word new_string(Goroutine& gr, std::string_view bytes);   // 0 on out of memory (fatal raised)
Word substring(Goroutine& gr, Word s, std::int64_t lo, std::int64_t hi);
Word concat(Goroutine& gr, Word a, Word b);
int compare(Word a, Word b);
bool equal(Word a, Word b);
// len of a string or slice (both keep len in their second word).
inline Word length(Word s) {
  return s ? Word(reinterpret_cast<const String*>(static_cast<std::uintptr_t>(s))->len) : 0;
}
// Slices and arrays.
Word make_slice(Goroutine& gr, const TypeInfo& elem, std::int64_t len, std::int64_t cap);
Word append_value(Goroutine& gr, const TypeInfo& elem, Word s, Word value);
Word append_slice(Goroutine& gr, const TypeInfo& elem, Word s, Word other, bool other_is_string);
// kind: 0 slice of a slice, 1 slice of an array (storage, length in `array_len`), 2 of a string.
void slice_of(Goroutine& gr, int kind, const TypeInfo* elem, Word x, std::int64_t array_len,
              std::int64_t lo, std::int64_t hi, std::int64_t max, bool has_hi, bool has_max,
              Word& out);
std::int64_t copy_slice(Word dst, Word src, std::uint32_t elem_size, bool src_is_string);
// The race detector's view of them (the kRace loops; `at` is the instruction): copy(dst, src)
// reads what it copies and writes where (dst 0: only the read, an append's other slice); an
// append from `old` to `result` writes the new elements, and reads the old ones if it moved them.
void race_copy_slice(Goroutine& gr, const Instr* at, Word dst, Word src, std::uint32_t elem_size,
                     bool src_is_string);
void race_append(Goroutine& gr, const Instr* at, const Slice& old, Word result, std::uint32_t elem_size);
Word convert(Goroutine& gr, Conversion c, Word x);

// Values of any type held in a Word (word-sized types) or at a storage address.
void copy_value(const TypeInfo& t, void* dst, const void* src);
// Go's == on two values of type t in storage (may raise: comparing uncomparable interface payloads).
bool values_equal(Goroutine& gr, const TypeInfo& t, const void* a, const void* b);
// Loads a value of type t from memory into its register form (word, or storage pointer for
// structs/arrays: then the address itself), and stores one.
Word load_value(const TypeInfo& t, const void* at);
void store_value(Goroutine& gr, const TypeInfo& t, void* at, Word v);

// Interfaces.
Word box(Goroutine& gr, const TypeInfo& t, Word v);
Word unbox(Goroutine& gr, const TypeInfo& t, Word box);   // register form of the payload
bool is_interface(const TypeInfo& t);
bool implements(const TypeInfo& dynamic, const TypeInfo& iface);
bool iface_equal(Goroutine& gr, Word a, Word b);
// print/println's formatting of one value; pointers as `heap` shows them (Heap::go_address; null:
// as they are).
std::string print_value(const TypeInfo& t, Word v, const Heap* heap = nullptr);
// An interface's data word as Go has it: the value itself when it is pointer-shaped (pointer,
// chan, map, func), else the address of the boxed copy. `b` is not null.
std::uint64_t iface_data(const Box* b);
// A short form of a value for UIs (channel buffers in snapshots): numbers, quoted strings, nil,
// "{…}" for structs. Safe on any thread while the program runs (values are immutable headers).
std::string display_value(const TypeInfo& t, Word v);
std::string type_name(const TypeInfo& t);  // as Go's panics write it (TypeInfo::name)
// The first method of iface that dynamic lacks ("" if none), as "interface conversion" names it.
std::string missing_method(const Image& image, const TypeInfo& dynamic, const TypeInfo& iface);

// Maps (interp_map.cpp).
Word make_map(Goroutine& gr, const TypeInfo& map_type, std::int64_t hint);
bool map_get(Goroutine& gr, Word m, Word key, Word& value);   // false: absent (value = zero)
bool map_set(Goroutine& gr, Word m, Word key, Word value);    // false: panicked
void map_delete(Goroutine& gr, Word m, Word key);
void map_clear(Word m);
std::int64_t map_len(Word m);
Word map_iter(Goroutine& gr, Word m);
bool map_next(Goroutine& gr, Word it, Word& key, Word& value);

// Channels (interp_chan.cpp).
// `name` (the variable or make site, for UIs) must outlive the channel; may be null.
Word make_chan(Goroutine& gr, const TypeInfo& elem, std::int64_t cap, const char* name = nullptr);
rt::Channel* channel(Word c);
rt::SelectOutcome select_begin(Goroutine& gr, const SelectDesc& desc, const Word* regs);

// Calls and panics (interp_call.cpp).
// Appends a frame for `fn` with its registers at stack index `base`; the caller has made sure the
// stack holds them. The one place a Frame is filled in (the dispatch loop's call fast path too).
inline Frame& enter_frame(Goroutine& gr, const Function& fn, std::uint32_t base, const Closure* closure,
                          FrameKind kind) {
  Frame& f = gr.frames.emplace_back();
  f.fn = &fn;
  f.pc = fn.code.data();
  f.base = base;
  f.defers = std::uint32_t(gr.defers.size());
  f.closure = closure;
  f.kind = kind;
  f.panic = std::uint32_t(gr.panics.size());
  f.traced_line = 0;
  f.race_node = 0;
  return f;
}
// Makes gr's stack hold at least `words` registers, growing it by doubling. A goroutine's stack
// (its register words and frames) is charged to the run's memory limit and capped at
// MachineConfig::max_stack. False: "stack overflow" or "out of memory" raised (fatal).
bool ensure_stack(Goroutine& gr, std::size_t words);
// Go's report of a runaway recursion: "runtime: goroutine stack exceeds N-byte limit" then
// "fatal error: stack overflow" (and the stack, at most 100 frames).
void stack_overflow(Goroutine& gr);
// Pushes a frame for `fn` whose arguments are at stack index `base`, growing the stack and the
// frame vector as needed. False: stack overflow or out of memory (fatal).
bool push_frame(Goroutine& gr, const Function& fn, std::uint32_t base, const Closure* closure,
                FrameKind kind);
Closure* new_closure(Goroutine& gr, const Function& fn);
void start_goroutine(Goroutine& gr, Word closure, const Word* args, std::uint32_t nargs,
                     std::int32_t line);
void push_defer(Goroutine& gr, Word closure, const Word* args, std::uint32_t nargs);  // may raise out of memory
// Removes the innermost panic, giving back what its traceback was charged.
void pop_panic(Goroutine& gr);
// Starts a panic with the interface value v; unwinding then runs deferred calls.
void start_panic(Goroutine& gr, Word v);
// Continues unwinding (after a PanicDeferred frame returned, or right after start_panic): either
// pushes the next deferred call, finishes a recovery (the frame returns normally), or ends the
// program. Returns how the dispatch loop goes on.
enum class Unwind : std::uint8_t {
  Continue,  // a frame to run is on top (a deferred call, or a recovering frame's epilogue)
  End,       // the panic was not recovered: the program ends (g.handoff set)
  Goexit,    // runtime.Goexit ran every deferred call: the goroutine ends
  Callback,  // the panic left a native's callback (frames are back at stop_depth)
};
Unwind unwind(Goroutine& gr, std::size_t stop_depth);
Word recover(Goroutine& gr);
std::string panic_message(Goroutine& gr, Word value);

}  // namespace ops
}  // namespace gopark::vm
