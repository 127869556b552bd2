#pragma once
// The interface between the interpreter and native library functions (engine/lib).
//
// A native receives its arguments at args[0..] (the words of its parameters, receiver first) and
// writes its results from args[0]. It returns true when it completed; false when it did something
// else, recorded in the context: parked the goroutine (a blocking sync or time operation; it
// completes while the goroutine is away, so the interpreter just continues after the call when it
// wakes), panicked, ended the program, or called runtime.Goexit.
#include <cstdint>
#include <string>
#include <string_view>

#include "vm/interp.hpp"

namespace gopark::vm {

class NativeContext {
 public:
  enum class Outcome : std::uint8_t { Done, Parked, Panicked, Ended, Goexit };

  explicit NativeContext(Goroutine& gr) : gr_(gr) {}
  Goroutine& goroutine() { return gr_; }
  Machine& machine() { return *gr_.machine; }
  const Image& image() { return gr_.machine->image(); }
  rt::G& g() { return *gr_.g; }
  Outcome outcome() const { return outcome_; }

  // Each returns false, so that a native can `return ctx.park();`.
  bool park() { outcome_ = Outcome::Parked; return false; }
  bool panic(std::string message);          // a runtime.Error panic with Go's message
  bool panic_value(Word iface);             // panic(v)
  bool fatal(std::string message);          // fatal error: ends the program
  bool exit(int code);                      // os.Exit
  bool goexit();                            // runtime.Goexit
  // A native recursing on the C stack (fmt printing a value that holds itself) asks at each level
  // (`depth`, 0 at the top): true when the C stack is nearly used up; the run then ends as Go's
  // does on a runaway recursion (stack overflow, outcome Ended) and the native returns false.
  bool stack_exhausted(int depth);

  // Values.
  Word new_string(std::string_view bytes);  // 0 after out of memory (outcome Ended)
  std::string_view string(Word s) const { return ops::view(s); }

  // Calls the Go function value `closure` with `nargs` argument words; its results are written to
  // results[0..nresults). Returns false if it panicked (the panic stays pending: the native may
  // report it, or recover it with take_panic()) or ended the program. The args pointer the native
  // was given is invalid after a call (the stack may have moved): use args() again.
  bool call(Word closure, const Word* args, std::uint32_t nargs, Word* results, std::uint32_t nresults);
  // Calls method `name_id` of the interface value `iface` (no arguments besides the receiver).
  bool call_method(Word iface, std::uint32_t name_id, Word* results, std::uint32_t nresults);
  // After a call that panicked: the panic value, removed (recovered) from the goroutine.
  Word take_panic();
  // The native's argument/result window. When it lies in the goroutine's stack it is kept as an
  // offset, so that args() stays right after a callback has grown (moved) the stack.
  Word* args() { return in_stack_ ? gr_.stack.data() + args_offset_ : args_; }
  void set_args(Word* a) {
    args_ = a;
    auto base = reinterpret_cast<std::uintptr_t>(gr_.stack.data());
    auto at = reinterpret_cast<std::uintptr_t>(a);
    in_stack_ = at >= base && at < base + gr_.stack.size() * sizeof(Word);
    args_offset_ = in_stack_ ? (at - base) / sizeof(Word) : 0;
  }
  // After an ops:: helper that may raise (it set goroutine().fault: a panic, or a fatal error such
  // as out of memory): records that as this native's outcome, clears the fault and returns true.
  // False when nothing was raised.
  bool take_fault();

 private:
  Goroutine& gr_;
  Outcome outcome_ = Outcome::Done;
  Word* args_ = nullptr;
  std::size_t args_offset_ = 0;
  bool in_stack_ = false;
};

}  // namespace gopark::vm
