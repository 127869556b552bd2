// reflect's spelling of types (runtime_type_string.hpp).
#include "lang/runtime_type_string.hpp"

#include "lang/scope.hpp"
#include "lang/types.hpp"

namespace gopark::lang {
namespace {

void write_type(std::string& out, const Type* t, int depth);

void write_list(std::string& out, const std::vector<const Type*>& types, bool variadic, int depth) {
  for (std::size_t i = 0; i < types.size(); ++i) {
    if (i > 0) out += ", ";
    if (variadic && i + 1 == types.size()) {
      out += "...";
      const auto* s = types[i]->as<SliceType>();
      write_type(out, s ? s->elem : types[i], depth + 1);
    } else {
      write_type(out, types[i], depth + 1);
    }
  }
}

void write_signature(std::string& out, const SignatureType* sig, int depth) {
  out += '(';
  if (sig) write_list(out, sig->params, sig->variadic, depth);
  out += ')';
  if (!sig || sig->results.empty()) return;
  out += ' ';
  if (sig->results.size() == 1) {
    write_type(out, sig->results[0], depth + 1);
    return;
  }
  out += '(';
  write_list(out, sig->results, false, depth);
  out += ')';
}

void write_type(std::string& out, const Type* t, int depth) {
  if (!t) {
    out += "<nil>";
    return;
  }
  if (depth > 64) {  // only a broken (cyclic without a name) type gets this deep
    out += "...";
    return;
  }
  switch (t->kind) {
    case TypeKind::Array: {
      const auto* a = t->as<ArrayType>();
      out += '[' + std::to_string(a->len) + ']';
      write_type(out, a->elem, depth + 1);
      return;
    }
    case TypeKind::Slice:
      out += "[]";
      write_type(out, t->as<SliceType>()->elem, depth + 1);
      return;
    case TypeKind::Pointer:
      out += '*';
      write_type(out, t->as<PointerType>()->elem, depth + 1);
      return;
    case TypeKind::Map: {
      const auto* m = t->as<MapType>();
      out += "map[";
      write_type(out, m->key, depth + 1);
      out += ']';
      write_type(out, m->value, depth + 1);
      return;
    }
    case TypeKind::Chan: {
      const auto* c = t->as<ChanType>();
      bool parens = false;
      switch (c->dir) {
        case ChanDir::Send: out += "chan<- "; break;
        case ChanDir::Recv: out += "<-chan "; break;
        default:
          out += "chan ";
          // chan (<-chan T): without parentheses it would read as chan<- chan T
          if (const auto* e = c->elem->as<ChanType>()) parens = e->dir == ChanDir::Recv;
          break;
      }
      if (parens) out += '(';
      write_type(out, c->elem, depth + 1);
      if (parens) out += ')';
      return;
    }
    case TypeKind::Signature:
      out += "func";
      write_signature(out, t->as<SignatureType>(), depth);
      return;
    case TypeKind::Struct: {
      const auto* s = t->as<StructType>();
      if (s->fields.empty()) {
        out += "struct {}";
        return;
      }
      out += "struct { ";
      for (std::size_t i = 0; i < s->fields.size(); ++i) {
        if (i > 0) out += "; ";
        const StructField& f = s->fields[i];
        if (!f.embedded) {
          out += f.name;
          out += ' ';
        }
        write_type(out, f.type, depth + 1);
      }
      out += " }";
      return;
    }
    case TypeKind::Interface: {
      const auto* it = t->as<InterfaceType>();
      if (it->methods.empty()) {
        out += "interface {}";
        return;
      }
      out += "interface { ";
      for (std::size_t i = 0; i < it->methods.size(); ++i) {
        if (i > 0) out += "; ";
        out += it->methods[i].name;
        write_signature(out, it->methods[i].sig, depth);
      }
      out += " }";
      return;
    }
    case TypeKind::Named: {
      const Object* obj = t->as<NamedType>()->object;
      if (!obj) {
        out += '?';
        return;
      }
      if (obj->pkg) {
        out += obj->pkg->name;
        out += '.';
      }
      out += obj->name;
      return;
    }
    case TypeKind::Handle:
      out += "__handle";
      return;
    default:
      out += static_cast<const BasicType*>(t)->name;
      return;
  }
}

}  // namespace

std::string runtime_type_string(const Type* t) {
  std::string out;
  write_type(out, t, 0);
  return out;
}

}  // namespace gopark::lang
