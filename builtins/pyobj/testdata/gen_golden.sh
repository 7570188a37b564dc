#!/bin/sh
# Regenerates each NAME.golden from NAME.py with CPython, the reference
# for the Starlark program NAME.star. The Go tests read only the .golden
# files. Recorded with Debian's /usr/bin/python3 (CPython 3.11.2).
set -e
cd "$(dirname "$0")"
for f in *.py; do
	[ "$f" = prelude.py ] && continue
	/usr/bin/python3 -c '
import sys
g = {"__name__": "__main__"}
exec(open("prelude.py").read(), g)
exec(compile(open(sys.argv[1]).read(), sys.argv[1], "exec"), g)
' "$f" >"${f%.py}.golden"
done
