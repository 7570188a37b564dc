package syntax

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"go.starlark.net/starlark"
)

// Stand-ins for the runtime builtins of try, raise, with, cells and
// star-unpacking. An exception here is a Go error whose text is the
// raised value's str, and an except clause matches when that text
// starts with the string its types function returns.

// standinCells is a mutable attribute bag, the stand-in for cells.
type standinCells struct{ values map[string]starlark.Value }

func (c *standinCells) String() string        { return "cells" }
func (c *standinCells) Type() string          { return "cells" }
func (c *standinCells) Freeze()               {}
func (c *standinCells) Truth() starlark.Bool  { return true }
func (c *standinCells) Hash() (uint32, error) { return 0, errors.New("unhashable: cells") }
func (c *standinCells) Attr(name string) (starlark.Value, error) {
	if v, ok := c.values[name]; ok {
		return v, nil
	}
	return nil, fmt.Errorf("NameError: %s is unbound", name)
}
func (c *standinCells) AttrNames() []string {
	var names []string
	for name := range c.values {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
func (c *standinCells) SetField(name string, v starlark.Value) error {
	c.values[name] = v
	return nil
}

// raised is the error of a stand-in raise.
type raised struct{ value starlark.Value }

func (r *raised) Error() string { return str(r.value) }

func call(thread *starlark.Thread, fn starlark.Value, args ...starlark.Value) (starlark.Value, error) {
	return starlark.Call(thread, fn, args, nil)
}

func blockStandins() starlark.StringDict {
	newCells := func(*starlark.Thread, starlark.Tuple) (starlark.Value, error) {
		return &standinCells{values: map[string]starlark.Value{}}, nil
	}
	iterList := func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
		var elems []starlark.Value
		iter := starlark.Iterate(args[0])
		defer iter.Done()
		var x starlark.Value
		for iter.Next(&x) {
			elems = append(elems, x)
		}
		return starlark.NewList(elems), nil
	}
	return starlark.StringDict{
		"__cells__":        builtin("__cells__", newCells),
		"__module_cells__": builtin("__module_cells__", newCells),
		"__delname__": builtin("__delname__", func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			delete(args[0].(*standinCells).values, str(args[1]))
			return starlark.None, nil
		}),
		"__raise__": builtin("__raise__", func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			if len(args) == 0 {
				return nil, &raised{starlark.String("reraised")}
			}
			return nil, &raised{args[0]}
		}),
		"__try__":  builtin("__try__", standinTry),
		"__with__": builtin("__with__", standinWith),
		"__unpack__": builtin("__unpack__", func(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			list, _ := iterList(thread, args[:1])
			elems := list.(*starlark.List)
			var before, after int
			starlark.AsInt(args[1], &before)
			starlark.AsInt(args[2], &after)
			var out starlark.Tuple
			for i := 0; i < before; i++ {
				out = append(out, elems.Index(i))
			}
			var middle []starlark.Value
			for i := before; i < elems.Len()-after; i++ {
				middle = append(middle, elems.Index(i))
			}
			out = append(out, starlark.NewList(middle))
			for i := elems.Len() - after; i < elems.Len(); i++ {
				out = append(out, elems.Index(i))
			}
			return out, nil
		}),
		"__iterlist__": builtin("__iterlist__", iterList),
		"__itertuple__": builtin("__itertuple__", func(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			list, _ := iterList(thread, args)
			return starlark.Tuple(listElems(list.(*starlark.List))), nil
		}),
		"__set__": builtin("__set__", func(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			list, _ := iterList(thread, args)
			set := starlark.NewSet(0)
			for _, x := range listElems(list.(*starlark.List)) {
				if err := set.Insert(x); err != nil {
					return nil, err
				}
			}
			return set, nil
		}),
		"__genexp__": builtin("__genexp__", func(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			// The stand-in runs the body eagerly, collecting its values.
			body := builtin("<genexpr>", func(thread *starlark.Thread, _ starlark.Tuple) (starlark.Value, error) {
				return call(thread, args[1], args[0])
			})
			return standinGenerator(thread, starlark.Tuple{body})
		}),
		"__foriter__": builtin("__foriter__", func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			return args[0], nil
		}),
		"__attr__": builtin("__attr__", func(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			if c, ok := args[0].(starlark.Callable); ok && str(args[1]) == "__name__" {
				return starlark.String(c.Name()), nil
			}
			return args[0].(starlark.HasAttrs).Attr(str(args[1]))
		}),
		"__dict_display__": builtin("__dict_display__", mergeStandin),
		"__kwargs__":       builtin("__kwargs__", mergeStandin),
		"__method_call__": starlark.NewBuiltin("__method_call__", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			method, err := args[0].(starlark.HasAttrs).Attr(str(args[1]))
			if err != nil {
				return nil, err
			}
			return starlark.Call(thread, method, args[2:], kwargs)
		}),
		"__format_call__": starlark.NewBuiltin("__format_call__", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			method, err := args[0].(starlark.HasAttrs).Attr("format")
			if err != nil {
				return nil, err
			}
			return starlark.Call(thread, method, args[1:], kwargs)
		}),
	}
}

func listElems(l *starlark.List) []starlark.Value {
	out := make([]starlark.Value, l.Len())
	for i := range out {
		out[i] = l.Index(i)
	}
	return out
}

func mergeStandin(_ *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	out := starlark.NewDict(0)
	for _, d := range args {
		for _, item := range d.(*starlark.Dict).Items() {
			out.SetKey(item[0], item[1])
		}
	}
	return out, nil
}

func standinTry(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	status, err := call(thread, args[0])
	if err == nil && args[2] != starlark.None {
		status, err = call(thread, args[2])
	} else if err != nil {
		for _, h := range args[1].(starlark.Tuple) {
			pair := h.(starlark.Tuple)
			matched := pair[0] == starlark.None
			if !matched {
				prefix, terr := call(thread, pair[0])
				if terr != nil {
					return nil, terr
				}
				matched = strings.HasPrefix(errorText(err), str(prefix))
			}
			if matched {
				status, err = call(thread, pair[1], starlark.String(errorText(err)))
				break
			}
		}
	}
	if args[3] != starlark.None {
		fstatus, ferr := call(thread, args[3])
		if ferr != nil {
			return nil, ferr
		}
		if fstatus != starlark.None {
			return fstatus, nil
		}
	}
	return status, err
}

// errorText returns the message of err without go.starlark.net's
// backtrace.
func errorText(err error) string {
	var r *raised
	if errors.As(err, &r) {
		return r.Error()
	}
	var ee *starlark.EvalError
	if errors.As(err, &ee) {
		return ee.Msg
	}
	return err.Error()
}

func standinWith(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
	manager := args[0].(starlark.HasAttrs)
	enter, _ := manager.Attr("enter")
	exit, _ := manager.Attr("exit")
	value, err := call(thread, enter)
	if err != nil {
		return nil, err
	}
	status, err := call(thread, args[1], value)
	var text starlark.Value = starlark.None
	if err != nil {
		text = starlark.String(errorText(err))
	}
	if _, xerr := call(thread, exit, text); xerr != nil {
		return nil, xerr
	}
	return status, err
}
