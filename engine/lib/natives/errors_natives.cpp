// errors' natives (engine/lib/go/errors.go): the reflection errors.As needs.
#include "lib/natives/native_support.hpp"

namespace gopark::lib {
namespace {

using Kind = vm::TypeInfo::Kind;

bool implements_error(vm::NativeContext& ctx, const vm::TypeInfo& t) {
  return t.methods.count(ctx.image().error_method) != 0;
}

// func checkAsTarget(target any): panics as Go's errors.As does for a bad target (target != nil).
bool check_as_target(vm::NativeContext& ctx, vm::Word* args) {
  const auto* target = vm::ptr<const vm::Box>(args[0]);
  if (!target || target->type->kind != Kind::Pointer || target->word() == 0)
    return panic_string(ctx, "errors: target must be a non-nil pointer");
  const vm::TypeInfo& elem = *target->type->elem;
  if (elem.kind != Kind::Interface && !implements_error(ctx, elem))
    return panic_string(ctx, "errors: *target must be interface or implement error");
  return true;
}

// func asTarget(err error, target any) bool: if err's dynamic type is assignable to *target's
// type, stores err in *target. target has passed checkAsTarget; err is not nil.
bool as_target(vm::NativeContext& ctx, vm::Word* args) {
  vm::Word err = args[0];
  const auto* e = vm::ptr<const vm::Box>(err);
  const auto* target = vm::ptr<const vm::Box>(args[1]);
  if (!e || !target) {
    args[0] = 0;
    return true;
  }
  const vm::TypeInfo& want = *target->type->elem;
  auto* slot = vm::ptr<std::uint8_t>(target->word());
  bool ok = false;
  if (want.kind == Kind::Interface) {
    // Interface values carry only their dynamic type: the same Box serves any interface type.
    ok = vm::ops::implements(*e->type, want);
    if (ok) vm::store_word(slot, err);
  } else if (e->type == &want) {  // one TypeInfo per type: identical types
    ok = true;
    vm::ops::store_value(ctx.goroutine(), want, slot, vm::ops::load_value(want, e->payload()));
  }
  args[0] = from_bool(ok);
  return true;
}

constexpr NativeEntry kNatives[] = {
    {"errors.checkAsTarget", check_as_target},
    {"errors.asTarget", as_target},
};

}  // namespace

std::span<const NativeEntry> errors_natives() { return kNatives; }

}  // namespace gopark::lib
