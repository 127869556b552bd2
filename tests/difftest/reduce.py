#!/usr/bin/env python3
"""reduce.py: shrinks a Go program while gopark and Go still disagree on it, a line or a block at
a time (run.sh calls it after dropping whole test functions).

    reduce.py PROGRAM.go GOPARK [gopark run flags...]  > smaller.go

A candidate is the program with one statement line, or one whole block (a line that opens a
brace through the line that closes it), left out. It is kept when Go still builds it (an unused
variable or label makes Go reject it, and then the candidate is simply not taken) and the two
runs still differ in stdout or exit status. Blocks go first, biggest first, then single lines,
round after round until nothing more can go. Needs go on PATH; GOCACHE as run.sh sets it.
"""

import os
import subprocess
import sys
import tempfile

TIMEOUT = 10


def run(cmd, cwd):
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
        return p.stdout, p.returncode
    except subprocess.TimeoutExpired:
        return b"<timeout>", -1


def differs(lines, gopark, flags, work):
    src = os.path.join(work, "main.go")
    with open(src, "w") as f:
        f.write("\n".join(lines) + "\n")
    build = subprocess.run(["go", "build", "-gcflags=-N -l", "-o", "prog", "main.go"], cwd=work,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env=dict(os.environ, GO111MODULE="off", GOFLAGS=""))
    if build.returncode != 0:
        return False
    return run(["./prog"], work) != run([gopark, "run"] + flags + ["main.go"], work)


def blocks(lines):
    """(start, end) of every brace block inside a function body, end inclusive, biggest first."""
    out, stack = [], []
    for i, line in enumerate(lines):
        text = line.strip()
        if text.startswith("//"):
            continue
        opens, closes = text.count("{"), text.count("}")
        if text.endswith("{") and opens > closes:
            stack.append(i)
        elif text.startswith("}") and closes > opens and stack:
            start = stack.pop()
            if stack and not text.startswith("} else"):
                out.append((start, i))
            if text.endswith("{"):  # "} else {": the else branch is a block of its own
                stack.append(i)
    return sorted(out, key=lambda b: b[0] - b[1])


def statement_lines(lines):
    """Lines that may go alone: statements, and the prelude's one-line declarations (those a
    finding does not need go too); never braces, case labels, the package and import clauses."""
    for i, line in enumerate(lines):
        text = line.strip()
        if not text or text.endswith("{") or text.endswith("(") or text.startswith("}") \
                or text.startswith(")") or text.startswith("case ") or text == "default:" \
                or text.startswith("package ") or text.startswith("import") or text.startswith('"'):
            continue
        yield i


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    path, gopark, flags = argv[0], os.path.abspath(argv[1]), argv[2:]
    lines = open(path).read().split("\n")
    with tempfile.TemporaryDirectory() as work:
        if not differs(lines, gopark, flags, work):
            sys.stderr.write("reduce.py: the program does not show a difference\n")
            return 1
        changed = True
        while changed:
            changed = False
            rank = 0
            while rank < len(blocks(lines)):
                start, end = blocks(lines)[rank]
                trial = lines[:start] + lines[end + 1:]
                if differs(trial, gopark, flags, work):
                    lines, changed = trial, True  # the next block now has this rank
                else:
                    rank += 1
            for i in reversed(list(statement_lines(lines))):
                trial = lines[:i] + lines[i + 1:]
                if differs(trial, gopark, flags, work):
                    lines, changed = trial, True
    sys.stdout.write("\n".join(lines).rstrip("\n") + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
