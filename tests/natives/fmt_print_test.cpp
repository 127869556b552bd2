// fmt's printer over VM values (engine/lib/natives/fmt_print.cpp). Every expected string is what
// Go 1.19 prints for the same operands (the Go program is in each case's comment). Methods
// (String, Error) need compiled Go and are covered by the program tests (tests/programs/fmt_*).
#include <doctest/doctest.h>

#include "lib/natives/fmt_print.hpp"
#include "world.hpp"

namespace {

using namespace natives_test;
using K = lang::TypeKind;

// The types the cases use, declared before the machine starts.
struct Fixture {
  World w;
  const lang::Type* int_t = w.basic(K::Int);
  const lang::Type* str_t = w.basic(K::String);
  const lang::Type* f64_t = w.basic(K::Float64);
  const lang::Type* f32_t = w.basic(K::Float32);
  const lang::Type* bool_t = w.basic(K::Bool);
  const lang::Type* int8_t_ = w.basic(K::Int8);
  const lang::Type* byte_t = w.basic(K::Uint8);
  const lang::Type* rune_t = w.basic(K::Int32);
  const lang::Type* any_t = w.types().empty_interface();
  // type T struct { X int; y string }
  const lang::Type* t_struct = w.strukt({{"X", int_t}, {"y", str_t}});
  const lang::Type* t = w.named("T", t_struct);
  const lang::Type* t_ptr = w.types().pointer(t);
  const lang::Type* celsius = w.named("Celsius", f64_t);
  const lang::Type* ints = w.types().slice(int_t);
  const lang::Type* bytes = w.types().slice(byte_t);
  const lang::Type* anys = w.types().slice(any_t);
  const lang::Type* t_ptrs = w.types().slice(t_ptr);
  const lang::Type* ints2 = w.types().slice(ints);
  const lang::Type* bools2 = w.types().array(bool_t, 2);
  const lang::Type* int8s3 = w.types().array(int8_t_, 3);
  const lang::Type* bytes3 = w.types().array(byte_t, 3);
  const lang::Type* str_int = w.types().map(str_t, int_t);
  const lang::Type* int_str = w.types().map(int_t, str_t);
  const lang::Type* str_bool = w.types().map(str_t, bool_t);
  const lang::Type* t_bool = w.types().map(t, bool_t);
  const lang::Type* str_ts = w.types().map(str_t, w.types().slice(t));
  const lang::Type* ab = w.strukt({{"A", any_t}, {"B", any_t}});
  const lang::Type* empty = w.strukt({});

  Fixture() {
    for (const lang::Type* type : {int_t, str_t, f64_t, f32_t, bool_t, int8_t_, byte_t, rune_t, any_t, t, t_ptr,
                                   celsius, ints, bytes, anys, t_ptrs, ints2, bools2, int8s3, bytes3, str_int,
                                   int_str, str_bool, t_bool, str_ts, ab, empty})
      w.type(type);
    w.start();
  }

  std::string sprintf(std::string_view format, const std::vector<Word>& args) {
    vm::NativeContext ctx(w.goroutine());
    gopark::lib::Printer p(ctx);
    p.printf(format, args);
    REQUIRE(p.ok());
    return p.out();
  }
  std::string sprint(const std::vector<Word>& args) {
    vm::NativeContext ctx(w.goroutine());
    gopark::lib::Printer p(ctx);
    p.print(args);
    return p.out();
  }
  std::string sprintln(const std::vector<Word>& args) {
    vm::NativeContext ctx(w.goroutine());
    gopark::lib::Printer p(ctx);
    p.println(args);
    return p.out();
  }

  Word t_value(std::int64_t x, std::string_view y) {
    Word s = w.storage(t);
    w.set(t, s, 0, Word(x));
    w.set(t, s, 1, w.str(y));
    return s;
  }
  Word b(bool v) { return w.box(bool_t, v); }
};

}  // namespace

TEST_CASE("Print puts spaces between operands when neither is a string; Println always") {
  Fixture f;
  // fmt.Sprintln(1, "a", 2.5, true, nil)
  CHECK(f.sprintln({f.w.i(1), f.w.s("a"), f.w.f(2.5), f.b(true), 0}) == "1 a 2.5 true <nil>\n");
  // fmt.Sprint("a", 1, 2, "b", 3.0, nil, 4)
  CHECK(f.sprint({f.w.s("a"), f.w.i(1), f.w.i(2), f.w.s("b"), f.w.f(3.0), 0, f.w.i(4)}) == "a1 2b3 <nil> 4");
  CHECK(f.sprint({}) == "");
  CHECK(f.sprintln({}) == "\n");
}

TEST_CASE("integer verbs with flags") {
  Fixture f;
  Word r_a = f.w.box(f.rune_t, 'A');
  Word r_e = f.w.box(f.rune_t, Word(0xE9));
  // fmt.Sprintf("%5d|%-5d|%05d|%x|%X|%o|%O|%b|%c|%q|%U|%#U|%+d|% d", 42, 42, -42, 255, 255, 8, 8, 5,
  //             'A', 'é', 0x1F600, 'x', 7, 7)
  CHECK(f.sprintf("%5d|%-5d|%05d|%x|%X|%o|%O|%b|%c|%q|%U|%#U|%+d|% d",
                  {f.w.i(42), f.w.i(42), f.w.i(-42), f.w.i(255), f.w.i(255), f.w.i(8), f.w.i(8), f.w.i(5), r_a,
                   r_e, f.w.i(0x1F600), f.w.box(f.rune_t, 'x'), f.w.i(7), f.w.i(7)}) ==
        "   42|42   |-0042|ff|FF|10|0o10|101|A|'é'|U+1F600|U+0078 'x'|+7| 7");
  // fmt.Sprintf("%6.2v|%06d|%-06d|%+06d|%x|%#o|%#b", 3.14159, -12, 12, 12, -255, 8, 5)
  CHECK(f.sprintf("%6.2v|%06d|%-06d|%+06d|%x|%#o|%#b",
                  {f.w.f(3.14159), f.w.i(-12), f.w.i(12), f.w.i(12), f.w.i(-255), f.w.i(8), f.w.i(5)}) ==
        "   3.1|-00012|12    |+00012|-ff|010|0b101");
  // fmt.Sprintf("%.0d|%5.0d|%.3d|%08.3d", 0, 0, 7, 7)
  CHECK(f.sprintf("%.0d|%5.0d|%.3d|%08.3d", {f.w.i(0), f.w.i(0), f.w.i(7), f.w.i(7)}) == "|     |007|     007");
}

TEST_CASE("floats: %v is the shortest form, float32 at float32 precision") {
  Fixture f;
  Word f32 = f.w.box(f.f32_t, float_word(double(0.1f)));
  // fmt.Sprint(1e6, 1e-7, 100.0, 3.0, float32(0.1), float64(float32(0.1)), 1e21, 1e20, 123456789.0)
  CHECK(f.sprint({f.w.f(1e6), f.w.f(1e-7), f.w.f(100), f.w.f(3), f32, f.w.f(double(0.1f)), f.w.f(1e21),
                  f.w.f(1e20), f.w.f(123456789.0)}) ==
        "1e+06 1e-07 100 3 0.1 0.10000000149011612 1e+21 1e+20 1.23456789e+08");
  // fmt.Sprintf("%8.3f|%-8.2f|%08.2f|%+.1e|%g|%.3g|%G|%#g|%x", 3.14159, 3.14159, -3.14159,
  //             12345.678, 1e-5, 3.14159, 1e-7, 1.0, 1.5)
  CHECK(f.sprintf("%8.3f|%-8.2f|%08.2f|%+.1e|%g|%.3g|%G|%#g|%x",
                  {f.w.f(3.14159), f.w.f(3.14159), f.w.f(-3.14159), f.w.f(12345.678), f.w.f(1e-5), f.w.f(3.14159),
                   f.w.f(1e-7), f.w.f(1.0), f.w.f(1.5)}) ==
        "   3.142|3.14    |-0003.14|+1.2e+04|1e-05|3.14|1E-07|1.00000|0x1.8p+00");
  // fmt.Sprintf("%e|%E|%f|%.0f|%.1f|%5.0f", 0.0, 1e100, 1e21, 2.5, 0.05, 99.5)
  CHECK(f.sprintf("%e|%E|%f|%.0f|%.1f|%5.0f",
                  {f.w.f(0), f.w.f(1e100), f.w.f(1e21), f.w.f(2.5), f.w.f(0.05), f.w.f(99.5)}) ==
        "0.000000e+00|1.000000E+100|1000000000000000000000.000000|2|0.1|  100");
}

TEST_CASE("named types print as their underlying kind; bad verbs name the type") {
  Fixture f;
  Word c = f.w.box(f.celsius, float_word(36.6));
  // fmt.Sprintf("%v|%.1f|%d", Celsius(36.6), Celsius(36.6), Celsius(1))
  CHECK(f.sprintf("%v|%.1f|%d", {c, c, f.w.box(f.celsius, float_word(1))}) == "36.6|36.6|%!d(main.Celsius=1)");
  // fmt.Sprintf("%t|%v|%5t|%s", true, false, true, true)
  CHECK(f.sprintf("%t|%v|%5t|%s", {f.b(true), f.b(false), f.b(true), f.b(true)}) == "true|false| true|%!s(bool=true)");
}

TEST_CASE("strings: width and precision by runes, quoting, hex") {
  Fixture f;
  // fmt.Sprintf("%10s|%-10s|%.2s|%q|%+q|%#q|%x|% X", "héllo", "日本", "日本語", "a\tb\"", "é", "raw",
  //             "hé", "hé")
  CHECK(f.sprintf("%10s|%-10s|%.2s|%q|%+q|%#q|%x|% X",
                  {f.w.s("héllo"), f.w.s("日本"), f.w.s("日本語"), f.w.s("a\tb\""), f.w.s("é"), f.w.s("raw"),
                   f.w.s("hé"), f.w.s("hé")}) ==
        "     héllo|日本        |日本|\"a\\tb\\\"\"|\"\\u00e9\"|`raw`|68c3a9|68 C3 A9");
}

TEST_CASE("structs: {1 hi}, {X:1 y:hi}, main.T{X:1, y:\"hi\"}; pointers at the top as &{...}") {
  Fixture f;
  Word v = f.w.box(f.t, f.t_value(1, "hi"));
  // fmt.Sprintf("%v|%+v|%#v", T{1, "hi"}, T{1, "hi"}, T{1, "hi"})
  CHECK(f.sprintf("%v|%+v|%#v", {v, v, v}) == "{1 hi}|{X:1 y:hi}|main.T{X:1, y:\"hi\"}");
  Word p = f.w.box(f.t_ptr, f.t_value(2, "p"));
  // fmt.Sprintf("%v|%+v", &T{2, "p"}, &T{2, "p"})
  CHECK(f.sprintf("%v|%+v", {p, p}) == "&{2 p}|&{X:2 y:p}");
  // A pointer below the top level prints as an address.
  Word in_slice = f.w.box(f.t_ptrs, f.w.slice(f.t_ptrs, {vm::ops::unbox(f.w.goroutine(), f.w.type(f.t_ptr), p)}));
  std::string s = f.sprintf("%v", {in_slice});
  CHECK(s.rfind("[0x", 0) == 0);
  // struct{ A, B interface{} }{1, nil}, [][]int{{1}, {2, 3}}, struct{}{}
  Word abv = f.w.storage(f.ab);
  f.w.set(f.ab, abv, 0, f.w.i(1));
  Word nested = f.w.slice(f.ints2, {f.w.slice(f.ints, {1}), f.w.slice(f.ints, {2, 3})});
  CHECK(f.sprintf("%v|%v|%v", {f.w.box(f.ab, abv), f.w.box(f.ints2, nested), f.w.box(f.empty, f.w.storage(f.empty))}) ==
        "{1 <nil>}|[[1] [2 3]]|{}");
}

TEST_CASE("nil values") {
  Fixture f;
  Word np = f.w.box(f.t_ptr, 0);
  Word nil_elem = f.w.box(f.t_ptrs, f.w.slice(f.t_ptrs, {0}));
  // var np *T; var ni interface{}
  // fmt.Sprintf("%v|%+v|%#v|%#v|%v", np, np, np, ni, []*T{nil})
  CHECK(f.sprintf("%v|%+v|%#v|%#v|%v", {np, np, np, 0, nil_elem}) == "<nil>|<nil>|(*main.T)(nil)|<nil>|[<nil>]");
  // fmt.Sprintf("%v|%s|%d", nil, nil, nil)
  CHECK(f.sprintf("%v|%s|%d", {0, 0, 0}) == "<nil>|%!s(<nil>)|%!d(<nil>)");
}

TEST_CASE("slices, arrays and byte slices") {
  Fixture f;
  Word nums = f.w.box(f.ints, f.w.slice(f.ints, {1, 2, 3}));
  Word hi = f.w.box(f.bytes, f.w.slice(f.bytes, {'h', 'i'}));
  // fmt.Sprintf("%v|%#v|%#v|%s|%x|% x|%X|%q", []int{1, 2, 3}, []int{1, 2, 3}, []int(nil),
  //             []byte("hi"), []byte("hi"), []byte("hi"), "hi", []byte("q"))
  CHECK(f.sprintf("%v|%#v|%#v|%s|%x|% x|%X|%q",
                  {nums, nums, f.w.box(f.ints, 0), hi, hi, hi, f.w.s("hi"),
                   f.w.box(f.bytes, f.w.slice(f.bytes, {'q'}))}) ==
        "[1 2 3]|[]int{1, 2, 3}|[]int(nil)|hi|6869|68 69|6869|\"q\"");
  CHECK(f.sprintf("%v|%#v|%#v", {hi, hi, f.w.box(f.bytes, 0)}) == "[104 105]|[]byte{0x68, 0x69}|[]byte(nil)");
  Word bools = f.w.storage(f.bools2);
  vm::store_word(vm::ptr<std::uint8_t>(bools), 1);
  Word i8 = f.w.storage(f.int8s3);
  vm::ptr<std::int8_t>(i8)[0] = -1;
  vm::ptr<std::int8_t>(i8)[2] = 1;
  Word abc = f.w.storage(f.bytes3);
  std::memcpy(vm::ptr<char>(abc), "ABC", 3);
  // fmt.Sprintf("%v %d %s", [2]bool{true, false}, [3]int8{-1, 0, 1}, [3]byte{65, 66, 67})
  CHECK(f.sprintf("%v %d %s", {f.w.box(f.bools2, bools), f.w.box(f.int8s3, i8), f.w.box(f.bytes3, abc)}) ==
        "[true false] [-1 0 1] ABC");
  // fmt.Sprintf("%#v", [3]byte{65, 66, 67})
  CHECK(f.sprintf("%#v", {f.w.box(f.bytes3, abc)}) == "[3]uint8{0x41, 0x42, 0x43}");
  // fmt.Sprintf("%#v|%v", []interface{}{1, "a", nil, 2.5}, []interface{}{1, "a", nil})
  Word mixed = f.w.box(f.anys, f.w.slice(f.anys, {f.w.i(1), f.w.s("a"), 0, f.w.f(2.5)}));
  CHECK(f.sprintf("%#v|%v", {mixed, f.w.box(f.anys, f.w.slice(f.anys, {f.w.i(1), f.w.s("a"), 0}))}) ==
        "[]interface {}{1, \"a\", interface {}(nil), 2.5}|[1 a <nil>]");
}

TEST_CASE("maps print with sorted keys") {
  Fixture f;
  Word si = f.w.map(f.str_int, {{f.w.str("c"), 3}, {f.w.str("a"), 1}, {f.w.str("b"), 2}});
  Word is = f.w.map(f.int_str, {{10, f.w.str("x")}, {Word(std::int64_t(-5)), f.w.str("y")}, {3, f.w.str("z")}});
  // fmt.Sprint(map[string]int{"c": 3, "a": 1, "b": 2}, map[int]string{10: "x", -5: "y", 3: "z"})
  CHECK(f.sprint({f.w.box(f.str_int, si), f.w.box(f.int_str, is)}) == "map[a:1 b:2 c:3] map[-5:y 3:z 10:x]");
  Word tb = f.w.map(f.t_bool, {{f.t_value(2, "b"), 1}, {f.t_value(1, "a"), 0}});
  // fmt.Sprintf("%v|%#v|%v", map[T]bool{{2, "b"}: true, {1, "a"}: false}, map[string]bool(nil),
  //             map[string]int(nil))
  CHECK(f.sprintf("%v|%#v|%v", {f.w.box(f.t_bool, tb), f.w.box(f.str_bool, 0), f.w.box(f.str_int, 0)}) ==
        "map[{1 a}:false {2 b}:true]|map[string]bool(nil)|map[]");
  CHECK(f.sprintf("%#v", {f.w.box(f.str_int, si)}) == "map[string]int{\"a\":1, \"b\":2, \"c\":3}");
}

TEST_CASE("Printf reports mistakes inline") {
  Fixture f;
  // fmt.Sprintf("%d|%d %d|%!|%z", "hi", 1, 3.5)
  CHECK(f.sprintf("%d|%d %d|%!|%z", {f.w.s("hi"), f.w.i(1), f.w.f(3.5)}) ==
        "%!d(string=hi)|1 %!d(float64=3.5)|%!!(MISSING)|%!z(MISSING)");
  // fmt.Sprintf("%d", 1, "x", nil)
  CHECK(f.sprintf("%d", {f.w.i(1), f.w.s("x"), 0}) == "1%!(EXTRA string=x, <nil>)");
  // fmt.Sprintf("%[2]d %[1]d|%[3]d|%[0]d|%-[1]*d|%.[1]*f", 1, 2)
  CHECK(f.sprintf("%[2]d %[1]d|%[3]d|%[0]d|%-[1]*d|%.[1]*f", {f.w.i(1), f.w.i(2)}) ==
        "2 1|%!d(BADINDEX)|%!d(BADINDEX)|2|%!f(int=2)");
  CHECK(f.sprintf("%", {}) == "%!(NOVERB)");
  CHECK(f.sprintf("%*d", {f.w.s("x"), f.w.i(1)}) == "%!(BADWIDTH)1");
  CHECK(f.sprintf("%d%%|%3d%%", {f.w.i(50), f.w.i(7)}) == "50%|  7%");
  CHECK(f.sprintf("[%*d] [%-*d] [%.*f]", {f.w.i(5), f.w.i(42), f.w.i(4), f.w.i(7), f.w.i(2), f.w.f(3.14159)}) ==
        "[   42] [7   ] [3.14]");
}

TEST_CASE("%T spells types as reflect does") {
  Fixture f;
  // fmt.Sprintf("%T|%T|%T|%T|%T|%T", 1, "s", T{}, &T{}, []interface{}{}, map[string][]T{})
  CHECK(f.sprintf("%T|%T|%T|%T|%T|%T",
                  {f.w.i(1), f.w.s("s"), f.w.box(f.t, f.t_value(0, "")), f.w.box(f.t_ptr, 0),
                   f.w.box(f.anys, 0), f.w.box(f.str_ts, 0)}) ==
        "int|string|main.T|*main.T|[]interface {}|map[string][]main.T");
  CHECK(f.sprintf("%T|%T", {0, f.w.box(f.ab, f.w.storage(f.ab))}) == "<nil>|struct { A interface {}; B interface {} }");
}
