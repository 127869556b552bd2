// The checker's output for the compiler: expression annotations (mode, final types of untyped
// constants, converted constant values), call forms, selections, function facts (closures,
// names, defer/recover), objects (boxing, per-iteration variables, natives) and the package
// initialization order.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "lang/checker.hpp"
#include "lib/library.hpp"

using namespace gopark;
using namespace gopark::lang;

namespace {

struct Checked {
  std::unique_ptr<Program> prog;
  std::string errors;
  std::vector<Expr*> exprs;  // every expression node of the user's file
  std::vector<Stmt*> stmts;  // every statement node of the user's file
  File& file() { return *prog->main->files.front(); }
};

// Collects every expression and statement of a file, in source order of visiting.
class Collector {
 public:
  explicit Collector(Checked& c) : c_(c) {}

  void file(File& f) {
    for (Decl& d : f.decls) {
      if (d.gen != nullptr) gen(d.gen);
      if (d.func != nullptr) {
        if (d.func->recv != nullptr) expr(d.func->recv->type);
        expr(d.func->sig);
        if (d.func->body != nullptr) stmt(d.func->body);
      }
    }
  }

 private:
  void gen(GenDecl* g) {
    for (ValueSpec* s : g->specs) {
      expr(s->type);
      for (Expr* v : s->values) expr(v);
    }
  }
  void fields(FieldList* l) {
    if (l == nullptr) return;
    for (Field* f : l->list) expr(f->type);
  }
  void expr(Expr* e) {
    if (e == nullptr) return;
    c_.exprs.push_back(e);
    switch (e->kind) {
      case ExprKind::CompositeLit:
        expr(e->as<CompositeLit>()->type_expr);
        for (Expr* x : e->as<CompositeLit>()->elts) expr(x);
        break;
      case ExprKind::FuncLit:
        expr(e->as<FuncLit>()->sig);
        stmt(e->as<FuncLit>()->body);
        break;
      case ExprKind::Paren: expr(e->as<ParenExpr>()->x); break;
      case ExprKind::Selector: expr(e->as<SelectorExpr>()->x); break;
      case ExprKind::Index:
        expr(e->as<IndexExpr>()->x);
        expr(e->as<IndexExpr>()->index);
        break;
      case ExprKind::SliceExpr: {
        auto* s = e->as<SliceExpr>();
        expr(s->x);
        expr(s->lo);
        expr(s->hi);
        expr(s->max);
        break;
      }
      case ExprKind::TypeAssert:
        expr(e->as<TypeAssertExpr>()->x);
        expr(e->as<TypeAssertExpr>()->type_expr);
        break;
      case ExprKind::Call:
        expr(e->as<CallExpr>()->fun);
        for (Expr* a : e->as<CallExpr>()->args) expr(a);
        break;
      case ExprKind::Star: expr(e->as<StarExpr>()->x); break;
      case ExprKind::Unary: expr(e->as<UnaryExpr>()->x); break;
      case ExprKind::Binary:
        expr(e->as<BinaryExpr>()->x);
        expr(e->as<BinaryExpr>()->y);
        break;
      case ExprKind::KeyValue:
        expr(e->as<KeyValueExpr>()->key);
        expr(e->as<KeyValueExpr>()->value);
        break;
      case ExprKind::ArrayType:
        expr(e->as<ArrayTypeExpr>()->len);
        expr(e->as<ArrayTypeExpr>()->elem);
        break;
      case ExprKind::StructType: fields(e->as<StructTypeExpr>()->fields); break;
      case ExprKind::FuncType:
        fields(e->as<FuncTypeExpr>()->params);
        fields(e->as<FuncTypeExpr>()->results);
        break;
      case ExprKind::InterfaceType: fields(e->as<InterfaceTypeExpr>()->methods); break;
      case ExprKind::MapType:
        expr(e->as<MapTypeExpr>()->key);
        expr(e->as<MapTypeExpr>()->value);
        break;
      case ExprKind::ChanType: expr(e->as<ChanTypeExpr>()->elem); break;
      case ExprKind::Ellipsis: expr(e->as<EllipsisExpr>()->elem); break;
      default: break;
    }
  }
  void stmts(const std::vector<Stmt*>& list) {
    for (Stmt* s : list) stmt(s);
  }
  void stmt(Stmt* s) {
    if (s == nullptr) return;
    c_.stmts.push_back(s);
    switch (s->kind) {
      case StmtKind::Decl: gen(s->as<DeclStmt>()->decl); break;
      case StmtKind::Labeled: stmt(s->as<LabeledStmt>()->stmt); break;
      case StmtKind::ExprStmt: expr(s->as<ExprStmt>()->x); break;
      case StmtKind::Send:
        expr(s->as<SendStmt>()->chan);
        expr(s->as<SendStmt>()->value);
        break;
      case StmtKind::IncDec: expr(s->as<IncDecStmt>()->x); break;
      case StmtKind::Assign:
        for (Expr* e : s->as<AssignStmt>()->lhs) expr(e);
        for (Expr* e : s->as<AssignStmt>()->rhs) expr(e);
        break;
      case StmtKind::Go: expr(s->as<GoStmt>()->call); break;
      case StmtKind::Defer: expr(s->as<DeferStmt>()->call); break;
      case StmtKind::Return:
        for (Expr* e : s->as<ReturnStmt>()->results) expr(e);
        break;
      case StmtKind::Block: stmts(s->as<BlockStmt>()->list); break;
      case StmtKind::If: {
        auto* i = s->as<IfStmt>();
        stmt(i->init);
        expr(i->cond);
        stmt(i->then);
        stmt(i->else_);
        break;
      }
      case StmtKind::CaseClause:
        for (Expr* e : s->as<CaseClause>()->list) expr(e);
        stmts(s->as<CaseClause>()->body);
        break;
      case StmtKind::Switch:
        stmt(s->as<SwitchStmt>()->init);
        expr(s->as<SwitchStmt>()->tag);
        stmt(s->as<SwitchStmt>()->body);
        break;
      case StmtKind::TypeSwitch:
        stmt(s->as<TypeSwitchStmt>()->init);
        expr(s->as<TypeSwitchStmt>()->guard);
        stmt(s->as<TypeSwitchStmt>()->body);
        break;
      case StmtKind::CommClause:
        stmt(s->as<CommClause>()->comm);
        stmts(s->as<CommClause>()->body);
        break;
      case StmtKind::Select: stmt(s->as<SelectStmt>()->body); break;
      case StmtKind::For: {
        auto* f = s->as<ForStmt>();
        stmt(f->init);
        expr(f->cond);
        stmt(f->post);
        stmt(f->body);
        break;
      }
      case StmtKind::Range: {
        auto* r = s->as<RangeStmt>();
        expr(r->key);
        expr(r->value);
        expr(r->x);
        stmt(r->body);
        break;
      }
      default: break;
    }
  }
  Checked& c_;
};

Checked check(std::string source) {
  Checked c;
  Diagnostics diags("prog.go");
  c.prog = check_program("prog.go", std::move(source), lib::library_loader(), diags);
  c.errors = diags.format(0);
  Collector(c).file(c.file());
  return c;
}

// The expression of the given kind whose first token is at line:col.
Expr* at(Checked& c, std::uint32_t line, std::uint32_t col, ExprKind kind) {
  for (Expr* e : c.exprs) {
    if (e->pos == Pos{line, col} && e->kind == kind) return e;
  }
  FAIL("no expression of that kind at " << line << ":" << col);
  return nullptr;
}

Stmt* stmt_at(Checked& c, std::uint32_t line, std::uint32_t col, StmtKind kind) {
  for (Stmt* s : c.stmts) {
    if (s->pos == Pos{line, col} && s->kind == kind) return s;
  }
  FAIL("no statement of that kind at " << line << ":" << col);
  return nullptr;
}

Object* global(Checked& c, std::string_view name) {
  Object* obj = c.prog->main->scope->lookup_local(name);
  REQUIRE(obj != nullptr);
  return obj;
}

FuncInfo* func_named(Checked& c, std::string_view name) {
  for (auto& f : c.prog->funcs) {
    if (f->name == name) return f.get();
  }
  FAIL("no function " << name);
  return nullptr;
}

std::string type_of(const Expr* e) { return e->type != nullptr ? type_string(e->type) : "<null>"; }

std::vector<std::string> names(const std::vector<Object*>& objs) {
  std::vector<std::string> out;
  for (const Object* o : objs) out.emplace_back(o->name);
  return out;
}

}  // namespace

TEST_CASE("annotations: untyped constants get their final type and a converted value") {
  Checked c = check(R"go(package main

import "fmt"

func main() {
	var f float64 = 1
	x := 1 << 3
	var e any = 7
	fmt.Println(1.5, 'x', "s", true)
	var b byte = 'a' + 1
	const big = 1 << 100
	y := big >> 98
	var f32 float32 = 0.1
	_, _, _, _, _, _ = f, x, e, b, y, f32
}
)go");
  REQUIRE(c.errors == "");
  Expr* one = at(c, 6, 18, ExprKind::BasicLit);
  CHECK(one->mode == Mode::Constant);
  CHECK(type_of(one) == "float64");
  REQUIRE(one->constant != nullptr);
  CHECK(one->constant->kind() == ConstKind::Float);
  CHECK(one->constant->to_float64() == 1.0);

  Expr* shift = at(c, 7, 7, ExprKind::Binary);
  CHECK(type_of(shift) == "int");
  CHECK(shift->constant->to_int64() == 8);

  Expr* seven = at(c, 8, 14, ExprKind::BasicLit);
  CHECK(type_of(seven) == "int");  // the default type: an interface holds a concrete type

  CHECK(type_of(at(c, 9, 14, ExprKind::BasicLit)) == "float64");
  CHECK(type_of(at(c, 9, 19, ExprKind::BasicLit)) == "int32");
  CHECK(type_of(at(c, 9, 24, ExprKind::BasicLit)) == "string");
  CHECK(type_of(at(c, 9, 29, ExprKind::Ident)) == "bool");

  Expr* sum = at(c, 10, 15, ExprKind::Binary);
  CHECK(type_of(sum) == "uint8");
  CHECK(sum->constant->to_int64() == 98);

  Expr* y = at(c, 12, 7, ExprKind::Binary);
  CHECK(type_of(y) == "int");
  CHECK(y->constant->to_int64() == 4);

  Expr* tenth = at(c, 13, 20, ExprKind::BasicLit);
  CHECK(type_of(tenth) == "float32");
  CHECK(tenth->constant->to_float64() == static_cast<double>(0.1f));  // rounded to float32
}

TEST_CASE("annotations: nil takes the type it is used as") {
  Checked c = check(R"go(package main

func main() {
	var p *int = nil
	var i any = nil
	ok := p == nil
	var m map[string]int
	m = nil
	_, _, _ = i, ok, m
}
)go");
  REQUIRE(c.errors == "");
  CHECK(type_of(at(c, 4, 15, ExprKind::Ident)) == "*int");
  CHECK(type_of(at(c, 5, 14, ExprKind::Ident)) == "any");
  CHECK(type_of(at(c, 6, 13, ExprKind::Ident)) == "*int");
  CHECK(type_of(at(c, 6, 8, ExprKind::Binary)) == "bool");
  CHECK(type_of(at(c, 8, 6, ExprKind::Ident)) == "map[string]int");
}

TEST_CASE("annotations: values keep their own type where an interface is expected") {
  Checked c = check(R"go(package main

type T struct{}

func (T) String() string { return "" }

type Stringer interface{ String() string }

func show(s Stringer) {}

func main() {
	var t T
	show(t)
	var x any = 3
	same := x == 3
	_ = same
}
)go");
  REQUIRE(c.errors == "");
  CHECK(type_of(at(c, 13, 7, ExprKind::Ident)) == "main.T");
  CHECK(type_of(at(c, 15, 15, ExprKind::BasicLit)) == "int");
  CHECK(type_of(at(c, 15, 10, ExprKind::Ident)) == "any");
}

TEST_CASE("annotations: call forms, builtins and conversions") {
  Checked c = check(R"go(package main

func f(x int) int { return x }

func main() {
	s := []int{1}
	n := len(s)
	g := float64(n)
	h := f(n)
	_, _ = g, h
}
)go");
  REQUIRE(c.errors == "");
  auto* len_call = at(c, 7, 7, ExprKind::Call)->as<CallExpr>();
  CHECK(len_call->form == CallExpr::Form::Builtin);
  CHECK(len_call->fun->mode == Mode::Builtin);
  REQUIRE(len_call->fun->as<Ident>()->object != nullptr);
  CHECK(len_call->fun->as<Ident>()->object->builtin == BuiltinId::Len);
  CHECK(type_of(len_call) == "int");
  auto* conv = at(c, 8, 7, ExprKind::Call)->as<CallExpr>();
  CHECK(conv->form == CallExpr::Form::Conversion);
  CHECK(conv->fun->mode == Mode::TypeExpr);
  CHECK(type_of(conv) == "float64");
  CHECK(at(c, 9, 7, ExprKind::Call)->as<CallExpr>()->form == CallExpr::Form::Call);
}

TEST_CASE("annotations: selections through embedded fields") {
  Checked c = check(R"go(package main

type Base struct{ ID int }

func (b *Base) SetID(id int) { b.ID = id }
func (b Base) GetID() int     { return b.ID }

type Mid struct {
	x int
	*Base
}

type Top struct {
	name string
	Mid
}

func main() {
	var t Top
	t.Mid.Base = &Base{}
	_ = t.ID
	pt := &t
	_ = pt.x
	t.SetID(3)
	_ = t.GetID()
	var b Base
	b.SetID(1)
	pb := &b
	_ = pb.GetID()
}
)go");
  REQUIRE(c.errors == "");
  Selection* id = at(c, 21, 6, ExprKind::Selector)->as<SelectorExpr>()->selection;
  REQUIRE(id != nullptr);
  CHECK(id->kind == SelectionKind::Field);
  CHECK(id->path == std::vector<int>{1, 1, 0});
  CHECK(id->deref == std::vector<bool>{false, true, false});
  CHECK(id->x_deref == false);

  Selection* x = at(c, 23, 6, ExprKind::Selector)->as<SelectorExpr>()->selection;
  CHECK(x->path == std::vector<int>{1, 0});
  CHECK(x->deref == std::vector<bool>{false, false});
  CHECK(x->x_deref);

  // A pointer method reached through an embedded pointer: no address needed.
  Selection* set = at(c, 24, 2, ExprKind::Selector)->as<SelectorExpr>()->selection;
  CHECK(set->kind == SelectionKind::Method);
  CHECK(set->path == std::vector<int>{1, 1});
  CHECK(set->deref == std::vector<bool>{false, true});
  CHECK_FALSE(set->addr_recv);
  CHECK_FALSE(set->deref_recv);
  CHECK(set->object->name == "SetID");

  // A value method reached through an embedded pointer: the receiver is dereferenced.
  Selection* get = at(c, 25, 6, ExprKind::Selector)->as<SelectorExpr>()->selection;
  CHECK(get->deref_recv);

  // A pointer method on an addressable variable takes its address, which boxes it.
  Selection* bset = at(c, 27, 2, ExprKind::Selector)->as<SelectorExpr>()->selection;
  CHECK(bset->addr_recv);
  CHECK(bset->path.empty());
  Object* b = at(c, 27, 2, ExprKind::Ident)->as<Ident>()->object;
  CHECK(b->boxed);

  Selection* pget = at(c, 29, 6, ExprKind::Selector)->as<SelectorExpr>()->selection;
  CHECK(pget->deref_recv);
  CHECK(pget->x_deref);
}

TEST_CASE("annotations: interface calls, method values, method expressions, qualified names") {
  Checked c = check(R"go(package main

import (
	"fmt"
	"os"
	"sync"
)

type Counter struct{ n int }

func (c *Counter) Inc()    { c.n++ }
func (c Counter) Get() int { return c.n }

func main() {
	var s fmt.Stringer
	_ = s.String()
	c := &Counter{}
	inc := c.Inc
	get := (*Counter).Get
	inc()
	_ = get(c)
	var wg sync.WaitGroup
	wg.Add(1)
	os.Exit(0)
}
)go");
  REQUIRE(c.errors == "");
  Selection* str = at(c, 16, 6, ExprKind::Selector)->as<SelectorExpr>()->selection;
  CHECK(str->interface_call);
  CHECK(str->interface_index == 0);

  Selection* mv = at(c, 18, 9, ExprKind::Selector)->as<SelectorExpr>()->selection;
  CHECK(mv->kind == SelectionKind::Method);
  CHECK(type_of(at(c, 18, 9, ExprKind::Selector)) == "func()");

  Expr* me = at(c, 19, 9, ExprKind::Selector);
  CHECK(me->as<SelectorExpr>()->selection->kind == SelectionKind::MethodExpr);
  CHECK(me->as<SelectorExpr>()->selection->deref_recv);
  CHECK(type_of(me) == "func(*main.Counter) int");

  Selection* add = at(c, 23, 2, ExprKind::Selector)->as<SelectorExpr>()->selection;
  CHECK(add->addr_recv);
  CHECK(add->object->native_name == "sync.(*WaitGroup).Add");

  Selection* exit = at(c, 24, 2, ExprKind::Selector)->as<SelectorExpr>()->selection;
  CHECK(exit->kind == SelectionKind::Qualified);
  CHECK(exit->object->native_name == "os.Exit");
  CHECK(at(c, 24, 2, ExprKind::Ident)->mode == Mode::Package);
}

TEST_CASE("annotations: closures box captured variables and list free variables in order") {
  Checked c = check(R"go(package main

func main() {
	a, b, unused := 1, 2, 3
	_ = unused
	f := func() int {
		g := func() int { return b + a }
		return a + g()
	}
	_ = f()
	local := 4
	_ = local
}
)go");
  REQUIRE(c.errors == "");
  FuncInfo* main = func_named(c, "main.main");
  FuncInfo* f = func_named(c, "main.main.func1");
  FuncInfo* g = func_named(c, "main.main.func1.1");
  CHECK(f->outer == main);
  CHECK(g->outer == f);
  CHECK(names(g->free_vars) == std::vector<std::string>{"b", "a"});
  CHECK(names(f->free_vars) == std::vector<std::string>{"b", "a"});
  CHECK(main->free_vars.empty());
  Object* a = main->locals[0];
  CHECK(a->name == "a");
  CHECK(a->boxed);
  CHECK(a->owner == main);
  for (Object* o : main->locals) {
    if (o->name == "unused" || o->name == "local") CHECK_FALSE(o->boxed);
  }
  CHECK(names(g->locals).empty());
  CHECK(names(f->locals) == std::vector<std::string>{"g"});
}

TEST_CASE("annotations: function names, defer and recover, parameters") {
  Checked c = check(R"go(package main

type T struct{}

func (t *T) Ptr(x int) (r int) { return x }
func (T) Val(int, string)      {}

func safe() {
	defer func() {
		if r := recover(); r != nil {
		}
	}()
}

func init() {}
func init() {}

func main() {}
)go");
  REQUIRE(c.errors == "");
  FuncInfo* ptr = func_named(c, "main.(*T).Ptr");
  CHECK(names(ptr->params) == std::vector<std::string>{"x"});
  CHECK(names(ptr->results) == std::vector<std::string>{"r"});
  REQUIRE(ptr->recv != nullptr);
  CHECK(ptr->recv->name == "t");
  CHECK(ptr->recv->is_param);
  FuncInfo* val = func_named(c, "main.T.Val");
  CHECK(names(val->params) == std::vector<std::string>{"_", "_"});
  REQUIRE(val->recv != nullptr);  // an unnamed receiver still has its slot
  CHECK(val->recv->name == "_");
  FuncInfo* safe = func_named(c, "main.safe");
  CHECK(safe->has_defer);
  CHECK_FALSE(safe->has_recover_call);
  FuncInfo* lit = func_named(c, "main.safe.func1");
  CHECK(lit->has_recover_call);
  CHECK(c.prog->main->init_funcs.size() == 2);
  func_named(c, "main.init.0");
  func_named(c, "main.init.1");
}

TEST_CASE("annotations: per-iteration loop variables, branch targets, type switch bindings") {
  Checked c = check(R"go(package main

func main() {
outer:
	for i := 0; i < 3; i++ {
		for j := range 3 {
			if j == 1 {
				continue outer
			}
			break
		}
	}
	var v any = 1
	switch x := v.(type) {
	case int:
		_ = x + 1
	case string, bool:
		_ = x
	default:
	}
}
)go");
  REQUIRE(c.errors == "");
  FuncInfo* main = func_named(c, "main.main");
  Object* i = main->locals[0];
  CHECK(i->name == "i");
  CHECK(i->per_iteration);
  Stmt* outer = stmt_at(c, 5, 2, StmtKind::For);
  Stmt* inner = stmt_at(c, 6, 3, StmtKind::Range);
  CHECK(stmt_at(c, 8, 5, StmtKind::Branch)->as<BranchStmt>()->target == outer);
  CHECK(stmt_at(c, 10, 4, StmtKind::Branch)->as<BranchStmt>()->target == inner);
  CHECK_FALSE(main->locals[1]->per_iteration);  // j: range variables are fresh anyway

  auto* sw = stmt_at(c, 14, 2, StmtKind::TypeSwitch)->as<TypeSwitchStmt>();
  std::vector<std::string> clause_types;
  for (Stmt* s : sw->body->list) {
    auto* cc = s->as<CaseClause>();
    REQUIRE(cc->implicit != nullptr);
    clause_types.push_back(type_string(cc->implicit->type));
    CHECK(cc->implicit->name == "x");
  }
  CHECK(clause_types == std::vector<std::string>{"int", "any", "any"});
}

TEST_CASE("annotations: package initialization order") {
  Checked c = check(R"go(package main

var a = b + 1
var b = f()
var z int

func f() int { return c }

var c = 3
var p, q = pair()

func pair() (int, int) { return 1, 2 }

func main() {}
)go");
  REQUIRE(c.errors == "");
  std::vector<std::string> order;
  for (const Package::VarInit& init : c.prog->main->var_inits) {
    std::string s;
    for (Object* o : init.lhs) s += std::string(o->name);
    if (init.rhs == nullptr) s += "=0";
    order.push_back(s);
  }
  CHECK(order == std::vector<std::string>{"z=0", "c", "b", "a", "pq"});
  CHECK(global(c, "a")->is_global);
}

TEST_CASE("annotations: constants, iota and composite literals") {
  Checked c = check(R"go(package main

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
)

type Point struct{ X, Y int }

func main() {
	ps := []*Point{{1, 2}, {X: 3}}
	arr := [...]string{2: "c", 0: "a"}
	m := map[string]Point{"o": {}}
	_, _, _ = ps, arr, m
}
)go");
  REQUIRE(c.errors == "");
  CHECK(global(c, "Tuesday")->value.to_int64() == 2);
  CHECK(type_string(global(c, "Tuesday")->type) == "main.Weekday");
  CHECK(global(c, "MB")->value.to_int64() == 1 << 20);
  CHECK(type_string(global(c, "MB")->type) == "untyped int");
  CHECK(type_of(at(c, 20, 17, ExprKind::CompositeLit)) == "*main.Point");  // &Point{1, 2}
  CHECK(type_of(at(c, 21, 9, ExprKind::CompositeLit)) == "[3]string");
  CHECK(type_of(at(c, 22, 29, ExprKind::CompositeLit)) == "main.Point");
}

TEST_CASE("annotations: library natives and the Program's packages") {
  Checked c = check(R"go(package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println(time.Second)
}
)go");
  REQUIRE(c.errors == "");
  std::vector<std::string> paths;
  for (auto& p : c.prog->packages) paths.push_back(p->path);
  CHECK(paths.back() == "main");
  auto pos = [&](const std::string& p) {
    return std::find(paths.begin(), paths.end(), p) - paths.begin();
  };
  CHECK(pos("errors") < pos("io"));
  CHECK(pos("io") < pos("fmt"));
  CHECK(pos("os") < pos("fmt"));
  Package* fmt = nullptr;
  for (auto& p : c.prog->packages) {
    if (p->path == "fmt") fmt = p.get();
  }
  REQUIRE(fmt != nullptr);
  Object* sprint = fmt->scope->lookup_local("Sprint");
  REQUIRE(sprint != nullptr);
  CHECK(sprint->native_name == "fmt.Sprint");
  CHECK(sprint->info == nullptr);
  Object* println = fmt->scope->lookup_local("Println");
  CHECK(println->native_name.empty());
  REQUIRE(println->info != nullptr);
  CHECK(println->info->name == "fmt.Println");
  CHECK(type_of(at(c, 9, 14, ExprKind::Selector)) == "time.Duration");
}
