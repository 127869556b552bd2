// The lang::Type facts of runtime type descriptors (type_descriptor.hpp).
#include "lang/type_descriptor.hpp"

#include <string>
#include <vector>

#include "lang/runtime_type_string.hpp"
#include "lang/scope.hpp"

namespace gopark::lang {
namespace {

vm::TypeInfo::Kind kind_of(const Type* t) {
  using K = vm::TypeInfo::Kind;
  switch (underlying(t)->kind) {
    case TypeKind::Bool: return K::Bool;
    case TypeKind::Int: return K::Int;
    case TypeKind::Int8: return K::Int8;
    case TypeKind::Int16: return K::Int16;
    case TypeKind::Int32: return K::Int32;
    case TypeKind::Int64: return K::Int64;
    case TypeKind::Uint: return K::Uint;
    case TypeKind::Uint8: return K::Uint8;
    case TypeKind::Uint16: return K::Uint16;
    case TypeKind::Uint32: return K::Uint32;
    case TypeKind::Uint64: return K::Uint64;
    case TypeKind::Uintptr: return K::Uintptr;
    case TypeKind::Float32: return K::Float32;
    case TypeKind::Float64: return K::Float64;
    case TypeKind::String: return K::String;
    case TypeKind::Array: return K::Array;
    case TypeKind::Slice: return K::Slice;
    case TypeKind::Struct: return K::Struct;
    case TypeKind::Pointer: return K::Pointer;
    case TypeKind::Signature: return K::Func;
    case TypeKind::Interface: return K::Interface;
    case TypeKind::Map: return K::Map;
    case TypeKind::Chan: return K::Chan;
    default: return K::Handle;
  }
}

// As Go's runtime errors write t: the compiler's spelling, with the empty interface spelled as
// reflect does (`interface {}`).
std::string runtime_error_name(const Type* t) {
  std::string s = type_string(t, nullptr);
  for (std::size_t at; (at = s.find("interface{}")) != std::string::npos;) s.replace(at, 11, "interface {}");
  return s;
}

const SignatureType* method_signature(const Type* t, std::string_view name) {
  std::vector<const Type*> level{t};
  for (int depth = 0; depth < 8 && !level.empty(); ++depth) {
    std::vector<const Type*> next;
    for (const Type* type : level) {
      if (const auto* p = type->as<PointerType>()) type = p->elem;
      if (const auto* n = type->as<NamedType>()) {
        for (const Object* m : n->methods) {
          if (m->name == name) return m->type ? m->type->as<SignatureType>() : nullptr;
        }
      }
      if (const auto* st = underlying(type)->as<StructType>()) {
        for (const StructField& f : st->fields) {
          if (f.embedded) next.push_back(f.type);
        }
      }
    }
    level = std::move(next);
  }
  return nullptr;
}

}  // namespace

void describe_type(vm::TypeInfo& info, const Type* t) {
  info.kind = kind_of(t);
  // Invalid types (never run) and untyped ones (defaulted first) have no layout of their own.
  bool valued = t->kind != TypeKind::Invalid && t->kind != TypeKind::Tuple && !is_untyped(t);
  info.size = valued ? std::uint32_t(t->size()) : 8;
  info.align = valued ? t->align() : 8;
  TypeKind u = underlying(t)->kind;
  info.word_sized = u != TypeKind::Struct && u != TypeKind::Array;
  info.comparable = comparable(t);
  if (valued) info.pointer_offsets = t->pointer_offsets();
  info.has_pointers = !info.pointer_offsets.empty();
  info.named = t->kind == TypeKind::Named;
  info.name = runtime_error_name(t);
  info.reflect_name = runtime_type_string(t);
}

bool returns_string(const Type* t, std::string_view name) {
  const SignatureType* sig = method_signature(t, name);
  return sig && sig->params.empty() && sig->results.size() == 1 && sig->results[0]->kind == TypeKind::String;
}

}  // namespace gopark::lang
