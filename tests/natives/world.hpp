#pragma once
// A program's worth of types and a Machine with one goroutine, for testing natives without the
// compiler: types are built from lang::Types the way the compiler builds its TypeInfos
// (lang::describe_type, then element/key/field descriptors), values are made with the VM's own
// helpers.
//
// Usage: declare every type a test needs first (type(...)), then start(), then make values and
// call natives through context().
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lang/scope.hpp"
#include "lang/type_descriptor.hpp"
#include "lang/types.hpp"
#include "vm/interp.hpp"
#include "vm/native.hpp"

namespace natives_test {

namespace lang = gopark::lang;
namespace rt = gopark::rt;
namespace vm = gopark::vm;
using vm::Word;

inline Word float_word(double d) {
  Word w;
  std::memcpy(&w, &d, sizeof w);
  return w;
}

class World {
 public:
  World() {
    main_pkg_.path = "main";
    main_pkg_.name = "main";
    image_->names = {"Error", "String"};
    image_->error_method = 0;
    image_->string_method = 1;
  }
  ~World() {
    if (machine_) machine_->leave_mutator();
  }

  lang::TypeTable& types() { return table_; }
  const lang::Type* basic(lang::TypeKind k) { return table_.basic(k); }

  // A named type of package main (or `pkg`), with the given underlying type.
  const lang::Type* named(std::string_view name, const lang::Type* underlying, const lang::Package* pkg = nullptr) {
    names_.emplace_back(name);
    auto& obj = objects_.emplace_back();
    obj.kind = lang::ObjKind::TypeName;
    obj.name = names_.back();
    obj.pkg = pkg ? pkg : &main_pkg_;
    lang::NamedType* n = table_.named(&obj);
    n->underlying = underlying;
    obj.type = n;
    return n;
  }
  const lang::Type* strukt(std::vector<std::pair<std::string_view, const lang::Type*>> fields) {
    std::vector<lang::StructField> fs;
    for (auto& [name, t] : fields) {
      names_.emplace_back(name);
      lang::StructField f;
      f.name = names_.back();
      f.type = t;
      f.pkg = &main_pkg_;
      fs.push_back(f);
    }
    return table_.struct_type(fs);
  }

  // The TypeInfo of t (and of every type it refers to), as the compiler makes it.
  const vm::TypeInfo& type(const lang::Type* t) {
    auto it = infos_.find(t);
    if (it != infos_.end()) return *it->second;
    if (machine_) throw_late();
    auto info = std::make_unique<vm::TypeInfo>();
    vm::TypeInfo* raw = info.get();
    raw->index = std::uint32_t(image_->types.size());
    lang::describe_type(*raw, t);
    image_->types.push_back(std::move(info));
    infos_.emplace(t, raw);
    const lang::Type* u = lang::underlying(t);
    if (const auto* m = u->as<lang::MapType>()) {
      raw->key = &type(m->key);
      raw->elem = &type(m->value);
    } else if (const auto* s = u->as<lang::SliceType>()) {
      raw->elem = &type(s->elem);
    } else if (const auto* a = u->as<lang::ArrayType>()) {
      raw->elem = &type(a->elem);
      raw->len = a->len;
    } else if (const auto* p = u->as<lang::PointerType>()) {
      raw->elem = &type(p->elem);
    } else if (const auto* c = u->as<lang::ChanType>()) {
      raw->elem = &type(c->elem);
    } else if (const auto* st = u->as<lang::StructType>()) {
      for (const lang::StructField& f : st->fields) {
        raw->fields.push_back({std::uint32_t(f.offset), &type(f.type), std::string(f.name)});
      }
    }
    return *raw;
  }

  // Creates the machine; no type may be added afterwards.
  void start() {
    image_->string_type = type(basic(lang::TypeKind::String)).index;
    image_->byte_type = type(basic(lang::TypeKind::Uint8)).index;
    image_->rune_type = type(basic(lang::TypeKind::Int32)).index;
    // A main function that returns at once: the Machine's runtime must have run to be torn down.
    auto main_fn = std::make_unique<vm::Function>();
    main_fn->name = "main.main";
    main_fn->nregs = 1;
    vm::Instr ret;
    ret.op = vm::Op::Ret;
    main_fn->code.push_back(ret);
    image_->main_function = std::uint32_t(image_->functions.size());
    image_->functions.push_back(std::move(main_fn));
    machine_ = std::make_unique<vm::Machine>(image_, vm::MachineConfig{});
    machine_->start();
    gr_ = machine_->new_goroutine(256);
    gr_->g = &g_;
    machine_->enter_mutator();
  }

  vm::Goroutine& goroutine() { return *gr_; }
  vm::Machine& machine() { return *machine_; }

  // ---- values ----
  Word str(std::string_view s) { return vm::ops::new_string(*gr_, s); }
  Word box(const lang::Type* t, Word v) { return vm::ops::box(*gr_, type(t), v); }
  Word i(std::int64_t v) { return box(basic(lang::TypeKind::Int), Word(v)); }
  Word s(std::string_view v) { return box(basic(lang::TypeKind::String), str(v)); }
  Word f(double v) { return box(basic(lang::TypeKind::Float64), float_word(v)); }
  // Zeroed storage of a struct or array type; fields are set with set().
  Word storage(const lang::Type* t) { return vm::word(machine_->allocate(*gr_, machine_->layout_of(type(t)))); }
  void set(const lang::Type* struct_type, Word storage, std::size_t field, Word v) {
    const vm::TypeInfo& t = type(struct_type);
    vm::ops::store_value(*gr_, *t.fields[field].type, vm::ptr<std::uint8_t>(storage) + t.fields[field].offset, v);
  }
  Word slice(const lang::Type* slice_type, const std::vector<Word>& elems) {
    const vm::TypeInfo& t = type(slice_type);
    Word s = vm::ops::make_slice(*gr_, *t.elem, std::int64_t(elems.size()), std::int64_t(elems.size()));
    for (std::size_t k = 0; k < elems.size(); ++k)
      vm::ops::store_value(*gr_, *t.elem, vm::ptr<vm::Slice>(s)->data + k * t.elem->size, elems[k]);
    return s;
  }
  Word map(const lang::Type* map_type, const std::vector<std::pair<Word, Word>>& entries) {
    Word m = vm::ops::make_map(*gr_, type(map_type), 0);
    for (auto& [k, v] : entries) vm::ops::map_set(*gr_, m, k, v);
    return m;
  }

 private:
  [[noreturn]] static void throw_late() { rt::internal_error("test: a type was added after World::start"); }

  lang::TypeTable table_;
  lang::Package main_pkg_;
  std::deque<lang::Object> objects_;
  std::deque<std::string> names_;
  std::map<const lang::Type*, const vm::TypeInfo*> infos_;
  std::shared_ptr<vm::Image> image_ = std::make_shared<vm::Image>();
  std::unique_ptr<vm::Machine> machine_;
  vm::Goroutine* gr_ = nullptr;
  rt::G g_;
};

}  // namespace natives_test
