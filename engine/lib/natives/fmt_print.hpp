#pragma once
// fmt's printer (Go's fmt/print.go): walks VM values by their runtime types and prints them as
// Go's fmt does — Print's and Println's spacing, Printf's verbs, flags, argument indexes and
// inline error reports (%!d(string=hi), %!d(MISSING), %!(EXTRA int=3)), structs with and
// without field names, maps with sorted keys, pointers, nil, and the Error, String and GoString
// methods of the operands, called back into Go.
//
// Design
// - An operand is an interface Word (a Box* or 0); a value inside it is its TypeInfo plus the
//   register form of the value (the Word itself for word-sized types, the storage address for
//   structs and arrays), so fields, elements and map entries are read in place, never copied.
// - Reflection-only facts come from the runtime type descriptor (vm::TypeInfo), precomputed by
//   the compiler: field names, whether a type is named, the type's spelling (reflect_name),
//   which methods are `func() string`.
// - Methods: as Go, Error and String are used for %v %s %x %X %q (GoString for %#v) on the
//   operands and on every value reached from them through exported fields (reflect's
//   CanInterface: values behind unexported fields never have their methods called). A value
//   reached inside another is boxed only when its type has such a method.
// - A method that panics prints %!v(PANIC=String method: <value>) and printing goes on (a nil
//   pointer receiver prints <nil>), as Go's catchPanic. A method that ends the program or calls
//   runtime.Goexit aborts the print: the native then returns false with the outcome recorded.
// - No collection can run while the printer works (natives never reach a safe point, callbacks
//   run with Goroutine::nested set), so raw pointers into values stay valid throughout.
//
// Rejected: building a reflect-like Value class over every value first. The printer reads the
// few kinds it needs directly; a second representation would only have to be kept in step.
// Not supported: the Formatter interface (Format(fmt.State, rune)): the library does not
// declare fmt.State.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lib/natives/fmt_format.hpp"
#include "vm/native.hpp"

namespace gopark::lib {

class Printer {
 public:
  explicit Printer(vm::NativeContext& ctx);

  // Go's Sprint, Sprintln and Sprintf over interface Words. Each appends to out().
  void print(const std::vector<vm::Word>& args);
  void println(const std::vector<vm::Word>& args);
  void printf(std::string_view format, const std::vector<vm::Word>& args);

  std::string& out() { return buf_; }
  // False after a method call ended the program, called Goexit or re-panicked: the native must
  // return false (the context holds the outcome).
  bool ok() const { return !aborted_; }

 private:
  struct Value {
    const vm::TypeInfo* type = nullptr;  // null: no value (nil interface)
    vm::Word word = 0;                    // register form
  };

  void print_arg(vm::Word arg, std::int32_t verb);
  void print_value(Value v, std::int32_t verb, int depth, bool can_interface);
  bool handle_methods(Value v, vm::Word box, std::int32_t verb);
  bool call_string_method(vm::Word box, std::uint32_t method, const char* name, std::int32_t verb,
                          std::string& result);
  void catch_panic(vm::Word box, std::int32_t verb, const char* method);

  void bad_verb(std::int32_t verb);
  void fmt_bool(bool v, std::int32_t verb);
  void fmt_0x64(std::uint64_t v, bool leading_0x);
  void fmt_integer(std::uint64_t v, bool is_signed, std::int32_t verb);
  void fmt_float(double v, int size, std::int32_t verb);
  void fmt_string(std::string_view v, std::int32_t verb);
  void fmt_bytes(std::string_view bytes, bool is_nil, std::int32_t verb, const std::string& type_string, Value whole);
  void fmt_pointer(Value v, std::int32_t verb);
  void print_map(Value v, std::int32_t verb, int depth, bool can_interface);
  void print_struct(Value v, std::int32_t verb, int depth, bool can_interface);
  void print_list(Value v, std::int32_t verb, int depth, bool can_interface);

  bool has_string_method(const vm::TypeInfo& t, std::uint32_t id) const;
  std::uint32_t gostring_method();
  bool fail();  // marks the print aborted; returns false

  // Printf's argument helpers.
  bool int_from_arg(const std::vector<vm::Word>& args, std::size_t& arg_num, int& out);
  bool arg_number(std::size_t& arg_num, std::string_view format, std::size_t& i, std::size_t nargs);

  vm::NativeContext& ctx_;
  std::string buf_;
  Formatter fmt_;
  // The operand being printed, for bad_verb: the interface Word (arg_set_) or the value reached
  // inside one (value_.type set). Go's pp.arg and pp.value.
  vm::Word arg_ = 0;
  bool arg_set_ = false;
  Value value_;
  bool erroring_ = false;   // printing a bad-verb report: no methods
  bool panicking_ = false;  // printing a method's panic value
  bool reordered_ = false;  // Printf used an explicit argument index
  bool good_arg_num_ = true;
  bool aborted_ = false;
  std::uint32_t gostring_id_ = 0;  // name id of GoString + 1 (0: not looked up; ~0: absent)
};

}  // namespace gopark::lib
