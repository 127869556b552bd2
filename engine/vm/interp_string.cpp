// Strings: creation, concatenation, comparison, UTF-8 decoding and the string conversions.
//
// A string is a String* (value.hpp). A new string is one no-scan object: the header followed by
// its bytes. A substring is a header of its own (a scanned object: its data pointer keeps the
// bytes' object alive) pointing into the original bytes, so slicing a string never copies.
#include <cstring>

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

std::int32_t decode_rune(std::string_view s, std::size_t i, std::int64_t& width) {
  constexpr std::int32_t kError = 0xFFFD;
  width = 1;
  if (i >= s.size()) return kError;
  auto at = [&](std::size_t k) { return std::uint8_t(s[k]); };
  std::uint8_t c = at(i);
  if (c < 0x80) return c;
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || c > 0xF4 || i + std::size_t(n) > s.size()) return kError;
  std::int32_t r = c & (0x7F >> n);
  for (int k = 1; k < n; ++k) {
    std::uint8_t cc = at(i + std::size_t(k));
    if ((cc & 0xC0) != 0x80) return kError;
    r = r << 6 | (cc & 0x3F);
  }
  // Overlong encodings, surrogates and values past U+10FFFF are errors, as Go's utf8 says.
  static constexpr std::int32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (r < kMin[n] || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) return kError;
  width = n;
  return r;
}

void encode_rune(std::int32_t r, std::string& out) {
  if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
  if (r < 0x80) {
    out += char(r);
  } else if (r < 0x800) {
    out += char(0xC0 | (r >> 6));
    out += char(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    out += char(0xE0 | (r >> 12));
    out += char(0x80 | ((r >> 6) & 0x3F));
    out += char(0x80 | (r & 0x3F));
  } else {
    out += char(0xF0 | (r >> 18));
    out += char(0x80 | ((r >> 12) & 0x3F));
    out += char(0x80 | ((r >> 6) & 0x3F));
    out += char(0x80 | (r & 0x3F));
  }
}

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
        encode_rune(r, bytes);
      }
      return new_string(gr, bytes);
    }
    case Conversion::RunesFromString: {
      std::string_view v = view(x);
      std::vector<std::int32_t> runes;
      for (std::size_t i = 0; i < v.size();) {
        std::int64_t w;
        runes.push_back(decode_rune(v, i, w));
        i += std::size_t(w);
      }
      Word out = make_slice(gr, m.rune_type(), std::int64_t(runes.size()), std::int64_t(runes.size()));
      if (out && !runes.empty()) std::memcpy(ptr<Slice>(out)->data, runes.data(), runes.size() * 4);
      return out;
    }
    case Conversion::StringFromRune: {
      std::string bytes;
      std::int64_t r = std::int64_t(x);
      encode_rune(r < 0 || r > 0x10FFFF ? 0xFFFD : std::int32_t(r), bytes);
      return new_string(gr, bytes);
    }
  }
  return 0;
}

}  // namespace gopark::vm::ops
