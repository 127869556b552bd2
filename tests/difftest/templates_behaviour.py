"""templates_behaviour: gen.py's templates about behaviour: closures, defer, panics,
goroutines and their handoffs, generics, calls and their results, order of evaluation, types
with methods. Each writes one test function's body from fn's random stream."""

from gencore import *  # noqa: F401,F403 (Func's vocabulary: expressions, value lists, KNOWN)


def t_closures(fn):
    rng = fn.rng
    start, step = rng.randint(-5, 5), rng.randint(1, 4)
    fn.emit("counter := func(start int) func() int {")
    fn.emit("\tc := start")
    fn.emit("\treturn func() int { c += %d; return c }" % step)
    fn.emit("}(%d)" % start)
    fn.emit('fmt.Println(%s, counter(), counter(), counter())' % fn.label("counter"))
    fn.emit("x := %d" % rng.randint(0, 10))
    fn.emit("add := func(d int) { x += d }")
    fn.emit("get := func() int { return x * 2 }")
    fn.emit("add(%d); add(%d)" % (rng.randint(-3, 3), rng.randint(-3, 3)))
    fn.emit('fmt.Println(%s, x, get())' % fn.label("shared"))
    n = rng.randint(1, 5)
    fn.emit("var fs []func() int")
    fn.open("for i := 0; i < %d; i++ {" % n)
    fn.emit("i := i // one variable per iteration under every Go version")
    fn.emit("fs = append(fs, func() int { return i * %d + x })" % rng.randint(1, 9))
    fn.close()
    fn.emit("x = %d" % rng.randint(0, 100))
    fn.open("for _, f := range fs {")
    fn.emit('fmt.Println(%s, f())' % fn.label("loop"))
    fn.close()
    fn.emit("var fib func(int) int")
    fn.emit("fib = func(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }")
    fn.emit('fmt.Println(%s, fib(%d))' % (fn.label("fib"), rng.randint(0, 18)))
    fn.emit("compose := func(f, g func(int) int) func(int) int { return func(v int) int { return g(f(v)) } }")
    fn.emit("h := compose(func(v int) int { return v + %d }, func(v int) int { return v * %d })"
            % (rng.randint(-5, 5), rng.randint(-5, 5)))
    fn.emit('fmt.Println(%s, h(%d), h(h(%d)))' % (fn.label("compose"), rng.randint(-9, 9), rng.randint(-9, 9)))
    fn.emit("p := Point{%d, %d}" % (rng.randint(-9, 9), rng.randint(-9, 9)))
    fn.emit("bound := p.Add // a method value copies p now")
    fn.emit("p.X = 100")
    fn.emit("scale := p.Scale")
    fn.emit("scale(%d)" % rng.randint(-3, 3))
    fn.emit('fmt.Println(%s, bound(Point{1, 1}), p, Point.Add(p, p))' % fn.label("method"))


def t_defer(fn):
    rng = fn.rng
    k = rng.randint(1, 5)
    fn.emit("f := func() (r int) {")
    fn.emit("\tdefer func() { r = r*%d + 1 }()" % rng.randint(-3, 3))
    fn.emit("\tx := %d" % rng.randint(0, 9))
    fn.emit('\tdefer fmt.Println(%s, x) // the argument is evaluated now' % fn.label("arg"))
    fn.emit("\tx += %d" % rng.randint(1, 9))
    fn.emit("\tfor i := 0; i < %d; i++ {" % k)
    fn.emit('\t\tdefer fmt.Println(%s, i)' % fn.label("loop"))
    fn.emit("\t}")
    fn.emit("\tdefer func() { fmt.Println(%s, x) }() // the closure sees the last x" % fn.label("closure"))
    fn.emit("\tx *= 2")
    fn.emit("\treturn x")
    fn.emit("}")
    fn.emit('fmt.Println(%s, f())' % fn.label("result"))
    fn.emit("g := func() (s string, err error) {")
    fn.emit("\tdefer func() {")
    fn.emit("\t\tif r := recover(); r != nil {")
    fn.emit('\t\t\terr = fmt.Errorf("wrapped: %v", r)')
    fn.emit('\t\t\ts = "recovered"')
    fn.emit("\t\t}")
    fn.emit("\t}()")
    fn.emit("\tif %s {" % rng.choice(["true", "false"]))
    fn.emit('\t\tpanic(%s)' % rng.choice(['"bad"', "42", "Code(5)", "&MyErr{\"x\", 1}", "Label(\"l\")"]))
    fn.emit("\t}")
    fn.emit('\treturn "normal", nil')
    fn.emit("}")
    fn.emit("s, err := g()")
    fn.emit('fmt.Println(%s, s, err)' % fn.label("named"))
    fn.emit("h := func() {")
    fn.emit("\tdefer func() { fmt.Println(%s, recover()) }()" % fn.label("outer"))
    fn.emit("\tdefer func() {")
    fn.emit("\t\tdefer func() { fmt.Println(%s, recover()) }()" % fn.label("inner"))
    fn.emit('\t\tpanic("second")')
    fn.emit("\t}()")
    fn.emit('\tpanic("first")')
    fn.emit("}")
    fn.emit("h()")
    fn.emit('fmt.Println(%s, recover()) // not panicking: nil' % fn.label("none"))


def t_panics(fn):
    rng = fn.rng
    for name, body in rng.sample(panics(), rng.randint(2, 6)):
        n = rng.randint(0, 9)
        fn.emit("try(%s, func() {" % fn.label(name))
        fn.emit("\t" + body % {"n": n})
        fn.emit("})")


def t_goroutines(fn):
    rng = fn.rng
    kind = rng.randint(0, 8)
    n = rng.randint(1, 8)
    mul = rng.randint(1, 9)
    if kind == 0:
        fn.emit("type result struct{ i, v int }")
        fn.emit("ch := make(chan result%s)" % rng.choice(["", ", 3", ", %d" % n]))
        fn.open("for i := 0; i < %d; i++ {" % n)
        fn.emit("go func(i int) { ch <- result{i, i * i * %d} }(i)" % mul)
        fn.close()
        fn.emit("out := make([]int, %d)" % n)
        fn.emit("for k := 0; k < %d; k++ { r := <-ch; out[r.i] = r.v }" % n)
        fn.emit('fmt.Println(%s, out)' % fn.label("slots"))
    elif kind == 1:
        fn.emit("var wg sync.WaitGroup")
        fn.emit("res := make([]string, %d)" % n)
        fn.open("for i := 0; i < %d; i++ {" % n)
        fn.emit("wg.Add(1)")
        fn.emit("go func(i int) {")
        fn.emit("\tdefer wg.Done()")
        fn.emit("\tres[i] = strings.Repeat(string(rune('a'+i)), i%3+1)")
        fn.emit("}(i)")
        fn.close()
        fn.emit("wg.Wait()")
        fn.emit('fmt.Println(%s, res, len(res))' % fn.label("waitgroup"))
    elif kind == 2:
        fn.emit("gen := func(n int) <-chan int {")
        fn.emit("\tc := make(chan int)")
        fn.emit("\tgo func() { defer close(c); for i := 0; i < n; i++ { c <- i } }()")
        fn.emit("\treturn c")
        fn.emit("}")
        fn.emit("sq := func(in <-chan int) <-chan int {")
        fn.emit("\tc := make(chan int, %d)" % rng.randint(0, 3))
        fn.emit("\tgo func() { defer close(c); for v := range in { c <- v * %d } }()" % mul)
        fn.emit("\treturn c")
        fn.emit("}")
        fn.emit("for v := range sq(sq(gen(%d))) { fmt.Println(%s, v) }" % (n, fn.label("pipeline")))
    elif kind == 3:
        cap_ = rng.randint(1, 5)
        fn.emit("c := make(chan string, %d)" % cap_)
        for i in range(rng.randint(0, cap_)):
            fn.emit('c <- %s' % rng.choice(STRINGS))
        fn.emit('fmt.Println(%s, len(c), cap(c))' % fn.label("buffered"))
        fn.emit("close(c)")
        fn.emit("for s := range c { fmt.Printf(\"%%s %%q\\n\", %s, s) }" % fn.label("drain"))
        fn.emit("v, ok := <-c")
        fn.emit('fmt.Printf("%%s %%q %%v\\n", %s, v, ok)' % fn.label("closed"))
    elif kind == 4:
        fn.emit("a := make(chan int, 1)")
        fn.emit("b := make(chan int, 1)")
        fn.emit("var nilc chan int")
        fn.emit("%s <- %d" % (rng.choice(["a", "b"]), rng.randint(0, 99)))
        fn.open("select {")
        fn.emit('case v := <-a:\n\tfmt.Println(%s, "a", v)' % fn.label("select"))
        fn.emit('case v := <-b:\n\tfmt.Println(%s, "b", v)' % fn.label("select"))
        fn.emit('case v := <-nilc:\n\tfmt.Println(%s, "nil", v)' % fn.label("select"))
        fn.close()
        fn.open("select {")
        fn.emit('case v := <-a:\n\tfmt.Println(%s, "a", v)' % fn.label("again"))
        fn.emit('case nilc <- 1:\n\tfmt.Println(%s, "sent to nil")' % fn.label("again"))
        fn.emit('default:\n\tfmt.Println(%s, "default")' % fn.label("again"))
        fn.close()
        fn.emit("done := make(chan struct{})")
        fn.emit("go func() { defer close(done); b <- 5 }()")
        fn.emit("<-done")
        fn.emit("select { case v, ok := <-b: fmt.Println(%s, v, ok) }" % fn.label("after"))
    elif kind == 5:
        fn.emit("var mu sync.Mutex")
        fn.emit("var wg sync.WaitGroup")
        fn.emit("total := 0")
        fn.emit("counts := map[int]int{}")
        fn.open("for i := 0; i < %d; i++ {" % n)
        fn.emit("wg.Add(1)")
        fn.emit("go func(i int) {")
        fn.emit("\tdefer wg.Done()")
        fn.emit("\tfor k := 0; k < %d; k++ {" % rng.randint(1, 50))
        fn.emit("\t\tmu.Lock()")
        fn.emit("\t\ttotal += i*%d + k" % mul)
        fn.emit("\t\tcounts[i%3]++")
        fn.emit("\t\tmu.Unlock()")
        fn.emit("\t}")
        fn.emit("}(i)")
        fn.close()
        fn.emit("wg.Wait()")
        fn.emit('fmt.Println(%s, total, counts)' % fn.label("mutex"))
    elif kind == 7:
        # a ring of goroutines, each adding its index to what passes through
        fn.emit("first := make(chan int)")
        fn.emit("in := first")
        fn.open("for i := 0; i < %d; i++ {" % rng.choice([1, 10, 100, 300]))
        fn.emit("out := make(chan int%s)" % rng.choice(["", ", 1"]))
        fn.emit("go func(in <-chan int, out chan<- int, i int) { for v := range in { out <- v + i }; close(out) }(in, out, i)")
        fn.emit("in = out")
        fn.close()
        fn.emit("go func() { for k := 0; k < %d; k++ { first <- k * %d }; close(first) }()" % (n, mul))
        fn.emit("var got []int")
        fn.emit("for v := range in { got = append(got, v) }")
        fn.emit('fmt.Println(%s, got)' % fn.label("ring"))
    elif kind == 8:
        fn.emit("var mu sync.Mutex")
        fn.emit("cond := sync.NewCond(&mu)")
        fn.emit("var wg sync.WaitGroup")
        fn.emit("ready := 0")
        fn.emit("results := make([]int, %d)" % n)
        fn.open("for i := 0; i < %d; i++ {" % n)
        fn.emit("wg.Add(1)")
        fn.emit("go func(i int) {")
        fn.emit("	defer wg.Done()")
        fn.emit("	mu.Lock()")
        fn.emit("	for ready == 0 { cond.Wait() }")
        fn.emit("	results[i] = i * ready")
        fn.emit("	mu.Unlock()")
        fn.emit("}(i)")
        fn.close()
        fn.emit("mu.Lock()")
        fn.emit("ready = %d" % mul)
        fn.emit("cond.Broadcast()")
        fn.emit("mu.Unlock()")
        fn.emit("wg.Wait()")
        fn.emit('fmt.Println(%s, results)' % fn.label("cond"))
    else:
        fn.emit("jobs := make(chan int, %d)" % n)
        fn.emit("results := make(chan [2]int, %d)" % n)
        fn.emit("var wg sync.WaitGroup")
        fn.open("for w := 0; w < %d; w++ {" % rng.randint(1, 4))
        fn.emit("wg.Add(1)")
        fn.emit("go func() {")
        fn.emit("\tdefer wg.Done()")
        fn.emit("\tfor j := range jobs { results <- [2]int{j, j * %d %% 7} }" % mul)
        fn.emit("}()")
        fn.close()
        fn.emit("for j := 0; j < %d; j++ { jobs <- j }" % n)
        fn.emit("close(jobs)")
        fn.emit("go func() { wg.Wait(); close(results) }()")
        fn.emit("got := make([]int, %d)" % n)
        fn.emit("count := 0")
        fn.emit("for r := range results { got[r[0]] = r[1]; count++ }")
        fn.emit('fmt.Println(%s, got, count)' % fn.label("pool"))
        fn.emit("var once sync.Once")
        fn.emit("for i := 0; i < 3; i++ { once.Do(func() { fmt.Println(%s) }) }" % fn.label("once"))


def t_generics(fn):
    rng = fn.rng
    t = rng.choice(["int", "int8", "uint16", "float64", "int64", "uint8"])
    vals = [str(rng.randint(0, 100)) for _ in range(rng.randint(0, 6))]
    fn.emit("xs := []%s{%s}" % (t, ", ".join(vals)))
    fn.emit('fmt.Println(%s, Sum(xs), len(xs))' % fn.label("sum"))
    fn.emit("ys := Map(xs, func(x %s) string { return fmt.Sprint(x * 3) })" % t)
    fn.emit('fmt.Printf("%%s %%q\\n", %s, ys)' % fn.label("map"))
    fn.emit('fmt.Println(%s, MaxOf[%s](%d, xs...), MaxOf("b", "a", "c"), MaxOf(Code(%d), Code(%d)))'
            % (fn.label("max"), t, rng.randint(0, 50), rng.randint(-5, 5), rng.randint(-5, 5)))
    fn.emit('fmt.Println(%s, Reduce(xs, "", func(a string, x %s) string { return a + "," + fmt.Sprint(x) }))'
            % (fn.label("reduce"), t))
    fn.emit("var st Stack[Pair[string, %s]]" % t)
    fn.emit("for i, x := range xs { st.Push(Pair[string, %s]{strconv.Itoa(i), x}) }" % t)
    fn.emit("top, ok := st.Pop()")
    fn.emit('fmt.Printf("%%s %%v %%+v %%v %%d\\n", %s, top, top, ok, st.Len())' % fn.label("stack"))
    fn.emit("swap := func(p Pair[string, %s]) Pair[%s, string] { return Pair[%s, string]{p.Val, p.Key} }" % (t, t, t))
    fn.emit('fmt.Printf("%%s %%v %%T\\n", %s, swap(top), top)' % fn.label("pair"))
    fn.emit("cs := []Celsius{%s}" % ", ".join(rng.choice(["1.5", "-2", "100", "0.1", "0.2"]) for _ in range(3)))
    fn.emit('fmt.Println(%s, Sum(cs), MaxOf(cs[0], cs[1:]...))' % fn.label("named"))


def t_funcs(fn):
    """Multiple results, variadic calls, method expressions, embedded interfaces and pointers,
    function values compared with nil, recursion over slices."""
    rng = fn.rng
    fn.emit("divmod := func(a, b int) (q, r int) { q = a / b; r = a % b; return }")
    a, b = rng.randint(-50, 50), rng.choice([-7, -3, -1, 1, 2, 5, 9])
    fn.emit("q, r := divmod(%d, %d)" % (a, b))
    fn.emit('fmt.Println(%s, q, r)' % fn.label("divmod"))
    fn.emit("sum := func(base int, xs ...int) int { for _, x := range xs { base += x }; return base + len(xs) }")
    xs = ", ".join(str(rng.randint(-9, 9)) for _ in range(rng.randint(0, 4)))
    fn.emit("nums := []int{%s}" % xs)
    fn.emit('fmt.Println(%s, sum(%d), sum(1, %d, %d), sum(0, nums...), sum(0, nums[:0]...))'
            % (fn.label("variadic"), rng.randint(0, 9), rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("area := Rect.Area")
    fn.emit("grow := (*Square).Grow")
    fn.emit("sq := &Square{%d}" % rng.randint(0, 9))
    fn.emit("grow(sq, %d)" % rng.randint(-3, 3))
    if "interface_method_expression" in KNOWN:
        fn.emit("kind := func(s Shape) string { return s.Kind() }")
    else:
        fn.emit("kind := Shape.Kind")
    fn.emit('fmt.Println(%s, area(Rect{%d, %d}), sq.S, kind(sq), kind(Rect{}))' % (fn.label("methodexpr"), rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("type named interface { Shape; fmt.Stringer }")
    fn.emit("type box struct { *Square; Point }")
    fn.emit("bx := box{&Square{%d}, Point{%d, %d}}" % (rng.randint(0, 9), rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("var nm named = bx // Area, Kind through *Square, String through Point")
    fn.emit("bx.Grow(%d) // shared: the interface holds a copy of box, with the same *Square" % rng.randint(1, 4))
    fn.emit('fmt.Println(%s, nm.Area(), nm.Kind(), nm.String(), bx.S, bx.X)' % fn.label("embedded"))
    fn.emit("var f func(int) int")
    fn.emit('fmt.Println(%s, f == nil)' % fn.label("nilfunc"))
    fn.emit("f = func(n int) int { if n <= 1 { return 1 }; return n * f(n-1) }")
    fn.emit('fmt.Println(%s, f(%d), f == nil)' % (fn.label("fact"), rng.randint(0, 25)))
    if "return_swapped_parameters" in KNOWN:
        fn.emit("swap := func(a, b string) (c, d string) { return b, a }")
    else:
        fn.emit("swap := func(a, b string) (string, string) { return b, a }")
    fn.emit('x, y := swap(%s, %s)' % (rng.choice(STRINGS), rng.choice(STRINGS)))
    fn.emit("x, y = y+x, x")
    fn.emit('fmt.Printf("%%s %%q %%q\\n", %s, x, y)' % fn.label("swap"))
    fn.emit("arr := []int{%s}" % ", ".join(str(rng.randint(0, 9)) for _ in range(5)))
    fn.emit("i := %d" % rng.randint(0, 3))
    fn.emit("i, arr[i] = arr[i], i // index evaluated first, assignments left to right")
    fn.emit('fmt.Println(%s, i, arr)' % fn.label("parallel"))
    fn.emit("p := &arr[%d]" % rng.randint(0, 4))
    fn.emit("*p += 100")
    fn.emit("ps := &Point{%d, %d}" % (rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("pp := &ps")
    fn.emit("(*pp).Y = -1")
    fn.emit('fmt.Println(%s, arr, *ps, ps.Add(**pp), *p)' % fn.label("pointers"))


def t_handoff(fn):
    """Goroutines that print, ordered only by channel handoffs: the output is fixed by the
    happens-before edges, so any interleaving that breaks them is a scheduler bug."""
    rng = fn.rng
    rounds = rng.randint(1, 6)
    fn.emit("ping, pong := make(chan int), make(chan int)")
    fn.emit("done := make(chan bool)")
    fn.emit("go func() {")
    fn.emit("\tfor v := range ping {")
    fn.emit('\t\tfmt.Println(%s, v)' % fn.label("pong"))
    fn.emit("\t\tpong <- v * %d" % rng.randint(2, 5))
    fn.emit("\t}")
    fn.emit("\tclose(pong)")
    fn.emit("\tdone <- true")
    fn.emit("}()")
    fn.open("for i := 0; i < %d; i++ {" % rounds)
    fn.emit('fmt.Println(%s, i)' % fn.label("ping"))
    fn.emit("ping <- i")
    fn.emit('fmt.Println(%s, <-pong)' % fn.label("back"))
    fn.close()
    fn.emit("close(ping)")
    fn.emit("_, ok := <-pong")
    fn.emit('fmt.Println(%s, ok, <-done)' % fn.label("closed"))
    fn.emit("chain := make([]chan string, %d)" % (rng.randint(1, 6) + 1))
    fn.emit("for i := range chain { chain[i] = make(chan string%s) }" % rng.choice(["", ", 1"]))
    fn.open("for i := 0; i < len(chain)-1; i++ {")
    fn.emit("go func(i int) { s := <-chain[i]; chain[i+1] <- s + strconv.Itoa(i) }(i)")
    fn.close()
    fn.emit('chain[0] <- "x"')
    fn.emit('fmt.Println(%s, <-chain[len(chain)-1])' % fn.label("chain"))
    fn.emit("var mu sync.Mutex")
    fn.emit("mu.Lock()")
    fn.emit("got := make(chan string)")
    fn.emit('go func() { mu.Lock(); got <- "locked after unlock"; mu.Unlock() }()')
    fn.emit('fmt.Println(%s, "holding")' % fn.label("mutex"))
    fn.emit("mu.Unlock()")
    fn.emit('fmt.Println(%s, <-got)' % fn.label("mutex"))
    fn.emit("var rw sync.RWMutex")
    fn.emit("rw.RLock()")
    fn.emit("rw.RLock() // readers share")
    fn.emit("rw.RUnlock()")
    fn.emit("rw.RUnlock()")
    fn.emit("rw.Lock()")
    fn.emit('fmt.Println(%s, "writer")' % fn.label("rwmutex"))
    fn.emit("rw.Unlock()")
    fn.emit("results := make(chan int, %d)" % rounds)
    fn.emit("var wg sync.WaitGroup")
    fn.open("for i := 0; i < %d; i++ {" % rounds)
    fn.emit("wg.Add(1)")
    fn.emit("go func(n int) { defer wg.Done(); results <- n * n }(i)")
    fn.close()
    fn.emit("wg.Wait()")
    fn.emit("close(results)")
    fn.emit("total := 0")
    fn.emit("for v := range results { total += v }")
    fn.emit('fmt.Println(%s, total, len(results))' % fn.label("sum"))


def t_order(fn):
    """Go's order of evaluation: calls, method calls and receives happen left to right; the
    index operands on the left of an assignment before the right; op= and ++ read their operand
    once; && and || short-circuit. Every call here logs itself, and only calls change state."""
    rng = fn.rng
    fn.emit("var trace []string")
    fn.emit("tick := func(tag string, v int) int { trace = append(trace, tag+strconv.Itoa(v)); return v }")
    fn.emit("flush := func(what string) { fmt.Println(%s, what, strings.Join(trace, \" \")); trace = trace[:0] }" % fn.label("order"))
    fn.emit("arr := make([]int, 8)")
    fn.emit("m := map[int]int{}")

    def call(v=None):
        return 'tick("%s", %d)' % (rng.choice("abcdefgh"), rng.randint(0, 7) if v is None else v)

    forms = [
        lambda: "x := %s + %s*%s - %s\n_ = x" % (call(), call(), call(), call()),
        lambda: "arr[%s] = %s" % (call(), call()),
        lambda: "arr[%s] += %s" % (call(), call()),
        lambda: "arr[%s]++" % call(),
        lambda: "m[%s] = %s" % (call(), call()),
        lambda: "m[%s] -= %s" % (call(), call()),
        lambda: "arr[%s], arr[%s] = %s, %s" % (call(), call(), call(), call()),
        lambda: "_ = []int{%s, %s, %s}" % (call(), call(), call()),
        lambda: "_ = map[int]int{%s: %s, %s + 10: %s}" % (call(), call(), call(), call()),
        lambda: "_ = %s > 3 && %s > 3 || %s < 2" % (call(), call(), call()),
        lambda: "fmt.Println(%s, %s, %s)" % (fn.label("args"), call(), call()),
        lambda: "_ = Point{%s, %s}.Add(Point{%s, %s})" % (call(), call(), call(), call()),
        lambda: "_ = func(a, b int) int { return a - b }(%s, %s)" % (call(), call()),
        lambda: "if v := %s; v > 3 { _ = %s } else { _ = %s }" % (call(), call(), call()),
        lambda: "switch %s { case %s, %s: _ = 1; case %s: _ = 2 }" % (call(3), call(1), call(3), call(3)),
        lambda: "for k := %s; k < %s; k++ { _ = %s }" % (call(0), call(2), call()),
        lambda: "ch := make(chan int, 2)\nch <- %s\nch <- %s + <-ch\n_ = <-ch" % (call(), call()),
        lambda: "func() { defer fmt.Println(%s, %s); _ = %s }()" % (fn.label("deferarg"), call(), call()),
        lambda: "_ = arr[%s:%s]" % (call(1), call(3)),
        lambda: "_ = fmt.Sprint(%s) + fmt.Sprint(%s)" % (call(), call()),
    ]
    for i in range(rng.randint(4, 12)):
        fn.emit("{")
        fn.emit("\t" + rng.choice(forms)().replace("\n", "\n\t"))
        fn.emit("}")
        fn.emit('flush("%d")' % i)
    fn.emit('fmt.Println(%s, arr, m)' % fn.label("state"))
    fn.emit("p := Point{%d, %d}" % (rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("p.X, p.Y = p.Y, p.X")
    fn.emit("a, b, c := %d, %d, %d" % (rng.randint(0, 9), rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("a, b, c = c, a, b")
    fn.emit("arr[0], arr[1], arr[2] = arr[2], arr[0], arr[1]")
    fn.emit("i := 1")
    fn.emit("i, arr[i] = arr[i]+2, i")
    fn.emit("x, y := 1, 2")
    fn.emit("x, y = y, x+y")
    fn.emit("s := []string{%s, %s}" % (rng.choice(STRINGS), rng.choice(STRINGS)))
    fn.emit("s[0], s[1] = s[1]+s[0], s[0]")
    fn.emit('fmt.Println(%s, p, a, b, c, arr, i, x, y, s)' % fn.label("parallel"))


def t_multi(fn):
    """Several results: forwarded (return f()), spread into a call (g(f())), assigned to
    existing variables and to index expressions, discarded with _, named and changed by defer."""
    rng = fn.rng
    # Results are named while finding 003 stands: unnamed results that permute the parameters
    # come back clobbered.
    named = "return_swapped_parameters" in KNOWN
    res = lambda *ts: "(%s)" % ", ".join(("r%d %s" % (i, t)) if named else t for i, t in enumerate(ts))
    fn.emit("rot := func(a, b, c int) %s { return b, c, a }" % res("int", "int", "int"))
    fn.emit("mix := func(n int, s string) %s { return s + strconv.Itoa(n), n * 2, len(s) > n }" % res("string", "int", "bool"))
    fn.emit("fwd := func(a, b, c int) %s { return rot(a, b, c) }" % res("int", "int", "int"))
    fn.emit("sum3 := func(a, b, c int) int { return a*100 + b*10 + c }")
    a, b, c = rng.randint(0, 9), rng.randint(0, 9), rng.randint(0, 9)
    fn.emit("x, y, z := rot(%d, %d, %d)" % (a, b, c))
    fn.emit('fmt.Println(%s, x, y, z, sum3(rot(x, y, z)), sum3(fwd(z, y, x)))' % fn.label("rot"))
    fn.emit("x, y, z = rot(z, x, y)")
    fn.emit("arr := []int{0, 0, 0}")
    fn.emit("arr[0], _, arr[2] = fwd(x, y, z)")
    fn.emit('fmt.Println(%s, x, y, z, arr)' % fn.label("assign"))
    fn.emit('s, n, ok := mix(%d, %s)' % (rng.randint(0, 9), rng.choice(STRINGS)))
    fn.emit('fmt.Printf("%%s %%q %%d %%v\\n", %s, s, n, ok)' % fn.label("mix"))
    fn.emit('fmt.Println(mix(%d, %s))' % (rng.randint(0, 9), rng.choice(STRINGS)))
    fn.emit("counted := func(k int) (n int, err error) {")
    fn.emit("\tdefer func() { if err != nil { n = -n } }()")
    fn.emit("\tfor i := 0; i < k; i++ { n += i }")
    fn.emit('\tif k%2 == 1 { err = fmt.Errorf("odd %d", k) }')
    fn.emit("\treturn n * 2, err")
    fn.emit("}")
    fn.open("for k := 0; k < %d; k++ {" % rng.randint(1, 6))
    fn.emit("n, err := counted(k)")
    fn.emit('fmt.Println(%s, k, n, err)' % fn.label("named"))
    fn.close()
    fn.emit("m := map[string]int{}")
    fn.emit('m["a"], m["b"] = %d, %d' % (rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit('m["a"], m["b"] = m["b"], m["a"]')
    fn.emit('v, ok2 := m["a"]')
    fn.emit("var iface interface{} = v")
    fn.emit("got, isInt := iface.(int)")
    fn.emit('fmt.Println(%s, m, v, ok2, got, isInt)' % fn.label("commaok"))
    fn.emit("ch := make(chan Point, 1)")
    fn.emit("ch <- Point{%d, %d}" % (rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("pt, open := <-ch")
    fn.emit('fmt.Println(%s, pt, open)' % fn.label("recv"))


def t_types(fn):
    """Methods on slice, map and func types, nil receivers, generic types with methods, type
    parameters in type switches, interface method values, promoted interface methods, fmt
    calling String on exported fields only."""
    rng = fn.rng
    vals = ", ".join(str(rng.randint(-9, 9)) for _ in range(rng.randint(0, 6)))
    fn.emit("l := IntList{%s}" % vals)
    fn.emit("sort.Sort(l)")
    fn.emit('fmt.Println(%s, l, sort.IsSorted(l), l.Len())' % fn.label("sortiface"))
    fn.emit("c := Counter{}")
    for k in rng.sample("abcab", rng.randint(1, 5)):
        fn.emit('c.Add("%s")' % k)
    fn.emit('fmt.Println(%s, c, len(c))' % fn.label("mapmethod"))
    fn.emit("var o Op = func(x int) int { return x*%d + %d }" % (rng.randint(-3, 3), rng.randint(-3, 3)))
    fn.emit('fmt.Println(%s, o.Twice(%d), Op.Twice(o, 1))' % (fn.label("funcmethod"), rng.randint(-9, 9)))
    fn.emit("var lst *List")
    fn.emit("for k := 1; k <= %d; k++ { lst = &List{k * k, lst} }" % rng.randint(0, 6))
    fn.emit('fmt.Println(%s, lst.Sum(), lst == nil)' % fn.label("nilreceiver"))
    t = rng.choice(["int", "float64", "Celsius", "uint8"])
    if t == "uint8":
        t = "int"
    fn.emit("v := &Vec[%s]{}" % t)
    for _ in range(rng.randint(0, 4)):
        fn.emit("v.Push(%d)" % rng.randint(-50, 50))
    fn.emit("v.Push(1).Push(2)")
    fn.emit('fmt.Println(%s, v.Total(), len(v.xs), Vec[%s]{}.Total())' % (fn.label("generictype"), t))
    fn.emit('fmt.Println(%s, JoinStrings([]Code{%s}), KindOf(%s), KindOf(%s))'
            % (fn.label("constraints"), ", ".join(str(rng.randint(-9, 9)) for _ in range(rng.randint(0, 3))),
               rng.choice(IFACE_VALUES[:4]), rng.choice(["[]int{}", "Point{}", "Code(1)", "&Square{}", "int8(1)"])))
    fn.emit("var sh Shape = Rect{%d, %d}" % (rng.randint(0, 9), rng.randint(0, 9)))
    fn.emit("area := sh.Area // the method value keeps the value sh holds now")
    fn.emit("sh = &Square{%d}" % rng.randint(0, 9))
    fn.emit('fmt.Println(%s, area(), sh.Area())' % fn.label("ifacemethodvalue"))
    if "embedded_interface" not in KNOWN:
        fn.emit('w := Wrapped{Rect{%d, %d}, "w"}' % (rng.randint(0, 9), rng.randint(0, 9)))
        fn.emit("var ws Shape = w")
        fn.emit('fmt.Println(%s, w.Area(), ws.Kind(), w)' % fn.label("embeddediface"))
    fn.emit("out := Outer{%d, %d, [2]Code{%d, %d}}" % tuple(rng.randint(-9, 9) for _ in range(4)))
    fn.emit('fmt.Printf("%%s %%v %%+v %%d\\n", %s, out, out, out)' % fn.label("fieldstringer"))
    fn.emit('fmt.Println(%s, logf("%%d-%%s", %d, %s), logf("none"), logf("%%v", []interface{}{1, "a"}...))'
            % (fn.label("variadicforward"), rng.randint(0, 9), rng.choice(STRINGS)))
    fn.emit("x := %d" % rng.randint(0, 9))
    fn.open("{")
    fn.emit("x := x * 2 // shadows")
    fn.emit("x++")
    fn.emit('fmt.Println(%s, x)' % fn.label("inner"))
    fn.close()
    fn.open("switch y := x * %d; {" % rng.randint(1, 3))
    fn.emit('case y > 10:\n\tfmt.Println(%s, "big", y)' % fn.label("switchinit"))
    fn.emit('case y > 5:\n\tfmt.Println(%s, "mid", y)\n\tfallthrough' % fn.label("switchinit"))
    fn.emit('default:\n\tfmt.Println(%s, "small", y)' % fn.label("switchinit"))
    fn.close()
    fn.emit('fmt.Println(%s, x)' % fn.label("outer"))
