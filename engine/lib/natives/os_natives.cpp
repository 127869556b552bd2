// os's natives (engine/lib/go/os.go): writing to the standard streams, the command line, Exit.
#include "lib/natives/native_support.hpp"

namespace gopark::lib {
namespace {

constexpr std::uint32_t kFileFdOffset = 0;  // os.File{fd int; name string}

// func (f *File) Write(b []byte) (n int, err error)
bool file_write(vm::NativeContext& ctx, vm::Word* args) {
  const auto* file = vm::ptr<const std::uint8_t>(args[0]);
  if (!file) return ctx.panic("runtime error: invalid memory address or nil pointer dereference");
  std::string_view bytes = slice_bytes(args[1]);
  std::int64_t fd = std::int64_t(vm::load_word(file + kFileFdOffset));
  const vm::Output& output = ctx.machine().output();
  // Standard input is not writable; gopark has no other files. Go reports an error there: the
  // library has no *PathError to report it with, so the write just takes nothing.
  std::int64_t written = 0;
  if (fd == 1 || fd == 2) {
    const auto& sink = fd == 1 ? output.out : output.err;
    if (sink && !bytes.empty()) sink(bytes);
    written = std::int64_t(bytes.size());
  }
  args[0] = vm::Word(written);
  args[1] = 0;
  return true;
}

// func runtimeArgs() []string
bool runtime_args(vm::NativeContext& ctx, vm::Word* args) {
  const std::vector<std::string>& list = ctx.machine().config().args;
  const vm::Image& image = ctx.image();
  auto n = std::int64_t(list.size());
  vm::Word slice = vm::ops::make_slice(ctx.goroutine(), *image.types[image.string_type], n, n);
  if (ctx.take_fault()) return false;
  const auto* s = vm::ptr<const vm::Slice>(slice);
  for (std::int64_t i = 0; i < n; ++i) {
    vm::Word str = ctx.new_string(list[std::size_t(i)]);
    if (ctx.outcome() == vm::NativeContext::Outcome::Ended) return false;
    vm::store_word(s->data + 8 * i, str);
  }
  args[0] = slice;
  return true;
}

// func Exit(code int)
bool exit(vm::NativeContext& ctx, vm::Word* args) { return ctx.exit(int(std::int64_t(args[0]))); }

constexpr NativeEntry kNatives[] = {
    {"os.(*File).Write", file_write},
    {"os.runtimeArgs", runtime_args},
    {"os.Exit", exit},
};

}  // namespace

std::span<const NativeEntry> os_natives() { return kNatives; }

}  // namespace gopark::lib
