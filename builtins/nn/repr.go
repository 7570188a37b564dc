package nn

import (
	"fmt"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// cellRepr is Cell.__repr__ as MindSpore writes it: the class name, then
// extend_repr() and one "(name): repr" line per sub-cell, indented:
//
//	LinearNet<
//	  (fc): Dense<input_channels=1, output_channels=1, has_bias=True>
//	  >
func cellRepr(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs("__repr__", args, kwargs); err != nil {
		return nil, err
	}
	extra, err := extendRepr(thread, self)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString(self.Class().Name())
	b.WriteString("<")
	children := directChildren(self)
	if len(children) == 0 {
		b.WriteString(extra)
		b.WriteString(">")
		return starlark.String(b.String()), nil
	}
	sub := "\n"
	if extra != "" {
		sub += extra + "\n"
	}
	for _, c := range children {
		r, err := core.Repr(thread, c.Cell)
		if err != nil {
			return nil, err
		}
		sub += fmt.Sprintf("(%s): %s\n", c.Name, r)
	}
	b.WriteString(strings.ReplaceAll(sub, "\n", "\n  "))
	b.WriteString(">")
	return starlark.String(b.String()), nil
}

// extendRepr calls the cell's extend_repr(), which script subclasses may
// override.
func extendRepr(thread *starlark.Thread, self *pyobj.Instance) (string, error) {
	m, err := self.Attr("extend_repr")
	if err != nil || m == nil {
		return "", err
	}
	v, err := starlark.Call(thread, m, nil, nil)
	if err != nil {
		return "", err
	}
	s, ok := starlark.AsString(v)
	if !ok {
		return "", core.Errorf("TypeError", "%s.extend_repr() returned %s, want a str", self.Class().Name(), v.Type())
	}
	return s, nil
}

func cellExtendRepr(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return starlark.String(""), starlark.UnpackArgs("extend_repr", args, kwargs)
}

func denseExtendRepr(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s := fmt.Sprintf("input_channels=%s, output_channels=%s", attr(self, "in_channels"), attr(self, "out_channels"))
	if attr(self, "has_bias") == starlark.True {
		s += ", has_bias=True"
	}
	if act := attr(self, "activation"); act != starlark.None {
		r, err := core.Repr(thread, act)
		if err != nil {
			return nil, err
		}
		s += ", activation=" + r
	}
	return starlark.String(s), nil
}
