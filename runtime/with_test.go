package runtime

import (
	"errors"
	"fmt"
	"testing"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// nativeManager is a context manager written in Go, as a native
// no_grad() would be: it records the calls __with__ makes.
type nativeManager struct {
	log      []string
	suppress bool
}

func (m *nativeManager) String() string        { return "<native manager>" }
func (m *nativeManager) Type() string          { return "native_manager" }
func (m *nativeManager) Freeze()               {}
func (m *nativeManager) Truth() starlark.Bool  { return true }
func (m *nativeManager) Hash() (uint32, error) { return 0, errors.New("unhashable") }
func (m *nativeManager) AttrNames() []string   { return []string{"__enter__", "__exit__"} }
func (m *nativeManager) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__enter__":
		return builtin(name, func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			m.log = append(m.log, "enter")
			return starlark.String("entered value"), nil
		}), nil
	case "__exit__":
		return builtin(name, func(_ *starlark.Thread, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			m.log = append(m.log, fmt.Sprintf("exit %s", args[0]))
			return starlark.Bool(m.suppress), nil
		}), nil
	}
	return nil, nil
}

func TestWithNativeManager(t *testing.T) {
	thread := &starlark.Thread{Name: "test"}
	m := &nativeManager{}
	var got starlark.Value
	body := builtin("body", func(_ *starlark.Thread, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		got = args[0]
		return starlark.None, nil
	})
	if _, err := pyWith(thread, starlark.Tuple{m, body}, nil); err != nil {
		t.Fatal(err)
	}
	if got != starlark.String("entered value") {
		t.Errorf("body got %v, want the value __enter__ returned", got)
	}
	if want := "[enter exit None]"; fmt.Sprint(m.log) != want {
		t.Errorf("calls = %v, want %s", m.log, want)
	}

	failing := builtin("body", func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return nil, pyobj.ValueErrorf("inside")
	})
	m = &nativeManager{}
	_, err := pyWith(thread, starlark.Tuple{m, failing}, nil)
	if typ, msg := pyobj.Classify(err); typ != "ValueError" || msg != "inside" {
		t.Errorf("error = %v, want ValueError: inside", err)
	}
	if want := "[enter exit <class 'ValueError'>]"; fmt.Sprint(m.log) != want {
		t.Errorf("calls = %v, want %s", m.log, want)
	}

	m = &nativeManager{suppress: true}
	if _, err := pyWith(thread, starlark.Tuple{m, failing}, nil); err != nil {
		t.Errorf("a true __exit__ result must suppress the error, got %v", err)
	}
}

func TestWithRejectsNonManager(t *testing.T) {
	thread := &starlark.Thread{Name: "test"}
	_, err := pyWith(thread, starlark.Tuple{starlark.MakeInt(3), starlark.None}, nil)
	if typ, _ := pyobj.Classify(err); typ != "TypeError" {
		t.Errorf("error = %v, want TypeError", err)
	}
}
