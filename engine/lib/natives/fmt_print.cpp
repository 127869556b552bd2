// fmt's printer over VM values (design in fmt_print.hpp).
#include "lib/natives/fmt_print.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "text/utf8.hpp"

namespace gopark::lib {
namespace {

using vm::Box;
using vm::Slice;
using vm::TypeInfo;
using vm::Word;
using Kind = TypeInfo::Kind;

double as_double(Word w) {
  double d;
  std::memcpy(&d, &w, sizeof d);
  return d;
}

bool is_signed_kind(Kind k) {
  return k == Kind::Int || k == Kind::Int8 || k == Kind::Int16 || k == Kind::Int32 || k == Kind::Int64;
}
bool is_unsigned_kind(Kind k) {
  return k == Kind::Uint || k == Kind::Uint8 || k == Kind::Uint16 || k == Kind::Uint32 ||
         k == Kind::Uint64 || k == Kind::Uintptr;
}

// reflect's CanInterface through a struct field: only exported fields keep it.
bool exported(std::string_view name) { return !name.empty() && name[0] >= 'A' && name[0] <= 'Z'; }

// The unnamed []byte (also spelled []uint8), which Go's printArg special-cases by type.
bool is_byte_slice(const TypeInfo& t) {
  return t.kind == Kind::Slice && !t.named && t.elem && t.elem->kind == Kind::Uint8 && !t.elem->named;
}

void append_rune(std::string& out, std::int32_t r) { text::encode(r, out); }

constexpr int kMaxNumber = 1000000;  // widths, precisions and indexes past this are not numbers
bool too_large(long long x) { return x > kMaxNumber || x < -kMaxNumber; }

// Digits at format[start, end) as a number: (value, whether there were digits, index after).
struct ParsedNumber {
  int num = 0;
  bool is_num = false;
  std::size_t next = 0;
};
ParsedNumber parse_number(std::string_view s, std::size_t start, std::size_t end) {
  ParsedNumber p;
  p.next = start;
  if (start >= end) {
    p.next = end;
    return p;
  }
  for (; p.next < end && s[p.next] >= '0' && s[p.next] <= '9'; ++p.next) {
    if (too_large(p.num)) return ParsedNumber{0, false, end};
    p.num = p.num * 10 + (s[p.next] - '0');
    p.is_num = true;
  }
  return p;
}

// ---- fmtsort: the order in which maps print ----

int compare_values(const TypeInfo& t, Word a, Word b);

int compare_floats(double a, double b) {
  if (std::isnan(a)) return -1;
  if (std::isnan(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
template <class T> int three_way(T a, T b) { return a < b ? -1 : a > b ? 1 : 0; }

int compare_values(const TypeInfo& t, Word a, Word b) {
  switch (t.kind) {
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
      return three_way(std::int64_t(a), std::int64_t(b));
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64:
    case Kind::Uintptr: case Kind::Pointer: case Kind::Chan: case Kind::Handle:
      return three_way(a, b);
    case Kind::Bool: return three_way(a != 0, b != 0);
    case Kind::Float32:
    case Kind::Float64: return compare_floats(as_double(a), as_double(b));
    case Kind::String: {
      int c = vm::ops::view(a).compare(vm::ops::view(b));
      return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    case Kind::Struct:
      for (const TypeInfo::Field& f : t.fields) {
        Word fa = vm::ops::load_value(*f.type, vm::ptr<const std::uint8_t>(a) + f.offset);
        Word fb = vm::ops::load_value(*f.type, vm::ptr<const std::uint8_t>(b) + f.offset);
        if (int c = compare_values(*f.type, fa, fb)) return c;
      }
      return 0;
    case Kind::Array:
      for (std::int64_t i = 0; i < t.len; ++i) {
        std::size_t off = std::size_t(i) * t.elem->size;
        Word ea = vm::ops::load_value(*t.elem, vm::ptr<const std::uint8_t>(a) + off);
        Word eb = vm::ops::load_value(*t.elem, vm::ptr<const std::uint8_t>(b) + off);
        if (int c = compare_values(*t.elem, ea, eb)) return c;
      }
      return 0;
    case Kind::Interface: {
      if (!a || !b) return !a && !b ? 0 : !a ? -1 : 1;
      const Box* x = vm::ptr<const Box>(a);
      const Box* y = vm::ptr<const Box>(b);
      // Go orders different dynamic types by their descriptors' addresses; the index is as
      // arbitrary and at least stable from run to run.
      if (x->type != y->type) return three_way(x->type->index, y->type->index);
      return compare_values(*x->type, vm::ops::load_value(*x->type, x->payload()),
                            vm::ops::load_value(*y->type, y->payload()));
    }
    default:
      return 0;  // not a valid map key type
  }
}

}  // namespace

Printer::Printer(vm::NativeContext& ctx) : ctx_(ctx), fmt_(buf_) {}

bool Printer::fail() {
  aborted_ = true;
  return false;
}

// ---- methods ----

bool Printer::has_string_method(const TypeInfo& t, std::uint32_t id) const {
  auto it = t.methods.find(id);
  if (it == t.methods.end() || it->second->nparams != 1 || it->second->nresults != 1) return false;
  // Only `M() string` makes an error or a Stringer: `Error() int` does not.
  return std::find(t.string_methods.begin(), t.string_methods.end(), id) != t.string_methods.end();
}

std::uint32_t Printer::gostring_method() {
  if (gostring_id_ == 0) {
    const auto& names = ctx_.image().names;
    auto it = std::find(names.begin(), names.end(), "GoString");
    gostring_id_ = it == names.end() ? ~0u : std::uint32_t(it - names.begin()) + 1;
  }
  return gostring_id_ == ~0u ? ~0u : gostring_id_ - 1;
}

void Printer::catch_panic(Word box, std::int32_t verb, const char* method) {
  Word value = ctx_.take_panic();
  const Box* b = vm::ptr<const Box>(box);
  // A nil pointer receiver that panicked prints as nil, as Go does.
  if (b->type->kind == Kind::Pointer && b->word() == 0) {
    buf_ += "<nil>";
    return;
  }
  if (panicking_) {  // the panic value's own method panicked: give up, as Go re-panics
    ctx_.panic_value(value);
    fail();
    return;
  }
  FormatFlags flags = fmt_.flags;
  int wid = fmt_.wid, prec = fmt_.prec;
  fmt_.clear_flags();
  buf_ += "%!";
  append_rune(buf_, verb);
  buf_ += "(PANIC=";
  buf_ += method;
  buf_ += " method: ";
  panicking_ = true;
  print_arg(value, 'v');
  panicking_ = false;
  buf_ += ')';
  fmt_.flags = flags;
  fmt_.wid = wid;
  fmt_.prec = prec;
}

bool Printer::call_string_method(Word box, std::uint32_t method, const char* name, std::int32_t verb,
                                 std::string& result) {
  Word r = 0;
  if (!ctx_.call_method(box, method, &r, 1)) {
    if (ctx_.outcome() == vm::NativeContext::Outcome::Panicked) catch_panic(box, verb, name);
    else fail();
    return false;
  }
  result.assign(vm::ops::view(r));
  return true;
}

bool Printer::handle_methods(Value v, Word box, std::int32_t verb) {
  if (erroring_ || aborted_) return false;
  if (verb == 'w') {  // only Errorf wraps, and the library's Errorf rewrites %w before formatting
    bad_verb(verb);
    return true;
  }
  const TypeInfo* dynamic = v.type;
  if (v.type->kind == Kind::Interface) {
    box = v.word;
    if (!box) return false;
    dynamic = vm::ptr<const Box>(box)->type;
  }
  const vm::Image& image = ctx_.image();
  std::uint32_t method = ~0u;
  const char* name = nullptr;
  if (fmt_.flags.sharp_v) {
    std::uint32_t id = gostring_method();
    if (id != ~0u && has_string_method(*dynamic, id)) {
      method = id;
      name = "GoString";
    }
  } else if (verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q') {
    if (has_string_method(*dynamic, image.error_method)) {
      method = image.error_method;
      name = "Error";
    } else if (has_string_method(*dynamic, image.string_method)) {
      method = image.string_method;
      name = "String";
    }
  }
  if (!name) return false;
  if (!box) {
    box = vm::ops::box(ctx_.goroutine(), *v.type, v.word);
    if (ctx_.take_fault()) return !fail();
  }
  std::string result;
  if (!call_string_method(box, method, name, verb, result)) return true;
  if (fmt_.flags.sharp_v) fmt_.fmt_s(result);
  else fmt_string(result, verb);
  return true;
}

// ---- operands ----

void Printer::print_arg(Word arg, std::int32_t verb) {
  arg_ = arg;
  arg_set_ = true;
  value_ = Value{};
  if (!arg) {
    if (verb == 'T' || verb == 'v') fmt_.pad("<nil>");
    else bad_verb(verb);
    return;
  }
  const Box* b = vm::ptr<const Box>(arg);
  Value v{b->type, vm::ops::load_value(*b->type, b->payload())};
  if (verb == 'T') {
    fmt_.fmt_s(b->type->reflect_name);
    return;
  }
  if (verb == 'p') {
    fmt_pointer(v, 'p');
    return;
  }
  if (is_byte_slice(*b->type)) {
    const Slice* s = vm::ptr<const Slice>(v.word);
    std::string_view bytes = s ? std::string_view(reinterpret_cast<const char*>(s->data), std::size_t(s->len))
                               : std::string_view();
    fmt_bytes(bytes, s == nullptr, verb, "[]byte", v);
    return;
  }
  if (handle_methods(v, arg, verb)) return;
  print_value(v, verb, 0, true);
}

void Printer::bad_verb(std::int32_t verb) {
  erroring_ = true;
  buf_ += "%!";
  append_rune(buf_, verb);
  buf_ += '(';
  if (arg_set_ && arg_) {
    buf_ += vm::ptr<const Box>(arg_)->type->reflect_name;
    buf_ += '=';
    print_arg(arg_, 'v');
  } else if (value_.type) {
    buf_ += value_.type->reflect_name;
    buf_ += '=';
    print_value(value_, 'v', 0, false);
  } else {
    buf_ += "<nil>";
  }
  buf_ += ')';
  erroring_ = false;
}

void Printer::fmt_bool(bool v, std::int32_t verb) {
  if (verb == 't' || verb == 'v') fmt_.fmt_boolean(v);
  else bad_verb(verb);
}

void Printer::fmt_0x64(std::uint64_t v, bool leading_0x) {
  bool sharp = fmt_.flags.sharp;
  fmt_.flags.sharp = leading_0x;
  fmt_.fmt_integer(v, 16, false, 'v', false);
  fmt_.flags.sharp = sharp;
}

void Printer::fmt_integer(std::uint64_t v, bool is_signed, std::int32_t verb) {
  switch (verb) {
    case 'v':
      if (fmt_.flags.sharp_v && !is_signed) fmt_0x64(v, true);
      else fmt_.fmt_integer(v, 10, is_signed, verb, false);
      return;
    case 'd': fmt_.fmt_integer(v, 10, is_signed, verb, false); return;
    case 'b': fmt_.fmt_integer(v, 2, is_signed, verb, false); return;
    case 'o':
    case 'O': fmt_.fmt_integer(v, 8, is_signed, verb, false); return;
    case 'x': fmt_.fmt_integer(v, 16, is_signed, verb, false); return;
    case 'X': fmt_.fmt_integer(v, 16, is_signed, verb, true); return;
    case 'c': fmt_.fmt_c(v); return;
    case 'q': fmt_.fmt_qc(v); return;
    case 'U': fmt_.fmt_unicode(v); return;
    default: bad_verb(verb); return;
  }
}

void Printer::fmt_float(double v, int size, std::int32_t verb) {
  switch (verb) {
    case 'v': fmt_.fmt_float(v, size, 'g', -1); return;
    case 'b': case 'g': case 'G': case 'x': case 'X': fmt_.fmt_float(v, size, verb, -1); return;
    case 'f': case 'e': case 'E': fmt_.fmt_float(v, size, verb, 6); return;
    case 'F': fmt_.fmt_float(v, size, 'f', 6); return;
    default: bad_verb(verb); return;
  }
}

void Printer::fmt_string(std::string_view v, std::int32_t verb) {
  switch (verb) {
    case 'v':
      if (fmt_.flags.sharp_v) fmt_.fmt_q(v);
      else fmt_.fmt_s(v);
      return;
    case 's': fmt_.fmt_s(v); return;
    case 'x': fmt_.fmt_sbx(v, false); return;
    case 'X': fmt_.fmt_sbx(v, true); return;
    case 'q': fmt_.fmt_q(v); return;
    default: bad_verb(verb); return;
  }
}

void Printer::fmt_bytes(std::string_view bytes, bool is_nil, std::int32_t verb, const std::string& type_string,
                        Value whole) {
  switch (verb) {
    case 'v':
    case 'd':
      if (fmt_.flags.sharp_v) {
        buf_ += type_string;
        if (is_nil) {
          buf_ += "(nil)";
          return;
        }
        buf_ += '{';
        for (std::size_t i = 0; i < bytes.size(); ++i) {
          if (i > 0) buf_ += ", ";
          fmt_0x64(static_cast<unsigned char>(bytes[i]), true);
        }
        buf_ += '}';
      } else {
        buf_ += '[';
        for (std::size_t i = 0; i < bytes.size(); ++i) {
          if (i > 0) buf_ += ' ';
          fmt_.fmt_integer(static_cast<unsigned char>(bytes[i]), 10, false, verb, false);
        }
        buf_ += ']';
      }
      return;
    case 's': fmt_.fmt_s(bytes); return;
    case 'x': fmt_.fmt_sbx(bytes, false); return;
    case 'X': fmt_.fmt_sbx(bytes, true); return;
    case 'q': fmt_.fmt_q(bytes); return;
    default: print_value(whole, verb, 0, true); return;
  }
}

void Printer::fmt_pointer(Value v, std::int32_t verb) {
  std::uint64_t u = 0;
  switch (v.type->kind) {
    case Kind::Chan:
    case Kind::Func:
    case Kind::Map:
    case Kind::Pointer: u = v.word; break;
    case Kind::Slice: {
      const Slice* s = vm::ptr<const Slice>(v.word);
      u = s ? vm::word(s->data) : 0;
      break;
    }
    default: bad_verb(verb); return;
  }
  u = ctx_.machine().heap().go_address(u);  // as Go would show it, the same every simulated run
  switch (verb) {
    case 'v':
      if (fmt_.flags.sharp_v) {
        buf_ += '(';
        buf_ += v.type->reflect_name;
        buf_ += ")(";
        if (u == 0) buf_ += "nil";
        else fmt_0x64(u, true);
        buf_ += ')';
      } else if (u == 0) {
        fmt_.pad("<nil>");
      } else {
        fmt_0x64(u, !fmt_.flags.sharp);
      }
      return;
    case 'p': fmt_0x64(u, !fmt_.flags.sharp); return;
    case 'b': case 'o': case 'd': case 'x': case 'X': fmt_integer(u, false, verb); return;
    default: bad_verb(verb); return;
  }
}

// ---- values ----

void Printer::print_value(Value v, std::int32_t verb, int depth, bool can_interface) {
  if (aborted_) return;
  // A value that holds itself (a map or []any containing itself) recurses without end, as in Go.
  if (depth > 0 && ctx_.stack_exhausted(depth)) {
    fail();
    return;
  }
  if (depth > 0 && can_interface && handle_methods(v, 0, verb)) return;
  arg_ = 0;
  arg_set_ = false;
  value_ = v;
  const TypeInfo& t = *v.type;
  switch (t.kind) {
    case Kind::Bool: fmt_bool(v.word != 0, verb); return;
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
      fmt_integer(v.word, true, verb);
      return;
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64:
    case Kind::Uintptr:
      fmt_integer(v.word, false, verb);
      return;
    case Kind::Float32: fmt_float(as_double(v.word), 32, verb); return;
    case Kind::Float64: fmt_float(as_double(v.word), 64, verb); return;
    case Kind::String: fmt_string(vm::ops::view(v.word), verb); return;
    case Kind::Map: print_map(v, verb, depth, can_interface); return;
    case Kind::Struct: print_struct(v, verb, depth, can_interface); return;
    case Kind::Interface: {
      const Box* b = vm::ptr<const Box>(v.word);
      if (!b) {
        if (fmt_.flags.sharp_v) {
          buf_ += t.reflect_name;
          buf_ += "(nil)";
        } else {
          buf_ += "<nil>";
        }
        return;
      }
      print_value(Value{b->type, vm::ops::load_value(*b->type, b->payload())}, verb, depth + 1, can_interface);
      return;
    }
    case Kind::Array:
    case Kind::Slice: print_list(v, verb, depth, can_interface); return;
    case Kind::Pointer:
      // At the top level a pointer to a composite prints as &{...}; deeper, as an address (a
      // cycle could otherwise print forever).
      if (depth == 0 && v.word != 0 && t.elem) {
        Kind ek = t.elem->kind;
        if (ek == Kind::Array || ek == Kind::Slice || ek == Kind::Struct || ek == Kind::Map) {
          buf_ += '&';
          print_value(Value{t.elem, vm::ops::load_value(*t.elem, vm::ptr<const void>(v.word))}, verb, depth + 1,
                      can_interface);
          return;
        }
      }
      fmt_pointer(v, verb);
      return;
    case Kind::Chan:
    case Kind::Func: fmt_pointer(v, verb); return;
    case Kind::Handle: fmt_.fmt_integer(0, 10, false, 'v', false); return;  // an engine object: opaque
  }
}

void Printer::print_map(Value v, std::int32_t verb, int depth, bool can_interface) {
  const TypeInfo& t = *v.type;
  if (fmt_.flags.sharp_v) {
    buf_ += t.reflect_name;
    if (v.word == 0) {
      buf_ += "(nil)";
      return;
    }
    buf_ += '{';
  } else {
    buf_ += "map[";
  }
  // Entries in Go's fmtsort order: stable sort of the iteration order by key.
  std::vector<std::pair<Word, Word>> entries;
  vm::Goroutine& gr = ctx_.goroutine();
  Word it = vm::ops::map_iter(gr, v.word);
  if (ctx_.take_fault()) return (void)fail();
  Word key = 0, value = 0;
  while (vm::ops::map_next(gr, it, key, value)) entries.emplace_back(key, value);
  if (ctx_.take_fault()) return (void)fail();
  const TypeInfo& key_type = *t.key;
  std::stable_sort(entries.begin(), entries.end(), [&](const auto& a, const auto& b) {
    return compare_values(key_type, a.first, b.first) < 0;
  });
  for (std::size_t i = 0; i < entries.size() && !aborted_; ++i) {
    if (i > 0) {
      if (fmt_.flags.sharp_v) buf_ += ", ";
      else buf_ += ' ';
    }
    print_value(Value{t.key, entries[i].first}, verb, depth + 1, can_interface);
    buf_ += ':';
    print_value(Value{t.elem, entries[i].second}, verb, depth + 1, can_interface);
  }
  buf_ += fmt_.flags.sharp_v ? '}' : ']';
}

void Printer::print_struct(Value v, std::int32_t verb, int depth, bool can_interface) {
  const TypeInfo& t = *v.type;
  if (fmt_.flags.sharp_v) buf_ += t.reflect_name;
  buf_ += '{';
  const auto* base = vm::ptr<const std::uint8_t>(v.word);
  for (std::size_t i = 0; i < t.fields.size() && !aborted_; ++i) {
    if (i > 0) {
      if (fmt_.flags.sharp_v) buf_ += ", ";
      else buf_ += ' ';
    }
    std::string_view name = t.fields[i].name;
    if ((fmt_.flags.plus_v || fmt_.flags.sharp_v) && !name.empty()) {
      buf_ += name;
      buf_ += ':';
    }
    const TypeInfo& ft = *t.fields[i].type;
    Value field{&ft, vm::ops::load_value(ft, base + t.fields[i].offset)};
    // A non-nil interface field prints as its dynamic value (Go's getField).
    if (ft.kind == Kind::Interface && field.word) {
      const Box* b = vm::ptr<const Box>(field.word);
      field = Value{b->type, vm::ops::load_value(*b->type, b->payload())};
    }
    print_value(field, verb, depth + 1, can_interface && exported(name));
  }
  buf_ += '}';
}

void Printer::print_list(Value v, std::int32_t verb, int depth, bool can_interface) {
  const TypeInfo& t = *v.type;
  const TypeInfo& elem = *t.elem;
  const std::uint8_t* data;
  std::int64_t len;
  bool is_nil = false;
  if (t.kind == Kind::Slice) {
    const Slice* s = vm::ptr<const Slice>(v.word);
    is_nil = s == nullptr;
    data = s ? s->data : nullptr;
    len = s ? s->len : 0;
  } else {
    data = vm::ptr<const std::uint8_t>(v.word);
    len = t.len;
  }
  if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') && elem.kind == Kind::Uint8) {
    std::string_view bytes(reinterpret_cast<const char*>(data), std::size_t(len));
    fmt_bytes(bytes, is_nil, verb, t.reflect_name, v);
    return;
  }
  if (fmt_.flags.sharp_v) {
    buf_ += t.reflect_name;
    if (is_nil) {
      buf_ += "(nil)";
      return;
    }
    buf_ += '{';
  } else {
    buf_ += '[';
  }
  for (std::int64_t i = 0; i < len && !aborted_; ++i) {
    if (i > 0) {
      if (fmt_.flags.sharp_v) buf_ += ", ";
      else buf_ += ' ';
    }
    Value e{&elem, vm::ops::load_value(elem, data + std::size_t(i) * elem.size)};
    print_value(e, verb, depth + 1, can_interface);
  }
  buf_ += fmt_.flags.sharp_v ? '}' : ']';
}

// ---- Print, Println, Printf ----

void Printer::print(const std::vector<Word>& args) {
  bool prev_string = false;
  for (std::size_t i = 0; i < args.size() && !aborted_; ++i) {
    const Box* b = vm::ptr<const Box>(args[i]);
    bool is_string = b && b->type->kind == Kind::String;
    // A space between operands when neither side is a string.
    if (i > 0 && !is_string && !prev_string) buf_ += ' ';
    print_arg(args[i], 'v');
    prev_string = is_string;
  }
}

void Printer::println(const std::vector<Word>& args) {
  for (std::size_t i = 0; i < args.size() && !aborted_; ++i) {
    if (i > 0) buf_ += ' ';
    print_arg(args[i], 'v');
  }
  buf_ += '\n';
}

bool Printer::int_from_arg(const std::vector<Word>& args, std::size_t& arg_num, int& out) {
  out = 0;
  if (arg_num >= args.size()) return false;
  bool ok = false;
  if (const Box* b = vm::ptr<const Box>(args[arg_num])) {
    Word w = vm::ops::load_value(*b->type, b->payload());
    if (is_signed_kind(b->type->kind)) {
      ok = !too_large(std::int64_t(w));
      out = ok ? int(std::int64_t(w)) : 0;
    } else if (is_unsigned_kind(b->type->kind)) {
      ok = w <= std::uint64_t(kMaxNumber);
      out = ok ? int(w) : 0;
    }
  }
  ++arg_num;
  return ok;
}

bool Printer::arg_number(std::size_t& arg_num, std::string_view format, std::size_t& i, std::size_t nargs) {
  if (i >= format.size() || format[i] != '[') return false;
  reordered_ = true;
  // "[n]": a one-based index; `width` is how much of the format it took.
  std::string_view rest = format.substr(i);
  int index = 0;
  std::size_t width = 1;
  bool ok = false;
  if (rest.size() >= 3) {
    for (std::size_t j = 1; j < rest.size(); ++j) {
      if (rest[j] != ']') continue;
      ParsedNumber n = parse_number(rest, 1, j);
      width = j + 1;
      if (n.is_num && n.next == j) {
        index = n.num - 1;
        ok = true;
      }
      break;
    }
  }
  if (ok && index >= 0 && std::size_t(index) < nargs) {
    arg_num = std::size_t(index);
    i += width;
    return true;
  }
  good_arg_num_ = false;
  i += width;
  return ok;
}

void Printer::printf(std::string_view format, const std::vector<Word>& args) {
  const std::size_t end = format.size();
  std::size_t arg_num = 0;
  bool after_index = false;  // the previous item was an argument index like [3]
  reordered_ = false;
  std::size_t i = 0;
  while (i < end && !aborted_) {
    good_arg_num_ = true;
    std::size_t last = i;
    while (i < end && format[i] != '%') ++i;
    if (i > last) buf_.append(format.substr(last, i - last));
    if (i >= end) break;
    ++i;  // past the %

    fmt_.clear_flags();
    bool printed = false;
    for (; i < end; ++i) {
      char c = format[i];
      if (c == '#') fmt_.flags.sharp = true;
      else if (c == '0') fmt_.flags.zero = !fmt_.flags.minus;  // zero padding only on the left
      else if (c == '+') fmt_.flags.plus = true;
      else if (c == '-') {
        fmt_.flags.minus = true;
        fmt_.flags.zero = false;
      } else if (c == ' ') fmt_.flags.space = true;
      else {
        // The common case: a letter verb right after the flags.
        if (c >= 'a' && c <= 'z' && arg_num < args.size()) {
          if (c == 'v') {
            fmt_.flags.sharp_v = fmt_.flags.sharp;
            fmt_.flags.sharp = false;
            fmt_.flags.plus_v = fmt_.flags.plus;
            fmt_.flags.plus = false;
          }
          print_arg(args[arg_num], c);
          ++arg_num;
          ++i;
          printed = true;
        }
        break;
      }
    }
    if (printed) continue;

    after_index = arg_number(arg_num, format, i, args.size());

    // width
    if (i < end && format[i] == '*') {
      ++i;
      fmt_.flags.wid_present = int_from_arg(args, arg_num, fmt_.wid);
      if (!fmt_.flags.wid_present) buf_ += "%!(BADWIDTH)";
      if (fmt_.wid < 0) {  // a negative width means left alignment
        fmt_.wid = -fmt_.wid;
        fmt_.flags.minus = true;
        fmt_.flags.zero = false;
      }
      after_index = false;
    } else {
      ParsedNumber n = parse_number(format, i, end);
      fmt_.wid = n.num;
      fmt_.flags.wid_present = n.is_num;
      i = n.next;
      if (after_index && fmt_.flags.wid_present) good_arg_num_ = false;  // "%[3]2d"
    }

    // precision
    if (i + 1 < end && format[i] == '.') {
      ++i;
      if (after_index) good_arg_num_ = false;  // "%[3].2d"
      after_index = arg_number(arg_num, format, i, args.size());
      if (i < end && format[i] == '*') {
        ++i;
        fmt_.flags.prec_present = int_from_arg(args, arg_num, fmt_.prec);
        if (fmt_.prec < 0) {  // a negative precision is no precision
          fmt_.prec = 0;
          fmt_.flags.prec_present = false;
        }
        if (!fmt_.flags.prec_present) buf_ += "%!(BADPREC)";
        after_index = false;
      } else {
        ParsedNumber n = parse_number(format, i, end);
        fmt_.prec = n.num;
        fmt_.flags.prec_present = n.is_num;
        i = n.next;
        if (!fmt_.flags.prec_present) {  // "%.d" means precision 0
          fmt_.prec = 0;
          fmt_.flags.prec_present = true;
        }
      }
    }

    if (!after_index) after_index = arg_number(arg_num, format, i, args.size());

    if (i >= end) {
      buf_ += "%!(NOVERB)";
      break;
    }

    std::int32_t verb = static_cast<unsigned char>(format[i]);
    std::int64_t size = 1;
    if (verb >= 0x80) {
      text::Decoded d = text::decode(format, i);
      verb = d.rune;
      size = std::int64_t(d.width);
    }
    i += std::size_t(size);

    if (verb == '%') {  // a literal percent: no operand, no width
      buf_ += '%';
    } else if (!good_arg_num_) {
      buf_ += "%!";
      append_rune(buf_, verb);
      buf_ += "(BADINDEX)";
    } else if (arg_num >= args.size()) {
      buf_ += "%!";
      append_rune(buf_, verb);
      buf_ += "(MISSING)";
    } else {
      if (verb == 'v') {
        fmt_.flags.sharp_v = fmt_.flags.sharp;
        fmt_.flags.sharp = false;
        fmt_.flags.plus_v = fmt_.flags.plus;
        fmt_.flags.plus = false;
      }
      print_arg(args[arg_num], verb);
      ++arg_num;
    }
  }

  // Operands no verb used (unless indexes reordered them).
  if (!aborted_ && !reordered_ && arg_num < args.size()) {
    fmt_.clear_flags();
    buf_ += "%!(EXTRA ";
    for (std::size_t k = arg_num; k < args.size() && !aborted_; ++k) {
      if (k > arg_num) buf_ += ", ";
      if (!args[k]) {
        buf_ += "<nil>";
      } else {
        buf_ += vm::ptr<const Box>(args[k])->type->reflect_name;
        buf_ += '=';
        print_arg(args[k], 'v');
      }
    }
    buf_ += ')';
  }
}

}  // namespace gopark::lib
