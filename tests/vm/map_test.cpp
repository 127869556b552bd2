// Go maps in the VM (engine/vm/interp_map.cpp, design in map.hpp): lookups, updates and deletes;
// Go's key semantics (±0, NaN, strings by content, interfaces, structs, unhashable keys); nil maps;
// the range rules (each entry once, deletions honoured, random start); growth; the collector; and
// the fatal errors of racing goroutines. A model-checked random run compares with std::unordered_map.
#include <doctest/doctest.h>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "lang/type_descriptor.hpp"
#include "lang/types.hpp"
#include "vm/interp.hpp"
#include "vm/map.hpp"


namespace {

namespace lang = gopark::lang;
namespace rt = gopark::rt;
using gopark::vm::Box;
using gopark::vm::Fault;
using gopark::vm::GcLayout;
using gopark::vm::Goroutine;
using gopark::vm::Image;
using gopark::vm::Machine;
using gopark::vm::MachineConfig;
using gopark::vm::MapObject;
using gopark::vm::String;
using gopark::vm::TypeInfo;
using gopark::vm::Word;
using gopark::vm::ptr;
using gopark::vm::word;
namespace ops = gopark::vm::ops;
using Kind = TypeInfo::Kind;

// Loop counts shrink under sanitizers and wasm (GOPARK_STRESS), as in the other tests.
int scaled(int n) {
  const char* s = std::getenv("GOPARK_STRESS");
  double scale = s ? std::atof(s) : 1.0;
  if (scale <= 0) scale = 1.0;
  int v = int(n * scale);
  return v < 1 ? 1 : v;
}

Word from_double(double d) { Word w; std::memcpy(&w, &d, 8); return w; }
double to_double(Word w) { double d; std::memcpy(&d, &w, 8); return d; }

// A program's worth of types and a Machine to run map operations on, as the compiler and the
// interpreter would set them up. The one place that knows how to build a Machine for a test.
struct World {
  lang::TypeTable table;
  std::shared_ptr<Image> image = std::make_shared<Image>();
  std::map<const TypeInfo*, const lang::Type*> lang_type;  // what each descriptor was made from

  const TypeInfo* int_t;
  const TypeInfo* int64_t_;
  const TypeInfo* float_t;
  const TypeInfo* string_t;
  const TypeInfo* any_t;
  const TypeInfo* ints_t;      // []int
  const TypeInfo* point_t;     // struct { x int; name string }
  const TypeInfo* mixed_t;     // struct { f float64; a any }
  const TypeInfo* pair_t;      // [2]float64
  const TypeInfo* empty_t;     // struct {}
  const TypeInfo* big_t;       // [100]int (past the per-thread layout cache's 64 words)

  const TypeInfo* int_int;     // map[int]int
  const TypeInfo* string_int;  // map[string]int
  const TypeInfo* float_int;   // map[float64]int
  const TypeInfo* any_int;     // map[any]int
  const TypeInfo* point_int;   // map[point]int
  const TypeInfo* mixed_int;   // map[mixed]int
  const TypeInfo* pair_int;    // map[[2]float64]int
  const TypeInfo* int_point;   // map[int]point
  const TypeInfo* string_empty;  // map[string]struct{}
  const TypeInfo* empty_string;  // map[struct{}]string
  const TypeInfo* int_string;  // map[int]string
  const TypeInfo* int_big;     // map[int][100]int

  std::unique_ptr<Machine> machine;
  Goroutine* gr = nullptr;
  rt::G g;

  explicit World(bool gc_stress = false) {
    int_t = basic(lang::TypeKind::Int, Kind::Int);
    int64_t_ = basic(lang::TypeKind::Int64, Kind::Int64);
    float_t = basic(lang::TypeKind::Float64, Kind::Float64);
    string_t = basic(lang::TypeKind::String, Kind::String);
    any_t = add(table.empty_interface(), Kind::Interface);
    ints_t = add(table.slice(lang_type.at(int_t)), Kind::Slice, int_t);
    point_t = strukt({{"x", int_t}, {"name", string_t}});
    mixed_t = strukt({{"f", float_t}, {"a", any_t}});
    pair_t = array(float_t, 2);
    empty_t = strukt({});
    big_t = array(int_t, 100);
    int_int = map(int_t, int_t);
    string_int = map(string_t, int_t);
    float_int = map(float_t, int_t);
    any_int = map(any_t, int_t);
    point_int = map(point_t, int_t);
    mixed_int = map(mixed_t, int_t);
    pair_int = map(pair_t, int_t);
    int_point = map(int_t, point_t);
    string_empty = map(string_t, empty_t);
    empty_string = map(empty_t, string_t);
    int_string = map(int_t, string_t);
    int_big = map(int_t, big_t);

    // ops::raise boxes a runtime error as struct{msg string} (the library's type, not loaded here).
    image->runtime_error_type = strukt({{"msg", string_t}})->index;
    // A main.main that returns at once: ~Machine waits for its runtime, which must have run.
    auto main_fn = std::make_unique<gopark::vm::Function>();
    main_fn->name = "main.main";
    main_fn->code = {gopark::vm::Instr{gopark::vm::Op::Ret}};
    main_fn->lines = {{0, 1}};
    main_fn->nregs = 1;
    image->functions.push_back(std::move(main_fn));
    image->main_function = 0;
    MachineConfig config;
    config.gc_stress = gc_stress;
    config.runtime.procs = 1;
    machine = std::make_unique<Machine>(image, std::move(config));
    machine->start();
    machine->wait();
    gr = machine->new_goroutine(64);
    gr->g = &g;
    machine->enter_mutator();
  }
  ~World() { machine->leave_mutator(); }

  TypeInfo* add(const lang::Type* t, Kind kind, const TypeInfo* elem = nullptr) {
    auto info = std::make_unique<TypeInfo>();
    info->index = std::uint32_t(image->types.size());
    gopark::lang::describe_type(*info, t);
    REQUIRE(info->kind == kind);
    info->elem = elem;
    TypeInfo* raw = info.get();
    image->types.push_back(std::move(info));
    lang_type.emplace(raw, t);
    return raw;
  }
  TypeInfo* basic(lang::TypeKind k, Kind kind) { return add(table.basic(k), kind); }
  TypeInfo* strukt(std::vector<std::pair<const char*, const TypeInfo*>> fields) {
    std::vector<lang::StructField> fs;
    for (auto& [name, t] : fields) {
      lang::StructField f;
      f.name = name;
      f.type = lang_type.at(t);
      fs.push_back(f);
    }
    const lang::StructType* st = table.struct_type(fs);
    TypeInfo* info = add(st, Kind::Struct);
    for (std::size_t i = 0; i < fields.size(); ++i) {
      info->fields.push_back({std::uint32_t(st->fields[i].offset), fields[i].second, fields[i].first});
    }
    return info;
  }
  TypeInfo* array(const TypeInfo* elem, std::int64_t n) {
    TypeInfo* info = add(table.array(lang_type.at(elem), n), Kind::Array, elem);
    info->len = n;
    return info;
  }
  TypeInfo* map(const TypeInfo* k, const TypeInfo* v) {
    TypeInfo* info = add(table.map(lang_type.at(k), lang_type.at(v)), Kind::Map, v);
    info->key = k;
    return info;
  }

  // A heap string (so the collector has to keep it through the map).
  Word str(std::string_view s) {
    static const GcLayout kStringLayout(sizeof(String), {0}, nullptr, nullptr, "string");
    if (s.empty()) return 0;
    auto* bytes = static_cast<std::uint8_t*>(machine->allocate_noscan(*gr, s.size()));
    std::memcpy(bytes, s.data(), s.size());
    auto* h = static_cast<String*>(machine->allocate(*gr, kStringLayout));
    h->data = bytes;
    h->len = std::int64_t(s.size());
    return word(h);
  }
  // A string with no heap behind it (a constant), distinct from str(s) but equal to it.
  Word static_str(std::string_view s) {
    strings.emplace_back(s);
    headers.push_back(String{reinterpret_cast<const std::uint8_t*>(strings.back().data()),
                             std::int64_t(strings.back().size())});
    return word(&headers.back());
  }
  std::deque<std::string> strings;
  std::deque<String> headers;

  // The fault a helper left, with its message; resets the goroutine for the next step.
  std::string take_fault() {
    std::string what;
    if (gr->fault == Fault::Panic) {
      const Box* error = ptr<const Box>(gr->panics.back().value);  // a runtime error: {msg string}
      what = "panic: " + std::string(ops::view(gopark::vm::load_word(error->payload())));
    }
    if (gr->fault == Fault::Fatal) what = "fatal: " + g.end_message;
    gr->fault = Fault::None;
    gr->panics.clear();
    return what;
  }

  Word make(const TypeInfo* map_type, std::int64_t hint = 0) { return ops::make_map(*gr, *map_type, hint); }
  bool set(Word m, Word k, Word v) { return ops::map_set(*gr, m, k, v); }
  bool get(Word m, Word k, Word& v) { return ops::map_get(*gr, m, k, v); }
  Word at(Word m, Word k) {
    Word v = 0;
    ops::map_get(*gr, m, k, v);
    return v;
  }
  bool has(Word m, Word k) {
    Word v = 0;
    return ops::map_get(*gr, m, k, v);
  }
  void del(Word m, Word k) { ops::map_delete(*gr, m, k); }
  std::vector<std::pair<Word, Word>> range(Word m) {
    std::vector<std::pair<Word, Word>> out;
    Word it = ops::map_iter(*gr, m);
    Word k = 0, v = 0;
    while (ops::map_next(*gr, it, k, v)) out.push_back({k, v});
    return out;
  }
  Word box(const TypeInfo* t, Word v) { return ops::box(*gr, *t, v); }
  // Rooting for collections: the goroutine's stack is what the collector scans.
  // (No frames: it scans the first 64 words, which new_goroutine(64) zeroed.)
  void root(Word w) {
    REQUIRE(roots < gr->stack.size());
    gr->stack[roots++] = w;
  }
  std::size_t roots = 0;
  void collect() { machine->safe_point(*gr); }
};

struct Point {
  std::int64_t x;
  Word name;
};
struct Mixed {
  double f;
  Word a;
};

TEST_CASE("int keys: insert, look up, update, delete, len") {
  World w;
  Word m = w.make(w.int_int);
  const int n = scaled(50000);
  for (int i = 0; i < n; ++i) REQUIRE(w.set(m, Word(std::int64_t(i) * 7919 % 1000003), Word(i)));
  CHECK(ops::map_len(m) == n);
  CHECK(gopark::vm::check_map(m) == "");
  int hits = 0;
  for (int k = 0; k < 1000003; k += 13) hits += w.has(m, Word(k));
  int expected = 0;
  for (int i = 0; i < n; ++i) expected += (std::int64_t(i) * 7919 % 1000003) % 13 == 0;
  CHECK(hits == expected);
  for (int i = 0; i < n; ++i) {
    Word v = 0;
    REQUIRE(w.get(m, Word(std::int64_t(i) * 7919 % 1000003), v));
    REQUIRE(v == Word(i));
  }
  // Update in place: same length, new value.
  REQUIRE(w.set(m, Word(0), Word(42)));
  CHECK(ops::map_len(m) == n);
  CHECK(w.at(m, Word(0)) == 42);
  // Negative keys are ordinary words.
  REQUIRE(w.set(m, Word(std::int64_t(-5)), Word(7)));
  CHECK(w.at(m, Word(std::int64_t(-5))) == 7);
  w.del(m, Word(std::int64_t(-5)));
  CHECK_FALSE(w.has(m, Word(std::int64_t(-5))));
  // Delete every other entry; the rest stay findable.
  for (int i = 0; i < n; i += 2) w.del(m, Word(std::int64_t(i) * 7919 % 1000003));
  CHECK(ops::map_len(m) == n / 2);
  CHECK(gopark::vm::check_map(m) == "");
  for (int i = 0; i < n; ++i) {
    REQUIRE(w.has(m, Word(std::int64_t(i) * 7919 % 1000003)) == (i % 2 == 1));
  }
  // Deleting an absent key is a no-op; absent lookups give the zero value.
  w.del(m, Word(3));
  Word v = 99;
  CHECK_FALSE(w.get(m, Word(std::int64_t(-1)), v));
  CHECK(v == 0);
  CHECK(w.gr->fault == Fault::None);
}

TEST_CASE("nil map: reads are empty, writes panic") {
  World w;
  Word v = 5;
  CHECK_FALSE(w.get(0, Word(1), v));
  CHECK(v == 0);
  CHECK(ops::map_len(0) == 0);
  w.del(0, Word(1));
  CHECK(w.range(0).empty());
  ops::map_clear(0);
  CHECK(w.gr->fault == Fault::None);
  CHECK_FALSE(w.set(0, Word(1), Word(2)));
  CHECK(w.take_fault() == "panic: assignment to entry in nil map");

  // With the map's type known, a nil map yields a fresh zero struct and still rejects
  // unhashable keys, as Go does.
  CHECK_FALSE(ops::map_get_typed(*w.gr, *w.int_point, 0, Word(1), v));
  REQUIRE(v != 0);
  CHECK(ptr<Point>(v)->x == 0);
  CHECK(ptr<Point>(v)->name == 0);
  Word slice_box = w.box(w.ints_t, 0);
  CHECK_FALSE(ops::map_get_typed(*w.gr, *w.any_int, 0, slice_box, v));
  CHECK(w.take_fault() == "panic: runtime error: hash of unhashable type []int");
}

TEST_CASE("hint presizes; a negative hint is ignored") {
  World w;
  Word m = w.make(w.int_int, 1000);
  REQUIRE(w.set(m, Word(1), Word(1)));
  CHECK(ptr<MapObject>(m)->capacity == 1024);
  Word n = w.make(w.int_int, -7);
  REQUIRE(w.set(n, Word(1), Word(1)));
  CHECK(ptr<MapObject>(n)->capacity == 8);
  Word huge = w.make(w.int_int, std::int64_t(1) << 40);  // presizes only up to a bound
  REQUIRE(w.set(huge, Word(1), Word(1)));
  CHECK(ptr<MapObject>(huge)->capacity <= (std::int64_t(1) << 22));
}

TEST_CASE("string keys compare by content") {
  World w;
  Word m = w.make(w.string_int);
  REQUIRE(w.set(m, w.str("hello"), Word(1)));
  REQUIRE(w.set(m, w.static_str("hello"), Word(2)));  // another header, same bytes
  CHECK(ops::map_len(m) == 1);
  CHECK(w.at(m, w.str("hello")) == 2);
  // "" is both the null word and an empty header.
  REQUIRE(w.set(m, 0, Word(3)));
  CHECK(w.at(m, w.static_str("")) == 3);
  CHECK(ops::map_len(m) == 2);
  // Lengths around the hash's 4/8/16-byte cases, and prefixes of each other.
  std::string s;
  for (int i = 0; i < 70; ++i) {
    s.push_back(char('a' + i % 26));
    REQUIRE(w.set(m, w.str(s), Word(100 + i)));
  }
  s.clear();
  for (int i = 0; i < 70; ++i) {
    s.push_back(char('a' + i % 26));
    REQUIRE(w.at(m, w.static_str(s)) == Word(100 + i));
  }
  CHECK_FALSE(w.has(m, w.static_str("hellO")));
  CHECK(gopark::vm::check_map(m) == "");
}

TEST_CASE("float keys: +0 and -0 are one key, NaN is never found") {
  World w;
  Word m = w.make(w.float_int);
  REQUIRE(w.set(m, from_double(0.0), Word(1)));
  REQUIRE(w.set(m, from_double(-0.0), Word(2)));
  CHECK(ops::map_len(m) == 1);
  CHECK(w.at(m, from_double(0.0)) == 2);
  // Go overwrites the key on assignment: the key is now -0.
  auto entries = w.range(m);
  REQUIRE(entries.size() == 1);
  CHECK(std::signbit(to_double(entries[0].first)));

  const double nan = std::nan("");
  REQUIRE(w.set(m, from_double(nan), Word(3)));
  REQUIRE(w.set(m, from_double(nan), Word(4)));
  CHECK(ops::map_len(m) == 3);
  CHECK_FALSE(w.has(m, from_double(nan)));
  w.del(m, from_double(nan));
  CHECK(ops::map_len(m) == 3);
  int nans = 0;
  for (auto& [k, v] : w.range(m)) nans += std::isnan(to_double(k));
  CHECK(nans == 2);
  // clear is the only way to remove NaN keys.
  ops::map_clear(m);
  CHECK(ops::map_len(m) == 0);
  CHECK(w.range(m).empty());
  CHECK(gopark::vm::check_map(m) == "");
  REQUIRE(w.set(m, from_double(1.5), Word(5)));
  CHECK(w.at(m, from_double(1.5)) == 5);
}

TEST_CASE("interface keys: dynamic type and value; unhashable types panic") {
  World w;
  Word m = w.make(w.any_int);
  REQUIRE(w.set(m, w.box(w.int_t, 1), Word(10)));
  REQUIRE(w.set(m, w.box(w.int_t, 1), Word(11)));       // equal: same type, same value
  REQUIRE(w.set(m, w.box(w.int64_t_, 1), Word(12)));    // another dynamic type: another key
  REQUIRE(w.set(m, w.box(w.string_t, w.str("a")), Word(13)));
  REQUIRE(w.set(m, 0, Word(14)));                       // the nil interface
  REQUIRE(w.set(m, w.box(w.float_t, from_double(-0.0)), Word(15)));
  CHECK(ops::map_len(m) == 5);
  CHECK(w.at(m, w.box(w.int_t, 1)) == 11);
  CHECK(w.at(m, w.box(w.int64_t_, 1)) == 12);
  CHECK(w.at(m, w.box(w.string_t, w.static_str("a"))) == 13);
  CHECK(w.at(m, 0) == 14);
  CHECK(w.at(m, w.box(w.float_t, from_double(0.0))) == 15);
  Point p{3, w.str("p")};
  REQUIRE(w.set(m, w.box(w.point_t, word(&p)), Word(16)));
  Point q{3, w.static_str("p")};
  CHECK(w.at(m, w.box(w.point_t, word(&q))) == 16);

  Word slice = w.box(w.ints_t, 0);
  CHECK_FALSE(w.set(m, slice, Word(1)));
  CHECK(w.take_fault() == "panic: runtime error: hash of unhashable type []int");
  Word v = 0;
  CHECK_FALSE(w.get(m, slice, v));
  CHECK(w.take_fault() == "panic: runtime error: hash of unhashable type []int");
  w.del(m, slice);
  CHECK(w.take_fault() == "panic: runtime error: hash of unhashable type []int");
  CHECK(ops::map_len(m) == 6);
  CHECK(gopark::vm::check_map(m) == "");
}

TEST_CASE("struct and array keys compare field by field") {
  World w;
  Word m = w.make(w.point_int);
  Point a{1, w.str("x")}, b{1, w.static_str("x")}, c{2, w.str("x")};
  REQUIRE(w.set(m, word(&a), Word(1)));
  REQUIRE(w.set(m, word(&b), Word(2)));
  REQUIRE(w.set(m, word(&c), Word(3)));
  CHECK(ops::map_len(m) == 2);
  CHECK(w.at(m, word(&a)) == 2);
  // The map keeps its own copy of the key.
  a.x = 100;
  CHECK(w.at(m, word(&b)) == 2);
  // Iteration hands out copies too.
  for (auto& [k, v] : w.range(m)) {
    CHECK(k != word(&a));
    ptr<Point>(k)->x = -1;
  }
  CHECK(w.at(m, word(&b)) == 2);

  Word mixed = w.make(w.mixed_int);
  Mixed x{0.0, w.box(w.int_t, 7)}, y{-0.0, w.box(w.int_t, 7)};
  REQUIRE(w.set(mixed, word(&x), Word(1)));
  CHECK(w.at(mixed, word(&y)) == 1);
  Mixed bad{1.0, w.box(w.ints_t, 0)};
  CHECK_FALSE(w.set(mixed, word(&bad), Word(2)));
  CHECK(w.take_fault() == "panic: runtime error: hash of unhashable type []int");

  Word pairs = w.make(w.pair_int);
  double p1[2] = {1.0, -0.0}, p2[2] = {1.0, 0.0}, p3[2] = {0.0, 1.0};
  REQUIRE(w.set(pairs, word(p1), Word(1)));
  CHECK(w.at(pairs, word(p2)) == 1);
  CHECK_FALSE(w.has(pairs, word(p3)));
  // A zero register for a struct key is the zero value.
  Point zero{0, 0};
  REQUIRE(w.set(m, 0, Word(9)));
  CHECK(w.at(m, word(&zero)) == 9);
  CHECK(gopark::vm::check_map(m) == "");
}

TEST_CASE("struct values: lookups return a copy the caller may change") {
  World w;
  Word m = w.make(w.int_point);
  Point p{5, w.str("five")};
  REQUIRE(w.set(m, Word(5), word(&p)));
  Word v = 0;
  REQUIRE(w.get(m, Word(5), v));
  REQUIRE(v != word(&p));
  CHECK(ptr<Point>(v)->x == 5);
  CHECK(ops::view(ptr<Point>(v)->name) == "five");
  ptr<Point>(v)->x = 6;  // v := m[5]; v.x = 6 leaves the map alone
  Word again = 0;
  REQUIRE(w.get(m, Word(5), again));
  CHECK(again != v);
  CHECK(ptr<Point>(again)->x == 5);
  // Absent: a fresh zero struct, false.
  Word missing = 0;
  CHECK_FALSE(w.get(m, Word(6), missing));
  REQUIRE(missing != 0);
  CHECK(ptr<Point>(missing)->x == 0);
  // A zero register stored as a value is the zero struct.
  REQUIRE(w.set(m, Word(5), 0));
  REQUIRE(w.get(m, Word(5), v));
  CHECK(ptr<Point>(v)->x == 0);

  // Zero-sized values and keys (sets, map[struct{}]T) and values past the layout cache's reach.
  Word set = w.make(w.string_empty);
  REQUIRE(w.set(set, w.str("a"), 0));
  REQUIRE(w.set(set, w.str("b"), 0));
  CHECK(ops::map_len(set) == 2);
  CHECK(w.has(set, w.static_str("a")));
  Word single = w.make(w.empty_string);
  REQUIRE(w.set(single, 0, w.str("one")));
  REQUIRE(w.set(single, 0, w.str("two")));
  CHECK(ops::map_len(single) == 1);
  CHECK(ops::view(w.at(single, 0)) == "two");
  Word big = w.make(w.int_big);
  std::int64_t values[100];
  for (int i = 0; i < 100; ++i) values[i] = i * i;
  REQUIRE(w.set(big, Word(1), word(values)));
  Word got = w.at(big, Word(1));
  CHECK(ptr<std::int64_t>(got)[99] == 99 * 99);
}

TEST_CASE("range: every entry once, from a random start") {
  World w;
  Word m = w.make(w.int_int);
  const int n = 100;
  for (int i = 0; i < n; ++i) REQUIRE(w.set(m, Word(i), Word(i * 2)));
  std::set<Word> firsts;
  for (int round = 0; round < 20; ++round) {
    auto entries = w.range(m);
    REQUIRE(entries.size() == std::size_t(n));
    std::set<Word> keys;
    for (auto& [k, v] : entries) {
      CHECK(v == k * 2);
      keys.insert(k);
    }
    CHECK(keys.size() == std::size_t(n));
    firsts.insert(entries[0].first);
  }
  CHECK(firsts.size() > 1);  // two ranges over the same map usually differ, as in Go
}

TEST_CASE("range: deletions, insertions, updates, growth and clear during the range") {
  World w;
  Word m = w.make(w.int_int);
  const int n = 64;
  for (int i = 0; i < n; ++i) REQUIRE(w.set(m, Word(i), Word(0)));

  SUBCASE("deleted before being reached: never produced") {
    Word it = ops::map_iter(*w.gr, m);
    Word k, v;
    std::set<Word> seen, deleted;
    while (ops::map_next(*w.gr, it, k, v)) {
      CHECK_FALSE(deleted.count(k));
      CHECK(seen.insert(k).second);
      // Delete two entries not yet seen.
      for (Word d = 0, removed = 0; d < Word(n) && removed < 2; ++d) {
        if (!seen.count(d) && !deleted.count(d)) {
          w.del(m, d);
          deleted.insert(d);
          ++removed;
        }
      }
    }
    CHECK(seen.size() + deleted.size() == std::size_t(n));
  }
  SUBCASE("inserted during the range, with growth: no entry twice, all old ones seen") {
    Word it = ops::map_iter(*w.gr, m);
    Word k, v;
    std::multiset<Word> seen;
    Word next = 1000;
    while (ops::map_next(*w.gr, it, k, v)) {
      seen.insert(k);
      for (int j = 0; j < 10; ++j) REQUIRE(w.set(m, next++, Word(1)));
    }
    for (Word key : seen) CHECK(seen.count(key) == 1);
    for (int i = 0; i < n; ++i) CHECK(seen.count(Word(i)) == 1);
    CHECK(gopark::vm::check_map(m) == "");
  }
  SUBCASE("updates are seen; deleting the current entry is fine") {
    Word it = ops::map_iter(*w.gr, m);
    Word k, v;
    int count = 0;
    while (ops::map_next(*w.gr, it, k, v)) {
      CHECK(v == (count == 0 ? 0 : 7));  // the first entry's turn updates all the others
      w.del(m, k);
      if (count++ == 0) {
        for (int i = 0; i < n; ++i) {
          if (Word(i) != k) REQUIRE(w.set(m, Word(i), Word(7)));
        }
      }
    }
    CHECK(count == n);
    CHECK(ops::map_len(m) == 0);
  }
  SUBCASE("clear stops the range") {
    Word it = ops::map_iter(*w.gr, m);
    Word k, v;
    REQUIRE(ops::map_next(*w.gr, it, k, v));
    ops::map_clear(m);
    CHECK_FALSE(ops::map_next(*w.gr, it, k, v));
    // The map is usable again, and an old iterator still stops.
    REQUIRE(w.set(m, Word(1), Word(1)));
    CHECK(ops::map_len(m) == 1);
    CHECK(gopark::vm::check_map(m) == "");
  }
}

TEST_CASE("the collector keeps keys, values and iterators alive") {
  World w(true);  // gc stress: every safe point collects
  Word m = w.make(w.string_int);
  w.root(m);
  Word points = w.make(w.int_point);
  w.root(points);
  const int n = scaled(20000);
  std::set<int> deleted;
  for (int i = 0; i < n; ++i) {
    REQUIRE(w.set(m, w.str("key" + std::to_string(i)), Word(i)));
    Point p{i, w.str("p" + std::to_string(i))};
    REQUIRE(w.set(points, Word(i), word(&p)));
    if (i % 500 == 0) w.collect();
    if (i % 3 == 0) {
      w.del(m, w.static_str("key" + std::to_string(i / 2)));
      deleted.insert(i / 2);
    }
  }
  w.collect();
  CHECK(gopark::vm::check_map(m) == "");
  CHECK(ops::map_len(m) == n - std::int64_t(deleted.size()));
  for (int i = 0; i < n; ++i) {
    Word v = 0;
    REQUIRE(w.get(m, w.static_str("key" + std::to_string(i)), v) == !deleted.count(i));
    if (!deleted.count(i)) CHECK(v == Word(i));
    Word pv = 0;
    REQUIRE(w.get(points, Word(i), pv));
    CHECK(ptr<Point>(pv)->x == i);
    CHECK(ops::view(ptr<Point>(pv)->name) == "p" + std::to_string(i));
  }
  // An iterator survives collections and keeps producing live entries.
  Word it = ops::map_iter(*w.gr, m);
  w.root(it);
  Word k, v;
  std::int64_t produced = 0;
  while (ops::map_next(*w.gr, it, k, v)) {
    if (produced % 100 == 0) w.collect();
    CHECK(ops::view(k) == "key" + std::to_string(v));
    ++produced;
  }
  CHECK(produced == ops::map_len(m));
  // Cleared entries become garbage.
  auto before = w.machine->heap().stats().live_objects;
  ops::map_clear(m);
  ops::map_clear(points);
  w.collect();
  CHECK(w.machine->heap().stats().live_objects < before / 4);
}

TEST_CASE("a model-checked random run (insert, update, delete, clear, range)") {
  World w;
  Word m = w.make(w.int_int);
  std::unordered_map<std::uint64_t, std::uint64_t> model;
  std::uint64_t rng = 12345;
  auto next = [&] {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
  };
  const int steps = scaled(200000);
  for (int step = 0; step < steps; ++step) {
    std::uint64_t r = next();
    Word key = (r >> 8) % 4096;
    switch (r % 16) {
      case 0: case 1: case 2: case 3: case 4: case 5: case 6:
        REQUIRE(w.set(m, key, r));
        model[key] = r;
        break;
      case 7: case 8: case 9: case 10:
        w.del(m, key);
        model.erase(key);
        break;
      case 11:
        if (r % 4096 == 11) {
          ops::map_clear(m);
          model.clear();
        }
        break;
      default: {
        Word v = 0;
        bool found = w.get(m, key, v);
        auto it = model.find(key);
        REQUIRE(found == (it != model.end()));
        if (found) REQUIRE(v == it->second);
      }
    }
    if (step % 10007 == 0) {
      REQUIRE(gopark::vm::check_map(m) == "");
      REQUIRE(ops::map_len(m) == std::int64_t(model.size()));
      auto entries = w.range(m);
      REQUIRE(entries.size() == model.size());
      for (auto& [k, v] : entries) REQUIRE(model.at(k) == v);
    }
  }
  CHECK(gopark::vm::check_map(m) == "");
}

TEST_CASE("hashes: equal values hash alike, ints spread over the low bits") {
  World w;
  Goroutine& gr = *w.gr;
  CHECK(gopark::vm::hash_value(gr, *w.string_t, w.str("abc"), 1) ==
        gopark::vm::hash_value(gr, *w.string_t, w.static_str("abc"), 1));
  CHECK(gopark::vm::hash_value(gr, *w.string_t, w.str("abc"), 1) !=
        gopark::vm::hash_value(gr, *w.string_t, w.str("abd"), 1));
  CHECK(gopark::vm::hash_value(gr, *w.string_t, w.str("abc"), 1) !=
        gopark::vm::hash_value(gr, *w.string_t, w.str("abc"), 3));
  CHECK(gopark::vm::hash_value(gr, *w.float_t, from_double(0.0), 1) ==
        gopark::vm::hash_value(gr, *w.float_t, from_double(-0.0), 1));
  // Every byte of every length matters.
  std::set<std::uint64_t> hashes;
  for (std::size_t len = 0; len <= 40; ++len) {
    for (std::size_t flip = 0; flip < len; ++flip) {
      std::string s(len, 'x');
      s[flip] = 'y';
      hashes.insert(gopark::vm::hash_bytes(reinterpret_cast<const std::uint8_t*>(s.data()), len, 7));
    }
    std::string plain(len, 'x');
    hashes.insert(gopark::vm::hash_bytes(reinterpret_cast<const std::uint8_t*>(plain.data()), len, 7));
  }
  CHECK(hashes.size() == 41 + 40 * 41 / 2);
  // Sequential and strided ints fill 4096 buckets of the low bits evenly.
  for (Word stride : {Word(1), Word(4096), Word(1) << 32}) {
    std::vector<int> buckets(4096);
    for (Word i = 0; i < 4096 * 8; ++i) {
      ++buckets[gopark::vm::hash_value(gr, *w.int_t, i * stride, 0x1234567) & 4095];
    }
    int worst = 0;
    for (int b : buckets) worst = std::max(worst, b);
    CHECK(worst < 30);  // mean 8
  }
}

TEST_CASE("racing goroutines: readers share, writers get Go's fatal errors") {
  World w;
  Word m = w.make(w.int_int);
  for (int i = 0; i < 1000; ++i) REQUIRE(w.set(m, Word(i), Word(i + 1)));
  MapObject& obj = *ptr<MapObject>(m);

  SUBCASE("a writer inside: readers and writers fail") {
    obj.state = gopark::vm::kMapWriter;
    Word v = 0;
    CHECK_FALSE(w.get(m, Word(1), v));
    CHECK(w.take_fault() == "fatal: concurrent map read and map write");
    CHECK_FALSE(w.set(m, Word(1), Word(1)));
    CHECK(w.take_fault() == "fatal: concurrent map writes");
    w.del(m, Word(1));
    CHECK(w.take_fault() == "fatal: concurrent map writes");
    CHECK(ops::map_iter(*w.gr, m) == 0);
    CHECK(w.take_fault() == "fatal: concurrent map iteration and map write");
    obj.state = 0;
  }
  SUBCASE("a reader inside: writers fail, readers share") {
    Word it = ops::map_iter(*w.gr, m);
    obj.state = 1;
    Word v = 0;
    CHECK(w.get(m, Word(1), v));
    CHECK(v == 2);
    Word k = 0;
    CHECK(ops::map_next(*w.gr, it, k, v));
    CHECK(w.gr->fault == Fault::None);
    CHECK_FALSE(w.set(m, Word(1), Word(1)));
    CHECK(w.take_fault() == "fatal: concurrent map read and map write");
    obj.state = gopark::vm::kMapWriter;
    CHECK_FALSE(ops::map_next(*w.gr, it, k, v));
    CHECK(w.take_fault() == "fatal: concurrent map iteration and map write");
    obj.state = 0;
  }
  SUBCASE("threads reading at once") {
    const int threads = 4;
    std::vector<Goroutine*> grs;
    for (int t = 0; t < threads; ++t) grs.push_back(w.machine->new_goroutine(64));
    std::vector<rt::G> gs(threads);
    std::atomic<int> wrong{0};
    std::vector<std::thread> ts;
    for (int t = 0; t < threads; ++t) {
      grs[t]->g = &gs[t];
      ts.emplace_back([&, t] {
        for (int round = 0; round < scaled(200); ++round) {
          for (int i = 0; i < 1000; ++i) {
            Word v = 0;
            if (!ops::map_get(*grs[t], m, Word(i), v) || v != Word(i + 1)) wrong.fetch_add(1);
          }
          Word it = ops::map_iter(*grs[t], m);
          Word k, v;
          int n = 0;
          while (ops::map_next(*grs[t], it, k, v)) ++n;
          if (n != 1000) wrong.fetch_add(1);
        }
      });
    }
    for (auto& t : ts) t.join();
    CHECK(wrong.load() == 0);
    for (Goroutine* g : grs) CHECK(g->fault == Fault::None);
  }
  SUBCASE("threads writing at once: memory-safe, reported as Go reports it") {
    const int threads = 2;
    std::vector<Goroutine*> grs;
    for (int t = 0; t < threads; ++t) grs.push_back(w.machine->new_goroutine(64));
    std::vector<rt::G> gs(threads);
    std::atomic<bool> stop{false};
    std::vector<std::thread> ts;
    for (int t = 0; t < threads; ++t) {
      grs[t]->g = &gs[t];
      ts.emplace_back([&, t] {
        for (int i = 0; i < scaled(2000000) && !stop.load(std::memory_order_relaxed); ++i) {
          Word key = Word(i % 5000 + t * 7);
          bool ok = i % 3 == 2 ? (ops::map_delete(*grs[t], m, key), grs[t]->fault == Fault::None)
                               : ops::map_set(*grs[t], m, key, Word(i));
          if (!ok) {
            stop = true;
            break;
          }
        }
      });
    }
    for (auto& t : ts) t.join();
    for (int t = 0; t < threads; ++t) {
      if (grs[t]->fault != Fault::None) {
        CHECK(grs[t]->fault == Fault::Fatal);
        CHECK(gs[t].end_message == "concurrent map writes");
      }
    }
    CHECK(obj.state == 0);
    CHECK(gopark::vm::check_map(m) == "");
  }
}

}  // namespace

// The index of a map with over 2,048 entries is a large object of its own (64 KB); on wasm32 its
// pointer once shared a word with the next field, the collector took that word for a non-pointer,
// freed the index, and later allocations wrote into it.
TEST_CASE("a collection keeps a big map's index and entries arrays") {
  World w(true);
  Word m = w.make(w.int_int);
  w.root(m);
  for (int i = 0; i < 2100; ++i) REQUIRE(w.set(m, Word(i), Word(i)));
  const auto* map = ptr<const MapObject>(m);
  w.collect();
  CHECK(w.machine->heap().find_base(map->index) == map->index);
  CHECK(w.machine->heap().find_base(map->entries) == map->entries);
  for (int i = 2100; i < 4000; ++i) REQUIRE(w.set(m, Word(i), Word(i)));  // reuses freed memory
  CHECK(gopark::vm::check_map(m) == "");
  for (int i = 0; i < 4000; ++i) CHECK(w.at(m, Word(i)) == Word(i));
}
