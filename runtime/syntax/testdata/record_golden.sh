#!/bin/sh
# Records the expected output of each testdata program from CPython
# (Debian's /usr/bin/python3, 3.11), so the Go tests compare the
# desugared Starlark against Python itself.
set -e
cd "$(dirname "$0")"
for f in programs/*.py; do
	cat prelude.py "$f" | /usr/bin/python3 - > "${f%.py}.out"
done
