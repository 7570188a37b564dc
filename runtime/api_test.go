package runtime_test

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/runtime"
	"go.starlark.net/starlark"
)

const valuesSource = `
import numpy as np
import mindspore.nn as nn
from mindspore import Parameter, Tensor

answer = 42
ratio = 0.25
name = "loss"
pair = (1, "two")
table = {"a": 1, "b": [2.5, None]}

def add(x, y=10):
    return x + y

def describe(*args, **kwargs):
    return "%d args, keywords %s" % (len(args), ",".join(sorted(kwargs.keys())))

class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    @property
    def doubled(self):
        return self.v * 2

class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc = nn.Dense(3, 2)
        self.scale = Parameter(Tensor(np.array([1.0], np.float32)), name="scale", requires_grad=False)

    def construct(self, x):
        return self.fc(x) * self.scale
`

func TestModuleGetAndCall(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "values.py", valuesSource)
	ctx := context.Background()

	answer, err := mod.Get("answer")
	if err != nil {
		t.Fatal(err)
	}
	if n, err := answer.Int(); err != nil || n != 42 {
		t.Errorf("answer.Int() = %d, %v; want 42", n, err)
	}
	sum, err := mod.Call(ctx, "add", 1.5)
	if err != nil {
		t.Fatal(err)
	}
	if f, err := sum.Float(); err != nil || f != 11.5 {
		t.Errorf("add(1.5) = %v, %v; want 11.5", f, err)
	}
	fn, _ := mod.Get("describe")
	text, err := fn.CallKwargs(ctx, []any{1, "x"}, map[string]any{"z": true, "a": nil})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := text.String(), "2 args, keywords a,z"; got != want {
		t.Errorf("describe(...) = %q, want %q", got, want)
	}
}

func TestModuleGetMissingName(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "values.py", valuesSource)
	_, err := mod.Get("nope")
	e := wantType(t, err, "NameError")
	if !strings.Contains(e.Message, "nope") || !strings.Contains(e.Message, "values.py") {
		t.Errorf("message %q does not name the global and the file", e.Message)
	}
	if _, err := mod.Call(context.Background(), "nope"); err == nil {
		t.Error("Call of a missing global returned no error")
	}
}

func TestModuleNewRejectsNonClass(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "values.py", valuesSource)
	_, err := mod.New(context.Background(), "add", nil, nil)
	wantType(t, err, "TypeError")
}

func TestModuleNames(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "m.py", "b = 1\na = 2\n")
	if got := strings.Join(mod.Names(), ","); got != "a,b" {
		t.Errorf("Names() = %s, want a,b", got)
	}
	if mod.Runtime() != rt {
		t.Error("Runtime() is not the runtime that loaded the module")
	}
}

func TestObjectMethodsAndAttrs(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "values.py", valuesSource)
	ctx := context.Background()
	box, err := mod.New(ctx, "Box", []any{[]int{1, 2}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if box.Type() != "Box" {
		t.Errorf("Type() = %s, want Box", box.Type())
	}
	got, err := box.CallMethod(ctx, "get")
	if err != nil {
		t.Fatal(err)
	}
	g, err := got.Go()
	if err != nil {
		t.Fatal(err)
	}
	if list, ok := g.([]any); !ok || len(list) != 2 || list[0] != int64(1) || list[1] != int64(2) {
		t.Errorf("box.get() = %#v, want []any{1, 2}", g)
	}
	doubled, err := box.Attr(ctx, "doubled")
	if err != nil {
		t.Fatal(err)
	}
	if doubled.String() != "[1, 2, 1, 2]" {
		t.Errorf("box.doubled = %s, want [1, 2, 1, 2]", doubled)
	}
	_, err = box.Attr(ctx, "missing")
	wantType(t, err, "AttributeError")
}

func TestObjectConversionErrors(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "values.py", valuesSource)
	name, _ := mod.Get("name")
	if _, err := name.Float(); err == nil {
		t.Error("Float() of a str returned no error")
	}
	if _, err := name.Tensor(); err == nil {
		t.Error("Tensor() of a str returned no error")
	}
	if _, err := name.Int(); err == nil {
		t.Error("Int() of a str returned no error")
	}
	if _, err := name.Elements(); err == nil {
		t.Error("Elements() of a str returned no error")
	}
	box, _ := mod.Get("Box")
	if _, err := box.Go(); err == nil {
		t.Error("Go() of a class returned no error")
	}
	if _, err := box.Parameters(); err == nil {
		t.Error("Parameters() of a class returned no error")
	}
	var nilObject *runtime.Object
	if _, err := nilObject.Call(context.Background()); err == nil {
		t.Error("Call on a nil *Object returned no error")
	}
	if _, err := nilObject.Tensor(); err == nil {
		t.Error("Tensor on a nil *Object returned no error")
	}
	if _, err := nilObject.Float(); err == nil {
		t.Error("Float on a nil *Object returned no error")
	}
	if _, err := nilObject.Elements(); err == nil {
		t.Error("Elements on a nil *Object returned no error")
	}
	if nilObject.String() != "<nil>" || nilObject.Value() != nil {
		t.Errorf("a nil *Object prints as %q with value %v", nilObject.String(), nilObject.Value())
	}
	var nilModule *runtime.Module
	if _, err := nilModule.Call(context.Background(), "f"); err == nil {
		t.Error("Call on a nil *Module returned no error")
	}
	unbound := (&runtime.Object{})
	if _, err := unbound.Call(context.Background()); err == nil {
		t.Error("Call on a zero Object returned no error")
	}
}

func TestObjectElementsAndGo(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "values.py", valuesSource)
	pair, _ := mod.Get("pair")
	parts, err := pair.Elements()
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 2 || parts[1].String() != "two" {
		t.Errorf("pair.Elements() = %v, want [1 two]", parts)
	}
	table, _ := mod.Get("table")
	g, err := table.Go()
	if err != nil {
		t.Fatal(err)
	}
	m, ok := g.(map[string]any)
	if !ok {
		t.Fatalf("table.Go() = %T, want map[string]any", g)
	}
	if m["a"] != int64(1) {
		t.Errorf(`table["a"] = %#v, want int64(1)`, m["a"])
	}
	if b, ok := m["b"].([]any); !ok || b[0] != 2.5 || b[1] != nil {
		t.Errorf(`table["b"] = %#v, want []any{2.5, nil}`, m["b"])
	}
}

func TestObjectFloatOfTensors(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "t.py", `
import numpy as np
from mindspore import Tensor
one = Tensor(np.array([1.5], np.float32))
many = Tensor(np.array([1.0, 2.0], np.float32))
scalar = np.float64(2.25)
count = Tensor(np.array(7, np.int32))
`)
	cases := []struct {
		name string
		want float64
		ok   bool
	}{{"one", 1.5, true}, {"many", 0, false}, {"scalar", 2.25, true}, {"count", 7, true}}
	for _, c := range cases {
		obj, _ := mod.Get(c.name)
		got, err := obj.Float()
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("%s.Float() = %v, %v; want %v (ok %v)", c.name, got, err, c.want, c.ok)
		}
	}
	count, _ := mod.Get("count")
	if n, err := count.Int(); err != nil || n != 7 {
		t.Errorf("count.Int() = %d, %v; want 7", n, err)
	}
	one, _ := mod.Get("one")
	if _, err := one.Int(); err == nil {
		t.Error("Int() of a float tensor returned no error")
	}
}

func TestObjectParameters(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{Seed: 3})
	mod := load(t, rt, "values.py", valuesSource)
	net, err := mod.New(context.Background(), "Net", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	params, err := net.Parameters()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range params {
		names = append(names, p.Name)
	}
	if got, want := strings.Join(names, ","), "scale,fc.weight,fc.bias"; got != want {
		t.Errorf("parameter names = %s, want %s", got, want)
	}
	trainable := params.Trainable()
	if len(trainable) != 2 || trainable[0].Name != "fc.weight" {
		t.Errorf("Trainable() = %v, want fc.weight and fc.bias", trainable)
	}
	if shape := engine.FormatShape(params[1].Tensor.Shape()); shape != "(2, 3)" {
		t.Errorf("fc.weight shape = %s, want (2, 3)", shape)
	}
	if tensors := params.Tensors(); len(tensors) != 3 || tensors[0] != params[0].Tensor {
		t.Error("Tensors() does not return the parameters' tensors in order")
	}
}

func TestParameterGradientsMatchReference(t *testing.T) {
	// d/dw mean((x*w).sum(1) + b - y)^2 for the Linear of the examples,
	// computed with NumPy: r = x@w + b - y; grad w = 2/n r@x, grad b = 2/n sum(r).
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "linear.py", linearSource)
	ctx := context.Background()
	net, _ := mod.New(ctx, "Linear", nil, nil)
	params, _ := net.Parameters()
	x, _ := engine.FromFloat32([]float32{1, 2, 3, 4, -1, 0.5}, 3, 2)
	y, _ := engine.FromFloat32([]float32{1, 2, 0})
	out, err := mod.Call(ctx, "mse", net, x, y)
	if err != nil {
		t.Fatal(err)
	}
	loss, _ := out.Tensor()
	grads, err := engine.Grad(loss, params.Tensors(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{-5.3, -8.483333333}, {-2.966666667}}
	for i := range want {
		got := grads[i].Floats()
		for j := range want[i] {
			if math.Abs(got[j]-want[i][j]) > 1e-5 {
				t.Errorf("grad %s[%d] = %v, want %v", params[i].Name, j, got[j], want[i][j])
			}
		}
	}
}

func TestExecFSAndFileErrors(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	fsys := fstest.MapFS{"lib/loss.py": {Data: []byte("value = 3\n")}}
	mod, err := rt.ExecFS(context.Background(), fsys, "lib/loss.py")
	if err != nil {
		t.Fatal(err)
	}
	if mod.Name != "lib/loss.py" {
		t.Errorf("Name = %s, want lib/loss.py", mod.Name)
	}
	_, err = rt.ExecFS(context.Background(), fsys, "missing.py")
	wantType(t, err, "FileNotFoundError")
	_, err = rt.ExecFile(context.Background(), filepath.Join(t.TempDir(), "missing.py"))
	wantType(t, err, "FileNotFoundError")
}

func TestSyntaxErrorHasPosition(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	_, err := rt.ExecSource(context.Background(), "bad.py", []byte("x = 1\ny = (\n"))
	e := wantType(t, err, "SyntaxError")
	if len(e.Traceback) == 0 || e.Traceback[0].File != "bad.py" {
		t.Errorf("traceback %v does not name bad.py", e.Traceback)
	}
}

func TestNameErrorSuggestsName(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	_, err := rt.ExecSource(context.Background(), "n.py", []byte("logits = 1\ny = logit + 1\n"))
	e := wantType(t, err, "NameError")
	if want := "name 'logit' is not defined. Did you mean: 'logits'?"; e.Message != want {
		t.Errorf("message %q, want %q", e.Message, want)
	}
}

func TestErrorTracebackNamesScriptLines(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "tb.py", "def inner(x):\n    return x.missing\n\ndef outer(x):\n    return inner(x)\n")
	_, err := mod.Call(context.Background(), "outer", 1)
	e := wantType(t, err, "AttributeError")
	var lines []int
	for _, f := range e.Traceback {
		lines = append(lines, f.Line)
	}
	if len(lines) != 2 || lines[0] != 5 || lines[1] != 2 {
		t.Errorf("traceback lines = %v, want [5 2]", lines)
	}
	if !strings.Contains(rt.FormatError(err), "return x.missing") {
		t.Errorf("FormatError does not quote the failing line:\n%s", rt.FormatError(err))
	}
}

func TestFormatErrorWithoutFrames(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "m.py", "x = 1\n")
	_, err := mod.Call(context.Background(), "missing")
	if err == nil {
		t.Fatal("calling a missing global succeeded")
	}
	if got := rt.FormatError(err); strings.HasPrefix(got, "Traceback") {
		t.Errorf("an error raised outside the script prints a traceback header without frames:\n%s", got)
	}
}

func TestFileAccessNoneByDefault(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "data.csv"), []byte("1,2\n3,4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	script := "import numpy as np\nx = np.loadtxt('data.csv', delimiter=',')\n"
	sandboxed, _ := newRuntime(t, runtime.Options{})
	_, err := sandboxed.ExecSource(context.Background(), "read.py", []byte(script))
	if e := scriptError(t, err); !strings.Contains(e.Message, "not granted") {
		t.Errorf("reading without a grant: message %q does not say access is not granted", e.Message)
	}

	granted, _ := newRuntime(t, runtime.Options{Dir: dir})
	mod, err := granted.ExecSource(context.Background(), "read.py", []byte(script))
	if err != nil {
		t.Fatal(err)
	}
	x, _ := mod.Get("x")
	tensor, err := x.Tensor()
	if err != nil {
		t.Fatal(err)
	}
	if got := tensor.Floats(); len(got) != 4 || got[3] != 4 {
		t.Errorf("loadtxt = %v, want [1 2 3 4]", got)
	}
}

func TestImportAllowList(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{Modules: []string{"math"}})
	if _, err := rt.ExecSource(context.Background(), "ok.py", []byte("import math\n")); err != nil {
		t.Errorf("import math: %v", err)
	}
	_, err := rt.ExecSource(context.Background(), "no.py", []byte("import numpy\n"))
	wantType(t, err, "ModuleNotFoundError")
	if err := rt.RegisterModule("hostops", starlark.StringDict{"k": starlark.MakeInt(1)}); err != nil {
		t.Fatal(err)
	}
	if _, err := rt.ExecSource(context.Background(), "host.py", []byte("from hostops import k\n")); err != nil {
		t.Errorf("a registered module outside the allow list: %v", err)
	}
}

func TestRegisterModuleValidation(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	bad := []string{"", "a.b", "1x", "has space", "mindspore", "numpy", "sys", "math"}
	for _, name := range bad {
		if err := rt.RegisterModule(name, nil); err == nil {
			t.Errorf("RegisterModule(%q) returned no error", name)
		}
	}
	if err := rt.RegisterModule("m", starlark.StringDict{"x": nil}); err == nil {
		t.Error("RegisterModule with a nil member returned no error")
	}
}

func TestRegisterModuleReplace(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	for _, v := range []int{1, 2} {
		if err := rt.RegisterModule("cfg", starlark.StringDict{"v": starlark.MakeInt(v)}); err != nil {
			t.Fatal(err)
		}
		mod := load(t, rt, "cfg.py", "from cfg import v\n")
		got, _ := mod.Get("v")
		if n, _ := got.Int(); n != int64(v) {
			t.Errorf("after registering v=%d the script sees %d", v, n)
		}
	}
}

func TestRegisteredModulesArePerRuntime(t *testing.T) {
	a, _ := newRuntime(t, runtime.Options{})
	b, _ := newRuntime(t, runtime.Options{})
	if err := a.RegisterModule("only_a", starlark.StringDict{}); err != nil {
		t.Fatal(err)
	}
	_, err := b.ExecSource(context.Background(), "x.py", []byte("import only_a\n"))
	wantType(t, err, "ModuleNotFoundError")
}

func TestCallArgumentConversionError(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "values.py", valuesSource)
	_, err := mod.Call(context.Background(), "add", make(chan int))
	e := wantType(t, err, "TypeError")
	if !strings.Contains(e.Message, "argument 1") {
		t.Errorf("message %q does not name the argument", e.Message)
	}
	_, err = mod.New(context.Background(), "Box", nil, map[string]any{"v": struct{}{}})
	e = wantType(t, err, "TypeError")
	if !strings.Contains(e.Message, "keyword argument v") {
		t.Errorf("message %q does not name the keyword", e.Message)
	}
}

func TestScriptExceptionTypes(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "raise.py", `
def value():
    return int("abc")

def key():
    return {}["k"]

def zero():
    return 1 // 0
`)
	cases := map[string]string{"value": "ValueError", "key": "KeyError", "zero": "ZeroDivisionError"}
	for fn, typ := range cases {
		_, err := mod.Call(context.Background(), fn)
		wantType(t, err, typ)
	}
	_, err := mod.Call(context.Background(), "value")
	if e := scriptError(t, err); !strings.Contains(e.Message, "abc") {
		t.Errorf("message %q does not name the invalid literal", e.Message)
	}
	if !errors.As(err, new(*runtime.Error)) {
		t.Error("errors.As does not reach *runtime.Error")
	}
}
