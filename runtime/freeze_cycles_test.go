package runtime

import (
	"context"
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

// TestFreezeSurvivesFunctionCycles loads modules whose globals reach a
// recursive nested function in every way a script can hold one. Freezing
// such a function overflows the Go stack inside go.starlark.net, which
// ends the process, so each module must load and its function must run.
func TestFreezeSurvivesFunctionCycles(t *testing.T) {
	cases := map[string]string{
		"mutual recursion": `
def outer():
    def even(n):
        return True if n == 0 else odd(n - 1)
    def odd(n):
        return False if n == 0 else even(n - 1)
    return even
result = outer()(10)
`,
		"closure in a list": `
def outer():
    def walk(n):
        return 0 if n == 0 else 1 + walk(n - 1)
    return walk
funcs = [outer()]
result = funcs[0](5) == 5
`,
		"closure in a dict": `
def outer():
    def walk(n):
        return 0 if n == 0 else 1 + walk(n - 1)
    return walk
table = {"walk": outer()}
result = table["walk"](3) == 3
`,
		"closure in an instance": `
class Holder:
    def __init__(self, f):
        self.f = f
def outer():
    def walk(n):
        return 0 if n == 0 else 1 + walk(n - 1)
    return walk
holder = Holder(outer())
result = holder.f(4) == 4
`,
		"closure as a class attribute": `
def outer():
    def walk(n):
        return 0 if n == 0 else 1 + walk(n - 1)
    return walk
class Walker:
    step = outer()
result = Walker.step(2) == 2
`,
		"closure as a default value": `
def outer():
    def walk(n):
        return 0 if n == 0 else 1 + walk(n - 1)
    return walk
def use(f=outer()):
    return f(6)
result = use() == 6
`,
		"closure in a staticmethod": `
def outer():
    def walk(n):
        return 0 if n == 0 else 1 + walk(n - 1)
    return walk
class Walker:
    step = staticmethod(outer())
result = Walker.step(2) == 2
`,
		"closure in a classmethod": `
def outer():
    def walk(cls, n):
        return 0 if n == 0 else 1 + walk(cls, n - 1)
    return walk
class Walker:
    step = classmethod(outer())
result = Walker.step(2) == 2
`,
		"closure in a property": `
def outer():
    def walk(self, n=3):
        return 0 if n == 0 else 1 + walk(self, n - 1)
    return walk
class Walker:
    steps = property(outer())
result = Walker().steps == 3
`,
		"closure in a bound method": `
class Box:
    def __init__(self, f):
        self.f = f
    def get(self):
        return self.f
def outer():
    def walk(n):
        return 0 if n == 0 else 1 + walk(n - 1)
    return walk
getter = Box(outer()).get
result = getter()(2) == 2
`,
		"closure in functools.partial": `
import functools
def outer():
    def walk(n):
        return 0 if n == 0 else 1 + walk(n - 1)
    return walk
three = functools.partial(outer(), 3)
result = three() == 3
`,
		"closure behind a builtin's receiver": `
def outer():
    def walk(n):
        return 0 if n == 0 else 1 + walk(n - 1)
    return walk
funcs = [outer()]
append = funcs.append
result = funcs[0](1) == 1
`,
		"closure in a namedtuple": `
import collections
def outer():
    def walk(n):
        return 0 if n == 0 else 1 + walk(n - 1)
    return walk
Pair = collections.namedtuple("Pair", ["f", "g"])
pair = Pair(outer(), 1)
result = pair.f(2) == 2
`,
		"closure bound by a global statement": `
f = None
def install():
    global f
    def walk(n):
        return 0 if n == 0 else 1 + walk(n - 1)
    f = walk
install()
result = f(2) == 2
`,
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			var out strings.Builder
			rt := New(Options{Stdout: &out})
			mod, err := rt.ExecSource(context.Background(), "cycle.py", []byte(src))
			if err != nil {
				t.Fatalf("loading: %v", err)
			}
			if got := mod.Globals["result"]; got == nil || got.String() != "True" {
				t.Errorf("result = %v, want True", got)
			}
		})
	}
}

// TestFreezeKeepsFreezingPlainModules checks that the cycle check does
// not give up on the values a typical training script keeps at the top
// level: imports, numbers, strings, tensors, classes, instances, lists,
// dicts, sets, bound methods and functions without cycles.
func TestFreezeKeepsFreezingPlainModules(t *testing.T) {
	src := `
import numpy as np
import mindspore as ms
import mindspore.nn as nn
from mindspore import Tensor

rate = 0.1
name = "run"
weights = Tensor(np.ones((2, 2), np.float32))
array = np.arange(4)
dtype = ms.float32
steps = range(10)
tags = {"a", "b"}
config = {"epochs": 3, "sizes": [1, 2]}
net = nn.Dense(2, 2)

class Net(nn.Cell):
    def construct(self, x):
        return x

def helper(x, scale=2):
    return x * scale

call = net.construct
`
	rt := New(Options{})
	globals := starlark.StringDict{}
	if err := rt.ExecInto(context.Background(), "plain.py", []byte(src), globals); err != nil {
		t.Fatal(err)
	}
	for name, v := range globals {
		w := cycleWalker{state: map[any]int{}}
		if w.hasFunctionCycle(v) {
			t.Errorf("global %s (%s) counts as a function cycle", name, v.Type())
		}
	}
	if !freezeGlobals(globals) {
		t.Error("a module without function cycles was left unfrozen")
	}
}
