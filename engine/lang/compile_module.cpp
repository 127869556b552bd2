// Program-level compilation: which functions exist, runtime type descriptors with their method
// tables, natives, globals, string constants, and the package initialization function.
//
// Functions are compiled on demand, starting from the initialization function: a library
// function the program never reaches is never compiled.
#include <algorithm>
#include <cstring>

#include "lang/compiler.hpp"
#include "lang/type_descriptor.hpp"

namespace gopark::lang {

std::shared_ptr<vm::Image> compile(std::unique_ptr<Program> program, const std::string& file_name,
                                   const std::string& source, const NativeLookup& natives,
                                   Diagnostics& diags) {
  auto image = std::make_shared<vm::Image>();
  image->files = {file_name};
  image->source = source;
  // The Image keeps nothing of the Program: its descriptors hold what run time needs (vm/code.hpp),
  // and the Program is destroyed on return.
  compile_detail::Compiler compiler(*program, *image, natives, diags);
  if (!compiler.run() || !diags.empty()) return nullptr;
  return image;
}

namespace compile_detail {

bool is_composite(const Type* t) {
  TypeKind k = underlying(t)->kind;
  return k == TypeKind::Struct || k == TypeKind::Array;
}

std::uint8_t ext_kind(const Type* t) {
  switch (underlying(t)->kind) {
    case TypeKind::Int8: return 1;
    case TypeKind::Int16: return 2;
    case TypeKind::Int32: return 3;
    case TypeKind::Uint8: return 4;
    case TypeKind::Uint16: return 5;
    case TypeKind::Uint32: return 6;
    default: return 0;
  }
}

std::uint32_t Compiler::type_index(const Type* t) {
  if (!t) t = program.types.invalid();
  // Untyped constants reaching run time have their default type.
  if (is_untyped(t)) t = default_type(program.types, t);
  auto it = types_.find(t);
  if (it != types_.end()) return it->second;
  auto info = std::make_unique<vm::TypeInfo>();
  std::uint32_t index = std::uint32_t(image.types.size());
  info->index = index;
  describe_type(*info, t);
  vm::TypeInfo* raw = info.get();
  image.types.push_back(std::move(info));
  types_.emplace(t, index);
  // Element types after registering t: recursive types terminate.
  const Type* u = underlying(t);
  if (const auto* m = u->as<MapType>()) {
    raw->key = &type_info(m->key);
    raw->elem = &type_info(m->value);
  } else if (const auto* s = u->as<SliceType>()) {
    raw->elem = &type_info(s->elem);
  } else if (const auto* a = u->as<ArrayType>()) {
    raw->elem = &type_info(a->elem);
    raw->len = a->len;
  } else if (const auto* ch = u->as<ChanType>()) {
    raw->elem = &type_info(ch->elem);
  } else if (const auto* p = u->as<PointerType>()) {
    raw->elem = &type_info(p->elem);
  } else if (const auto* st = u->as<StructType>()) {
    for (const StructField& f : st->fields) {
      raw->fields.push_back({std::uint32_t(f.offset), &type_info(f.type), std::string(f.name)});
    }
  } else if (const auto* it2 = u->as<InterfaceType>()) {
    for (const InterfaceMethod& m : it2->methods) {
      raw->iface_methods.push_back(name_id(m.name));
      raw->iface_signatures.push_back(name_id(type_string(m.sig)));
    }
  }
  build_methods(*raw, t);
  for (const auto& [id, fn] : raw->methods) {
    if (returns_string(t, image.names[id])) raw->string_methods.push_back(id);
  }
  return index;
}

std::uint32_t Compiler::name_id(std::string_view name) {
  auto it = names_.find(std::string(name));
  if (it != names_.end()) return it->second;
  std::uint32_t id = std::uint32_t(image.names.size());
  image.names.emplace_back(name);
  names_.emplace(std::string(name), id);
  return id;
}

// The method set of t for dynamic calls: T's value methods; for *T all of T's methods; plus
// methods promoted from embedded fields (the shallowest wins), through wrappers.
void Compiler::build_methods(vm::TypeInfo& info, const Type* t) {
  const Type* base = t;
  bool pointer = false;
  if (const auto* p = t->as<PointerType>()) {
    base = p->elem;
    pointer = true;
  }
  const auto* named = base->as<NamedType>();
  if (named) {
    for (Object* m : named->methods) {
      if (m->pointer_recv && !pointer) continue;
      std::uint32_t fn;
      if (pointer && !m->pointer_recv) fn = method_wrapper(t, m, nullptr);
      else fn = function_of(m);
      // Dynamic calls push a frame: a native method is reached through its bytecode thunk.
      const vm::Function* callee = image.functions[fn].get();
      if (callee->native >= 0) callee = callee->static_closure->fn;
      add_method(info, name_id(m->name), callee, m->type);
    }
  }
  // Promoted methods: one level of embedding at a time, shallow first.
  const auto* st = underlying(base)->as<StructType>();
  if (!st) return;
  for (std::size_t i = 0; i < st->fields.size(); ++i) {
    const StructField& f = st->fields[i];
    if (!f.embedded) continue;
    const Type* ft = f.type;
    bool field_ptr = false;
    if (const auto* p = ft->as<PointerType>()) {
      ft = p->elem;
      field_ptr = true;
    }
    if (const auto* iface = underlying(ft)->as<InterfaceType>(); iface && !field_ptr) {
      // An embedded interface: its methods are called on the field's dynamic value.
      for (const InterfaceMethod& im : iface->methods) {
        std::uint32_t id = name_id(im.name);
        if (info.methods.count(id) || !im.object) continue;
        Selection path;
        path.kind = SelectionKind::Method;
        path.object = im.object;
        path.path = {int(i)};
        path.deref = {false};
        std::uint32_t fn = method_wrapper(t, im.object, &path);
        add_method(info, id, image.functions[fn].get(), im.sig);
      }
      continue;
    }
    const auto* fnamed = ft->as<NamedType>();
    if (!fnamed) continue;
    for (Object* m : fnamed->methods) {
      if (m->pointer_recv && !pointer && !field_ptr) continue;
      std::uint32_t id = name_id(m->name);
      if (info.methods.count(id) || (named && st->field_index(m->name) >= 0)) continue;
      Selection path;
      path.kind = SelectionKind::Method;
      path.object = m;
      path.path = {int(i)};
      path.deref = {field_ptr};
      std::uint32_t fn = method_wrapper(t, m, &path);
      add_method(info, id, image.functions[fn].get(), m->type);
    }
    promote_deeper(info, t, pointer, *st, i);
  }
}

// Methods an embedded field's type has through its own embedded fields (two or more levels):
// a wrapper walks from the outer receiver to the field and calls the field type's method-table
// entry, itself a wrapper when it is promoted further down.
void Compiler::promote_deeper(vm::TypeInfo& info, const Type* t, bool pointer, const StructType& st,
                              std::size_t field) {
  const StructField& f = st.fields[field];
  bool field_ptr = underlying(f.type)->kind == TypeKind::Pointer;
  const Type* elem = field_ptr ? underlying(f.type)->as<PointerType>()->elem : f.type;
  if (!elem->as<NamedType>() || is_interface(elem)) return;
  const Type* inner = field_ptr ? f.type : (pointer ? program.types.pointer(elem) : elem);
  auto methods = type_info(inner).methods;  // copies: building other tables may run meanwhile
  auto signatures = type_info(inner).method_signatures;
  const auto* named = elem->as<NamedType>();
  for (const auto& [id, callee] : methods) {
    if (info.methods.count(id)) continue;
    const std::string& name = image.names[id];
    bool declared = false;
    for (const Object* m : named->methods) declared = declared || m->name == name;
    if (declared || st.field_index(name) >= 0) continue;  // handled above, or shadowed by a field
    std::uint32_t callee_index = 0;
    for (std::size_t k = 0; k < image.functions.size(); ++k) {
      if (image.functions[k].get() == callee) callee_index = std::uint32_t(k);
    }
    std::uint32_t index = new_function(type_string(t, nullptr) + "." + name, true);
    vm::Function& fn = *image.functions[index];
    fn.nparams = callee->nparams;
    fn.nresults = callee->nresults;
    FunctionCompiler w(*this, fn, nullptr);
    w.release_to(std::max(fn.nparams, fn.nresults) + 1);
    fn.nregs = std::max(fn.nparams, fn.nresults) + 4;
    t->size();
    std::uint32_t offset = std::uint32_t(f.offset);
    if (field_ptr) {
      w.emit(Op::Load64, 0, 0, offset);
    } else {
      w.emit(Op::Addr, 0, 0, offset);
      if (!pointer) {
        if (is_composite(elem)) w.emit(Op::Clone, 0, 0, type_index(elem));
        else w.load_from(elem, 0, 0, 0);
      }
    }
    w.emit_bx(Op::Call, 0, callee_index);
    w.emit(Op::Ret);
    info.methods.emplace(id, &fn);
    info.method_signatures.emplace(id, signatures.at(id));
  }
}

void Compiler::add_method(vm::TypeInfo& info, std::uint32_t id, const vm::Function* callee, const Type* signature) {
  info.methods.emplace(id, callee);
  info.method_signatures.emplace(id, name_id(type_string(signature)));
}

std::uint32_t Compiler::new_function(std::string name, bool hidden) {
  auto fn = std::make_unique<vm::Function>();
  fn->name = std::move(name);
  fn->hidden = hidden;
  // Every function value of a function without free variables is this immortal closure.
  auto storage = std::make_unique<std::uint8_t[]>(sizeof(vm::Closure));
  std::memset(storage.get(), 0, sizeof(vm::Closure));
  auto* closure = reinterpret_cast<vm::Closure*>(storage.get());
  closure->fn = fn.get();
  fn->static_closure = closure;
  image.static_data.push_back(std::move(storage));
  std::uint32_t index = std::uint32_t(image.functions.size());
  image.functions.push_back(std::move(fn));
  return index;
}

std::uint32_t Compiler::function_of(const Object* func) {
  auto it = functions_.find(func);
  if (it != functions_.end()) return it->second;
  std::string name = func->info ? func->info->name : func->native_name;
  if (name.empty()) name = std::string(func->name);
  std::uint32_t index = new_function(name, false);
  functions_.emplace(func, index);
  vm::Function& fn = *image.functions[index];
  fn.user_code = func->pkg == program.main;
  fn.file = file_of(func->pkg);
  if (func->decl) fn.decl_line = func->decl->pos.line;
  if (!func->decl || !func->decl->body) {
    fn.native = std::int32_t(bind_native(func));
    const auto* sig = func->type->as<SignatureType>();
    fn.nparams = std::uint32_t(sig->params.size()) + (func->is_method ? 1 : 0);
    fn.nresults = std::uint32_t(sig->results.size());
    // Function values of natives call this bytecode thunk.
    std::uint32_t thunk = native_thunk(index);
    image.functions[index]->static_closure->fn = image.functions[thunk].get();
  } else {
    pending_functions_.push_back(func);
  }
  return index;
}

std::uint32_t Compiler::function_of(const FuncInfo* lit) {
  auto it = literals_.find(lit);
  if (it != literals_.end()) return it->second;
  std::uint32_t index = new_function(lit->name, false);
  literals_.emplace(lit, index);
  for (const auto& pkg : program.packages) {
    if (std::find(pkg->literals.begin(), pkg->literals.end(), lit) == pkg->literals.end()) continue;
    image.functions[index]->user_code = pkg.get() == program.main;
    image.functions[index]->file = file_of(pkg.get());
    break;
  }
  if (lit->lit) image.functions[index]->decl_line = lit->lit->pos.line;
  if (lit->range) image.functions[index]->decl_line = lit->range->pos.line;
  pending_literals_.push_back(lit);
  return index;
}

std::uint32_t Compiler::file_of(const Package* pkg) {
  if (!pkg || pkg == program.main) return 0;
  auto [it, added] = files_.try_emplace(pkg, std::uint32_t(image.files.size()));
  if (added) {
    std::string_view path = pkg->path;
    std::string_view last = path.substr(path.rfind('/') + 1);  // npos + 1 == 0
    image.files.push_back("/gopark/src/" + std::string(path) + "/" + std::string(last) + ".go");
  }
  return it->second;
}

std::uint32_t Compiler::bind_native(const Object* func) {
  const std::string& name = func->native_name;
  for (std::size_t i = 0; i < image.natives.size(); ++i) {
    if (image.natives[i].name == name) return std::uint32_t(i);
  }
  vm::NativeFn fn = natives ? natives(name) : nullptr;
  if (!fn) {
    // A library function declared without a body and not implemented natively: say so where the
    // program uses it (the position of the declaration is in the library, so use none).
    diags.error(Pos{}, "gopark does not implement " + name + " yet");
  }
  image.natives.push_back({name, fn});
  return std::uint32_t(image.natives.size() - 1);
}

std::uint32_t Compiler::native_thunk(std::uint32_t index) {
  const vm::Function& native = *image.functions[index];
  std::uint32_t t = new_function(native.name, true);
  vm::Function& fn = *image.functions[t];
  fn.nparams = native.nparams;
  fn.nresults = native.nresults;
  fn.nregs = std::max<std::uint32_t>(std::max(native.nparams, native.nresults), 1);
  Instr call;
  call.op = Op::CallNative;
  call.set_bx(std::uint32_t(native.native));
  fn.code.push_back(call);
  Instr ret;
  ret.op = Op::Ret;
  fn.code.push_back(ret);
  return t;
}

std::uint32_t Compiler::global_of(const Object* var) {
  auto it = globals_.find(var);
  if (it != globals_.end()) return it->second;
  std::uint32_t index = std::uint32_t(image.global_offsets.size());
  std::uint32_t align = std::max<std::uint32_t>(var->type->align(), 8);
  std::uint32_t offset = (image.globals_size + align - 1) / align * align;
  image.global_offsets.push_back(offset);
  image.globals_size = offset + std::uint32_t(var->type->size());
  for (std::uint32_t p : var->type->pointer_offsets()) image.global_pointers.push_back(offset + p);
  globals_.emplace(var, index);
  return index;
}

Word Compiler::string_constant(std::string_view s) {
  if (s.empty()) return 0;
  auto it = strings_.find(std::string(s));
  if (it != strings_.end()) return it->second;
  auto storage = std::make_unique<std::uint8_t[]>(sizeof(vm::String) + s.size());
  auto* str = reinterpret_cast<vm::String*>(storage.get());
  std::memcpy(storage.get() + sizeof(vm::String), s.data(), s.size());
  str->data = storage.get() + sizeof(vm::String);
  str->len = std::int64_t(s.size());
  Word w = vm::word(str);
  image.static_data.push_back(std::move(storage));
  strings_.emplace(std::string(s), w);
  return w;
}

// The dynamic type of the values runtime panics carry (index out of range, nil map writes...): a
// named struct{msg string} of package runtime whose Error method returns msg. Made here rather
// than in the library so that every program has it, imported runtime or not.
std::uint32_t Compiler::runtime_error_type() {
  const Package* runtime_pkg = nullptr;
  for (const auto& p : program.packages) {
    if (p->path == "runtime") runtime_pkg = p.get();
  }
  if (!runtime_pkg) {
    auto pkg = std::make_unique<Package>();
    pkg->path = "runtime";
    pkg->name = "runtime";
    pkg->is_library = true;
    pkg->scope = program.new_scope(program.universe);
    runtime_pkg = pkg.get();
    synthetic_packages_.push_back(std::move(pkg));
  }
  Object* obj = program.new_object(ObjKind::TypeName, "Error", Pos{});
  obj->pkg = runtime_pkg;
  NamedType* named = program.types.named(obj);
  obj->type = named;
  StructField msg;
  msg.name = "msg";
  msg.type = program.types.basic(TypeKind::String);
  msg.pkg = runtime_pkg;
  named->underlying = program.types.struct_type({msg});
  std::uint32_t index = type_index(named);
  // Error() string: the receiver is the struct's storage; its first word is msg.
  std::uint32_t fn = new_function("runtime.Error.Error", true);
  vm::Function& f = *image.functions[fn];
  f.nparams = 1;
  f.nresults = 1;
  f.nregs = 2;
  Instr load;
  load.op = Op::Load64;
  f.code.push_back(load);  // R0 := *(R0 + 0)
  Instr ret;
  ret.op = Op::Ret;
  f.code.push_back(ret);
  const SignatureType* error_sig = program.types.signature({}, {program.types.basic(TypeKind::String)}, false);
  const SignatureType* marker_sig = program.types.signature({}, {}, false);
  add_method(*image.types[index], name_id("Error"), &f, error_sig);
  image.types[index]->string_methods.push_back(name_id("Error"));
  // RuntimeError(): the marker method of the runtime.Error interface.
  std::uint32_t marker = new_function("runtime.Error.RuntimeError", true);
  vm::Function& m = *image.functions[marker];
  m.nparams = 1;
  m.nregs = 1;
  m.code.push_back(ret);
  add_method(*image.types[index], name_id("RuntimeError"), &m, marker_sig);
  // The Go-level method objects, for whoever reads method signatures from the type (descriptors
  // of types embedding this one ask whether Error is `Error() string`). Added after the TypeInfo
  // was built, which uses the functions above instead.
  for (std::string_view method : {std::string_view("Error"), std::string_view("RuntimeError")}) {
    Object* mo = program.new_object(ObjKind::Func, method, Pos{});
    mo->pkg = runtime_pkg;
    mo->is_method = true;
    mo->recv = named;
    mo->type = method == "Error" ? error_sig : marker_sig;
    named->methods.push_back(mo);
  }
  return index;
}

bool Compiler::run() {
  main_package = program.main;
  // Types the VM needs by index.
  image.string_type = type_index(program.types.basic(TypeKind::String));
  image.byte_type = type_index(program.types.basic(TypeKind::Uint8));
  image.rune_type = type_index(program.types.basic(TypeKind::Int32));
  image.error_method = name_id("Error");
  image.string_method = name_id("String");
  image.runtime_error_type = runtime_error_type();

  std::uint32_t init = new_function("gopark.init", true);
  image.main_function = init;
  {
    FunctionCompiler fc(*this, *image.functions[init], nullptr);
    std::vector<const Package*> packages;
    for (const auto& p : program.packages) packages.push_back(p.get());
    fc.compile_init(packages);
  }
  // Compile everything reachable.
  while (!pending_functions_.empty() || !pending_literals_.empty()) {
    if (!pending_functions_.empty()) {
      const Object* f = pending_functions_.back();
      pending_functions_.pop_back();
      FunctionCompiler fc(*this, *image.functions[functions_.at(f)], f->info);
      fc.compile_body();
    } else {
      const FuncInfo* lit = pending_literals_.back();
      pending_literals_.pop_back();
      FunctionCompiler fc(*this, *image.functions[literals_.at(lit)], lit);
      fc.compile_body();
    }
  }
  return diags.empty();
}

}  // namespace compile_detail
}  // namespace gopark::lang
