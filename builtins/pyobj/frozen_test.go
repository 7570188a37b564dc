package pyobj

import (
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

const counterSource = `
def _Counter():
    step = 1

    def __init__(self):
        self.count = 0

    def bump(self):
        self.count += self.step
        return self.count

    return {"step": step, "__init__": __init__, "bump": bump}

Counter = __class__("Counter", (), _Counter, None)
counter = Counter()
counter.bump()
`

func TestFrozenInstanceRejectsChanges(t *testing.T) {
	globals, _ := mustRun(t, counterSource, nil)
	counter := globals["counter"].(*Instance)
	if !counter.IsFrozen() {
		t.Fatal("module global instance is not frozen after the module finished")
	}
	if err := counter.SetField("count", starlark.MakeInt(5)); err == nil {
		t.Error("SetField on a frozen instance succeeded")
	}
	if err := counter.SetField("extra", starlark.MakeInt(5)); err == nil {
		t.Error("SetField of a new attribute on a frozen instance succeeded")
	}
	if err := counter.DictSet("count", starlark.MakeInt(5)); err == nil {
		t.Error("DictSet on a frozen instance succeeded")
	}
	if _, err := counter.DictDelete("count"); err == nil {
		t.Error("DictDelete on a frozen instance succeeded")
	}
	if v, _ := counter.DictGet("count"); v.String() != "1" {
		t.Errorf("count = %s after rejected writes, want 1", v)
	}
}

func TestFrozenInstanceFromScript(t *testing.T) {
	globals, _ := mustRun(t, counterSource, nil)
	predeclared := starlark.StringDict{"counter": globals["counter"], "Counter": globals["Counter"]}
	_, out := mustRun(t, `
print(counter.count, counter.step)
print(fails(counter.bump))
print(fails(lambda: setattr(counter, "fresh", 1)))
print(fails(lambda: delattr(counter, "count")))
print(fails(lambda: setattr(Counter, "step", 2)))
local = Counter()
print(local.bump(), local.bump())
`, predeclared)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if lines[0] != "1 1" {
		t.Errorf("reading a frozen instance printed %q, want %q", lines[0], "1 1")
	}
	for _, line := range lines[1:4] {
		if !strings.HasPrefix(line, "AttributeError: cannot set attribute") || !strings.Contains(line, "frozen 'Counter' object") {
			t.Errorf("change of frozen instance printed %q, want a frozen-object AttributeError", line)
		}
	}
	if !strings.HasPrefix(lines[4], "AttributeError: cannot set attribute 'step' of class Counter") {
		t.Errorf("change of frozen class printed %q", lines[4])
	}
	if lines[5] != "1 2" {
		t.Errorf("new instance of a frozen class printed %q, want %q", lines[5], "1 2")
	}
}

func TestFrozenInstanceFreezesNativeState(t *testing.T) {
	globals, _ := mustRun(t, netSource+"net = Net()\n", nativePredeclared())
	net := globals["net"].(*Instance)
	state := net.Native.(*cellState)
	if !state.frozen {
		t.Error("Freeze did not call Freeze on Native")
	}
	if !state.params["w"].frozen {
		t.Error("parameters held in Native state were not frozen by the state's own Freeze")
	}
	fc, _ := net.DictGet("fc")
	if !fc.(*Instance).IsFrozen() {
		t.Error("sub-cell held in the instance dictionary is not frozen")
	}
}
