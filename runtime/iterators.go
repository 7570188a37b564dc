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
	// thread is the thread that made the iterator. A Starlark loop or
	// list() cannot see an iterator's error, so an error stops this
	// thread and the runtime reports it in place of the cancellation,
	// as for generators.
	thread *starlark.Thread
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
	if err != nil {
		if it.l.thread != nil {
			it.l.thread.SetLocal(pendingErrKey, err)
			it.l.thread.Cancel(err.Error())
		}
		return false
	}
	if !ok {
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
	next, err := pullOf(v)
	if err != nil {
		return nil, err
	}
	return &lazyIter{name: "iterator", next: next, thread: thread}, nil
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
		return nil, &generatorError{err: err}
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
		p, err := pullOf(a)
		if err != nil {
			return nil, err
		}
		pulls[i] = p
	}
	return &lazyIter{name: "map", thread: thread, next: func() (starlark.Value, bool, error) {
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
	pull, err := pullOf(args[1])
	if err != nil {
		return nil, err
	}
	return &lazyIter{name: "filter", thread: thread, next: func() (starlark.Value, bool, error) {
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

// pyForIter implements __foriter__(x), which wraps the iterable of every
// for loop and comprehension: a str iterates over its characters, as in
// Python, and anything else passes through unchanged.
func pyForIter(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("__foriter__", args, kwargs)
	if err != nil {
		return nil, err
	}
	if s, ok := v.(starlark.String); ok {
		return stringChars(s), nil
	}
	return v, nil
}

// stringChars returns the characters (code points) of s as a tuple.
func stringChars(s starlark.String) starlark.Tuple {
	out := make(starlark.Tuple, 0, len(s))
	for _, r := range string(s) {
		out = append(out, starlark.String(string(r)))
	}
	return out
}

// pullOf returns a pull function over v, counting a str as its
// characters.
func pullOf(v starlark.Value) (func() (starlark.Value, bool, error), error) {
	if s, ok := v.(starlark.String); ok {
		v = stringChars(s)
	}
	return iterOf(v)
}

// pyZip implements zip(*iterables) lazily, as Python 3 does, so that an
// infinite generator can be zipped with a finite sequence.
func pyZip(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyobj.TypeErrorf("zip() takes no keyword arguments here")
	}
	pulls := make([]func() (starlark.Value, bool, error), len(args))
	for i, a := range args {
		p, err := pullOf(a)
		if err != nil {
			return nil, pyobj.TypeErrorf("zip argument #%d must support iteration", i+1)
		}
		pulls[i] = p
	}
	return &lazyIter{name: "zip", thread: thread, next: func() (starlark.Value, bool, error) {
		if len(pulls) == 0 {
			return nil, false, nil
		}
		row := make(starlark.Tuple, len(pulls))
		for i, p := range pulls {
			v, ok, err := p()
			if err != nil || !ok {
				return nil, false, err
			}
			row[i] = v
		}
		return row, true, nil
	}}, nil
}

// pyEnumerate implements enumerate(iterable, start=0) lazily.
func pyEnumerate(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var iterable starlark.Value
	start := 0
	if err := starlark.UnpackArgs("enumerate", args, kwargs, "iterable", &iterable, "start?", &start); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	pull, err := pullOf(iterable)
	if err != nil {
		return nil, pyobj.TypeErrorf("'%s' object is not iterable", pyTypeName(iterable))
	}
	i := start
	return &lazyIter{name: "enumerate", thread: thread, next: func() (starlark.Value, bool, error) {
		v, ok, err := pull()
		if err != nil || !ok {
			return nil, false, err
		}
		pair := starlark.Tuple{starlark.MakeInt(i), v}
		i++
		return pair, true, nil
	}}, nil
}

// stringIterables wraps go.starlark.net's functions that take
// iterables so that a str argument counts as its characters, as in
// Python. which lists the positional arguments that may be strings; -1
// means all of them, and min and max convert only a lone argument.
func stringIterables() starlark.StringDict {
	wrap := func(name string, which int) *starlark.Builtin {
		inner := pyobj.SizeGuarded(name)
		if name == "sorted" {
			inner = sortedBuiltin
		}
		return builtin(name, func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var converted starlark.Tuple
			for i, a := range args {
				s, ok := a.(starlark.String)
				if !ok || which >= 0 && i != which || (name == "min" || name == "max") && len(args) != 1 {
					continue
				}
				if converted == nil {
					converted = append(starlark.Tuple(nil), args...)
				}
				converted[i] = stringChars(s)
			}
			if converted != nil {
				args = converted
			}
			return starlark.Call(thread, inner, args, kwargs)
		})
	}
	return starlark.StringDict{
		"zip":       builtin("zip", pyZip),
		"enumerate": builtin("enumerate", pyEnumerate),
		"sorted":    withScalarOrder("sorted", wrap("sorted", 0)),
		"reversed":  wrap("reversed", 0),
		"set":       setType,
		"frozenset": frozenSetType,
		"any":       wrap("any", 0),
		"all":       wrap("all", 0),
		"min":       withDefault("min", withScalarOrder("min", wrap("min", 0))),
		"max":       withDefault("max", withScalarOrder("max", wrap("max", 0))),
	}
}

// withDefault adds the default= keyword of min and max: the value to
// return when the lone iterable argument is empty.
func withDefault(name string, inner *starlark.Builtin) *starlark.Builtin {
	return builtin(name, func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var fallback starlark.Value
		rest := make([]starlark.Tuple, 0, len(kwargs))
		for _, kv := range kwargs {
			if key, _ := starlark.AsString(kv[0]); key == "default" {
				fallback = kv[1]
				continue
			}
			rest = append(rest, kv)
		}
		if fallback == nil {
			return starlark.Call(thread, inner, args, kwargs)
		}
		if len(args) != 1 {
			return nil, pyobj.TypeErrorf("Cannot specify a default for %s() with multiple positional arguments", name)
		}
		elems, err := iterate(args[0], name+"() argument")
		if err != nil {
			return nil, err
		}
		if len(elems) == 0 {
			return fallback, nil
		}
		return starlark.Call(thread, inner, starlark.Tuple{starlark.Tuple(elems)}, rest)
	})
}

// sequenceConstructor returns list() or tuple(). A str argument gives
// its characters, as in Python. A script iterable or generator is
// iterated with its errors returned, and anything else goes to
// go.starlark.net's builtin.
func sequenceConstructor(name string) func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 1 && len(kwargs) == 0 {
			switch args[0].(type) {
			case starlark.String, *pyobj.Instance, *Generator, *lazyIter:
				elems, err := iterate(args[0], name+"() argument")
				if err != nil {
					return nil, err
				}
				if name == "tuple" {
					return starlark.Tuple(elems), nil
				}
				return starlark.NewList(elems), nil
			}
		}
		return starlark.Call(thread, pyobj.SizeGuarded(name), args, kwargs)
	}
}

// pyGenexp implements __genexp__(iterable, body), a generator
// expression: body is a function of one argument that iterates over it
// and passes each value to __yield__, and it runs lazily as a generator
// over iterable, which the front end evaluated at once.
//
// A list is read by index and a dict or set is copied first, so that
// an unfinished generator expression does not lock them against
// changes, as Starlark's iterators do. NOTE: the iterables of later for
// clauses are still locked while the generator is suspended inside
// them.
func pyGenexp(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 || len(kwargs) != 0 {
		return nil, pyobj.TypeErrorf("__genexp__: want an iterable and a body function, got %d arguments", len(args))
	}
	body, ok := args[1].(starlark.Callable)
	if !ok {
		return nil, pyobj.TypeErrorf("__genexp__: body is %s, not callable", args[1].Type())
	}
	iterable, err := genexpSource(args[0])
	if err != nil {
		return nil, err
	}
	run := starlark.NewBuiltin("<genexpr>", func(thread *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		return starlark.Call(thread, body, starlark.Tuple{iterable}, nil)
	})
	return newGenerator(thread, run), nil
}

// genexpSource returns what the first for clause of a generator
// expression iterates over, raising TypeError when v is not iterable.
func genexpSource(v starlark.Value) (starlark.Value, error) {
	switch x := v.(type) {
	case starlark.String:
		return stringChars(x), nil
	case *starlark.List:
		return &listByIndex{list: x}, nil
	case *starlark.Dict, *starlark.Set:
		return starlark.Tuple(elementsOf(x.(starlark.Iterable))), nil
	case starlark.Iterable:
		return v, nil
	}
	return nil, pyobj.TypeErrorf("'%s' object is not iterable", pyTypeName(v))
}

// elementsOf returns the elements of a Starlark iterable.
func elementsOf(x starlark.Iterable) []starlark.Value {
	it := x.Iterate()
	defer it.Done()
	var out []starlark.Value
	var e starlark.Value
	for it.Next(&e) {
		out = append(out, e)
	}
	return out
}

// listByIndex iterates over a list by index, as Python's list iterator
// does: appends made during iteration are seen, and the list is never
// locked.
type listByIndex struct{ list *starlark.List }

func (l *listByIndex) String() string       { return l.list.String() }
func (l *listByIndex) Type() string         { return "list_iterator" }
func (l *listByIndex) Freeze()              { l.list.Freeze() }
func (l *listByIndex) Truth() starlark.Bool { return true }
func (l *listByIndex) Hash() (uint32, error) {
	return 0, pyobj.TypeErrorf("unhashable type: 'list_iterator'")
}

func (l *listByIndex) Iterate() starlark.Iterator { return &listIndexIterator{list: l.list} }

type listIndexIterator struct {
	list *starlark.List
	i    int
}

func (it *listIndexIterator) Next(p *starlark.Value) bool {
	if it.i >= it.list.Len() {
		return false
	}
	*p = it.list.Index(it.i)
	it.i++
	return true
}

func (it *listIndexIterator) Done() {}
