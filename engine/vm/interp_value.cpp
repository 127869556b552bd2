// Type-directed operations on values: loading and storing by size, copying storage, Go's ==,
// boxing into interfaces, and the names of types as Go's runtime writes them.
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "vm/interp.hpp"

namespace gopark::vm::ops {
namespace {

using Kind = TypeInfo::Kind;

template <class T> T load_at(const void* p) { T v; std::memcpy(&v, p, sizeof v); return v; }
template <class T> void store_at(void* p, T v) { std::memcpy(p, &v, sizeof v); }
double as_double(Word w) { double d; std::memcpy(&d, &w, 8); return d; }
Word from_double(double d) { Word w; std::memcpy(&w, &d, 8); return w; }

}  // namespace

Word load_value(const TypeInfo& t, const void* at) {
  switch (t.kind) {
    case Kind::Bool:
    case Kind::Uint8: return load_at<std::uint8_t>(at);
    case Kind::Int8: return Word(std::int64_t(load_at<std::int8_t>(at)));
    case Kind::Int16: return Word(std::int64_t(load_at<std::int16_t>(at)));
    case Kind::Uint16: return load_at<std::uint16_t>(at);
    case Kind::Int32: return Word(std::int64_t(load_at<std::int32_t>(at)));
    case Kind::Uint32: return load_at<std::uint32_t>(at);
    case Kind::Float32: return from_double(double(load_at<float>(at)));
    case Kind::Array:
    case Kind::Struct: return word(at);
    default: return load_word(at);
  }
}

void store_value(Goroutine&, const TypeInfo& t, void* at, Word v) {
  switch (t.kind) {
    case Kind::Bool:
    case Kind::Uint8:
    case Kind::Int8: store_at<std::uint8_t>(at, std::uint8_t(v)); return;
    case Kind::Int16:
    case Kind::Uint16: store_at<std::uint16_t>(at, std::uint16_t(v)); return;
    case Kind::Int32:
    case Kind::Uint32: store_at<std::uint32_t>(at, std::uint32_t(v)); return;
    case Kind::Float32: store_at<float>(at, float(as_double(v))); return;
    case Kind::Array:
    case Kind::Struct:
      if (v) copy_value(t, at, ptr<const void>(v));
      return;
    default: store_word(at, v); return;
  }
}

void copy_value(const TypeInfo& t, void* dst, const void* src) {
  if (dst == src) return;
  if (!t.has_pointers) {
    std::memmove(dst, src, t.size);
    return;
  }
  // Pointer words are copied whole (8-aligned in every layout), so a racing reader never sees a
  // torn pointer.
  auto* d = static_cast<std::uint8_t*>(dst);
  auto* s = static_cast<const std::uint8_t*>(src);
  std::uint32_t n = t.size & ~7u;
  for (std::uint32_t off = 0; off < n; off += 8) store_word(d + off, load_word(s + off));
  if (n < t.size) std::memmove(d + n, s + n, t.size - n);
}

bool values_equal(Goroutine& gr, const TypeInfo& t, const void* a, const void* b) {
  switch (t.kind) {
    case Kind::Float32: return load_at<float>(a) == load_at<float>(b);
    case Kind::Float64: return load_at<double>(a) == load_at<double>(b);
    case Kind::String: return equal(load_word(a), load_word(b));
    case Kind::Interface: return iface_equal(gr, load_word(a), load_word(b));
    case Kind::Struct:
      for (const TypeInfo::Field& f : t.fields) {
        if (!values_equal(gr, *f.type, static_cast<const std::uint8_t*>(a) + f.offset,
                          static_cast<const std::uint8_t*>(b) + f.offset))
          return false;
        if (gr.fault != Fault::None) return false;
      }
      return true;
    case Kind::Array:
      for (std::int64_t i = 0; i < t.len; ++i) {
        std::size_t off = std::size_t(i) * t.elem->size;
        if (!values_equal(gr, *t.elem, static_cast<const std::uint8_t*>(a) + off,
                          static_cast<const std::uint8_t*>(b) + off))
          return false;
        if (gr.fault != Fault::None) return false;
      }
      return true;
    default: return load_value(t, a) == load_value(t, b);
  }
}

Word box(Goroutine& gr, const TypeInfo& t, Word v) {
  Machine& m = *gr.machine;
  auto* b = static_cast<Box*>(m.allocate(gr, m.box_layout_of(t)));
  if (!b) return 0;
  b->type = &t;
  if (t.word_sized) store_value(gr, t, b->payload(), v);
  else if (v) copy_value(t, b->payload(), ptr<const void>(v));
  return word(b);
}

Word unbox(Goroutine& gr, const TypeInfo& t, Word bw) {
  const Box* b = ptr<const Box>(bw);
  if (t.word_sized) return load_value(t, b->payload());
  Machine& m = *gr.machine;
  void* p = m.allocate(gr, m.layout_of(t));
  if (!p) return 0;
  copy_value(t, p, b->payload());
  return word(p);
}

bool is_interface(const TypeInfo& t) { return t.kind == Kind::Interface; }

namespace {
// The first of iface's methods that `dynamic` lacks, by name and signature (Go's rule: `Error() int`
// is not the Error of `error`); nullptr when it has them all.
const std::uint32_t* first_missing(const TypeInfo& dynamic, const TypeInfo& iface) {
  for (std::size_t i = 0; i < iface.iface_methods.size(); ++i) {
    auto it = dynamic.method_signatures.find(iface.iface_methods[i]);
    if (it == dynamic.method_signatures.end() || it->second != iface.iface_signatures[i]) return &iface.iface_methods[i];
  }
  return nullptr;
}
}  // namespace

bool implements(const TypeInfo& dynamic, const TypeInfo& iface) { return !first_missing(dynamic, iface); }

// One box compared with itself is no shortcut: a NaN inside is not equal to itself, and an
// uncomparable value panics, as in Go.
bool iface_equal(Goroutine& gr, Word a, Word b) {
  if (a == 0 && b == 0) return true;
  const Box* x = ptr<const Box>(a);
  const Box* y = ptr<const Box>(b);
  if (!x || !y || x->type != y->type) return false;
  if (!x->type->comparable) {
    raise(gr, "runtime error: comparing uncomparable type " + type_name(*x->type));
    return false;
  }
  return values_equal(gr, *x->type, x->payload(), y->payload());
}

std::string type_name(const TypeInfo& t) { return t.name; }

std::string missing_method(const Image& image, const TypeInfo& dynamic, const TypeInfo& iface) {
  const std::uint32_t* id = first_missing(dynamic, iface);
  return id ? image.names[*id] : "";
}

void raise_type_assertion(Goroutine& gr, Word bw, const TypeInfo& target, const TypeInfo& source) {
  const Box* b = ptr<const Box>(bw);
  std::string from = source.kind == Kind::Interface && source.iface_methods.empty() && !source.named
                         ? "interface {}"
                         : type_name(source);
  if (!b) {
    raise(gr, "interface conversion: " + (target.kind == Kind::Interface ? std::string("interface") : from) +
                  " is nil, not " + type_name(target));
    return;
  }
  if (target.kind == Kind::Interface) {
    raise(gr, "interface conversion: " + type_name(*b->type) + " is not " + type_name(target) +
                  ": missing method " + missing_method(gr.machine->image(), *b->type, target));
    return;
  }
  raise(gr, "interface conversion: " + from + " is " + type_name(*b->type) + ", not " + type_name(target));
}

std::uint64_t iface_data(const Box* b) {
  using Kind = TypeInfo::Kind;
  const Kind k = b->type->kind;
  if (k == Kind::Pointer || k == Kind::Chan || k == Kind::Map || k == Kind::Func) return std::uint64_t(b->word());
  return std::uint64_t(std::uintptr_t(b->payload()));
}

// Go's print/println formats: floats as %+e with 7 digits and a 3-digit exponent.
std::string print_value(const TypeInfo& t, Word v, const Heap* heap) {
  char buf[64];
  auto address = [heap](std::uint64_t a) { return heap ? heap->go_address(a) : a; };
  switch (t.kind) {
    case Kind::Bool: return v ? "true" : "false";
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
      return std::to_string(std::int64_t(v));
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64:
    case Kind::Uintptr:
      return std::to_string(v);
    case Kind::Float32:
    case Kind::Float64: {
      double d = as_double(v);
      if (std::isnan(d)) return "NaN";
      if (std::isinf(d)) return d > 0 ? "+Inf" : "-Inf";
      std::snprintf(buf, sizeof buf, "%+.6e", d);
      // C writes at least two exponent digits; Go's print writes three.
      std::string s = buf;
      std::size_t e = s.find('e');
      std::string mant = s.substr(0, e), exp = s.substr(e + 2);
      while (exp.size() < 3) exp.insert(exp.begin(), '0');
      return mant + "e" + s[e + 1] + exp;
    }
    case Kind::String: return std::string(view(v));
    case Kind::Interface: {
      const Box* b = ptr<const Box>(v);
      // (type, data): the type as an address in a code range made of its index (Go prints its
      // type descriptor's address), the same every run.
      const std::uint64_t type = b ? 0x4a0000 + 0x20 * std::uint64_t(b->type->index) : 0;
      std::snprintf(buf, sizeof buf, "(0x%" PRIx64 ",0x%" PRIx64 ")", type,
                    b ? address(iface_data(b)) : 0);
      return buf;
    }
    default:
      std::snprintf(buf, sizeof buf, "0x%" PRIx64, address(std::uint64_t(v)));
      return buf;
  }
}

std::string display_value(const TypeInfo& t, Word v) {
  char buf[64];
  switch (t.kind) {
    case Kind::Bool:
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64:
    case Kind::Uintptr:
      return print_value(t, v);  // as print/println writes them
    case Kind::Float32:
    case Kind::Float64:
      std::snprintf(buf, sizeof buf, "%g", as_double(v));
      return buf;
    case Kind::String: {
      std::string_view s = view(v);
      std::string out = "\"";
      out += s.size() > 20 ? std::string(s.substr(0, 20)) + "…" : std::string(s);
      return out + "\"";
    }
    case Kind::Interface: {
      const Box* b = ptr<const Box>(v);
      if (!b) return "nil";
      return b->type->word_sized ? display_value(*b->type, b->word()) : "{…}";
    }
    case Kind::Struct: case Kind::Array: return "{…}";
    default:
      if (v == 0) return "nil";
      std::snprintf(buf, sizeof buf, "0x%" PRIx64, std::uint64_t(v));
      return buf;
  }
}

}  // namespace gopark::vm::ops
