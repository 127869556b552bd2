// fmt's natives: Sprint, Sprintln and Sprintf (engine/lib/go/fmt.go builds everything else on
// them). The formatting is fmt_print.cpp's.
#include "lib/natives/fmt_print.hpp"
#include "lib/natives/native_support.hpp"

namespace gopark::lib {
namespace {

// func Sprint(a ...any) string
bool sprint(vm::NativeContext& ctx, vm::Word* args) {
  Printer p(ctx);
  p.print(slice_words(args[0]));
  return p.ok() && set_string(ctx, 0, p.out());
}

// func Sprintln(a ...any) string
bool sprintln(vm::NativeContext& ctx, vm::Word* args) {
  Printer p(ctx);
  p.println(slice_words(args[0]));
  return p.ok() && set_string(ctx, 0, p.out());
}

// func Sprintf(format string, a ...any) string
bool sprintf(vm::NativeContext& ctx, vm::Word* args) {
  Printer p(ctx);
  // The format string object is immutable and stays reachable from the caller's frame.
  std::string_view format = vm::ops::view(args[0]);
  p.printf(format, slice_words(args[1]));
  return p.ok() && set_string(ctx, 0, p.out());
}

constexpr NativeEntry kNatives[] = {
    {"fmt.Sprint", sprint},
    {"fmt.Sprintln", sprintln},
    {"fmt.Sprintf", sprintf},
};

}  // namespace

std::span<const NativeEntry> fmt_natives() { return kNatives; }

}  // namespace gopark::lib
