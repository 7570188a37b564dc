"""Record the .out goldens of the language tests from CPython.

Run from this directory with Debian's /usr/bin/python3 (3.11):

    /usr/bin/python3 record.py [FILE.py ...]

Each FILE.py is split into chunks at "---" lines, exactly as
runtime/lang_test.go splits it, and each chunk runs in a fresh module
with the lines of the other chunks blanked. A chunk that raises must
carry a "### Type: message" mark on the line that raised, and CPython's
exception must match it. Otherwise the recorder stops with an error.
Files that start with "# golden: hand-checked" need MindSpore and are
skipped.
"""

import contextlib
import glob
import io
import re
import sys
import traceback

MARK = re.compile(r"###\s*(\w+)(?::\s*(.*))?$")


def chunks(src):
    lines = src.split("\n")
    start = 0
    for i in range(len(lines) + 1):
        if i < len(lines) and lines[i].strip() != "---":
            continue
        blank = [""] * len(lines)
        mark = None
        for k in range(start, i):
            blank[k] = lines[k]
            m = MARK.search(lines[k])
            if m and mark is None:
                mark = (k + 1, m.group(1), (m.group(2) or "").strip())
        yield "\n".join(blank), mark
        start = i + 1


def record(path):
    src = open(path).read()
    if src.startswith("# golden: hand-checked"):
        return
    out = io.StringIO()
    for chunk, mark in chunks(src):
        sys.argv = [path]
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(chunk, path, "exec"), {"__name__": "__main__"})
        except Exception as e:
            line = traceback.extract_tb(e.__traceback__)[-1].lineno
            if mark is None:
                raise SystemExit(f"{path}:{line}: unexpected {type(e).__name__}: {e}")
            if (line, type(e).__name__) != mark[:2] or mark[2] not in str(e):
                raise SystemExit(f"{path}:{line}: {type(e).__name__}: {e} does not match the mark {mark}")
        else:
            if mark is not None:
                raise SystemExit(f"{path}:{mark[0]}: no exception, want {mark[1]}")
    open(path[:-3] + ".out", "w").write(out.getvalue())


for path in sys.argv[1:] or sorted(glob.glob("*.py")):
    if path != "record.py":
        record(path)
