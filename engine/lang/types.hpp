#pragma once
// Go's types, as the checker builds them and the compiler lays them out.
//
// Design
// - Identity is pointer equality. Basic types are singletons; every composite type is interned by
//   its structure in a TypeTable (one per Program), so `[]int` written twice is one Type. A named
//   type (`type Celsius float64`, also `error` and the library's types) is a distinct NamedType per
//   declaration, never interned. Recursive types go through a NamedType, whose `underlying` is set
//   after the NamedType exists (`type List struct{ next *List }`).
// - Types are immutable once complete. The checker completes each NamedType's underlying type and
//   method list before the compiler runs; interface method sets are flattened (embedded interfaces
//   expanded, sorted by name).
// - Layout for the VM (size, alignment, where pointers are) is computed lazily and cached. Every
//   value of string, slice, interface, map, chan, func and pointer type is one 8-byte word: a
//   pointer to a heap object (or null, the zero value). Structs and arrays are laid out inline
//   with natural sizes and alignment, so a pointer into one may be interior.
//
// Invariants
// - `underlying(t)` is never a NamedType, and for a complete NamedType never null.
// - Untyped kinds appear only as the type of constant expressions (and `nil`) in the checker;
//   the compiler never sees them on a value it must store.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lang/ast.hpp"

namespace gopark::lang {

struct Package;

enum class TypeKind : std::uint8_t {
  Invalid,  // the type of an erroneous expression; compatible with everything to avoid cascades
  // basic types, in the order of the predeclared identifiers' spec table
  Bool, Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr,
  Float32, Float64, Complex64, Complex128, String, UnsafePointer,
  UntypedBool, UntypedInt, UntypedRune, UntypedFloat, UntypedString, UntypedNil,
  // composite
  Array, Slice, Struct, Pointer, Signature, Interface, Map, Chan, Named, Tuple,
  // The library's opaque reference to a C++ object (sync.Mutex's implementation, a Ticker's
  // timer): one word, traced by the collector, invisible to user programs.
  Handle,
};

struct Type {
  TypeKind kind;
  explicit Type(TypeKind k) : kind(k) {}
  virtual ~Type() = default;
  template <class T> const T* as() const {
    return kind == T::Kind ? static_cast<const T*>(this) : nullptr;
  }

  // Layout, for types that have values (not untyped, not Tuple). Computed on first use.
  std::uint64_t size() const;
  std::uint32_t align() const;
  // Byte offsets (multiples of 8) of the words that hold heap pointers, in increasing order.
  const std::vector<std::uint32_t>& pointer_offsets() const;

 private:
  void compute_layout() const;
  mutable bool layout_done_ = false;
  mutable std::uint64_t size_ = 0;
  mutable std::uint32_t align_ = 1;
  mutable std::vector<std::uint32_t> pointers_;
};

struct BasicType : Type {
  std::string_view name;  // "int", "untyped int", "byte" is an alias of uint8 and has no own type
  BasicType(TypeKind k, std::string_view n) : Type(k), name(n) {}
};

struct ArrayType : Type {
  static constexpr TypeKind Kind = TypeKind::Array;
  const Type* elem;
  std::int64_t len;
  ArrayType(const Type* e, std::int64_t n) : Type(Kind), elem(e), len(n) {}
};

struct SliceType : Type {
  static constexpr TypeKind Kind = TypeKind::Slice;
  const Type* elem;
  explicit SliceType(const Type* e) : Type(Kind), elem(e) {}
};

struct Object;

struct StructField {
  std::string_view name;      // for an embedded field: the type's name (`T` for `*pkg.T`)
  const Type* type = nullptr;
  bool embedded = false;
  const Package* pkg = nullptr;  // the declaring package (unexported names are package-scoped)
  Object* object = nullptr;      // the field's Var object (position, for errors)
  std::uint64_t offset = 0;      // layout: set by compute_layout
};

struct StructType : Type {
  static constexpr TypeKind Kind = TypeKind::Struct;
  std::vector<StructField> fields;
  explicit StructType(std::vector<StructField> f) : Type(Kind), fields(std::move(f)) {}
  // Index of the field named `name` declared directly in this struct, or -1.
  int field_index(std::string_view name) const;
};

struct PointerType : Type {
  static constexpr TypeKind Kind = TypeKind::Pointer;
  const Type* elem;
  explicit PointerType(const Type* e) : Type(Kind), elem(e) {}
};

struct TupleType : Type {
  static constexpr TypeKind Kind = TypeKind::Tuple;
  std::vector<const Type*> types;
  explicit TupleType(std::vector<const Type*> t) : Type(Kind), types(std::move(t)) {}
};

// A function type. The receiver is not part of it (method expressions add it as a parameter).
struct SignatureType : Type {
  static constexpr TypeKind Kind = TypeKind::Signature;
  std::vector<const Type*> params;   // a variadic last parameter has its slice type here
  std::vector<const Type*> results;
  bool variadic = false;
  SignatureType(std::vector<const Type*> p, std::vector<const Type*> r, bool v)
      : Type(Kind), params(std::move(p)), results(std::move(r)), variadic(v) {}
};

struct InterfaceMethod {
  std::string_view name;
  const SignatureType* sig = nullptr;
  const Package* pkg = nullptr;   // for unexported method names
  Object* object = nullptr;       // the method's Func object (for positions and calls)
};

// One term of a constraint's type set: `~T` (every type whose underlying type is T) or `T`.
struct TypeTerm {
  bool tilde = false;
  const Type* type = nullptr;
};

struct InterfaceType : Type {
  static constexpr TypeKind Kind = TypeKind::Interface;
  std::vector<InterfaceMethod> methods;  // flattened and sorted by name; index = itab slot
  // Constraint interfaces (usable only to constrain type parameters): with `restricted`, the
  // type set holds only the types some term holds (no terms: the empty set); `comparable` (it
  // embeds the predeclared comparable) keeps only comparable types.
  std::vector<TypeTerm> terms;
  bool restricted = false;
  bool comparable = false;
  explicit InterfaceType(std::vector<InterfaceMethod> m) : Type(Kind), methods(std::move(m)) {}
  int method_index(std::string_view name) const;  // -1 if absent
  bool empty() const { return methods.empty() && !is_constraint(); }
  bool is_constraint() const { return restricted || comparable; }
};

struct MapType : Type {
  static constexpr TypeKind Kind = TypeKind::Map;
  const Type* key;
  const Type* value;
  MapType(const Type* k, const Type* v) : Type(Kind), key(k), value(v) {}
};

struct ChanType : Type {
  static constexpr TypeKind Kind = TypeKind::Chan;
  const Type* elem;
  ChanDir dir;
  ChanType(const Type* e, ChanDir d) : Type(Kind), elem(e), dir(d) {}
};

struct NamedType : Type {
  static constexpr TypeKind Kind = TypeKind::Named;
  Object* object = nullptr;            // its TypeName
  const Type* underlying = nullptr;    // set by the checker (null while being resolved)
  std::vector<Object*> methods;        // declared methods (Func objects), in declaration order
  explicit NamedType(Object* obj) : Type(Kind), object(obj) {}
};

// ----------------------------------------------------------------------------------------------
// The types of one program: the basic singletons and the interning tables.
class TypeTable {
 public:
  TypeTable();
  TypeTable(const TypeTable&) = delete;
  TypeTable& operator=(const TypeTable&) = delete;

  const Type* basic(TypeKind k) const;   // Bool..UntypedNil, Invalid, Handle
  const Type* invalid() const { return basic(TypeKind::Invalid); }

  const ArrayType* array(const Type* elem, std::int64_t len);
  const SliceType* slice(const Type* elem);
  const PointerType* pointer(const Type* elem);
  const MapType* map(const Type* key, const Type* value);
  const ChanType* chan(const Type* elem, ChanDir dir);
  const TupleType* tuple(std::vector<const Type*> types);
  const SignatureType* signature(std::vector<const Type*> params, std::vector<const Type*> results,
                                 bool variadic);
  // Fields are compared by name, type, embeddedness and (for unexported names) package.
  const StructType* struct_type(std::vector<StructField> fields);
  // `methods` must already be flattened; it is sorted here.
  const InterfaceType* interface_type(std::vector<InterfaceMethod> methods);
  // A constraint interface (see InterfaceType); the terms are kept in the given order.
  const InterfaceType* constraint_type(std::vector<InterfaceMethod> methods, std::vector<TypeTerm> terms,
                                       bool restricted, bool comparable);
  const InterfaceType* empty_interface() { return interface_type({}); }
  NamedType* named(Object* type_name);   // a new distinct type

 private:
  std::vector<std::unique_ptr<Type>> owned_;
  std::vector<const Type*> basics_;
  std::map<std::pair<const Type*, std::int64_t>, const ArrayType*> arrays_;
  std::map<const Type*, const SliceType*> slices_;
  std::map<const Type*, const PointerType*> pointers_;
  std::map<std::pair<const Type*, const Type*>, const MapType*> maps_;
  std::map<std::pair<const Type*, int>, const ChanType*> chans_;
  std::map<std::vector<const Type*>, const TupleType*> tuples_;
  std::map<std::string, const Type*> by_key_;  // signatures, structs, interfaces: a structural key
  template <class T, class... A> T* own(A&&... args);
};

// ----------------------------------------------------------------------------------------------
// Predicates (Go spec "Properties of types and values").
const Type* underlying(const Type* t);
bool is_named(const Type* t);            // a NamedType or a predeclared basic type
bool is_untyped(const Type* t);
bool is_boolean(const Type* t);          // underlying is Bool or UntypedBool
bool is_integer(const Type* t);          // incl. UntypedInt, UntypedRune
bool is_unsigned(const Type* t);
bool is_float(const Type* t);            // incl. UntypedFloat
bool is_numeric(const Type* t);
bool is_string(const Type* t);
bool is_interface(const Type* t);
bool is_constant_type(const Type* t);    // boolean, numeric or string underlying
bool comparable(const Type* t);          // == defined (may panic at run time for interfaces)
bool ordered(const Type* t);             // < defined
bool has_nil(const Type* t);             // pointer, func, slice, map, chan, interface, unsafe ptr
// Size in bits of a sized integer or float kind (int/uint/uintptr are 64).
int bit_size(TypeKind k);
// The default type of an untyped constant kind (untyped int → int, rune → int32 ...).
const Type* default_type(TypeTable& types, const Type* t);

// As Go writes the type. `qualifier`: packages other than this one are written with their name
// (`time.Duration`); types of `relative_to` are written bare, as gc does in error messages.
// Pass nullptr to qualify everything, as %T does (`main.Point`).
std::string type_string(const Type* t, const Package* relative_to = nullptr);

}  // namespace gopark::lang
