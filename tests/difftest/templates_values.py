"""templates_values: gen.py's templates about values: integers, floats, constants, strings,
slices, arrays, maps, structs, interfaces, fmt and the library, aliasing, churn. Each writes one
test function's body from fn's random stream and prints labelled lines."""

from gencore import *  # noqa: F401,F403 (Func's vocabulary: expressions, value lists, KNOWN)


# ----------------------------------------------------------------------------------------------
# The templates: each writes one test function's body.


def t_arith(fn):
    scope = IntScope(fn)
    declare_ints(fn, scope, fn.rng.randint(3, 6))
    for i in range(fn.rng.randint(4, 10)):
        name, t = fn.rng.choice(scope.all())
        expr, _ = int_expr(fn, scope, t, fn.rng.randint(1, 4))
        op = fn.rng.choice(["=", "=", "+=", "-=", "*=", "^=", "|=", "&="])
        fn.emit("%s %s %s" % (name, op, expr))
        if fn.rng.random() < 0.3:
            fn.emit('fmt.Println(%s, %s)' % (fn.label("step%d" % i), name))
    print_ints(fn, scope, "end")


def stmt_block(fn, scope, depth, loops):
    """Random statements over scope's integers: assignments, if/else, switch with fallthrough,
    bounded loops with break/continue, labelled when nested."""
    rng = fn.rng
    for _ in range(rng.randint(1, 4)):
        r = rng.random()
        name, t = rng.choice(scope.assignable())
        if r < 0.35 or depth <= 0:
            expr, _ = int_expr(fn, scope, t, 2)
            fn.emit("%s %s %s" % (name, rng.choice(["=", "+=", "-=", "^=", "*="]), expr))
            if rng.random() < 0.2:
                fn.emit("%s%s" % (name, rng.choice(["++", "--"])))
        elif r < 0.5:
            fn.open("if %s {" % bool_expr(fn, scope))
            stmt_block(fn, scope, depth - 1, loops)
            if rng.random() < 0.5:
                fn.close("} else if %s {" % bool_expr(fn, scope))
                fn.depth += 1
                stmt_block(fn, scope, depth - 1, loops)
            if rng.random() < 0.5:
                fn.close("} else {")
                fn.depth += 1
                stmt_block(fn, scope, depth - 1, loops)
            fn.close()
        elif r < 0.65:
            expr, constant = int_expr(fn, scope, t, 1)
            if constant:  # a constant switch tag takes the type int, and may overflow it
                expr, _ = int_var(fn, scope, t)
            lo, hi = type_range(t)
            values = sorted(set(rng.randint(max(lo, -5), min(hi, 5)) for _ in range(4)))
            fn.open("switch %s %% 4 {" % expr if rng.random() < 0.5 else "switch %s {" % expr)
            for k, v in enumerate(values):
                fn.emit("case %s:" % (v if v >= 0 else "(%d)" % v))
                fn.depth += 1
                stmt_block(fn, scope, depth - 1, loops)
                fn.emit('fmt.Println(%s, %s)' % (fn.label("case%d" % v), name))
                if k < len(values) - 1 and rng.random() < 0.4:
                    fn.emit("fallthrough")
                fn.depth -= 1
            if rng.random() < 0.6:
                fn.emit("default:")
                fn.depth += 1
                stmt_block(fn, scope, depth - 1, loops)
                fn.depth -= 1
            fn.close()
        elif r < 0.85:
            label = fn.fresh("L")
            var = fn.fresh("i")
            fn.emit("%s:" % label)
            fn.open("for %s := 0; %s < %d; %s++ {" % (var, var, rng.randint(1, 6), var))
            scope.add(var, "int")
            scope.readonly.add(var)
            # The label is always used: Go rejects a label that is defined and not used.
            fn.open("if %s {" % bool_expr(fn, scope))
            fn.emit("%s %s" % (rng.choice(["continue", "break"]), label))
            fn.close()
            if loops and rng.random() < 0.5:
                fn.open("if %s {" % bool_expr(fn, scope))
                fn.emit("%s %s" % (rng.choice(["continue", "break"]), rng.choice(loops)))
                fn.close()
            stmt_block(fn, scope, depth - 1, loops + [label])
            if rng.random() < 0.5:
                fn.open("if %s {" % bool_expr(fn, scope))
                fn.emit("%s" % rng.choice(["continue", "break"]))
                fn.close()
            fn.close()
            scope.vars["int"].remove(var)
            scope.readonly.discard(var)
        else:
            # a for loop with only a condition, bounded by a counter
            counter = fn.fresh("n")
            fn.emit("%s := 0" % counter)  # not in scope: only this loop changes it
            fn.open("for %s < %d {" % (counter, rng.randint(1, 5)))
            fn.emit("%s++" % counter)
            fn.open("if %s {" % bool_expr(fn, scope))
            fn.emit("continue")
            fn.close()
            stmt_block(fn, scope, depth - 1, loops)
            fn.close()
            fn.emit('fmt.Println(%s, %s)' % (fn.label("count"), counter))


def t_flow(fn):
    scope = IntScope(fn)
    declare_ints(fn, scope, fn.rng.randint(2, 4))
    stmt_block(fn, scope, 3, [])
    print_ints(fn, scope, "end")


def float_literal(rng):
    return rng.choice(["0.0", "1.0", "-1.5", "0.1", "0.2", "1e-7", "1e21", "1e20", "123456789.0",
                       "3.141592653589793", "2.5", "-0.5", "1e-300", "1e300", "7.0", "100.0",
                       "0.3", "1.0 / 3.0", "math.MaxFloat64", "math.SmallestNonzeroFloat64",
                       "math.Inf(1)", "math.Inf(-1)", "math.NaN()", "math.Copysign(0, -1)",
                       "float64(%d)" % rng.randint(-1000, 1000), "%d.25" % rng.randint(0, 99999)])


def float_expr(fn, names, depth):
    rng = fn.rng
    if depth <= 0 or rng.random() < 0.3:
        return rng.choice(names)
    r = rng.random()
    a = float_expr(fn, names, depth - 1)
    b = float_expr(fn, names, depth - 1)
    if r < 0.6:
        return "(%s %s %s)" % (a, rng.choice(["+", "-", "*", "/"]), b)
    if r < 0.8:
        return "math.%s(%s)" % (rng.choice(["Sqrt", "Floor", "Ceil", "Trunc", "Abs"]), a)
    if r < 0.9:
        return "math.Mod(%s, %s)" % (a, b)
    return "(-%s)" % a


def t_float(fn):
    rng = fn.rng
    names = []
    for _ in range(rng.randint(2, 4)):
        name = fn.fresh("f")
        fn.emit("%s := float64(%s)" % (name, float_literal(rng)))
        names.append(name)
    for i in range(rng.randint(3, 6)):
        target = rng.choice(names)
        fn.emit("%s = %s" % (target, float_expr(fn, names, rng.randint(1, 3))))
        verb = rng.choice(["%v", "%g", "%.3f", "%e", "%8.2f", "%.0f", "%G", "%.10g", "%6.3v"])
        fn.emit('fmt.Printf("%%s %s\\n", %s, %s)' % (verb, fn.label("f%d" % i), target))
    for name in names:
        # A NaN's sign is whatever the hardware's operand order left: not Go's semantics.
        fn.emit('fmt.Println(%s, %s, math.IsNaN(%s), math.IsInf(%s, 0), math.Signbit(%s) && !math.IsNaN(%s))'
                % (fn.label(name), name, name, name, name, name))
        # Out-of-range float-to-int conversions are implementation-defined: guard them.
        t = rng.choice(["int", "int64", "int32", "int8", "uint8", "uint16"])
        lo, hi = type_range(t)
        # (lo-1, hi+1) exclusive: the bounds themselves round to a power of two for 64 bits.
        fn.open("if %s > %d && %s < %d {" % (name, lo - 1, name, hi + 1))
        fn.emit("fmt.Println(%s, %s(%s))" % (fn.label(name + "conv"), t, name))
        fn.close()
    a, b = rng.choice(names), rng.choice(names)
    fn.emit('fmt.Println(%s, %s < %s, %s == %s, %s != %s, %s >= %s)'
            % (fn.label("cmp"), a, b, a, b, a, b, a, b))
    fn.emit('fmt.Println(%s, strconv.FormatFloat(%s, \'g\', -1, 64), strconv.FormatFloat(%s, \'f\', 2, 64))'
            % (fn.label("fmt"), a, b))
    fn.emit('fmt.Println(%s, float32(%s), Celsius(%s))' % (fn.label("f32"), a, b))
    # Interfaces compare the values they hold: a NaN inside is unequal even to its own box.
    fn.emit("var boxed, other interface{} = %s, %s" % (a, b))
    fn.emit("copied := boxed")
    same = "" if "boxed_nan_equality" not in KNOWN else " && !math.IsNaN(%s)" % a
    fn.emit('fmt.Println(%s, boxed == other, boxed == copied%s, boxed != nil)' % (fn.label("boxed"), same))


def t_strings(fn):
    rng = fn.rng
    s = fn.fresh("s")
    t = fn.fresh("s")
    fn.emit("%s := %s" % (s, rng.choice(STRINGS)))
    fn.emit("%s := %s + %s" % (t, s, rng.choice(STRINGS)))
    fn.emit('fmt.Println(%s, len(%s), len(%s), %s)' % (fn.label("len"), s, t, t))
    fn.emit('fmt.Printf("%%s %%q %%x %%X %% x\\n", %s, %s, %s, %s, %s)' % (fn.label("q"), t, t, s, t))
    i = rng.randint(0, 6)
    fn.open("if %d < len(%s) {" % (i, t))
    fn.emit('fmt.Println(%s, %s[%d], string(%s[%d]), %s[%d:], %s[:%d])'
            % (fn.label("idx"), t, i, t, i, t, i, t, i))
    fn.close()
    fn.emit('fmt.Println(%s, []byte(%s), []rune(%s))' % (fn.label("conv"), s, t))
    fn.emit('fmt.Println(%s, string([]rune(%s)), string([]byte(%s)) == %s)' % (fn.label("back"), t, t, t))
    k, r = fn.fresh("k"), fn.fresh("r")
    fn.open("for %s, %s := range %s {" % (k, r, t))
    fn.emit('fmt.Printf("%%s %%d %%d %%c %%q %%U\\n", %s, %s, %s, %s, %s, %s)' % (fn.label("range"), k, r, r, r, r))
    fn.close()
    fn.emit('fmt.Println(%s, strings.ToUpper(%s), strings.Repeat(%s, %d), strings.Contains(%s, %s))'
            % (fn.label("lib"), t, s, rng.randint(0, 3), t, rng.choice(STRINGS)))
    fn.emit('fmt.Printf("%%s %%q\\n", %s, strings.Split(%s, %s))' % (fn.label("split"), t, rng.choice(['","', '"l"', '"é"'])))
    fn.emit('fmt.Println(%s, strings.Join([]string{%s, %s, %s}, "-"), strings.Index(%s, "l"), strings.TrimSpace(%s))'
            % (fn.label("join"), s, t, rng.choice(STRINGS), t, t))
    n = rng.choice([65, 0x263A, 0xD800, 0x10FFFF, 0x110000, -1, 233, 0x1F600])
    fn.emit('fmt.Println(%s, string(rune(%d)), strconv.Quote(%s), strconv.Itoa(%d))'
            % (fn.label("rune"), n, t, rng.randint(-99999, 99999)))
    v = fn.fresh("n")
    fn.emit('%s, err := strconv.Atoi(%s)' % (v, rng.choice(['"123"', '"-45"', '"x1"', '""', '"99999999999999999999"'])))
    fn.emit('fmt.Println(%s, %s, err)' % (fn.label("atoi"), v))
    b = fn.fresh("b")
    fn.emit("var %s strings.Builder" % b)
    fn.open("for i := 0; i < %d; i++ {" % rng.randint(0, 4))
    fn.emit('%s.WriteString(%s)' % (b, rng.choice(STRINGS)))
    fn.emit('%s.WriteByte(byte(\'a\' + i))' % b)
    fn.emit('%s.WriteRune(rune(0x4e16 + i))' % b)
    fn.close()
    fn.emit('fmt.Println(%s, %s.Len(), %s.String())' % (fn.label("builder"), b, b))
    fn.emit('fmt.Println(%s, %s < %s, %s == %s, %s > %s)' % (fn.label("cmp"), s, t, s, t, t, s))


def t_slices(fn):
    rng = fn.rng
    n, c = rng.randint(0, 5), 0
    c = n + rng.randint(0, 4)
    fn.emit("s := make([]int, %d, %d)" % (n, c))
    fn.open("for i := range s {")
    fn.emit("s[i] = i*i - %d" % rng.randint(0, 5))
    fn.close()
    fn.emit('fmt.Println(%s, s, len(s), cap(s))' % fn.label("make"))
    # appends within the capacity share the array: observable and deterministic
    k = rng.randint(0, c - n) if c > n else 0
    fn.emit("t := s")
    for i in range(k):
        fn.emit("t = append(t, %d)" % rng.randint(-50, 50))
    fn.emit("u := s[:cap(s)]")
    fn.emit('fmt.Println(%s, t, u, len(t), cap(t))' % fn.label("within"))
    lo = rng.randint(0, n)
    hi = rng.randint(lo, c)
    mx = rng.randint(hi, c)
    fn.emit("w := s[%d:%d:%d]" % (lo, hi, mx))
    fn.emit('fmt.Println(%s, w, len(w), cap(w))' % fn.label("3index"))
    fn.emit("w = append(w, 7, 8, 9) // shares s's array only when it fits: len and cap say which")
    fn.emit("w[0+len(w)-1] = -1")
    fn.emit('fmt.Println(%s, w, len(w), s[:cap(s)])' % fn.label("grown"))
    fn.emit("v := []string{%s}" % ", ".join(rng.sample(STRINGS, rng.randint(0, 4))))
    fn.emit("dst := make([]string, %d)" % rng.randint(0, 5))
    fn.emit("copied := copy(dst, v)")
    fn.emit('fmt.Printf("%%s %%d %%q %%q\\n", %s, copied, dst, v)' % fn.label("copy"))
    fn.emit("b := []byte(\"abcdef\")")
    fn.emit("copy(b[%d:], \"XY\")" % rng.randint(0, 6))
    fn.emit("copy(b, b[%d:])" % rng.randint(0, 6))
    fn.emit('fmt.Println(%s, string(b), b[:0] == nil, len(b[6:]))' % fn.label("overlap"))
    fn.emit("var nils []int")
    fn.emit('fmt.Println(%s, nils == nil, len(nils), nils, append(nils, 1), nils[:0] == nil)' % fn.label("nil"))
    fn.emit("grid := make([][]int, %d)" % rng.randint(1, 4))
    fn.open("for i := range grid {")
    fn.emit("grid[i] = make([]int, i+1)")
    fn.emit("for j := range grid[i] { grid[i][j] = i * j }")
    fn.close()
    fn.emit('fmt.Println(%s, grid, Sum(grid[len(grid)-1]))' % fn.label("grid"))
    fn.emit("r := []int{%s}" % ", ".join(str(rng.randint(-20, 20)) for _ in range(rng.randint(0, 8))))
    fn.emit("sort.Ints(r)")
    fn.emit("i := sort.SearchInts(r, %d)" % rng.randint(-20, 20))
    fn.emit('fmt.Println(%s, r, i, Filter(r, func(x int) bool { return x%%2 == 0 }))' % fn.label("sorted"))
    fn.emit("r = append(r[:0], r[len(r)/2:]...)")
    fn.emit('fmt.Println(%s, r, len(r))' % fn.label("shift"))


def t_arrays(fn):
    rng = fn.rng
    n = rng.randint(1, 5)
    vals = [str(rng.randint(-99, 99)) for _ in range(n)]
    fn.emit("a := [%d]int{%s}" % (n, ", ".join(vals)))
    fn.emit("b := a // arrays are values")
    fn.emit("b[%d] = 1000" % rng.randint(0, n - 1))
    fn.emit('fmt.Println(%s, a, b, a == b, len(a))' % fn.label("copy"))
    fn.emit("modify := func(x [%d]int) [%d]int { x[0]++; return x }" % (n, n))
    fn.emit("c := modify(a)")
    fn.emit('fmt.Println(%s, a, c)' % fn.label("param"))
    fn.emit("p := &a")
    fn.emit("p[%d] *= -2" % rng.randint(0, n - 1))
    fn.emit("sl := a[:]")
    fn.emit("sl[0] = 42")
    fn.emit('fmt.Println(%s, a, *p, sl)' % fn.label("ptr"))
    fn.emit("var grid [%d][%d]uint8" % (rng.randint(1, 3), rng.randint(1, 3)))
    fn.open("for i := range grid {")
    fn.open("for j := range grid[i] {")
    fn.emit("grid[i][j] = uint8(i*%d + j*%d)" % (rng.randint(50, 200), rng.randint(50, 200)))
    fn.close()
    fn.close()
    fn.emit("g2 := grid")
    fn.emit("g2[0][0] = 255")
    fn.emit('fmt.Println(%s, grid, g2, grid == g2)' % fn.label("grid"))
    fn.emit("pl := Plain{A: %d, B: %s, C: [3]uint16{%d, %d}}" % (rng.randint(-128, 127), rng.choice(STRINGS),
                                                                 rng.randint(0, 65535), rng.randint(0, 65535)))
    fn.emit("pl2 := pl")
    fn.emit("pl2.C[2] = %d" % rng.randint(0, 65535))
    fn.emit('fmt.Printf("%%s %%v %%+v %%v\\n", %s, pl, pl2, pl == pl2)' % fn.label("struct"))
    fn.emit("idx := map[[2]int]string{{1, 2}: \"a\", {2, 1}: \"b\"}")
    fn.emit('fmt.Println(%s, idx[[2]int{%d, %d}], len(idx), idx)' % (fn.label("key"), rng.randint(1, 2), rng.randint(1, 2)))
    fn.emit("for i, v := range a { a[len(a)-1-i] = v + i } // range copies the array first")
    fn.emit('fmt.Println(%s, a)' % fn.label("rangecopy"))


def t_maps(fn):
    rng = fn.rng
    fn.emit("m := map[string]int{}")
    keys = rng.sample(["a", "b", "c", "dd", "é", "日", "", "zz", "key", "k2"], rng.randint(1, 7))
    for k in keys:
        fn.emit('m[%s] = %d' % ('"%s"' % k, rng.randint(-100, 100)))
    for k in rng.sample(keys, rng.randint(0, len(keys))):
        fn.emit('delete(m, "%s")' % k)
    fn.emit('delete(m, "absent")')
    fn.emit('m["%s"] += %d' % (rng.choice(keys), rng.randint(1, 9)))
    fn.emit('v, ok := m["%s"]' % rng.choice(keys + ["nope"]))
    fn.emit('fmt.Println(%s, v, ok, len(m), m)' % fn.label("basic"))
    fn.emit("total := 0")
    fn.emit("for _, x := range m { total += x } // addition commutes: order-independent")
    fn.emit('fmt.Println(%s, total)' % fn.label("sum"))
    fn.open("for _, k := range SortedKeys(m) {")
    fn.emit('fmt.Printf("%%s %%q=%%d\\n", %s, k, m[k])' % fn.label("sorted"))
    fn.close()
    fn.emit("im := make(map[int64][]int)")
    fn.open("for i := 0; i < %d; i++ {" % rng.randint(1, 12))
    fn.emit("k := int64(i %% %d)" % rng.randint(1, 4))
    fn.emit("im[k] = append(im[k], i)")
    fn.close()
    fn.emit('fmt.Println(%s, im, len(im))' % fn.label("groups"))
    fn.emit("pm := map[Point]bool{{1, 2}: true, {3, 4}: false}")
    fn.emit("_, has := pm[Point{%d, %d}]" % (rng.randint(1, 3), rng.randint(2, 4)))
    fn.emit('fmt.Println(%s, has, pm[Point{3, 4}], len(pm))' % fn.label("structkey"))
    fn.emit("var nm map[string]int")
    fn.emit('fmt.Println(%s, nm == nil, len(nm), nm["x"], nm)' % fn.label("nilmap"))
    fn.emit("im2 := map[interface{}]string{1: \"int\", \"1\": \"string\", int8(1): \"int8\", 1.0: \"float\"}")
    fn.emit('fmt.Println(%s, im2[1], im2["1"], im2[int8(1)], im2[1.0], len(im2))' % fn.label("ifacekey"))
    fn.emit("cm := map[Code]Label{%d: \"x\", %d: \"y\"}" % (rng.randint(-5, 5), rng.randint(6, 9)))
    fn.emit('fmt.Println(%s, cm)' % fn.label("stringerkeys"))
    fn.emit('fmt.Printf("%%s %%v %%d\\n", %s, map[uint8]float64{3: 1.5, 1: -0.25, 200: 1e21}, map[bool]int{true: 1, false: 0})' % fn.label("fmtsort"))


def t_structs(fn):
    rng = fn.rng
    fn.emit("n := Named{Plain: Plain{A: %d, B: %s}, Name: %s, Tags: []string{%s}}"
            % (rng.randint(-128, 127), rng.choice(STRINGS), rng.choice(STRINGS),
               ", ".join(rng.sample(STRINGS, rng.randint(0, 3)))))
    fn.emit('fmt.Printf("%%s %%v|%%+v\\n", %s, n, n)' % fn.label("fmt"))
    fn.emit("n.A++ // promoted field")
    fn.emit("n.C[1] = %d" % rng.randint(0, 65535))
    fn.emit('fmt.Println(%s, n.Describe(), n.Plain.A, n.C)' % fn.label("promoted"))
    fn.emit("m := n")
    fn.emit("m.Name = \"copy\"")
    fn.emit("m.Tags = append(m.Tags, \"new\")")
    fn.emit('fmt.Println(%s, n.Name, m.Name, len(n.Tags), len(m.Tags))' % fn.label("copy"))
    fn.emit("p := Point{%d, %d}" % (rng.randint(-9, 9), rng.randint(-9, 9)))
    fn.emit("pp := &p")
    fn.emit("pp.Scale(%d)" % rng.randint(-3, 3))
    fn.emit("p.Scale(2) // addressable: (&p).Scale")
    fn.emit('fmt.Println(%s, p, *pp, p.Add(*pp), p == *pp, p != Point{})' % fn.label("methods"))
    fn.emit('fmt.Printf("%%s %%v %%+v %%s %%d\\n", %s, p, p, p, p)' % fn.label("stringer"))
    fn.emit("anon := struct{ A int; B []int }{%d, []int{%d}}" % (rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit('fmt.Printf("%%s %%v %%+v\\n", %s, anon, anon)' % fn.label("anon"))
    fn.emit("type local struct { x, y int8; s string }")
    fn.emit("l1 := local{%d, %d, %s}" % (rng.randint(-128, 127), rng.randint(-128, 127), rng.choice(STRINGS)))
    fn.emit("l2 := l1")
    fn.emit("l2.y += %d" % rng.randint(0, 2))
    fn.emit('fmt.Printf("%%s %%v %%+v %%v %%T\\n", %s, l1, l2, l1 == l2, l1)' % fn.label("local"))
    fn.emit("ps := []*Point{{1, 2}, {3, 4}}")
    fn.emit("for _, q := range ps { q.Scale(%d) }" % rng.randint(-2, 3))
    fn.emit('fmt.Println(%s, *ps[0], *ps[1])' % fn.label("ptrslice"))
    fn.emit("var e error = &MyErr{%s, %d}" % (rng.choice(STRINGS), rng.randint(0, 9)))
    fn.emit('fmt.Println(%s, e, Code(%d), Label(%s), Celsius(%s))'
            % (fn.label("named"), rng.randint(-99, 99), rng.choice(STRINGS), rng.choice(["1.5", "-40", "0.1"])))
    fn.emit('fmt.Printf("%%s %%v %%d %%s %%T %%T %%T\\n", %s, Code(7), Code(7), Code(7), Code(7), Label("x"), e)' % fn.label("verbs"))


def t_interfaces(fn):
    rng = fn.rng
    vals = rng.sample(IFACE_VALUES, rng.randint(3, 8))
    fn.emit("vals := []interface{}{%s}" % ", ".join(vals))
    fn.open("for i, v := range vals {")
    fn.open("switch x := v.(type) {")
    fn.emit("case nil:")
    fn.emit('\tfmt.Println(%s, i, "nil")' % fn.label("ts"))
    fn.emit("case int, int8:")
    fn.emit('\tfmt.Printf("%%s %%d int-ish %%v %%T\\n", %s, i, x, x)' % fn.label("ts"))
    fn.emit("case string:")
    fn.emit('\tfmt.Println(%s, i, "string", len(x))' % fn.label("ts"))
    fn.emit("case Shape:")
    fn.emit('\tfmt.Println(%s, i, "shape", x.Kind(), x.Area())' % fn.label("ts"))
    fn.emit("case fmt.Stringer:")
    fn.emit('\tfmt.Println(%s, i, "stringer", x.String())' % fn.label("ts"))
    fn.emit("case error:")
    fn.emit('\tfmt.Println(%s, i, "error", x.Error())' % fn.label("ts"))
    fn.emit("default:")
    fn.emit('\tfmt.Printf("%%s %%d other %%v %%T\\n", %s, i, x, x)' % fn.label("ts"))
    fn.close()
    fn.emit("n, isInt := v.(int)")
    fn.emit("s, isStr := v.(string)")
    fn.emit("_, isShape := v.(Shape)")
    fn.emit('fmt.Println(%s, n, isInt, s, isStr, isShape, v == nil)' % fn.label("assert"))
    fn.close()
    fn.emit("shapes := []Shape{Rect{%d, %d}, &Square{%d}}" % (rng.randint(0, 9), rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("total := 0")
    fn.open("for _, sh := range shapes {")
    fn.emit("total += sh.Area()")
    fn.emit("if sq, ok := sh.(*Square); ok { sq.Grow(%d) }" % rng.randint(1, 5))
    fn.close()
    fn.emit('fmt.Println(%s, total, shapes[1].Area(), shapes[0] == Rect{0, 0})' % fn.label("shapes"))
    a, b = rng.choice(IFACE_VALUES[:4] + ["Rect{1, 1}"]), rng.choice(IFACE_VALUES[:4] + ["Rect{1, 1}"])
    fn.emit("var x, y interface{} = %s, %s" % (a, b))
    fn.emit('fmt.Println(%s, x == y, x != nil)' % fn.label("eq"))
    fn.emit("var err error")
    fn.emit('fmt.Println(%s, err == nil, err)' % fn.label("nilerr"))
    fn.emit("var me *MyErr")
    fn.emit("err = me // a typed nil inside an interface is not nil")
    fn.emit('fmt.Println(%s, err == nil, me == nil)' % fn.label("typednil"))
    fn.emit("var st fmt.Stringer = Code(%d)" % rng.randint(-9, 9))
    fn.emit('fmt.Printf("%%s %%v %%s %%T\\n", %s, st, st, st)' % fn.label("stringer"))


FMT_ARGS = ["42", "-7", "uint8(200)", "int64(-1) << 40", "3.5", "1e-9", "float32(0.1)", '"str"',
            '"héllo"', "'é'", "true", "nil", "[]int{1, -2}", "[]string{\"a\", \"\"}", "[]byte(\"hi\")",
            "[2]bool{true}", "map[string]int{\"b\": 2, \"a\": 1}", "Point{3, -4}", "&Point{1, 1}",
            "Plain{A: -1, B: \"x\", C: [3]uint16{1, 2}}", "&Plain{}", "Code(9)", "Label(\"lab\")",
            "Celsius(-3.25)", "&MyErr{\"fmt\", 3}", "errors.New(\"e\")", "struct{ A, b int }{1, 2}",
            "[]interface{}{1, \"a\", nil}", "Named{Name: \"n\"}", "Rect{1, 2}", "[]Point{{1, 2}}",
            "map[Code]bool{1: true}", "uint64(1) << 63", "-0.0", "int8(-128)"]


FMT_VERBS = ["%v", "%+v", "%#v", "%T", "%d", "%s", "%q", "%x", "%X", "%o", "%b", "%c", "%U", "%e",
             "%f", "%g", "%t", "%5v", "%-8v|", "%08v", "%.2v", "%6.2f", "%+d", "%#x", "%# x", "%+q",
             "%#q", "%x", "%10s|", "%-10q|", "%.1s", "%3c", "%#o", "%O", "%!", "%z", "%%"]


def t_fmt(fn):
    """fmt's verbs on every kind of operand, bad verbs, missing and extra operands included: fmt
    is a large part of what a learner sees, and its error forms (%!d(string=x)) are exact."""
    rng = fn.rng
    for i in range(rng.randint(4, 10)):
        verbs = [rng.choice(FMT_VERBS) for _ in range(rng.randint(1, 3))]
        count = len([v for v in verbs if v != "%%"]) + rng.choice([0, 0, 0, 0, 1, -1])
        args = [rng.choice(FMT_ARGS) for _ in range(max(count, 0))]
        fmt_text = " ".join(verbs).replace("\\", "\\\\").replace('"', '\\"')
        fn.emit('fmt.Printf("%%s %s\\n", %s)' % (fmt_text, ", ".join([fn.label("p%d" % i)] + args)))
    args = rng.sample(FMT_ARGS, 3)
    fn.emit('fmt.Println(%s, %s)' % (fn.label("println"), ", ".join(args)))
    fn.emit('fmt.Print(%s, %s, "\\n")' % (fn.label("print"), ", ".join(args)))
    fn.emit('s := fmt.Sprint(%s) + fmt.Sprintln(%s)' % (", ".join(args), ", ".join(args)))
    fn.emit('fmt.Printf("%%s %%q\\n", %s, s)' % fn.label("sprint"))
    fn.emit('fmt.Printf("%%s %%*d|%%-*d|%%.*f\\n", %s, %d, %d, %d, %d, %d, 3.14159)'
            % (fn.label("star"), rng.randint(-5, 8), rng.randint(-99, 99), rng.randint(0, 6),
               rng.randint(-99, 99), rng.randint(0, 5)))
    fn.emit('fmt.Printf("%%s %%[2]d %%[1]d %%d\\n", %s, %d, %d)' % (fn.label("index"), rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit('err := fmt.Errorf("ctx %%d: %%w", %d, &MyErr{"inner", %d})' % (rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("var me *MyErr")
    fn.emit('fmt.Println(%s, err, errors.Unwrap(err), errors.As(err, &me), me.N, errors.Is(err, err))' % fn.label("wrap"))


def t_library(fn):
    """strconv and strings beyond the basics: bases, quoting, parsing errors, fields, replacing."""
    rng = fn.rng
    n = rng.choice([0, 1, -1, 255, -256, 1 << 40, -(1 << 62), 123456789, 35])
    base = rng.choice([2, 8, 10, 16, 36])
    fn.emit('fmt.Println(%s, strconv.FormatInt(%d, %d), strconv.FormatUint(uint64(%d), %d))'
            % (fn.label("format"), n, base, abs(n), base))
    text = rng.choice(['"ff"', '"-101"', '"0x1f"', '"z"', '"9223372036854775808"', '""', '"+7"', '"1_000"'])
    fn.emit('v, err := strconv.ParseInt(%s, %d, 64)' % (text, rng.choice([0, 2, 10, 16, 36])))
    fn.emit('fmt.Println(%s, v, err)' % fn.label("parseint"))
    fn.emit('u, err := strconv.ParseUint(%s, 10, %d)' % (rng.choice(['"255"', '"256"', '"-1"', '"65535"']), rng.choice([8, 16, 64])))
    fn.emit('fmt.Println(%s, u, err)' % fn.label("parseuint"))
    fn.emit('f, err := strconv.ParseFloat(%s, 64)' % rng.choice(['"1.5"', '"1e400"', '"-0"', '"nan"', '"0x1p-2"', '"abc"', '".5e1"', '"inf"']))
    fn.emit('fmt.Println(%s, f, err)' % fn.label("parsefloat"))
    fn.emit('b, err := strconv.ParseBool(%s)' % rng.choice(['"true"', '"F"', '"1"', '"yes"']))
    fn.emit('fmt.Println(%s, b, err)' % fn.label("parsebool"))
    s = rng.choice(STRINGS)
    fn.emit('s := %s + " " + %s' % (s, rng.choice(STRINGS)))
    fn.emit('fmt.Println(%s, strconv.Quote(s), strconv.QuoteToASCII(s), strconv.QuoteRune(%s))' % (fn.label("quote"), rng.choice(["'x'", "'\\n'", "'世'", "0x1F600", "'\\x00'"])))
    fn.emit('uq, err := strconv.Unquote(%s)' % rng.choice(['"\\"a\\\\tb\\""', '"`raw`"', '"\'x\'"', '"bad"']))
    fn.emit('fmt.Printf("%%s %%q %%v\\n", %s, uq, err)' % fn.label("unquote"))
    fn.emit('fmt.Printf("%%s %%q %%q %%d\\n", %s, strings.Fields(s), strings.SplitN(s, "l", 2), strings.Count(s, "l"))' % fn.label("fields"))
    fn.emit('fmt.Println(%s, strings.Replace(s, "l", "L", %d), strings.ReplaceAll(s, "", "."), strings.HasPrefix(s, "h"), strings.HasSuffix(s, "b"))'
            % (fn.label("replace"), rng.randint(-1, 2)))
    fn.emit('fmt.Println(%s, strings.LastIndex(s, "l"), strings.IndexByte(s, \'o\'), strings.IndexRune(s, \'界\'), strings.EqualFold("Go", "GO"))' % fn.label("index"))
    fn.emit('fmt.Printf("%%s %%q %%q %%q\\n", %s, strings.Trim(s, "ah"), strings.TrimLeft(s, "\\x00h"), strings.TrimPrefix(s, "hé"))' % fn.label("trim"))
    fn.emit('fmt.Println(%s, strings.Map(func(r rune) rune { if r == \'l\' { return -1 }; return r + 1 }, s), strings.ToLower("ÀÉÎ Go"), strings.Title("go gopher"))' % fn.label("map"))
    fn.emit('fmt.Println(%s, strings.Compare(s, "m"), strings.ContainsRune(s, \'é\'), strings.ContainsAny(s, "xyz"), strings.IndexAny(s, "lo"))' % fn.label("misc"))
    fn.emit('bs := strconv.AppendInt([]byte("n="), %d, 10)' % rng.randint(-999, 999))
    fn.emit('bs = strconv.AppendQuote(bs, "q")')
    fn.emit('fmt.Println(%s, string(bs), len(bs))' % fn.label("append"))
    fn.emit('fmt.Println(%s, strings.Repeat("ab", %d), strings.Join(nil, ","), strings.Split("a,b,c", ","))' % (fn.label("repeat"), rng.randint(0, 3)))


# ----------------------------------------------------------------------------------------------
# Constants: untyped integer and float expressions evaluated exactly here (Go's constants are
# exact), so the generator knows each value fits where it is used: a constant that does not fit
# is a compile error, not a test.


def go_quo(a, b):
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def const_int_expr(rng, depth):
    """(text, value) of an untyped integer constant expression."""
    if depth <= 0 or rng.random() < 0.25:
        v = rng.choice([0, 1, 2, 3, 7, 10, 255, 256, 1000, 1 << 31, 1 << 32, 1 << 40, (1 << 63) - 1,
                        1 << 63, 1 << 64, 1 << 70, rng.randint(-1000, 1000), rng.randint(0, 1 << 64)])
        return (str(v) if v >= 0 else "(%d)" % v), v
    op = rng.choice(["+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "&^", "neg", "not"])
    a, av = const_int_expr(rng, depth - 1)
    if op == "neg":
        return "(-%s)" % a, -av
    if op == "not":
        return "(^%s)" % a, ~av
    if op in ("<<", ">>"):
        n = rng.choice([0, 1, 3, 8, 31, 32, 63, 64, 70, 100])
        v = av << n if op == "<<" else av >> n
        return "(%s %s %d)" % (a, op, n), v
    b, bv = const_int_expr(rng, depth - 1)
    if op in ("/", "%") and bv == 0:
        return a, av
    v = {"+": lambda: av + bv, "-": lambda: av - bv, "*": lambda: av * bv,
         "/": lambda: go_quo(av, bv), "%": lambda: av - bv * go_quo(av, bv),
         "&": lambda: av & bv, "|": lambda: av | bv, "^": lambda: av ^ bv,
         "&^": lambda: av & ~bv}[op]()
    return "(%s %s %s)" % (a, op, b), v


def t_const(fn):
    rng = fn.rng
    from fractions import Fraction
    for i in range(rng.randint(3, 8)):
        text, v = const_int_expr(rng, rng.randint(1, 4))
        if abs(v) >= 1 << 300:
            continue
        name = fn.fresh("c")
        fn.emit("const %s = %s" % (name, text))
        if -(1 << 63) <= v < (1 << 63):
            fn.emit('fmt.Println(%s, %s, %s%%7, %s>>3)' % (fn.label(name), name, name, name))
        elif 0 <= v < (1 << 64):
            fn.emit('fmt.Println(%s, uint64(%s), %s%%1000003)' % (fn.label(name), name, name))
        else:
            fn.emit('fmt.Println(%s, float64(%s), %s%%1000003, %s>>%d)'
                    % (fn.label(name), name, name, name, max(v.bit_length() - 40, 0)))
    leaves = [("0.1", Fraction(1, 10)), ("0.2", Fraction(2, 10)), ("0.3", Fraction(3, 10)),
              ("1.0", Fraction(1)), ("3", Fraction(3)), ("1e10", Fraction(10 ** 10)),
              ("1e-10", Fraction(1, 10 ** 10)), ("2.5", Fraction(5, 2)), ("7", Fraction(7))]
    for i in range(rng.randint(1, 4)):
        text, v = rng.choice(leaves)
        for _ in range(rng.randint(1, 5)):
            t2, v2 = rng.choice(leaves)
            op = rng.choice("+-*/")
            if op == "/" and v2 == 0:
                continue
            text, v = "(%s %s %s)" % (text, op, t2), {"+": v + v2, "-": v - v2, "*": v * v2, "/": v / v2 if v2 else v}[op]
        if abs(v) > Fraction(10) ** 300 or (v != 0 and abs(v) < Fraction(1, 10 ** 300)):
            continue
        name = fn.fresh("fc")
        fn.emit("const %s = %s" % (name, text))
        fn.emit('fmt.Println(%s, %s, %s == %s, float32(%s))' % (fn.label(name), name, name,
                                                                 rng.choice(["0.3", "1", "%s * 1" % name]), name))
        if v.denominator == 1 and abs(v) < (1 << 63):
            fn.emit('fmt.Println(%s, int64(%s))' % (fn.label(name + "int"), name))
    k = rng.randint(1, 5)
    fn.emit("const (")
    fn.emit("\ta%d = iota * %d" % (fn.counter, k))
    fn.emit("\tb%d" % fn.counter)
    fn.emit("\t_")
    fn.emit("\td%d = 1 << (iota * %d)" % (fn.counter, rng.randint(1, 15)))
    fn.emit("\te%d" % fn.counter)
    fn.emit(")")
    fn.emit('fmt.Println(%s, a%d, b%d, d%d, e%d)' % ((fn.label("iota"),) + (fn.counter,) * 4))
    t = rng.choice(["int8", "uint8", "int16", "uint16", "int32"])
    lo, hi = type_range(t)
    x = rng.randint(lo, hi)
    fn.emit("const typed %s = %d" % (t, x))
    y = rng.randint(1, 5)
    for op, v in (("+", x + y), ("-", x - y), ("*", x * y), ("/", go_quo(x, y))):
        if lo <= v <= hi:
            fn.emit('fmt.Printf("%%s %%v %%T\\n", %s, typed %s %d, typed %s %d)' % (fn.label("typed" + op), op, y, op, y))
    fn.emit('fmt.Println(%s, ^typed, len("héllo, 世界"), len([3]int{}), \'x\' + 1, string(rune(\'a\' + %d)))'
            % (fn.label("misc"), rng.randint(0, 25)))


def t_alias(fn):
    """Aliasing that Go defines: appends within a known capacity share the array, copies of
    arrays and structs do not, range copies its value, string and []byte conversions copy."""
    rng = fn.rng
    n = rng.randint(0, 4)
    fn.emit("a := make([]int, %d, %d)" % (n, n + rng.randint(2, 5)))
    fn.emit("b := append(a, %d)" % rng.randint(0, 9))
    fn.emit("c := append(a, %d) // same array as b: b's new element changes" % rng.randint(10, 19))
    fn.emit('fmt.Println(%s, a, b, c, len(a), len(b), cap(b) == cap(a))' % fn.label("append"))
    fn.emit("pts := []Point{{1, 2}, {3, 4}, {5, 6}}")
    fn.emit("for _, p := range pts { p.X = 100 } // a copy")
    fn.emit("for i := range pts { pts[i].Y *= %d }" % rng.randint(-3, 3))
    fn.emit("q := &pts[%d]" % rng.randint(0, 2))
    fn.emit("q.Scale(%d)" % rng.randint(-2, 3))
    fn.emit('fmt.Println(%s, pts, *q)' % fn.label("range"))
    fn.emit("type holder struct { arr [3]int; sl []int; m map[string]int; p *Point }")
    fn.emit('h1 := holder{[3]int{1, 2, 3}, []int{1, 2, 3}, map[string]int{"k": 1}, &Point{1, 1}}')
    fn.emit("h2 := h1")
    fn.emit("h2.arr[0] = %d" % rng.randint(10, 99))
    fn.emit("h2.sl[0] = %d" % rng.randint(10, 99))
    fn.emit('h2.m["k"] = %d' % rng.randint(10, 99))
    fn.emit("h2.p.X = %d" % rng.randint(10, 99))
    fn.emit('fmt.Println(%s, h1.arr, h1.sl, h1.m, *h1.p, h2.arr, h2.sl, h2.m, *h2.p)' % fn.label("holder"))
    fn.emit("str := %s" % rng.choice(STRINGS))
    fn.emit("bs := []byte(str)")
    fn.emit("if len(bs) > 0 { bs[0] = 'X' }")
    fn.emit("rs := []rune(str)")
    fn.emit("if len(rs) > 0 { rs[len(rs)-1] = 'Ω' }")
    fn.emit('fmt.Printf("%%s %%q %%q %%q\\n", %s, str, bs, string(rs))' % fn.label("convcopy"))
    fn.emit("grid := [2][]int{{1, 2}, {3}}")
    fn.emit("g2 := grid")
    fn.emit("g2[0][0] = %d" % rng.randint(10, 99))
    fn.emit("g2[1] = append(g2[1], 4)")
    fn.emit('fmt.Println(%s, grid, g2)' % fn.label("arrayofslices"))
    fn.emit("ms := map[string][]int{}")
    fn.emit('ms["a"] = append(ms["a"], 1, 2)')
    fn.emit('ms["a"][0] = %d' % rng.randint(10, 99))
    fn.emit("mp := map[string]Point{\"p\": {1, 2}}")
    fn.emit('pv := mp["p"]')
    fn.emit("pv.X = %d" % rng.randint(10, 99))
    fn.emit('fmt.Println(%s, ms, mp, pv)' % fn.label("mapvalues"))
    fn.emit("del := map[int]bool{1: true, 2: true, 3: false, 4: true}")
    fn.emit("for k := range del { if k%2 == 0 { delete(del, k) } } // deleting while ranging is defined")
    fn.emit('fmt.Println(%s, del, len(del))' % fn.label("delete"))
    fn.emit("sl := []int{%s}" % ", ".join(str(rng.randint(0, 9)) for _ in range(6)))
    fn.emit("copy(sl[%d:], sl)" % rng.randint(0, 5))
    lo = rng.randint(0, 2)
    fn.emit("sl2 := sl[%d:%d]" % (lo, rng.randint(lo + 2, 6)))
    fn.emit("sl2 = append(sl2[:1], sl2[2:]...)")
    fn.emit('fmt.Println(%s, sl, sl2)' % fn.label("shift"))


def t_churn(fn):
    """Many operations driven by a generator inside the program (an LCG: deterministic, and
    unlike anything the template spells out), ending in checksums: map growth and shrinking with
    deletes and re-inserts, slices appended and cut, strings built, pointers kept and dropped
    while the collector runs."""
    rng = fn.rng
    ops = rng.choice([500, 2000, 10000, 30000])
    keys = rng.choice([16, 200, 5000, 100000])
    fn.emit("seed := uint32(%d)" % rng.randint(1, 1 << 31))
    fn.emit("next := func(n int) int { seed = seed*1664525 + 1013904223; return int(seed>>8) % n }")
    kind = rng.randint(0, 3)
    if kind == 0:
        kt, vt = rng.choice([("int", "int"), ("string", "int"), ("int64", "string"), ("Point", "int"), ("[2]int", "[]int"), ("interface{}", "int")])
        key = {"int": "next(%d)" % keys, "string": "strconv.Itoa(next(%d))" % keys, "int64": "int64(next(%d)) << 33" % keys,
               "Point": "Point{next(%d), next(3)}" % keys, "[2]int": "[2]int{next(%d), 1}" % keys,
               "interface{}": "func() interface{} { if next(2) == 0 { return next(%d) }; return strconv.Itoa(next(%d)) }()" % (keys, keys)}[kt]
        val = {"int": "next(1000)", "string": "strings.Repeat(\"x\", next(5))", "[]int": "make([]int, next(4))"}[vt]
        fn.emit("m := map[%s]%s{}" % (kt, vt))
        fn.emit("hits, sum := 0, 0")
        fn.open("for i := 0; i < %d; i++ {" % ops)
        fn.open("switch next(%d) {" % rng.choice([3, 4, 6]))
        fn.emit("case 0, 3:\n\tm[%s] = %s" % (key, val))
        fn.emit("case 1:\n\tdelete(m, %s)" % key)
        fn.emit("case 2:\n\tif v, ok := m[%s]; ok { hits++; sum += len(fmt.Sprint(v)) }" % key)
        fn.emit("default:\n\tsum += len(m)")
        fn.close()
        fn.close()
        fn.emit("total := 0")
        fn.emit("for k, v := range m { total += len(fmt.Sprint(k)) + len(fmt.Sprint(v)) }")
        fn.emit('fmt.Println(%s, len(m), hits, sum, total)' % fn.label("map"))
    elif kind == 1:
        fn.emit("var s []int")
        fn.emit("sum := 0")
        fn.open("for i := 0; i < %d; i++ {" % ops)
        fn.open("switch next(5) {")
        fn.emit("case 0, 1:\n\ts = append(s, next(100))")
        fn.emit("case 2:\n\tif len(s) > 0 { k := next(len(s)); s = append(s[:k], s[k+1:]...) }")
        fn.emit("case 3:\n\tif len(s) > 1 { a, b := next(len(s)), next(len(s)); if a > b { a, b = b, a }; t := make([]int, b-a); copy(t, s[a:b]); s = append(s, t...) }")
        fn.emit("case 4:\n\tif len(s) > 0 { sum += s[next(len(s))] }")
        fn.close()
        fn.emit("if len(s) > %d { s = s[len(s)/2:] }" % rng.choice([50, 1000, 20000]))
        fn.close()
        fn.emit("for _, v := range s { sum = sum*31 + v }")
        fn.emit('fmt.Println(%s, len(s), sum)' % fn.label("slice"))
    elif kind == 2:
        fn.emit("var b strings.Builder")
        fn.emit("words := []string{}")
        fn.open("for i := 0; i < %d; i++ {" % (ops // 10 + 1))
        fn.emit("w := strconv.FormatInt(int64(next(1<<20)), 36)")
        fn.emit("if next(3) == 0 { w = strings.ToUpper(w) + \"é\" }")
        fn.emit("words = append(words, w)")
        fn.emit("b.WriteString(w)")
        fn.close()
        fn.emit("sort.Strings(words)")
        fn.emit("joined := strings.Join(words, \",\")")
        fn.emit("h := 0")
        fn.emit("for _, r := range b.String() + joined { h = h*131 + int(r) }")
        fn.emit('fmt.Println(%s, len(words), b.Len(), len(joined), h, words[0], words[len(words)-1])' % fn.label("strings"))
    else:
        fn.emit("type node struct { v int; next *node; data []byte }")
        fn.emit("keep := make([]*node, %d)" % rng.choice([1, 10, 100]))
        fn.open("for i := 0; i < %d; i++ {" % ops)
        fn.emit("n := &node{v: next(1000), data: make([]byte, next(64))}")
        fn.emit("k := next(len(keep))")
        fn.emit("if next(2) == 0 { n.next = keep[k] }")
        fn.emit("keep[k] = n")
        fn.close()
        fn.emit("total, count := 0, 0")
        fn.open("for _, n := range keep {")
        fn.emit("for ; n != nil && count < 1000000; n = n.next { total += n.v + len(n.data); count++ }")
        fn.close()
        fn.emit('fmt.Println(%s, total, count)' % fn.label("graph"))
