// Types: interning identity, layout for the VM, Go's spelling of types, predicates.
#include <doctest/doctest.h>

#include "lang/scope.hpp"
#include "lang/types.hpp"

using namespace gopark::lang;

namespace {

// A named type T declared in package `pkg`, with the given underlying type.
NamedType* make_named(Program& prog, const Package* pkg, std::string_view name, const Type* u) {
  Object* obj = prog.new_object(ObjKind::TypeName, name, Pos{1, 1});
  obj->pkg = pkg;
  NamedType* t = prog.types.named(obj);
  obj->type = t;
  t->underlying = u;
  return t;
}

StructField field(std::string_view name, const Type* t, const Package* pkg = nullptr) {
  StructField f;
  f.name = name;
  f.type = t;
  f.pkg = pkg;
  return f;
}

}  // namespace

TEST_CASE("types: composite types are interned by structure") {
  TypeTable types;
  const Type* i = types.basic(TypeKind::Int);
  const Type* s = types.basic(TypeKind::String);
  CHECK(types.slice(i) == types.slice(i));
  CHECK(types.slice(i) != types.slice(s));
  CHECK(types.array(i, 3) == types.array(i, 3));
  CHECK(types.array(i, 3) != types.array(i, 4));
  CHECK(types.pointer(types.slice(i)) == types.pointer(types.slice(i)));
  CHECK(types.map(s, i) == types.map(s, i));
  CHECK(types.map(s, i) != types.map(i, s));
  CHECK(types.chan(i, ChanDir::Both) != types.chan(i, ChanDir::Send));
  CHECK(types.chan(i, ChanDir::Recv) == types.chan(i, ChanDir::Recv));
  CHECK(types.signature({i, s}, {i}, false) == types.signature({i, s}, {i}, false));
  CHECK(types.signature({i, types.slice(s)}, {}, true) !=
        types.signature({i, types.slice(s)}, {}, false));
  CHECK(types.struct_type({field("x", i)}) == types.struct_type({field("x", i)}));
  CHECK(types.struct_type({field("x", i)}) != types.struct_type({field("y", i)}));
  CHECK(types.tuple({i, s}) == types.tuple({i, s}));
  CHECK(types.empty_interface() == types.interface_type({}));
}

TEST_CASE("types: unexported struct fields and interface methods are package-scoped") {
  Program prog;
  Package a, b;
  a.path = a.name = "a";
  b.path = b.name = "b";
  const Type* i = prog.types.basic(TypeKind::Int);
  CHECK(prog.types.struct_type({field("x", i, &a)}) != prog.types.struct_type({field("x", i, &b)}));
  CHECK(prog.types.struct_type({field("X", i, &a)}) == prog.types.struct_type({field("X", i, &b)}));
}

TEST_CASE("types: named types are distinct per declaration") {
  Program prog;
  Package main;
  main.path = main.name = "main";
  const Type* i = prog.types.basic(TypeKind::Int);
  NamedType* a = make_named(prog, &main, "A", i);
  NamedType* b = make_named(prog, &main, "B", i);
  CHECK(a != b);
  CHECK(underlying(a) == underlying(b));
  CHECK(prog.types.slice(a) != prog.types.slice(b));
  CHECK(is_named(a));
  CHECK(is_named(i));
  CHECK_FALSE(is_named(prog.types.slice(i)));
}

TEST_CASE("types: interface methods are sorted by name") {
  TypeTable types;
  const SignatureType* sig = types.signature({}, {}, false);
  InterfaceMethod b, a;
  b.name = "B";
  b.sig = sig;
  a.name = "A";
  a.sig = sig;
  const InterfaceType* it = types.interface_type({b, a});
  REQUIRE(it->methods.size() == 2);
  CHECK(it->methods[0].name == "A");
  CHECK(it->method_index("B") == 1);
  CHECK(it->method_index("C") == -1);
  CHECK(types.interface_type({a, b}) == it);
}

TEST_CASE("types: layout of basic and reference types") {
  TypeTable types;
  CHECK(types.basic(TypeKind::Bool)->size() == 1);
  CHECK(types.basic(TypeKind::Int8)->size() == 1);
  CHECK(types.basic(TypeKind::Uint16)->size() == 2);
  CHECK(types.basic(TypeKind::Int32)->size() == 4);
  CHECK(types.basic(TypeKind::Float32)->align() == 4);
  CHECK(types.basic(TypeKind::Int)->size() == 8);
  CHECK(types.basic(TypeKind::Float64)->size() == 8);
  CHECK(types.basic(TypeKind::Int)->pointer_offsets().empty());
  // Every reference-like value is one word holding a heap pointer.
  const Type* i = types.basic(TypeKind::Int);
  for (const Type* t : {types.basic(TypeKind::String), static_cast<const Type*>(types.slice(i)),
                        static_cast<const Type*>(types.pointer(i)),
                        static_cast<const Type*>(types.map(i, i)),
                        static_cast<const Type*>(types.chan(i, ChanDir::Both)),
                        static_cast<const Type*>(types.signature({}, {}, false)),
                        static_cast<const Type*>(types.empty_interface()),
                        types.basic(TypeKind::Handle)}) {
    CHECK(t->size() == 8);
    CHECK(t->align() == 8);
    CHECK(t->pointer_offsets() == std::vector<std::uint32_t>{0});
  }
}

TEST_CASE("types: struct and array layout with natural alignment") {
  TypeTable types;
  const Type* i8 = types.basic(TypeKind::Int8);
  const Type* i64 = types.basic(TypeKind::Int64);
  const Type* i16 = types.basic(TypeKind::Int16);
  const StructType* s = types.struct_type({field("a", i8), field("b", i64), field("c", i8)});
  CHECK(s->size() == 24);
  CHECK(s->align() == 8);
  CHECK(s->fields[0].offset == 0);
  CHECK(s->fields[1].offset == 8);
  CHECK(s->fields[2].offset == 16);

  const StructType* packed = types.struct_type({field("a", i8), field("b", i8), field("c", i16)});
  CHECK(packed->size() == 4);
  CHECK(packed->fields[2].offset == 2);

  CHECK(types.struct_type({})->size() == 0);
  CHECK(types.array(i64, 0)->size() == 0);

  const Type* str = types.basic(TypeKind::String);
  const StructType* mixed =
      types.struct_type({field("p", types.pointer(i64)), field("x", i64), field("s", str)});
  CHECK(mixed->pointer_offsets() == std::vector<std::uint32_t>{0, 16});

  const StructType* elem = types.struct_type({field("n", i64), field("p", types.pointer(i64))});
  const ArrayType* arr = types.array(elem, 3);
  CHECK(arr->size() == 48);
  CHECK(arr->pointer_offsets() == std::vector<std::uint32_t>{8, 24, 40});
  CHECK(types.array(i16, 5)->size() == 10);
}

TEST_CASE("types: layout follows named types and tolerates an unfinished one") {
  Program prog;
  Package main;
  main.path = main.name = "main";
  const Type* i = prog.types.basic(TypeKind::Int);
  NamedType* t = make_named(prog, &main, "T", prog.types.struct_type({field("x", i)}));
  CHECK(t->size() == 8);
  NamedType* broken = make_named(prog, &main, "B", nullptr);
  CHECK(broken->size() == 0);  // only after an error: no crash
}

TEST_CASE("types: type_string spells types as Go does") {
  Program prog;
  Package main;
  main.path = main.name = "main";
  Package tm;
  tm.path = tm.name = "time";
  TypeTable& types = prog.types;
  const Type* i = types.basic(TypeKind::Int);
  const Type* s = types.basic(TypeKind::String);
  const Type* b = types.basic(TypeKind::Bool);
  NamedType* t = make_named(prog, &main, "T", types.struct_type({field("x", i, &main)}));
  Object* err_obj = prog.new_object(ObjKind::TypeName, "error", Pos{});
  NamedType* err = types.named(err_obj);
  err_obj->type = err;
  NamedType* dur = make_named(prog, &tm, "Duration", types.basic(TypeKind::Int64));

  CHECK(type_string(types.map(s, types.slice(types.pointer(t)))) == "map[string][]*main.T");
  CHECK(type_string(types.map(s, types.slice(types.pointer(t))), &main) == "map[string][]*T");
  CHECK(type_string(types.signature({i, types.slice(s)}, {b, err}, true)) ==
        "func(int, ...string) (bool, error)");
  CHECK(type_string(types.signature({}, {i}, false)) == "func() int");
  CHECK(type_string(types.signature({}, {}, false)) == "func()");
  CHECK(type_string(types.chan(i, ChanDir::Send)) == "chan<- int");
  CHECK(type_string(types.chan(i, ChanDir::Recv)) == "<-chan int");
  CHECK(type_string(types.chan(types.chan(i, ChanDir::Recv), ChanDir::Both)) == "chan (<-chan int)");
  CHECK(type_string(types.chan(types.chan(i, ChanDir::Send), ChanDir::Both)) == "chan chan<- int");
  CHECK(type_string(types.struct_type({field("x", i)})) == "struct{x int}");
  CHECK(type_string(types.struct_type({})) == "struct{}");
  CHECK(type_string(types.array(types.basic(TypeKind::Uint8), 4)) == "[4]uint8");
  CHECK(type_string(types.empty_interface()) == "any");
  CHECK(type_string(dur, &main) == "time.Duration");
  CHECK(type_string(types.tuple({i, s})) == "(int, string)");
  CHECK(type_string(types.basic(TypeKind::UntypedFloat)) == "untyped float");
  InterfaceMethod m;
  m.name = "String";
  m.sig = types.signature({}, {s}, false);
  CHECK(type_string(types.interface_type({m})) == "interface{String() string}");
}

TEST_CASE("types: predicates") {
  TypeTable types;
  const Type* i = types.basic(TypeKind::Int);
  const Type* f = types.basic(TypeKind::Float64);
  const Type* s = types.basic(TypeKind::String);
  CHECK(is_integer(types.basic(TypeKind::UntypedRune)));
  CHECK(is_unsigned(types.basic(TypeKind::Uintptr)));
  CHECK_FALSE(is_unsigned(i));
  CHECK(is_float(types.basic(TypeKind::UntypedFloat)));
  CHECK(is_numeric(f));
  CHECK_FALSE(is_numeric(s));
  CHECK(is_constant_type(types.basic(TypeKind::Bool)));
  CHECK_FALSE(is_constant_type(types.slice(i)));
  CHECK(comparable(types.array(i, 2)));
  CHECK_FALSE(comparable(types.slice(i)));
  CHECK_FALSE(comparable(types.struct_type({field("m", types.map(i, i))})));
  CHECK(comparable(types.empty_interface()));
  CHECK(ordered(s));
  CHECK_FALSE(ordered(types.basic(TypeKind::Bool)));
  CHECK(has_nil(types.map(i, i)));
  CHECK_FALSE(has_nil(types.array(i, 1)));
  CHECK(default_type(types, types.basic(TypeKind::UntypedRune)) == types.basic(TypeKind::Int32));
  CHECK(default_type(types, types.basic(TypeKind::UntypedFloat)) == f);
  CHECK(default_type(types, i) == i);
  CHECK(bit_size(TypeKind::Int16) == 16);
  CHECK(bit_size(TypeKind::Uint) == 64);
}
