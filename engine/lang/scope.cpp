// Scopes and the Program's object storage.
#include "lang/scope.hpp"

namespace gopark::lang {

Object* Scope::insert(Object* obj) {
  if (obj->name == "_" || obj->name.empty()) return nullptr;
  auto [it, inserted] = names.emplace(obj->name, obj);
  if (!inserted) return it->second;
  if (obj->parent == nullptr) obj->parent = this;
  return nullptr;
}

Object* Scope::lookup_local(std::string_view name) const {
  auto it = names.find(name);
  return it == names.end() ? nullptr : it->second;
}

Object* Scope::lookup(std::string_view name) const {
  for (const Scope* s = this; s != nullptr; s = s->parent) {
    if (Object* obj = s->lookup_local(name)) return obj;
  }
  return nullptr;
}

Object* Program::new_object(ObjKind kind, std::string_view name, Pos pos) {
  auto obj = std::make_unique<Object>();
  obj->kind = kind;
  obj->name = name;
  obj->pos = pos;
  objects.push_back(std::move(obj));
  return objects.back().get();
}

Scope* Program::new_scope(Scope* parent) {
  auto scope = std::make_unique<Scope>();
  scope->parent = parent;
  scope->func = parent != nullptr ? parent->func : nullptr;
  scopes.push_back(std::move(scope));
  return scopes.back().get();
}

}  // namespace gopark::lang
