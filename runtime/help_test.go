package runtime

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

// helpSession evaluates setup, then each input, and returns what each
// input printed.
func helpSession(t *testing.T, setup string, inputs ...string) []string {
	t.Helper()
	var out bytes.Buffer
	rt := New(Options{Stdout: &out, Stderr: &out})
	globals := starlark.StringDict{}
	if err := rt.Eval(context.Background(), "<setup>", setup, globals, &out); err != nil {
		t.Fatalf("setup: %v", rt.FormatError(err))
	}
	var outputs []string
	for _, in := range inputs {
		out.Reset()
		if err := rt.Eval(context.Background(), "<input>", in, globals, &out); err != nil {
			t.Fatalf("%s: %v", in, rt.FormatError(err))
		}
		outputs = append(outputs, out.String())
	}
	return outputs
}

const helpSetup = `import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
import numpy as np
from mindspore import Model

class Account:
    """A bank account.

    Deposits only.
    """
    def __init__(self, owner, *, total=0):
        self.owner = owner
        self.total = total

    def deposit(self, amount):
        """Adds amount and returns the account."""
        self.total = self.total + amount
        return self

def scaled(x, factor=2, *rest, clip=None, **options):
    """Returns x times factor."""
    return x * factor

def kw(a, *, b=1):
    return a

def local_names(a, b):
    c = 1
    return dir()

net = nn.Dense(2, 3)
model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params()))
`

func TestHelpScriptClass(t *testing.T) {
	got := helpSession(t, helpSetup, "help(Account)")[0]
	want := `Help on class Account in module __main__:

class Account(object)
 |  Account(owner, *, total=0)
 |
 |  A bank account.
 |
 |  Deposits only.
 |
 |  Methods defined here:
 |
 |  __init__(self, owner, *, total=0)
 |
 |  deposit(self, amount)
 |      Adds amount and returns the account.
`
	if got != want {
		t.Errorf("help(Account)\n got %q\nwant %q", got, want)
	}
}

func TestHelpScriptFunctions(t *testing.T) {
	// Signatures as Python 3.11's inspect.signature prints them.
	got := helpSession(t, helpSetup, "help(scaled)", "help(kw)", "help(Account('a').deposit)")
	want := []string{
		"Help on function scaled in module __main__:\n\nscaled(x, factor=2, *rest, clip=None, **options)\n    Returns x times factor.\n",
		"Help on function kw in module __main__:\n\nkw(a, *, b=1)\n",
		"Help on method deposit of __main__.Account object:\n\ndeposit(amount)\n    Adds amount and returns the account.\n",
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("help %d\n got %q\nwant %q", i, got[i], want[i])
		}
	}
}

func TestHelpNativeCell(t *testing.T) {
	for _, input := range []string{"help(nn.Dense)", "help(net)", `help("mindspore.nn.Dense")`} {
		got := helpSession(t, helpSetup, input)[0]
		for _, want := range []string{
			"Help on class Dense in module mindspore.nn:\n\nclass Dense(Cell)\n",
			" |  Dense(in_channels, out_channels, weight_init=",
			" |  Method resolution order:\n |      Dense\n |      Cell\n |      object\n",
			" |  Methods defined here:\n |\n |  construct(...)\n",
			" |  Methods inherited from Cell:\n",
			"trainable_params",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("%s lacks %q:\n%s", input, want, got)
			}
		}
	}
}

func TestHelpModule(t *testing.T) {
	got := helpSession(t, helpSetup, "help(nn)")[0]
	for _, want := range []string{
		"Help on module mindspore.nn:\n\nNAME\n    mindspore.nn - ",
		"\nCLASSES\n",
		"\n    Dense(in_channels, out_channels, ",
		"\n    Cell(auto_prefix=True, flags=None)\n        The base class of every network and loss.\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("help(nn) lacks %q:\n%s", want, got)
		}
	}
}

func TestHelpPrimitiveAndFunctionalOp(t *testing.T) {
	got := helpSession(t, helpSetup, "help(ops.Abs)", "help(ops.abs)")
	if !strings.HasPrefix(got[0], "Help on class Abs:\n\nAbs()") {
		t.Errorf("help(ops.Abs) = %q", got[0])
	}
	if !strings.HasPrefix(got[1], "Help on built-in function abs in module mindspore.ops:\n\nabs(...)\n    The functional form of ops.Abs") {
		t.Errorf("help(ops.abs) = %q", got[1])
	}
}

func TestHelpNativeMethod(t *testing.T) {
	got := helpSession(t, helpSetup, "help(model.train)")[0]
	// Model's docstring wraps the signature of train over two lines;
	// help joins them.
	want := "Help on method train of mindspore.Model object:\n\ntrain(epoch, train_dataset, callbacks=None, dataset_sink_mode="
	if !strings.HasPrefix(got, want) || strings.Count(got, "\n") != 3 {
		t.Errorf("help(model.train)\n got %q\nwant %q... on one line", got, want)
	}
}

func TestHelpBuiltinsAndValues(t *testing.T) {
	got := helpSession(t, helpSetup, "help(print)", "help(1)", "help(np.ones(2))", `help("no_such_thing")`, "help()")
	if want := "Help on built-in function print:\n\nprint(*values, sep=' ', end='\\n')\n    Prints the values to standard output, separated by sep and followed by end.\n"; got[0] != want {
		t.Errorf("help(print)\n got %q\nwant %q", got[0], want)
	}
	if !strings.HasPrefix(got[1], "Help on class int:\n\nint(x=0)") {
		t.Errorf("help(1) = %q", got[1])
	}
	if !strings.HasPrefix(got[2], "Help on class numpy.ndarray:") || !strings.Contains(got[2], "reshape") {
		t.Errorf("help(np.ones(2)) = %q", got[2])
	}
	if want := "No Python documentation found for 'no_such_thing'.\n"; !strings.HasPrefix(got[3], want) {
		t.Errorf("help of an unknown name = %q, want it to start with %q", got[3], want)
	}
	if !strings.HasPrefix(got[4], "Welcome to cellscript's help.") {
		t.Errorf("help() = %q", got[4])
	}
}

func TestHelpTensorMethods(t *testing.T) {
	got := helpSession(t, helpSetup, "help(ms.Tensor)")[0]
	for _, want := range []string{"Help on class Tensor:\n\nTensor(input_data=None, dtype=None", "Methods and attributes:", "asnumpy", "reshape"} {
		if !strings.Contains(got, want) {
			t.Errorf("help(ms.Tensor) lacks %q:\n%s", want, got)
		}
	}
}

func TestDir(t *testing.T) {
	got := helpSession(t, helpSetup, "dir()", "local_names(1, 2)", "'weight' in dir(net) and 'trainable_params' in dir(net)", "dir(nn.SequentialCell([nn.ReLU()]))[:1]")
	want := []string{
		"['Account', 'Model', 'kw', 'local_names', 'model', 'ms', 'net', 'nn', 'np', 'ops', 'scaled']\n",
		"['a', 'b', 'c']\n",
		"True\n",
		"['0']\n",
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("dir %d\n got %q\nwant %q", i, got[i], want[i])
		}
	}
}

func TestHelpAndDirInScripts(t *testing.T) {
	var out bytes.Buffer
	rt := New(Options{Stdout: &out, Stderr: &out})
	src := "top = 1\nhelp(len)\nprint(dir())\n"
	if _, err := rt.ExecSource(context.Background(), "script.py", []byte(src)); err != nil {
		t.Fatal(rt.FormatError(err))
	}
	want := "Help on built-in function len:\n\nlen(obj)\n    The number of elements of obj; the first dimension of a tensor.\n['top']\n"
	if out.String() != want {
		t.Errorf("script output\n got %q\nwant %q", out.String(), want)
	}
}

func TestUserNames(t *testing.T) {
	rt := New(Options{})
	globals := starlark.StringDict{}
	if err := rt.Eval(context.Background(), "<in>", "x = 1\nprint = 3\n", globals, &bytes.Buffer{}); err != nil {
		t.Fatal(rt.FormatError(err))
	}
	got := strings.Join(rt.UserNames(globals), " ")
	if got != "print x" {
		t.Errorf("UserNames = %q, want %q", got, "print x")
	}
}
