package runtime

import (
	"fmt"
	"unsafe"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

const (
	syntaxPlus     = syntax.PLUS
	syntaxFloorDiv = syntax.SLASHSLASH
	syntaxMod      = syntax.PERCENT
	syntaxIn       = syntax.IN
)

// lazyIter is the iterator object of iter(), map() and filter(): it
// pulls from an underlying Starlark iterator on demand.
type lazyIter struct {
	name string
	next func() (starlark.Value, bool, error)
	done bool
}

var _ starlark.Iterable = (*lazyIter)(nil)

func (l *lazyIter) String() string        { return fmt.Sprintf("<%s object>", l.name) }
func (l *lazyIter) Type() string          { return l.name }
func (l *lazyIter) Freeze()               {}
func (l *lazyIter) Truth() starlark.Bool  { return true }
func (l *lazyIter) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable type: '%s'", l.name) }
func (l *lazyIter) Iterate() starlark.Iterator {
	return &lazyIterator{l: l}
}

func (l *lazyIter) pull() (starlark.Value, bool, error) {
	if l.done {
		return nil, false, nil
	}
	v, ok, err := l.next()
	if !ok || err != nil {
		l.done = true
	}
	return v, ok, err
}

type lazyIterator struct{ l *lazyIter }

func (it *lazyIterator) Next(p *starlark.Value) bool {
	v, ok, err := it.l.pull()
	if err != nil || !ok {
		return false
	}
	*p = v
	return true
}
func (it *lazyIterator) Done() {}

// iterOf returns a pull function over any iterable; a Generator is
// pulled directly so that its errors surface.
func iterOf(v starlark.Value) (func() (starlark.Value, bool, error), error) {
	switch x := v.(type) {
	case *Generator:
		return x.st.next, nil
	case *lazyIter:
		return x.pull, nil
	}
	iterable, ok := v.(starlark.Iterable)
	if !ok {
		return nil, pyobj.TypeErrorf("'%s' object is not iterable", v.Type())
	}
	it := iterable.Iterate()
	return func() (starlark.Value, bool, error) {
		var x starlark.Value
		if it.Next(&x) {
			return x, true, nil
		}
		it.Done()
		return nil, false, nil
	}, nil
}

func pyIter(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("iter", args, kwargs)
	if err != nil {
		return nil, err
	}
	switch v.(type) {
	case *Generator, *lazyIter:
		return v, nil
	}
	next, err := iterOf(v)
	if err != nil {
		return nil, err
	}
	return &lazyIter{name: "iterator", next: next}, nil
}

func pyNext(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) < 1 || len(args) > 2 {
		return nil, pyobj.TypeErrorf("next expected 1 or 2 arguments, got %d", len(args))
	}
	var pull func() (starlark.Value, bool, error)
	switch x := args[0].(type) {
	case *Generator:
		pull = x.st.next
	case *lazyIter:
		pull = x.pull
	case *pyobj.Instance:
		v, err := pyobj.CallMethod(thread, x, "__next__", nil, nil)
		if err != nil && len(args) == 2 {
			if typ, _ := pyobj.Classify(err); typ == "StopIteration" {
				return args[1], nil
			}
		}
		return v, err
	default:
		return nil, pyobj.TypeErrorf("'%s' object is not an iterator", args[0].Type())
	}
	v, ok, err := pull()
	if err != nil {
		return nil, err
	}
	if !ok {
		if len(args) == 2 {
			return args[1], nil
		}
		return nil, core.NewError("StopIteration", "")
	}
	return v, nil
}

func pyMap(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) < 2 {
		return nil, pyobj.TypeErrorf("map() must have at least two arguments.")
	}
	fn := args[0]
	pulls := make([]func() (starlark.Value, bool, error), len(args)-1)
	for i, a := range args[1:] {
		p, err := iterOf(a)
		if err != nil {
			return nil, err
		}
		pulls[i] = p
	}
	return &lazyIter{name: "map", next: func() (starlark.Value, bool, error) {
		vals := make(starlark.Tuple, len(pulls))
		for i, p := range pulls {
			v, ok, err := p()
			if err != nil || !ok {
				return nil, false, err
			}
			vals[i] = v
		}
		r, err := starlark.Call(thread, fn, vals, nil)
		return r, err == nil, err
	}}, nil
}

func pyFilter(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 {
		return nil, pyobj.TypeErrorf("filter expected 2 arguments, got %d", len(args))
	}
	fn := args[0]
	pull, err := iterOf(args[1])
	if err != nil {
		return nil, err
	}
	return &lazyIter{name: "filter", next: func() (starlark.Value, bool, error) {
		for {
			v, ok, err := pull()
			if err != nil || !ok {
				return nil, false, err
			}
			keep := v.Truth()
			if fn != starlark.None {
				r, err := starlark.Call(thread, fn, starlark.Tuple{v}, nil)
				if err != nil {
					return nil, false, err
				}
				keep = r.Truth()
			}
			if keep {
				return v, true, nil
			}
		}
	}}, nil
}

// identity returns a stable number for v, as id() does: the address for
// reference values, and a value-derived number for the rest.
func identity(v starlark.Value) uintptr {
	type iface struct {
		typ, data unsafe.Pointer
	}
	return uintptr((*iface)(unsafe.Pointer(&v)).data)
}
