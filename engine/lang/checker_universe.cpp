// The universe scope: Go's predeclared identifiers (spec "Predeclared identifiers"), plus the
// library-only scope above it that adds `__handle`.
#include "lang/checker_internal.hpp"

namespace gopark::lang::checker_detail {

namespace {

struct BuiltinSpec {
  std::string_view name;
  BuiltinId id;
};

constexpr BuiltinSpec kBuiltins[] = {
    {"append", BuiltinId::Append}, {"cap", BuiltinId::Cap},         {"clear", BuiltinId::Clear},
    {"close", BuiltinId::Close},   {"complex", BuiltinId::Complex}, {"copy", BuiltinId::Copy},
    {"delete", BuiltinId::Delete}, {"imag", BuiltinId::Imag},       {"len", BuiltinId::Len},
    {"make", BuiltinId::Make},     {"max", BuiltinId::Max},         {"min", BuiltinId::Min},
    {"new", BuiltinId::New},       {"panic", BuiltinId::Panic},     {"print", BuiltinId::Print},
    {"println", BuiltinId::Println}, {"real", BuiltinId::Real},     {"recover", BuiltinId::Recover},
};

Object* declare_type(Program& prog, Scope* scope, std::string_view name, const Type* t) {
  Object* obj = prog.new_object(ObjKind::TypeName, name, Pos{});
  obj->type = t;
  scope->insert(obj);
  return obj;
}

}  // namespace

std::string_view builtin_name(BuiltinId id) {
  for (const BuiltinSpec& b : kBuiltins) {
    if (b.id == id) return b.name;
  }
  return "builtin";
}

void build_universe(Program& prog, ProgramContext& ctx) {
  TypeTable& types = prog.types;
  Scope* u = prog.new_scope(nullptr);
  prog.universe = u;

  static constexpr std::pair<std::string_view, TypeKind> kBasics[] = {
      {"bool", TypeKind::Bool},       {"int", TypeKind::Int},
      {"int8", TypeKind::Int8},       {"int16", TypeKind::Int16},
      {"int32", TypeKind::Int32},     {"int64", TypeKind::Int64},
      {"uint", TypeKind::Uint},       {"uint8", TypeKind::Uint8},
      {"uint16", TypeKind::Uint16},   {"uint32", TypeKind::Uint32},
      {"uint64", TypeKind::Uint64},   {"uintptr", TypeKind::Uintptr},
      {"float32", TypeKind::Float32}, {"float64", TypeKind::Float64},
      {"complex64", TypeKind::Complex64}, {"complex128", TypeKind::Complex128},
      {"string", TypeKind::String},
  };
  for (const auto& [name, kind] : kBasics) declare_type(prog, u, name, types.basic(kind));
  declare_type(prog, u, "byte", types.basic(TypeKind::Uint8))->is_alias = true;
  declare_type(prog, u, "rune", types.basic(TypeKind::Int32))->is_alias = true;
  declare_type(prog, u, "any", types.empty_interface())->is_alias = true;
  // type comparable interface{ comparable }: only as a constraint
  Object* comparable_obj = prog.new_object(ObjKind::TypeName, "comparable", Pos{});
  NamedType* comparable_type = types.named(comparable_obj);
  comparable_obj->type = comparable_type;
  comparable_type->underlying = types.constraint_type({}, {}, false, true);
  u->insert(comparable_obj);

  // type error interface { Error() string }
  Object* error_obj = prog.new_object(ObjKind::TypeName, "error", Pos{});
  NamedType* error_type = types.named(error_obj);
  error_obj->type = error_type;
  Object* error_method = prog.new_object(ObjKind::Func, "Error", Pos{});
  const SignatureType* error_sig = types.signature({}, {types.basic(TypeKind::String)}, false);
  error_method->type = error_sig;
  error_method->is_method = true;
  InterfaceMethod m;
  m.name = "Error";
  m.sig = error_sig;
  m.object = error_method;
  const InterfaceType* error_iface = types.interface_type({m});
  error_type->underlying = error_iface;
  error_method->recv = error_type;
  u->insert(error_obj);
  ctx.error_method = error_method;

  for (bool value : {true, false}) {
    Object* c = prog.new_object(ObjKind::Const, value ? "true" : "false", Pos{});
    c->type = types.basic(TypeKind::UntypedBool);
    c->value = ConstValue::make_bool(value);
    u->insert(c);
  }
  Object* iota = prog.new_object(ObjKind::Const, "iota", Pos{});
  iota->type = types.basic(TypeKind::UntypedInt);
  iota->value = ConstValue::make_int64(0);
  u->insert(iota);

  Object* nil = prog.new_object(ObjKind::Nil, "nil", Pos{});
  nil->type = types.basic(TypeKind::UntypedNil);
  u->insert(nil);

  for (const BuiltinSpec& b : kBuiltins) {
    Object* obj = prog.new_object(ObjKind::Builtin, b.name, Pos{});
    obj->builtin = b.id;
    obj->type = types.invalid();
    u->insert(obj);
  }

  // Library sources may also name the engine's opaque handle type.
  Scope* lib = prog.new_scope(u);
  declare_type(prog, lib, "__handle", types.basic(TypeKind::Handle));
  ctx.library_universe = lib;
}

}  // namespace gopark::lang::checker_detail
