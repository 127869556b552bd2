// The registry of natives, and the helpers native_support.hpp declares.
#include "lib/natives/natives.hpp"

#include <string>
#include <unordered_map>

#include "lib/natives/native_support.hpp"

namespace gopark::lib {
namespace {

using Table = std::unordered_map<std::string_view, vm::NativeFn>;

Table build_table() {
  Table table;
  for (auto list : {fmt_natives(), strconv_natives(), math_natives(), rand_natives(), os_natives(),
                    errors_natives(), runtime_natives(), sync_natives(), atomic_natives(), time_natives(),
                    sort_natives(), unicode_natives()}) {
    for (const NativeEntry& e : list) {
      if (!table.emplace(e.name, e.fn).second) rt::internal_error("lib: a native is registered twice");
    }
  }
  return table;
}

}  // namespace

vm::NativeFn find_native(std::string_view name) {
  static const Table table = build_table();  // names are string literals: the views stay valid
  auto it = table.find(name);
  return it == table.end() ? nullptr : it->second;
}

std::vector<vm::Word> slice_words(vm::Word slice) {
  const auto* s = vm::ptr<const vm::Slice>(slice);
  std::vector<vm::Word> out;
  if (!s) return out;
  out.reserve(std::size_t(s->len));
  for (std::int64_t i = 0; i < s->len; ++i) out.push_back(vm::load_word(s->data + 8 * i));
  return out;
}

std::string_view slice_bytes(vm::Word slice) {
  const auto* s = vm::ptr<const vm::Slice>(slice);
  if (!s) return {};
  return {reinterpret_cast<const char*>(s->data), std::size_t(s->len)};
}

bool set_string(vm::NativeContext& ctx, std::size_t index, std::string_view s) {
  vm::Word w = ctx.new_string(s);
  if (ctx.outcome() == vm::NativeContext::Outcome::Ended) return false;
  ctx.args()[index] = w;
  return true;
}

bool panic_string(vm::NativeContext& ctx, std::string_view message) {
  vm::Goroutine& gr = ctx.goroutine();
  const vm::Image& image = ctx.image();
  vm::Word s = ctx.new_string(message);
  if (ctx.outcome() == vm::NativeContext::Outcome::Ended) return false;
  vm::Word box = vm::ops::box(gr, *image.types[image.string_type], s);
  if (ctx.take_fault()) return false;
  return ctx.panic_value(box);
}

}  // namespace gopark::lib
