// sort's natives (engine/lib/go/sort.go): what sort.Slice needs from reflection, the length of
// any slice and swapping two of its elements.
#include <vector>

#include "lib/natives/native_support.hpp"

namespace gopark::lib {
namespace {

// The slice in x, or a panic with reflect's message when x holds no slice.
const vm::Slice* slice_of(vm::NativeContext& ctx, vm::Word x, const vm::TypeInfo** elem, bool& ok) {
  ok = false;
  const auto* b = vm::ptr<const vm::Box>(x);
  if (!b || b->type->kind != vm::TypeInfo::Kind::Slice) {
    std::string kind = b ? "non-slice" : "zero";
    if (b) {
      // reflect names the kind, which is the underlying type's spelling for basic kinds.
      switch (b->type->kind) {
        case vm::TypeInfo::Kind::Array: kind = "array"; break;
        case vm::TypeInfo::Kind::Struct: kind = "struct"; break;
        case vm::TypeInfo::Kind::Map: kind = "map"; break;
        case vm::TypeInfo::Kind::Pointer: kind = "ptr"; break;
        case vm::TypeInfo::Kind::String: kind = "string"; break;
        case vm::TypeInfo::Kind::Int: kind = "int"; break;
        case vm::TypeInfo::Kind::Float64: kind = "float64"; break;
        case vm::TypeInfo::Kind::Bool: kind = "bool"; break;
        case vm::TypeInfo::Kind::Func: kind = "func"; break;
        case vm::TypeInfo::Kind::Chan: kind = "chan"; break;
        default: break;
      }
    }
    panic_string(ctx, "reflect: call of Swapper on " + kind + " Value");
    return nullptr;
  }
  ok = true;
  *elem = b->type->elem;
  return vm::ptr<const vm::Slice>(b->word());
}

// func length(x any) int
bool length(vm::NativeContext& ctx, vm::Word* args) {
  const vm::TypeInfo* elem;
  bool ok;
  const vm::Slice* s = slice_of(ctx, args[0], &elem, ok);
  if (!ok) return false;
  args[0] = vm::Word(s ? s->len : 0);
  return true;
}

// func swap(x any, i, j int): x[i], x[j] = x[j], x[i] for any slice x.
bool swap(vm::NativeContext& ctx, vm::Word* args) {
  const vm::TypeInfo* elem;
  bool ok;
  const vm::Slice* s = slice_of(ctx, args[0], &elem, ok);
  if (!ok) return false;
  auto i = std::uint64_t(args[1]), j = std::uint64_t(args[2]);
  std::uint64_t len = s ? std::uint64_t(s->len) : 0;
  if (i >= len || j >= len) return panic_string(ctx, "reflect: slice index out of range");
  if (i == j) return true;
  std::uint8_t* a = s->data + i * elem->size;
  std::uint8_t* b = s->data + j * elem->size;
  vm::race_write(ctx.goroutine(), a, elem->size);
  vm::race_write(ctx.goroutine(), b, elem->size);
  // Through a C++ buffer with copy_value (whole pointer words): no collection runs meanwhile.
  std::vector<vm::Word> tmp((elem->size + 7) / 8);
  vm::ops::copy_value(*elem, tmp.data(), a);
  vm::ops::copy_value(*elem, a, b);
  vm::ops::copy_value(*elem, b, tmp.data());
  return true;
}

constexpr NativeEntry kNatives[] = {
    {"sort.length", length},
    {"sort.swap", swap},
};

}  // namespace

std::span<const NativeEntry> sort_natives() { return kNatives; }

}  // namespace gopark::lib
