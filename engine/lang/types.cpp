// Types: the interning table, Go's predicates, the VM layout and Go's spelling of types.
//
// Interning keys are built from the identities of the (already interned) component types, so
// two structurally identical composite types always meet in the same table entry, and a type
// that mentions a NamedType stays distinct per declaration, as Go's identity rules require.
#include "lang/types.hpp"

#include <algorithm>
#include <cstdio>

#include "lang/scope.hpp"

namespace gopark::lang {

namespace {

constexpr std::uint64_t kSaturated = ~std::uint64_t{0} >> 1;  // sizes past this saturate

std::uint64_t mul_saturating(std::uint64_t a, std::uint64_t b) {
  if (a == 0 || b == 0) return 0;
  if (a > kSaturated / b) return kSaturated;
  return a * b;
}

std::uint64_t add_saturating(std::uint64_t a, std::uint64_t b) {
  return a > kSaturated - b ? kSaturated : a + b;
}

std::uint64_t align_up(std::uint64_t n, std::uint32_t a) {
  return add_saturating(n, a - 1) / a * a;
}

// Pointer offsets are kept for at most this many words per type: a larger type with pointers
// cannot exist because the checker rejects values larger than its size limit.
constexpr std::uint64_t kMaxPointerWords = std::uint64_t{1} << 26;

void append_key(std::string& key, const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p,", p);
  key += buf;
}

}  // namespace

// ----------------------------------------------------------------------------------------------
// Layout

std::uint64_t Type::size() const {
  if (!layout_done_) compute_layout();
  return size_;
}

std::uint32_t Type::align() const {
  if (!layout_done_) compute_layout();
  return align_;
}

const std::vector<std::uint32_t>& Type::pointer_offsets() const {
  if (!layout_done_) compute_layout();
  return pointers_;
}

// Every reference-like value is one word holding a heap pointer. Structs and arrays are inline.
// A NamedType whose underlying is not set yet (only possible for an erroneous recursive type that
// the checker has already reported) lays out as nothing.
void Type::compute_layout() const {
  layout_done_ = true;  // first: a cycle through a broken type then sees a finished empty layout
  size_ = 0;
  align_ = 1;
  pointers_.clear();
  auto word = [this](bool pointer) {
    size_ = 8;
    align_ = 8;
    if (pointer) pointers_.push_back(0);
  };
  switch (kind) {
    case TypeKind::Bool:
    case TypeKind::Int8:
    case TypeKind::Uint8:
      size_ = 1;
      align_ = 1;
      break;
    case TypeKind::Int16:
    case TypeKind::Uint16:
      size_ = 2;
      align_ = 2;
      break;
    case TypeKind::Int32:
    case TypeKind::Uint32:
    case TypeKind::Float32:
      size_ = 4;
      align_ = 4;
      break;
    case TypeKind::Int:
    case TypeKind::Int64:
    case TypeKind::Uint:
    case TypeKind::Uint64:
    case TypeKind::Uintptr:
    case TypeKind::Float64:
      word(false);
      break;
    case TypeKind::Complex64:
      size_ = 8;
      align_ = 4;
      break;
    case TypeKind::Complex128:
      size_ = 16;
      align_ = 8;
      break;
    case TypeKind::String:
    case TypeKind::UnsafePointer:
    case TypeKind::Slice:
    case TypeKind::Pointer:
    case TypeKind::Signature:
    case TypeKind::Interface:
    case TypeKind::Map:
    case TypeKind::Chan:
    case TypeKind::Handle:
      word(true);
      break;
    case TypeKind::Array: {
      const auto* a = static_cast<const ArrayType*>(this);
      std::uint64_t n = a->len < 0 ? 0 : static_cast<std::uint64_t>(a->len);
      std::uint64_t elem_size = a->elem->size();
      align_ = a->elem->align();
      size_ = mul_saturating(elem_size, n);
      const auto& inner = a->elem->pointer_offsets();
      if (!inner.empty() && n > 0 && mul_saturating(n, inner.size()) <= kMaxPointerWords) {
        for (std::uint64_t i = 0; i < n; ++i) {
          for (std::uint32_t off : inner) {
            pointers_.push_back(static_cast<std::uint32_t>(i * elem_size + off));
          }
        }
      }
      break;
    }
    case TypeKind::Struct: {
      auto* s = const_cast<StructType*>(static_cast<const StructType*>(this));
      std::uint64_t offset = 0;
      for (StructField& f : s->fields) {
        std::uint32_t a = f.type->align();
        offset = align_up(offset, a);
        f.offset = offset;
        align_ = std::max(align_, a);
        if (offset <= kMaxPointerWords * 8) {
          for (std::uint32_t off : f.type->pointer_offsets()) {
            pointers_.push_back(static_cast<std::uint32_t>(offset + off));
          }
        }
        offset = add_saturating(offset, f.type->size());
      }
      size_ = align_up(offset, align_);
      break;
    }
    case TypeKind::Named: {
      const Type* u = static_cast<const NamedType*>(this)->underlying;
      if (u != nullptr) {
        size_ = u->size();
        align_ = u->align();
        pointers_ = u->pointer_offsets();
      }
      break;
    }
    default:  // Invalid, untyped kinds, Tuple: no values of their own
      break;
  }
}

int StructType::field_index(std::string_view name) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

int InterfaceType::method_index(std::string_view name) const {
  for (std::size_t i = 0; i < methods.size(); ++i) {
    if (methods[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

// ----------------------------------------------------------------------------------------------
// TypeTable

template <class T, class... A> T* TypeTable::own(A&&... args) {
  auto owned = std::make_unique<T>(std::forward<A>(args)...);
  T* raw = owned.get();
  owned_.push_back(std::move(owned));
  return raw;
}

TypeTable::TypeTable() {
  static constexpr std::string_view kNames[] = {
      "invalid type", "bool",    "int",     "int8",       "int16",      "int32",
      "int64",        "uint",    "uint8",   "uint16",     "uint32",     "uint64",
      "uintptr",      "float32", "float64", "complex64",  "complex128", "string",
      "unsafe.Pointer", "untyped bool", "untyped int", "untyped rune", "untyped float",
      "untyped string", "untyped nil"};
  constexpr int count = static_cast<int>(TypeKind::Handle) + 1;
  basics_.assign(count, nullptr);
  for (int k = 0; k <= static_cast<int>(TypeKind::UntypedNil); ++k) {
    basics_[k] = own<BasicType>(static_cast<TypeKind>(k), kNames[k]);
  }
  basics_[static_cast<int>(TypeKind::Handle)] = own<BasicType>(TypeKind::Handle, "__handle");
}

const Type* TypeTable::basic(TypeKind k) const {
  auto i = static_cast<std::size_t>(k);
  const Type* t = i < basics_.size() ? basics_[i] : nullptr;
  return t != nullptr ? t : basics_[0];
}

const ArrayType* TypeTable::array(const Type* elem, std::int64_t len) {
  auto& slot = arrays_[{elem, len}];
  if (slot == nullptr) slot = own<ArrayType>(elem, len);
  return slot;
}

const SliceType* TypeTable::slice(const Type* elem) {
  auto& slot = slices_[elem];
  if (slot == nullptr) slot = own<SliceType>(elem);
  return slot;
}

const PointerType* TypeTable::pointer(const Type* elem) {
  auto& slot = pointers_[elem];
  if (slot == nullptr) slot = own<PointerType>(elem);
  return slot;
}

const MapType* TypeTable::map(const Type* key, const Type* value) {
  auto& slot = maps_[{key, value}];
  if (slot == nullptr) slot = own<MapType>(key, value);
  return slot;
}

const ChanType* TypeTable::chan(const Type* elem, ChanDir dir) {
  auto& slot = chans_[{elem, static_cast<int>(dir)}];
  if (slot == nullptr) slot = own<ChanType>(elem, dir);
  return slot;
}

const TupleType* TypeTable::tuple(std::vector<const Type*> types) {
  auto& slot = tuples_[types];
  if (slot == nullptr) slot = own<TupleType>(std::move(types));
  return slot;
}

const SignatureType* TypeTable::signature(std::vector<const Type*> params,
                                          std::vector<const Type*> results, bool variadic) {
  std::string key = variadic ? "F..(" : "F(";
  for (const Type* t : params) append_key(key, t);
  key += ")(";
  for (const Type* t : results) append_key(key, t);
  key += ")";
  auto& slot = by_key_[key];
  if (slot == nullptr) slot = own<SignatureType>(std::move(params), std::move(results), variadic);
  return static_cast<const SignatureType*>(slot);
}

namespace {
bool is_exported_name(std::string_view name) {
  return !name.empty() && name[0] >= 'A' && name[0] <= 'Z';
}
}  // namespace

const StructType* TypeTable::struct_type(std::vector<StructField> fields) {
  std::string key = "S{";
  for (const StructField& f : fields) {
    key += f.name;
    key += f.embedded ? "!" : ":";
    append_key(key, f.type);
    if (!is_exported_name(f.name)) append_key(key, f.pkg);
    key += ";";
  }
  key += "}";
  auto& slot = by_key_[key];
  if (slot == nullptr) slot = own<StructType>(std::move(fields));
  return static_cast<const StructType*>(slot);
}

const InterfaceType* TypeTable::interface_type(std::vector<InterfaceMethod> methods) {
  return constraint_type(std::move(methods), {}, false, false);
}

const InterfaceType* TypeTable::constraint_type(std::vector<InterfaceMethod> methods,
                                                std::vector<TypeTerm> terms, bool restricted,
                                                bool comparable) {
  std::stable_sort(methods.begin(), methods.end(),
                   [](const InterfaceMethod& a, const InterfaceMethod& b) { return a.name < b.name; });
  std::string key = "I{";
  for (const InterfaceMethod& m : methods) {
    key += m.name;
    key += ":";
    append_key(key, m.sig);
    if (!is_exported_name(m.name)) append_key(key, m.pkg);
    key += ";";
  }
  if (restricted) {
    key += "|";
    for (const TypeTerm& t : terms) {
      key += t.tilde ? "~" : "=";
      append_key(key, t.type);
      key += ";";
    }
  }
  if (comparable) key += "comparable";
  key += "}";
  auto& slot = by_key_[key];
  if (slot == nullptr) {
    auto* it = own<InterfaceType>(std::move(methods));
    it->terms = std::move(terms);
    it->restricted = restricted;
    it->comparable = comparable;
    slot = it;
  }
  return static_cast<const InterfaceType*>(slot);
}

NamedType* TypeTable::named(Object* type_name) { return own<NamedType>(type_name); }

// ----------------------------------------------------------------------------------------------
// Predicates

const Type* underlying(const Type* t) {
  if (t == nullptr) return nullptr;
  if (const auto* n = t->as<NamedType>()) return n->underlying;
  return t;
}

namespace {
TypeKind ukind(const Type* t) {
  const Type* u = underlying(t);
  return u == nullptr ? TypeKind::Invalid : u->kind;
}
bool in_range(TypeKind k, TypeKind lo, TypeKind hi) { return k >= lo && k <= hi; }
}  // namespace

bool is_named(const Type* t) {
  return t != nullptr && (t->kind == TypeKind::Named || in_range(t->kind, TypeKind::Bool,
                                                                  TypeKind::UnsafePointer));
}

bool is_untyped(const Type* t) {
  return t != nullptr && in_range(t->kind, TypeKind::UntypedBool, TypeKind::UntypedNil);
}

bool is_boolean(const Type* t) {
  TypeKind k = ukind(t);
  return k == TypeKind::Bool || k == TypeKind::UntypedBool;
}

bool is_integer(const Type* t) {
  TypeKind k = ukind(t);
  return in_range(k, TypeKind::Int, TypeKind::Uintptr) || k == TypeKind::UntypedInt ||
         k == TypeKind::UntypedRune;
}

bool is_unsigned(const Type* t) { return in_range(ukind(t), TypeKind::Uint, TypeKind::Uintptr); }

bool is_float(const Type* t) {
  TypeKind k = ukind(t);
  return k == TypeKind::Float32 || k == TypeKind::Float64 || k == TypeKind::UntypedFloat;
}

bool is_numeric(const Type* t) {
  TypeKind k = ukind(t);
  return in_range(k, TypeKind::Int, TypeKind::Complex128) ||
         in_range(k, TypeKind::UntypedInt, TypeKind::UntypedFloat);
}

bool is_string(const Type* t) {
  TypeKind k = ukind(t);
  return k == TypeKind::String || k == TypeKind::UntypedString;
}

bool is_interface(const Type* t) { return ukind(t) == TypeKind::Interface; }

bool is_constant_type(const Type* t) {
  return is_boolean(t) || is_numeric(t) || is_string(t);
}

namespace {
bool comparable_depth(const Type* t, int depth) {
  if (depth > 64) return true;  // pathological nesting: decided elsewhere
  const Type* u = underlying(t);
  if (u == nullptr) return true;
  switch (u->kind) {
    case TypeKind::Slice:
    case TypeKind::Map:
    case TypeKind::Signature:
    case TypeKind::Tuple:
      return false;
    case TypeKind::UntypedNil:
      return false;
    case TypeKind::Array:
      return comparable_depth(u->as<ArrayType>()->elem, depth + 1);
    case TypeKind::Struct:
      for (const StructField& f : u->as<StructType>()->fields) {
        if (!comparable_depth(f.type, depth + 1)) return false;
      }
      return true;
    default:
      return true;
  }
}
}  // namespace

bool comparable(const Type* t) { return comparable_depth(t, 0); }

bool ordered(const Type* t) {
  TypeKind k = ukind(t);
  return in_range(k, TypeKind::Int, TypeKind::Float64) || k == TypeKind::String ||
         in_range(k, TypeKind::UntypedInt, TypeKind::UntypedString);
}

bool has_nil(const Type* t) {
  switch (ukind(t)) {
    case TypeKind::Pointer:
    case TypeKind::Signature:
    case TypeKind::Slice:
    case TypeKind::Map:
    case TypeKind::Chan:
    case TypeKind::Interface:
    case TypeKind::UnsafePointer:
    case TypeKind::UntypedNil:
    case TypeKind::Handle:
      return true;
    default:
      return false;
  }
}

int bit_size(TypeKind k) {
  switch (k) {
    case TypeKind::Int8:
    case TypeKind::Uint8:
      return 8;
    case TypeKind::Int16:
    case TypeKind::Uint16:
      return 16;
    case TypeKind::Int32:
    case TypeKind::Uint32:
    case TypeKind::Float32:
      return 32;
    case TypeKind::Complex64:
      return 64;
    case TypeKind::Complex128:
      return 128;
    default:
      return 64;
  }
}

const Type* default_type(TypeTable& types, const Type* t) {
  if (t == nullptr) return t;
  switch (t->kind) {
    case TypeKind::UntypedBool: return types.basic(TypeKind::Bool);
    case TypeKind::UntypedInt: return types.basic(TypeKind::Int);
    case TypeKind::UntypedRune: return types.basic(TypeKind::Int32);
    case TypeKind::UntypedFloat: return types.basic(TypeKind::Float64);
    case TypeKind::UntypedString: return types.basic(TypeKind::String);
    default: return t;
  }
}

// ----------------------------------------------------------------------------------------------
// Spelling

namespace {

class TypeWriter {
 public:
  explicit TypeWriter(const Package* relative_to) : relative_to_(relative_to) {}

  void write(const Type* t, int depth) {
    if (t == nullptr) {
      out += "<nil>";
      return;
    }
    if (depth > 48) {  // deeply nested or cyclic through a broken type: keep messages bounded
      out += "...";
      return;
    }
    switch (t->kind) {
      case TypeKind::Array: {
        const auto* a = t->as<ArrayType>();
        out += "[" + std::to_string(a->len) + "]";
        write(a->elem, depth + 1);
        break;
      }
      case TypeKind::Slice:
        out += "[]";
        write(t->as<SliceType>()->elem, depth + 1);
        break;
      case TypeKind::Pointer:
        out += "*";
        write(t->as<PointerType>()->elem, depth + 1);
        break;
      case TypeKind::Struct: {
        out += "struct{";
        const auto* s = t->as<StructType>();
        for (std::size_t i = 0; i < s->fields.size(); ++i) {
          if (i > 0) out += "; ";
          const StructField& f = s->fields[i];
          if (!f.embedded) {
            out += f.name;
            out += " ";
          }
          write(f.type, depth + 1);
        }
        out += "}";
        break;
      }
      case TypeKind::Tuple: {
        const auto* tu = t->as<TupleType>();
        out += "(";
        list(tu->types, false, depth);
        out += ")";
        break;
      }
      case TypeKind::Signature:
        out += "func";
        signature(t->as<SignatureType>(), depth);
        break;
      case TypeKind::Interface: {
        const auto* it = t->as<InterfaceType>();
        if (it->methods.empty() && !it->is_constraint()) {
          out += "any";
          break;
        }
        out += "interface{";
        bool first = true;
        if (it->comparable) {
          out += "comparable";
          first = false;
        }
        for (const InterfaceMethod& m : it->methods) {
          if (!first) out += "; ";
          first = false;
          out += m.name;
          signature(m.sig, depth);
        }
        if (it->restricted) {
          if (!first) out += "; ";
          for (std::size_t i = 0; i < it->terms.size(); ++i) {
            if (i > 0) out += " | ";
            if (it->terms[i].tilde) out += "~";
            write(it->terms[i].type, depth + 1);
          }
        }
        out += "}";
        break;
      }
      case TypeKind::Map: {
        const auto* m = t->as<MapType>();
        out += "map[";
        write(m->key, depth + 1);
        out += "]";
        write(m->value, depth + 1);
        break;
      }
      case TypeKind::Chan: {
        const auto* c = t->as<ChanType>();
        bool parens = false;
        switch (c->dir) {
          case ChanDir::Both:
            out += "chan ";
            // `chan (<-chan T)`: without parentheses it would read as `chan<- chan T`
            if (const auto* e = c->elem->as<ChanType>()) parens = e->dir == ChanDir::Recv;
            break;
          case ChanDir::Send:
            out += "chan<- ";
            break;
          case ChanDir::Recv:
            out += "<-chan ";
            break;
        }
        if (parens) out += "(";
        write(c->elem, depth + 1);
        if (parens) out += ")";
        break;
      }
      case TypeKind::Named: {
        const Object* obj = t->as<NamedType>()->object;
        if (obj == nullptr) {
          out += "?";
          break;
        }
        if (obj->pkg != nullptr && obj->pkg != relative_to_) {
          out += obj->pkg->name;
          out += ".";
        }
        out += obj->name;
        break;
      }
      default:
        out += static_cast<const BasicType*>(t)->name;
        break;
    }
  }

  std::string out;

 private:
  void list(const std::vector<const Type*>& types, bool variadic, int depth) {
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (i > 0) out += ", ";
      if (variadic && i + 1 == types.size()) {
        out += "...";
        const auto* s = types[i]->as<SliceType>();
        write(s != nullptr ? s->elem : types[i], depth + 1);
      } else {
        write(types[i], depth + 1);
      }
    }
  }

  void signature(const SignatureType* sig, int depth) {
    if (sig == nullptr) {
      out += "()";
      return;
    }
    out += "(";
    list(sig->params, sig->variadic, depth);
    out += ")";
    if (sig->results.empty()) return;
    out += " ";
    if (sig->results.size() == 1) {
      write(sig->results[0], depth + 1);
      return;
    }
    out += "(";
    list(sig->results, false, depth);
    out += ")";
  }

  const Package* relative_to_;
};

}  // namespace

std::string type_string(const Type* t, const Package* relative_to) {
  TypeWriter w(relative_to);
  w.write(t, 0);
  return std::move(w.out);
}

}  // namespace gopark::lang
