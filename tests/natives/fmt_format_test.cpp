// fmt's operand formatting (engine/lib/natives/fmt_format.cpp): flags, width, precision, bases.
// Expected strings are Go 1.19's.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include "lib/natives/fmt_format.hpp"

namespace {

using gopark::lib::FormatFlags;
using gopark::lib::Formatter;

// A formatter set up as Printf would be after parsing "%<flags><width>.<prec>".
struct Spec {
  FormatFlags flags;
  int wid = 0;
  int prec = 0;
};
Spec width(int w) {
  Spec s;
  s.flags.wid_present = true;
  s.wid = w;
  return s;
}

std::string integer(Spec spec, long long v, int base = 10, char verb = 'd', bool upper = false) {
  std::string out;
  Formatter f(out);
  f.flags = spec.flags;
  f.wid = spec.wid;
  f.prec = spec.prec;
  f.fmt_integer(std::uint64_t(v), base, true, verb, upper);
  return out;
}

template <class Fn> std::string with(Spec spec, Fn fn) {
  std::string out;
  Formatter f(out);
  f.flags = spec.flags;
  f.wid = spec.wid;
  f.prec = spec.prec;
  fn(f);
  return out;
}

}  // namespace

TEST_CASE("integers: width, zero padding after the sign, precision, bases") {
  CHECK(integer({}, 42) == "42");
  CHECK(integer(width(5), 42) == "   42");
  Spec left = width(5);
  left.flags.minus = true;
  CHECK(integer(left, 42) == "42   ");
  Spec zero = width(5);
  zero.flags.zero = true;
  CHECK(integer(zero, -42) == "-0042");
  zero.flags.plus = true;
  CHECK(integer(zero, 12) == "+0012");
  Spec plus;
  plus.flags.plus = true;
  CHECK(integer(plus, 7) == "+7");
  Spec space;
  space.flags.space = true;
  CHECK(integer(space, 7) == " 7");
  Spec prec;
  prec.flags.prec_present = true;
  prec.prec = 3;
  CHECK(integer(prec, 7) == "007");
  prec.prec = 0;
  CHECK(integer(prec, 0) == "");  // %.0d of zero prints nothing
  CHECK(integer({}, -255, 16) == "-ff");
  CHECK(integer({}, 255, 16, 'X', true) == "FF");
  Spec sharp;
  sharp.flags.sharp = true;
  CHECK(integer(sharp, 255, 16) == "0xff");
  CHECK(integer(sharp, 8, 8) == "010");
  CHECK(integer(sharp, 5, 2) == "0b101");
  CHECK(integer({}, 8, 8, 'O') == "0o10");
  CHECK(integer({}, std::numeric_limits<long long>::min()) == "-9223372036854775808");
}

TEST_CASE("strings: width counts runes, precision truncates by runes") {
  CHECK(with(width(10), [](Formatter& f) { f.fmt_s("héllo"); }) == "     héllo");
  Spec prec;
  prec.flags.prec_present = true;
  prec.prec = 2;
  CHECK(with(prec, [](Formatter& f) { f.fmt_s("日本語"); }) == "日本");
  Spec zero = width(5);
  zero.flags.zero = true;
  CHECK(with(zero, [](Formatter& f) { f.fmt_s("ab"); }) == "000ab");
}

TEST_CASE("hex of strings and bytes") {
  CHECK(with({}, [](Formatter& f) { f.fmt_sbx("hé", false); }) == "68c3a9");
  Spec space;
  space.flags.space = true;
  CHECK(with(space, [](Formatter& f) { f.fmt_sbx("hé", true); }) == "68 C3 A9");
  space.flags.sharp = true;
  CHECK(with(space, [](Formatter& f) { f.fmt_sbx("hi", false); }) == "0x68 0x69");
  Spec sharp;
  sharp.flags.sharp = true;
  CHECK(with(sharp, [](Formatter& f) { f.fmt_sbx("hi", true); }) == "0X6869");
  CHECK(with(width(4), [](Formatter& f) { f.fmt_sbx("", false); }) == "    ");
}

TEST_CASE("quoted strings and runes, U+ notation") {
  CHECK(with({}, [](Formatter& f) { f.fmt_q("a\tb\""); }) == "\"a\\tb\\\"\"");
  Spec plus;
  plus.flags.plus = true;
  CHECK(with(plus, [](Formatter& f) { f.fmt_q("é"); }) == "\"\\u00e9\"");
  Spec sharp;
  sharp.flags.sharp = true;
  CHECK(with(sharp, [](Formatter& f) { f.fmt_q("raw"); }) == "`raw`");
  CHECK(with(sharp, [](Formatter& f) { f.fmt_q("a`b"); }) == "\"a`b\"");
  CHECK(with({}, [](Formatter& f) { f.fmt_qc(U'é'); }) == "'é'");
  CHECK(with({}, [](Formatter& f) { f.fmt_qc('\n'); }) == "'\\n'");
  CHECK(with({}, [](Formatter& f) { f.fmt_c(0x4e16); }) == "世");
  CHECK(with({}, [](Formatter& f) { f.fmt_c(0x110000); }) == "\xEF\xBF\xBD");
  CHECK(with({}, [](Formatter& f) { f.fmt_unicode(0x1F600); }) == "U+1F600");
  CHECK(with(sharp, [](Formatter& f) { f.fmt_unicode('x'); }) == "U+0078 'x'");
}

TEST_CASE("floats: sign handling, zero padding, # keeps the point") {
  auto flt = [](Spec s, double v, char verb, int prec) {
    return with(s, [&](Formatter& f) { f.fmt_float(v, 64, verb, prec); });
  };
  Spec w8p3 = width(8);
  w8p3.flags.prec_present = true;
  w8p3.prec = 3;
  CHECK(flt(w8p3, 3.14159, 'f', 6) == "   3.142");
  Spec zero = width(8);
  zero.flags.zero = true;
  zero.flags.prec_present = true;
  zero.prec = 2;
  CHECK(flt(zero, -3.14159, 'f', 6) == "-0003.14");
  Spec sharp;
  sharp.flags.sharp = true;
  CHECK(flt(sharp, 1.0, 'g', -1) == "1.00000");
  CHECK(flt({}, -0.0, 'g', -1) == "-0");
  Spec space;
  space.flags.space = true;
  CHECK(flt(space, 2.5, 'g', -1) == " 2.5");
  Spec inf = width(6);
  inf.flags.zero = true;
  CHECK(flt(inf, std::numeric_limits<double>::infinity(), 'f', 6) == "  +Inf");
  CHECK(flt({}, std::nan(""), 'g', -1) == "NaN");
  Spec plus;
  plus.flags.plus = true;
  CHECK(flt(plus, std::nan(""), 'g', -1) == "+NaN");
}
