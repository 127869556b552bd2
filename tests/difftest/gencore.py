"""gencore: what gen.py's templates share: a test function being written (Func), integer and
boolean expressions that Go never folds into a compile error, the value lists the templates
draw from, the runtime errors they provoke, and KNOWN, the constructs kept out while gopark gets
them wrong. gen.py's opening comment has the design."""


INT_TYPES = ["int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64"]


BITS = {"int": 64, "int8": 8, "int16": 16, "int32": 32, "int64": 64,
        "uint": 64, "uint8": 8, "uint16": 16, "uint32": 32, "uint64": 64}


def signed(t):
    return not t.startswith("uint")


def type_range(t):
    b = BITS[t]
    if signed(t):
        return -(1 << (b - 1)), (1 << (b - 1)) - 1
    return 0, (1 << b) - 1


class Func:
    """One test function's text, built from its own random stream."""

    def __init__(self, rng, name):
        self.rng = rng
        self.name = name
        self.lines = []
        self.depth = 1
        self.counter = 0

    def fresh(self, prefix="v"):
        self.counter += 1
        return "%s%d" % (prefix, self.counter)

    def emit(self, text):
        for line in text.split("\n"):
            self.lines.append("\t" * self.depth + line if line else "")

    def open(self, text):
        self.emit(text)
        self.depth += 1

    def close(self, text="}"):
        self.depth -= 1
        self.emit(text)

    def label(self, what):
        return '"%s.%s"' % (self.name, what)

    def text(self):
        return "func %s() {\n%s\n}\n" % (self.name, "\n".join(self.lines))


# ----------------------------------------------------------------------------------------------
# Integer expressions. An expression is (text, constant?): two constants are never combined, a
# unary operator never applies to a constant, and the left side of a shift is never constant,
# so Go never folds anything that could overflow or divide by zero at compile time.


def int_literal(rng, t):
    lo, hi = type_range(t)
    pick = rng.random()
    if pick < 0.3:
        v = rng.choice([lo, hi, 0, 1, lo + 1, hi - 1, -1 if signed(t) else 2])
    elif pick < 0.7:
        v = rng.randint(max(lo, -20), min(hi, 20))
    else:
        v = rng.randint(lo, hi)
    return str(v) if v >= 0 else "(%d)" % v


class IntScope:
    def __init__(self, fn):
        self.fn = fn
        self.vars = {}  # type -> [names]
        self.readonly = set()  # loop counters: assigning them could make a loop endless

    def add(self, name, t):
        self.vars.setdefault(t, []).append(name)

    def names(self, t):
        return self.vars.get(t, [])

    def all(self):
        return [(n, t) for t, ns in self.vars.items() for n in ns]

    def assignable(self):
        return [(n, t) for n, t in self.all() if n not in self.readonly]


def int_expr(fn, scope, t, depth):
    rng = fn.rng
    if depth <= 0 or rng.random() < 0.25:
        return int_leaf(fn, scope, t)
    kind = rng.random()
    if kind < 0.45:
        op = rng.choice(["+", "-", "*", "&", "|", "^", "&^", "+", "-", "*"])
        a, ac = int_expr(fn, scope, t, depth - 1)
        b, bc = int_expr(fn, scope, t, depth - 1)
        if ac and bc:
            a, ac = int_var(fn, scope, t)
        return "(%s %s %s)" % (a, op, b), False
    if kind < 0.6:
        op = rng.choice(["/", "%"])
        a, ac = int_expr(fn, scope, t, depth - 1)
        if rng.random() < 0.5:
            lo, hi = type_range(t)
            d = rng.choice([1, 2, 3, 7, 10, 16, hi, -1 if signed(t) else 255 % (hi + 1) or 1,
                            -3 if signed(t) else 5])
            if ac:
                a, ac = int_var(fn, scope, t)
            return "(%s %s %s)" % (a, op, d if d >= 0 else "(%d)" % d), False
        b, _ = int_expr(fn, scope, t, depth - 1)
        # x | 1 is never zero: a checked divisor that still reaches -1 and large values.
        if ac:
            a, ac = int_var(fn, scope, t)
        return "(%s %s (%s | 1))" % (a, op, b), False
    if kind < 0.75:
        op = rng.choice(["<<", ">>"])
        a, ac = int_expr(fn, scope, t, depth - 1)
        if ac:
            a, ac = int_var(fn, scope, t)
        if rng.random() < 0.5:
            count = str(rng.choice([0, 1, 3, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 100, 255]))
        else:
            ut = rng.choice(["uint8", "uint", "uint16", "uint64", "uint32"])
            c, cc = int_expr(fn, scope, ut, 1)
            if cc:
                c, cc = int_var(fn, scope, ut)
            count = "(%s %% %d)" % (c, rng.choice([8, 17, 40, 70, 130]))
        return "(%s %s %s)" % (a, op, count), False
    if kind < 0.85:
        a, ac = int_expr(fn, scope, t, depth - 1)
        if ac:
            a, ac = int_var(fn, scope, t)
        op = rng.choice(["-", "^", "+"])
        return "(%s%s)" % (op, a), False
    # A conversion from another integer type (non-constant: it wraps, never a compile error).
    other = rng.choice(INT_TYPES)
    a, ac = int_expr(fn, scope, other, depth - 1)
    if ac:
        a, ac = int_var(fn, scope, other)
    return "%s(%s)" % (t, a), False


def int_var(fn, scope, t):
    names = scope.names(t)
    if names:
        return fn.rng.choice(names), False
    # no variable of that type in scope: convert one that is
    name, other = fn.rng.choice(scope.all())
    return "%s(%s)" % (t, name), False


def int_leaf(fn, scope, t):
    if fn.rng.random() < 0.3:
        return int_literal(fn.rng, t), True
    return int_var(fn, scope, t)


def bool_expr(fn, scope, depth=2):
    rng = fn.rng
    r = rng.random()
    if r < 0.6 or depth <= 0:
        t = rng.choice([t for t in scope.vars] or ["int"])
        a, ac = int_expr(fn, scope, t, 1)
        b, bc = int_expr(fn, scope, t, 1)
        if ac and bc:
            a, ac = int_var(fn, scope, t)
        return "(%s %s %s)" % (a, rng.choice(["<", "<=", ">", ">=", "==", "!="]), b)
    if r < 0.85:
        return "(%s %s %s)" % (bool_expr(fn, scope, depth - 1), rng.choice(["&&", "||"]),
                               bool_expr(fn, scope, depth - 1))
    return "!%s" % bool_expr(fn, scope, depth - 1)


def declare_ints(fn, scope, count):
    for _ in range(count):
        t = fn.rng.choice(INT_TYPES)
        name = fn.fresh()
        fn.emit("var %s %s = %s" % (name, t, int_literal(fn.rng, t)))
        scope.add(name, t)


def print_ints(fn, scope, what):
    verb = fn.rng.choice(["%d", "%v", "%x", "%X", "%o", "%b", "%08d", "%+d", "%-6d|", "%#x"])
    for name, t in scope.all():
        fn.emit('fmt.Printf("%%s %s=%s %%T\\n", %s, %s, %s)' % (name, verb, fn.label(what), name, name))


STRINGS = ['"hello"', '"héllo, 世界"', '"😀x"', '""', '"a\\xffb"', '"Go"', '"ab\\tc\\n"',
           '"\\u00e9t\\u00e9"', '"ÀÉÎ"', '"x,y,,z"', '"  pad  "', '"\\x00\\x01"', '"日本語"']


IFACE_VALUES = ["1", '"s"', "2.5", "Rect{2, 3}", "&Square{4}", "nil", "[]int{1}", "int8(-3)",
                "Point{1, 2}", "Code(3)", "Label(\"lb\")", "true", "uint(7)", "'x'",
                "map[string]int{\"a\": 1}", "errors.New(\"boom\")", "&MyErr{\"op\", 2}",
                "Celsius(36.6)", "[2]bool{true}", "struct{}{}", "Pair[string, int]{\"k\", 1}"]


PANICS = [
    ("index", "s := []int{1, 2, 3}\n\ti := %(n)d\n\t_ = s[i]"),
    ("index_array", "var a [4]string\n\ti := %(n)d\n\ta[i%%8] = \"x\""),
    ("slice_hi", "s := make([]int, 3, 5)\n\ti := %(n)d\n\t_ = s[:i]"),
    ("slice_lohi", "s := []byte(\"hello\")\n\ti, j := %(n)d, 2\n\t_ = s[i:j]"),
    ("slice3", "s := make([]int, 2, 4)\n\ti, j := 1, %(n)d\n\t_ = s[0:i:j]"),
    ("string_index", "s := \"héllo\"\n\ti := %(n)d\n\t_ = s[i]"),
    ("string_slice", "s := \"abc\"\n\ti := %(n)d\n\t_ = s[i:]"),
    ("divide", "a, b := %(n)d, 0\n\t_ = a / b"),
    ("modulo", "var a, b int8 = %(n)d, 0\n\t_ = a %% b"),
    ("nil_map", "var m map[string]int\n\tm[\"k\"] = %(n)d"),
    ("nil_pointer", "var p *Point\n\tp.X = %(n)d"),
    ("nil_pointer_method", "var p *Square\n\t_ = p.Area() + %(n)d"),
    ("assert", "var v interface{} = %(n)d\n\t_ = v.(string)"),
    ("assert_iface", "var v interface{} = Point{%(n)d, 0}\n\t_ = v.(Shape)"),
    ("assert_named", "var v interface{} = Code(%(n)d)\n\t_ = v.(int16)"),
    ("custom_string", "panic(\"custom %(n)d\")"),
    ("custom_int", "panic(%(n)d)"),
    ("custom_error", "panic(&MyErr{\"op\", %(n)d})"),
    ("custom_errors_new", "panic(errors.New(\"plain %(n)d\"))"),
    ("custom_fmt", "panic(fmt.Errorf(\"wrapped %%w\", &MyErr{\"inner\", %(n)d}))"),
    ("custom_stringer", "panic(Code(%(n)d))"),
    ("custom_label", "panic(Label(\"lbl%(n)d\"))"),
    ("custom_float", "panic(%(n)d.5)"),
    ("custom_bool", "panic(%(n)d > 2)"),
    ("close_closed", "c := make(chan int, %(n)d+1)\n\tclose(c)\n\tclose(c)"),
    ("close_nil", "var c chan int\n\t_ = %(n)d\n\tclose(c)"),
    ("send_closed", "c := make(chan int, %(n)d+1)\n\tclose(c)\n\tc <- 1"),
    ("shift_negative", "s := -%(n)d - 1\n\t_ = 1 << s"),
    ("make_negative", "n := -%(n)d - 1\n\t_ = make([]int, n)"),
    ("repanic", "defer func() {\n\t\tr := recover()\n\t\tpanic(fmt.Sprint(\"again: \", r))\n\t}()\n\tpanic(%(n)d)"),
    ("nil_func", "var f func(int) int\n\t_ = f(%(n)d)"),
    ("unhashable", "m := map[interface{}]int{}\n\tm[[]int{%(n)d}] = 1"),
    # Go 1.20 reworded this panic ("... to array or pointer to array ..."), and gopark follows
    # the newer Go: the program prints only that it panicked, and no tail ends with it.
    ("conversion_array", "defer func() {\n\t\tr := recover()\n\t\t_, isRuntime := r.(runtime.Error)\n"
                         "\t\tfmt.Println(\"conversion panicked:\", r != nil, isRuntime)\n\t}()\n"
                         "\ts := []int{1, 2, %(n)d}\n\t_ = *(*[4]int)(s)"),
]

# Panics whose message differs between Go 1.19 and the Go gopark follows: not a program's end.
UNCAUGHT_EXCLUDED = {"conversion_array"}

# Constructs kept out of the programs because gopark gets them wrong and they would hide every
# other finding: the name of the construct, and the finding in tests/difftest/found/ that shows
# it. Remove an entry once the fix lands (README.md, "Known").
KNOWN = {
}


def panics():
    return [p for p in PANICS if p[0] not in KNOWN]
