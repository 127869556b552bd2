#pragma once
// Compiled code: instructions, functions, and the Image that holds a whole compiled program.
// The compiler (engine/lang/compile*.cpp) writes an Image; the interpreter (interp.cpp) runs it.
//
// Invariants
// - Every register index in a Function is < Function::nregs; calls place their arguments at the
//   top of the caller's frame, so the callee's frame overlaps them (Lua's convention): a callee's
//   register i is the caller's register A + i.
// - An instruction whose op has an extension word (ops.def's column, has_extension) is followed
//   by it.
// - Jump targets are instruction boundaries (never an extension word).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vm/value.hpp"

namespace gopark::vm {

enum class Op : std::uint8_t {
#define OP(name, extension, doc) name,
#include "vm/ops.def"
#undef OP
  Count_
};
const char* op_name(Op op);
// Whether an instruction of this op is followed by its extension word (ops.def's column).
constexpr bool has_extension(Op op) {
  constexpr bool kExtension[] = {
#define OP(name, extension, doc) (extension) != 0,
#include "vm/ops.def"
#undef OP
  };
  return op < Op::Count_ && kExtension[std::size_t(op)];
}

struct Instr {
  Op op = Op::Nop;
  std::uint8_t x = 0;
  std::uint16_t a = 0;
  std::uint16_t b = 0;
  std::uint16_t c = 0;

  std::uint32_t bx() const { return std::uint32_t(b) | std::uint32_t(c) << 16; }
  std::int32_t sbx() const { return std::int32_t(bx()); }
  std::int16_t sc() const { return std::int16_t(c); }
  void set_bx(std::uint32_t v) { b = std::uint16_t(v); c = std::uint16_t(v >> 16); }
};
static_assert(sizeof(Instr) == 8);

// Conversions done by Op::Convert (X operand).
enum class Conversion : std::uint8_t {
  StringFromBytes, BytesFromString, StringFromRunes, RunesFromString, StringFromRune,
};

class NativeContext;
// A native (library) function: arguments at args[0..], results written back from args[0].
// Returns false if it parked the goroutine (the interpreter then gives the thread back and, when
// the goroutine wakes, continues after the call) — only natives without results may park.
using NativeFn = bool (*)(NativeContext& ctx, Word* args);

struct Native {
  std::string name;   // "fmt.Println"
  NativeFn fn = nullptr;
};

// A select statement's cases, in source order (the default case is not listed).
struct SelectDesc {
  struct Case {
    bool is_send = false;
    std::uint16_t chan = 0;   // register holding the channel
    std::uint16_t value = 0;  // send: register of the value; receive: register for the value
  };
  std::vector<Case> cases;
  bool has_default = false;
};

struct LineEntry {
  std::uint32_t pc;    // first instruction of this line's run
  std::uint32_t line;
};

struct Function {
  std::string name;                 // Go's name: "main.main", "main.(*T).M", "main.main.func1"
  std::vector<Instr> code;
  std::vector<Word> constants;
  std::vector<LineEntry> lines;     // sorted by pc
  std::uint32_t nregs = 0;          // frame size, including the call windows at its top
  std::uint32_t nparams = 0;        // words of parameters (receiver first)
  std::uint32_t nresults = 0;       // words of results
  std::uint32_t nfree = 0;          // free words its closures carry
  std::int32_t native = -1;         // >= 0: not bytecode, call natives[native]
  std::uint32_t decl_line = 0;
  std::uint32_t file = 0;           // Image::files: the file its lines are in
  // Functions with deferred calls: where the epilogue starts (RunDefers, load the results, Ret).
  // A frame whose deferred call recovered a panic continues there (Go: it "returns normally").
  std::uint32_t epilogue_pc = 0;
  bool has_defer = false;
  bool hidden = false;              // compiler-made (package init, wrappers): not in tracebacks
  // Compiled from the user's package (main): its functions, methods, closures, range-over-func
  // bodies and generic instances; never a library package's, nor a compiler-made wrapper (which
  // has no lines of its own). The dashboard follows these: tracing stops at their new lines, and
  // a parked goroutine shows the line of its innermost one.
  bool user_code = false;
  Closure* static_closure = nullptr;  // for functions without free variables (immortal)
  // For the dashboard's names of sync objects: the pc of each CallNative of a method whose
  // receiver is written as a variable or field path ("pen", "c.mu"), with that text; sorted by pc.
  std::vector<std::pair<std::uint32_t, std::string>> call_receivers;
  std::uint32_t line_at(std::uint32_t pc) const;
  // The receiver text of the CallNative at pc, or null.
  const char* receiver_name_at(std::uint32_t pc) const;
};

// Runtime descriptor of a Go type (what Go's runtime._type is): everything the VM, the natives and
// the tools that inspect a run (snapshots, the inspector, the race detector) know about a type
// at run time. Boxing, type switches and assertions, equality, hashing, the collector's layouts,
// fmt's printing and method calls through interfaces read it; nothing at run time reads the
// front end's types.
//
// Why a separate type from lang::Type: lang::Type is the checker's model (aliases, untyped
// constants, type parameters, scopes and Objects behind named types), owned by the Program and
// gone with it. A TypeInfo holds only what a running program asks, precomputed by the compiler
// once per type (strings, pointer offsets, field names, which methods return a string), so an
// Image runs with the AST and the checker destroyed, and the VM's floor never looks up at the
// front end's.
//
// Invariants
// - One TypeInfo per distinct type the program uses at run time (identical types share one), so
//   two values have the same dynamic type iff their Box::type pointers are equal.
// - Owned by Image::types, which never shrinks: descriptors point at each other (key, elem,
//   fields) and Boxes point at them for the Image's whole life.
// - has_pointers == !pointer_offsets.empty().
// - Every name id (iface_methods, methods, string_methods) and signature id (iface_signatures,
//   method_signatures) indexes Image::names; method_signatures has the keys of methods, and
//   iface_signatures is as long as iface_methods.
struct TypeInfo {
  std::uint32_t index = 0;          // in Image::types
  std::uint32_t size = 0;
  std::uint32_t align = 1;
  bool word_sized = false;          // the value is held in a register as itself (not as storage)
  bool comparable = true;
  bool has_pointers = false;        // storage of this type holds heap pointers
  // A defined type (`main.Celsius`, `error`, `time.Duration`), not a predeclared one (`int`,
  // `byte`) nor a type literal: panics write values of defined types as `main.Celsius(3)`.
  bool named = false;
  // Go kind of the underlying type, for the VM's type-directed helpers.
  enum class Kind : std::uint8_t {
    Bool, Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr,
    Float32, Float64, String, Array, Slice, Struct, Pointer, Func, Interface, Map, Chan, Handle,
  } kind = Kind::Int;
  // The type as Go's runtime errors write it (panics, "interface conversion: ..."): the
  // compiler's spelling (lang::type_string) with the empty interface as `interface {}`.
  std::string name;
  // The type as reflect and fmt write it (%T, %#v, %!d(T=...)): `struct { X int }`, every
  // defined type qualified with its package, main's own included (lang/runtime_type_string.hpp).
  // Kept apart from `name` because the two spellings differ for type literals.
  std::string reflect_name;
  const TypeInfo* key = nullptr;    // map: key type
  const TypeInfo* elem = nullptr;   // map: value; slice/array/chan/pointer: element
  std::int64_t len = 0;             // array length
  struct Field {
    std::uint32_t offset;
    const TypeInfo* type;
    std::string name;               // Go's field name (an embedded field's is its type's name)
  };
  std::vector<Field> fields;        // struct fields, in order (for equality, hashing, printing)
  // Byte offsets of the heap-pointer words in storage of this type, ascending (the collector's
  // layouts of values, boxes, map slots and globals).
  std::vector<std::uint32_t> pointer_offsets;
  std::vector<std::uint32_t> iface_methods;  // interface: name ids of its methods, in order
  std::vector<std::uint32_t> iface_signatures;  // interface: its methods' signature ids, the same order
  // Methods of the type's method set, by interned name id (Image::names). For a value type only
  // value-receiver methods; for *T both (pointer and promoted ones get wrapper functions).
  std::unordered_map<std::uint32_t, const Function*> methods;
  // The signature of each of those methods, by name id: the id (Image::names) of its spelling
  // without the receiver ("func() string"). A type implements an interface only when every
  // method matches in name and signature, as in Go: `Error() int` does not make an error.
  std::unordered_map<std::uint32_t, std::uint32_t> method_signatures;
  // Name ids of the methods whose signature is `func() string`: fmt calls Error and String only
  // then (`Error() int` makes no error).
  std::vector<std::uint32_t> string_methods;
  const void* gc_layout = nullptr;  // the heap's layout for storage of this type (vm/heap.hpp)
  const void* box_layout = nullptr; // the heap's layout for a Box of this type
};

// A whole compiled program.
struct Image {
  std::vector<std::unique_ptr<Function>> functions;
  std::vector<std::unique_ptr<TypeInfo>> types;
  std::vector<std::unique_ptr<SelectDesc>> selects;
  std::vector<Native> natives;
  std::vector<std::string> names;           // interned method names (id = index)
  std::uint32_t main_function = 0;          // runs package inits, then main.main
  std::uint32_t runtime_error_type = 0;     // T index of the library's runtime error type
  std::uint32_t string_type = 0;            // T index of `string`
  std::uint32_t byte_type = 0;              // T index of `byte` ([]byte conversions)
  std::uint32_t rune_type = 0;              // T index of `rune`
  std::uint32_t error_method = 0;           // name id of "Error"
  std::uint32_t string_method = 0;          // name id of "String"
  // The globals object (storage is per run): each global's byte offset in it, its size (the end
  // of the last global), and the offsets of its heap-pointer words, ascending.
  std::vector<std::uint32_t> global_offsets;
  std::uint32_t globals_size = 8;
  std::vector<std::uint32_t> global_pointers;
  // Source file names for tracebacks: [0] the program's ("prog.go"), then each library package a
  // function came from, named as Go names GOROOT's files ("/gopark/src/strings/strings.go" is
  // engine/lib/go/strings.go), so a library frame never points at a line of the user's file.
  std::vector<std::string> files;
  const std::string& file_of(const Function& f) const;  // files[f.file]; "?" in a hand-made Image
  std::string source;                        // for tracebacks and the dashboard
  // Immortal objects the code points at: string constants, static closures. Never in the heap.
  std::vector<std::unique_ptr<std::uint8_t[]>> static_data;
  std::string disassemble(const Function& f) const;
};

}  // namespace gopark::vm
