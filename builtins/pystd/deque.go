package pystd

import (
	"strconv"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// Deque is collections.deque: a sequence with appends and pops at both
// ends. With a maxlen, adding to a full deque drops an element from the
// other end, as in Python.
type Deque struct {
	elems  []starlark.Value
	maxlen int // -1 when unbounded
	frozen bool
}

var (
	_ starlark.Indexable = (*Deque)(nil)
	_ starlark.Iterable  = (*Deque)(nil)
	_ starlark.HasAttrs  = (*Deque)(nil)
)

func newDeque(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var iterable, maxlen starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs("deque", args, kwargs, "iterable?", &iterable, "maxlen?", &maxlen); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	d := &Deque{maxlen: -1}
	if maxlen != starlark.None {
		n, err := starlark.AsInt32(maxlen)
		if err != nil {
			return nil, pyobj.TypeErrorf("an integer is required")
		}
		if n < 0 {
			return nil, pyobj.ValueErrorf("maxlen must be non-negative")
		}
		d.maxlen = n
	}
	if iterable != starlark.None {
		elems, err := elementsOf(iterable)
		if err != nil {
			return nil, err
		}
		for _, e := range elems {
			d.push(e, false)
		}
	}
	return d, nil
}

// elementsOf returns the elements of an iterable, counting a str as its
// characters.
func elementsOf(v starlark.Value) ([]starlark.Value, error) {
	if s, ok := v.(starlark.String); ok {
		var out []starlark.Value
		for _, r := range string(s) {
			out = append(out, starlark.String(string(r)))
		}
		return out, nil
	}
	iterable, ok := v.(starlark.Iterable)
	if !ok {
		return nil, pyobj.TypeErrorf("'%s' object is not iterable", v.Type())
	}
	it := iterable.Iterate()
	defer it.Done()
	var out []starlark.Value
	var x starlark.Value
	for it.Next(&x) {
		out = append(out, x)
	}
	return out, nil
}

// push adds v at the right end, or the left end when left is set,
// dropping from the other end when the deque is full.
func (d *Deque) push(v starlark.Value, left bool) {
	if d.maxlen == 0 {
		return
	}
	if d.maxlen > 0 && len(d.elems) == d.maxlen {
		if left {
			d.elems = d.elems[:len(d.elems)-1]
		} else {
			d.elems = d.elems[1:]
		}
	}
	if left {
		d.elems = append([]starlark.Value{v}, d.elems...)
	} else {
		d.elems = append(d.elems, v)
	}
}

func (d *Deque) String() string {
	s := "deque(" + reprOf(starlark.NewList(append([]starlark.Value(nil), d.elems...)))
	if d.maxlen >= 0 {
		s += ", maxlen=" + strconv.Itoa(d.maxlen)
	}
	return s + ")"
}

// Type returns "deque", Python's type name.
func (d *Deque) Type() string               { return "deque" }
func (d *Deque) Truth() starlark.Bool       { return len(d.elems) > 0 }
func (d *Deque) Len() int                   { return len(d.elems) }
func (d *Deque) Index(i int) starlark.Value { return d.elems[i] }
func (d *Deque) Iterate() starlark.Iterator {
	return starlark.Tuple(append([]starlark.Value(nil), d.elems...)).Iterate()
}
func (d *Deque) Hash() (uint32, error)              { return 0, pyobj.TypeErrorf("unhashable type: 'deque'") }
func (d *Deque) Freeze()                            { d.frozen = true }
func (d *Deque) Has(x starlark.Value) (bool, error) { return starlark.Tuple(d.elems).Has(x) }

// Attr returns the deque methods and maxlen.
func (d *Deque) Attr(name string) (starlark.Value, error) {
	if name == "maxlen" {
		if d.maxlen < 0 {
			return starlark.None, nil
		}
		return starlark.MakeInt(d.maxlen), nil
	}
	fn, ok := dequeMethods[name]
	if !ok {
		return nil, nil
	}
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if d.frozen && name != "count" && name != "index" && name != "copy" {
			return nil, pyobj.TypeErrorf("deque.%s: cannot change a frozen deque", name)
		}
		return fn(d, args, kwargs)
	}), nil
}

// AttrNames lists the methods.
func (d *Deque) AttrNames() []string {
	names := []string{"maxlen"}
	for name := range dequeMethods {
		names = append(names, name)
	}
	return names
}

type dequeMethod func(d *Deque, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

var dequeMethods map[string]dequeMethod

func init() {
	dequeMethods = map[string]dequeMethod{
		"append": func(d *Deque, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return d.add("append", args, kw, false)
		},
		"appendleft": func(d *Deque, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return d.add("appendleft", args, kw, true)
		},
		"extend": func(d *Deque, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return d.extend("extend", args, kw, false)
		},
		"extendleft": func(d *Deque, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return d.extend("extendleft", args, kw, true)
		},
		"pop": func(d *Deque, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return d.pop("pop", args, kw, false)
		},
		"popleft": func(d *Deque, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return d.pop("popleft", args, kw, true)
		},
		"rotate": (*Deque).rotate,
		"clear":  (*Deque).clear,
		"copy":   (*Deque).copyMethod,
		"count":  (*Deque).count,
		"index":  (*Deque).index,
		"remove": (*Deque).remove,
	}
}

func (d *Deque) add(name string, args starlark.Tuple, kwargs []starlark.Tuple, left bool) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &v); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	d.push(v, left)
	return starlark.None, nil
}

func (d *Deque) extend(name string, args starlark.Tuple, kwargs []starlark.Tuple, left bool) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &v); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	elems, err := elementsOf(v)
	if err != nil {
		return nil, err
	}
	for _, e := range elems {
		d.push(e, left)
	}
	return starlark.None, nil
}

func (d *Deque) pop(name string, args starlark.Tuple, kwargs []starlark.Tuple, left bool) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(name, args, kwargs, 0); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	if len(d.elems) == 0 {
		return nil, pyobj.IndexErrorf("pop from an empty deque")
	}
	if left {
		v := d.elems[0]
		d.elems = d.elems[1:]
		return v, nil
	}
	v := d.elems[len(d.elems)-1]
	d.elems = d.elems[:len(d.elems)-1]
	return v, nil
}

// rotate implements rotate(n=1): n steps to the right, or to the left
// when n is negative.
func (d *Deque) rotate(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n := 1
	if err := starlark.UnpackPositionalArgs("rotate", args, kwargs, 0, &n); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	if len(d.elems) == 0 {
		return starlark.None, nil
	}
	k := ((n % len(d.elems)) + len(d.elems)) % len(d.elems)
	cut := len(d.elems) - k
	d.elems = append(append([]starlark.Value(nil), d.elems[cut:]...), d.elems[:cut]...)
	return starlark.None, nil
}

func (d *Deque) clear(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("clear", args, kwargs, 0); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	d.elems = nil
	return starlark.None, nil
}

func (d *Deque) copyMethod(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("copy", args, kwargs, 0); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	return &Deque{elems: append([]starlark.Value(nil), d.elems...), maxlen: d.maxlen}, nil
}

func (d *Deque) count(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("count", args, kwargs, 1, &x); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	n := 0
	for _, e := range d.elems {
		eq, err := starlark.Equal(e, x)
		if err != nil {
			return nil, err
		}
		if eq {
			n++
		}
	}
	return starlark.MakeInt(n), nil
}

// index returns the position of the first x in d[start:stop], raising
// ValueError when there is none, as deque.index does.
func (d *Deque) index(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	start, stop := 0, len(d.elems)
	if err := starlark.UnpackPositionalArgs("index", args, kwargs, 1, &x, &start, &stop); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	start, stop = clampIndex(start, len(d.elems)), clampIndex(stop, len(d.elems))
	for i := start; i < stop; i++ {
		eq, err := starlark.Equal(d.elems[i], x)
		if err != nil {
			return nil, err
		}
		if eq {
			return starlark.MakeInt(i), nil
		}
	}
	return nil, pyobj.ValueErrorf("%s is not in deque", reprOf(x))
}

// clampIndex turns a negative index into one from the end and limits
// it to [0, n], as slicing does.
func clampIndex(i, n int) int {
	if i < 0 {
		i += n
	}
	return max(0, min(i, n))
}

func (d *Deque) remove(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("remove", args, kwargs, 1, &x); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	for i, e := range d.elems {
		eq, err := starlark.Equal(e, x)
		if err != nil {
			return nil, err
		}
		if eq {
			d.elems = append(d.elems[:i], d.elems[i+1:]...)
			return starlark.None, nil
		}
	}
	return nil, pyobj.ValueErrorf("%s is not in deque", reprOf(x))
}
