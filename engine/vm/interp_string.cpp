// Strings: creation, concatenation, comparison and the string conversions (UTF-8 by text/utf8.hpp).
//
// A string is a String* (value.hpp). A new string is one no-scan object: the header followed by
// its bytes. A substring is a header of its own (a scanned object: its data pointer keeps the
// bytes' object alive) pointing into the original bytes, so slicing a string never copies.
#include <cstring>

#include "text/utf8.hpp"
#include "vm/interp.hpp"

namespace gopark::vm::ops {

std::string_view view(Word s) {
  const String* str = ptr<const String>(s);
  if (!str || str->len == 0) return {};
  return {reinterpret_cast<const char*>(str->data), std::size_t(str->len)};
}

Word new_string(Goroutine& gr, std::string_view bytes) {
  if (bytes.empty()) return 0;
  auto* p = static_cast<std::uint8_t*>(gr.machine->allocate_noscan(gr, sizeof(String) + bytes.size()));
  if (!p) return 0;
  auto* s = reinterpret_cast<String*>(p);
  std::memcpy(p + sizeof(String), bytes.data(), bytes.size());
  s->data = p + sizeof(String);
  s->len = std::int64_t(bytes.size());
  return word(s);
}

Word substring(Goroutine& gr, Word s, std::int64_t lo, std::int64_t hi) {
  if (hi <= lo) return 0;
  const String* str = ptr<const String>(s);
  if (lo == 0 && hi == str->len) return s;
  auto* view_header = static_cast<String*>(gr.machine->allocate(gr, gr.machine->string_view_layout()));
  if (!view_header) return 0;
  view_header->data = str->data + lo;
  view_header->len = hi - lo;
  return word(view_header);
}

Word concat(Goroutine& gr, Word a, Word b) {
  std::string_view x = view(a), y = view(b);
  if (x.empty()) return b;
  if (y.empty()) return a;
  std::size_t n = x.size() + y.size();
  auto* p = static_cast<std::uint8_t*>(gr.machine->allocate_noscan(gr, sizeof(String) + n));
  if (!p) return 0;
  auto* s = reinterpret_cast<String*>(p);
  std::memcpy(p + sizeof(String), x.data(), x.size());
  std::memcpy(p + sizeof(String) + x.size(), y.data(), y.size());
  s->data = p + sizeof(String);
  s->len = std::int64_t(n);
  return word(s);
}

int compare(Word a, Word b) {
  if (a == b) return 0;
  return view(a).compare(view(b));
}

bool equal(Word a, Word b) { return a == b || view(a) == view(b); }

Word convert(Goroutine& gr, Conversion c, Word x) {
  Machine& m = *gr.machine;
  switch (c) {
    case Conversion::StringFromBytes: {
      const Slice* s = ptr<const Slice>(x);
      if (!s || s->len == 0) return 0;
      return new_string(gr, {reinterpret_cast<const char*>(s->data), std::size_t(s->len)});
    }
    case Conversion::BytesFromString: {
      std::string_view v = view(x);
      Word out = make_slice(gr, m.byte_type(), std::int64_t(v.size()), std::int64_t(v.size()));
      if (out && !v.empty()) std::memcpy(ptr<Slice>(out)->data, v.data(), v.size());
      return out;
    }
    case Conversion::StringFromRunes: {
      const Slice* s = ptr<const Slice>(x);
      std::string bytes;
      for (std::int64_t i = 0; s && i < s->len; ++i) {
        std::int32_t r;
        std::memcpy(&r, s->data + i * 4, 4);
        text::encode(r, bytes);
      }
      return new_string(gr, bytes);
    }
    case Conversion::RunesFromString: {
      std::string_view v = view(x);
      std::vector<std::int32_t> runes;
      for (std::size_t i = 0; i < v.size();) {
        text::Decoded d = text::decode(v, i);
        runes.push_back(d.rune);
        i += d.width;
      }
      Word out = make_slice(gr, m.rune_type(), std::int64_t(runes.size()), std::int64_t(runes.size()));
      if (out && !runes.empty()) std::memcpy(ptr<Slice>(out)->data, runes.data(), runes.size() * 4);
      return out;
    }
    case Conversion::StringFromRune: {
      std::string bytes;
      text::encode(std::int64_t(x), bytes);  // out of range or a surrogate: U+FFFD
      return new_string(gr, bytes);
    }
  }
  return 0;
}

}  // namespace gopark::vm::ops
