package pystd

import (
	"sort"
	"strings"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// The dict subclasses of collections (OrderedDict, defaultdict, Counter)
// embed the *starlark.Dict that stores their items, so indexing, len,
// iteration and the Starlark dict methods work unchanged. Each adds its
// own repr and methods, and BaseDict lets the runtime build the
// keys(), values() and items() views over the embedded dict.

// OrderedDict is collections.OrderedDict: a dict that prints as
// OrderedDict([(k, v), ...]) and has move_to_end and popitem(last=).
type OrderedDict struct {
	*starlark.Dict
}

func newOrderedDict(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	d, err := starlark.Call(thread, pyobj.SizeGuarded("dict"), args, kwargs)
	if err != nil {
		return nil, err
	}
	return &OrderedDict{Dict: d.(*starlark.Dict)}, nil
}

// BaseDict returns the dict that stores the items.
func (d *OrderedDict) BaseDict() *starlark.Dict { return d.Dict }

// Type returns "OrderedDict", Python's type name.
func (d *OrderedDict) Type() string { return "OrderedDict" }

func (d *OrderedDict) String() string {
	if d.Len() == 0 {
		return "OrderedDict()"
	}
	items := make(starlark.Tuple, 0, d.Len())
	for _, kv := range d.Items() {
		items = append(items, kv)
	}
	return "OrderedDict(" + reprOf(starlark.NewList(items)) + ")"
}

// Attr returns move_to_end, popitem and copy, and the dict methods.
func (d *OrderedDict) Attr(name string) (starlark.Value, error) {
	switch name {
	case "move_to_end":
		return starlark.NewBuiltin("move_to_end", d.moveToEnd), nil
	case "popitem":
		return starlark.NewBuiltin("popitem", d.popItem), nil
	case "copy":
		return starlark.NewBuiltin("copy", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return &OrderedDict{Dict: copyDict(d.Dict)}, nil
		}), nil
	}
	return d.Dict.Attr(name)
}

// AttrNames lists the methods.
func (d *OrderedDict) AttrNames() []string {
	return append([]string{"copy", "move_to_end", "popitem"}, d.Dict.AttrNames()...)
}

// moveToEnd implements move_to_end(key, last=True).
func (d *OrderedDict) moveToEnd(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var key starlark.Value
	last := true
	if err := starlark.UnpackArgs("move_to_end", args, kwargs, "key", &key, "last?", &last); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	value, found, err := d.Dict.Get(key)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, keyError(key)
	}
	items := d.Items()
	rest := make([]starlark.Tuple, 0, len(items))
	for _, kv := range items {
		if eq, _ := starlark.Equal(kv[0], key); !eq {
			rest = append(rest, kv)
		}
	}
	moved := starlark.Tuple{key, value}
	if last {
		rest = append(rest, moved)
	} else {
		rest = append([]starlark.Tuple{moved}, rest...)
	}
	return starlark.None, refill(d.Dict, rest)
}

// popItem implements popitem(last=True).
func (d *OrderedDict) popItem(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	last := true
	if err := starlark.UnpackArgs("popitem", args, kwargs, "last?", &last); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	items := d.Items()
	if len(items) == 0 {
		return nil, pyobj.NewError(pyobj.KeyError, "dictionary is empty")
	}
	pick := items[0]
	if last {
		pick = items[len(items)-1]
	}
	if _, _, err := d.Delete(pick[0]); err != nil {
		return nil, err
	}
	return pick, nil
}

// refill replaces the items of d with items, in their order.
func refill(d *starlark.Dict, items []starlark.Tuple) error {
	if err := d.Clear(); err != nil {
		return err
	}
	for _, kv := range items {
		if err := d.SetKey(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

func copyDict(d *starlark.Dict) *starlark.Dict {
	out := starlark.NewDict(d.Len())
	for _, kv := range d.Items() {
		_ = out.SetKey(kv[0], kv[1])
	}
	return out
}

// BaseDict returns the dict that stores the items.
func (d *DefaultDict) BaseDict() *starlark.Dict { return d.Dict }

// Has reports whether key is present without calling default_factory,
// so that "key in d" does not insert it.
func (d *DefaultDict) Has(key starlark.Value) (bool, error) {
	_, found, err := d.Dict.Get(key)
	return found, err
}

// Attr returns copy, default_factory and the dict methods.
func (d *DefaultDict) Attr(name string) (starlark.Value, error) {
	switch name {
	case "default_factory":
		return d.factory, nil
	case "copy":
		return starlark.NewBuiltin("copy", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return &DefaultDict{Dict: copyDict(d.Dict), factory: d.factory, thread: d.thread}, nil
		}), nil
	}
	return d.Dict.Attr(name)
}

// AttrNames lists the attributes.
func (d *DefaultDict) AttrNames() []string {
	return append([]string{"copy", "default_factory"}, d.Dict.AttrNames()...)
}

// Counter is collections.Counter: a dict of counts whose missing keys
// read as 0, printed most common first as Counter({'a': 2, 'b': 1}).
type Counter struct {
	*starlark.Dict
}

func newCounter(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) > 1 {
		return nil, pyobj.TypeErrorf("Counter expected at most 1 argument, got %d", len(args))
	}
	c := &Counter{Dict: starlark.NewDict(0)}
	if err := c.update(args, kwargs, 1); err != nil {
		return nil, err
	}
	return c, nil
}

// BaseDict returns the dict that stores the counts.
func (c *Counter) BaseDict() *starlark.Dict { return c.Dict }

// Type returns "Counter", Python's type name.
func (c *Counter) Type() string { return "Counter" }

// Get returns the count of key, 0 for a missing key, without inserting
// it.
func (c *Counter) Get(key starlark.Value) (starlark.Value, bool, error) {
	v, found, err := c.Dict.Get(key)
	if err != nil || found {
		return v, found, err
	}
	if _, err := key.Hash(); err != nil {
		return nil, false, err
	}
	return starlark.MakeInt(0), true, nil
}

// Has reports whether key has a count, so that "key in c" is false for
// a missing key even though c[key] is 0.
func (c *Counter) Has(key starlark.Value) (bool, error) {
	_, found, err := c.Dict.Get(key)
	return found, err
}

func (c *Counter) String() string {
	if c.Len() == 0 {
		return "Counter()"
	}
	parts := make([]string, 0, c.Len())
	for _, kv := range c.mostCommon() {
		parts = append(parts, reprOf(kv[0])+": "+reprOf(kv[1]))
	}
	return "Counter({" + strings.Join(parts, ", ") + "})"
}

// mostCommon returns the items by descending count; equal counts keep
// insertion order, as CPython's sorted does.
func (c *Counter) mostCommon() []starlark.Tuple {
	items := append([]starlark.Tuple(nil), c.Items()...)
	sort.SliceStable(items, func(i, j int) bool {
		less, err := starlark.Compare(syntax.GT, items[i][1], items[j][1])
		return err == nil && less
	})
	return items
}

// Attr returns the Counter methods and the dict methods.
func (c *Counter) Attr(name string) (starlark.Value, error) {
	method := func(fn func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) (starlark.Value, error) {
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return fn(args, kwargs)
		}), nil
	}
	switch name {
	case "most_common":
		return method(c.mostCommonMethod)
	case "update":
		return method(func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return starlark.None, c.update(args, kwargs, 1)
		})
	case "subtract":
		return method(func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return starlark.None, c.update(args, kwargs, -1)
		})
	case "elements":
		return method(c.elements)
	case "total":
		return method(func(starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			var total starlark.Value = starlark.MakeInt(0)
			for _, kv := range c.Items() {
				sum, err := starlark.Binary(syntax.PLUS, total, kv[1])
				if err != nil {
					return nil, err
				}
				total = sum
			}
			return total, nil
		})
	case "copy":
		return method(func(starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return &Counter{Dict: copyDict(c.Dict)}, nil
		})
	}
	return c.Dict.Attr(name)
}

// AttrNames lists the methods.
func (c *Counter) AttrNames() []string {
	return append([]string{"copy", "elements", "most_common", "subtract", "total", "update"}, c.Dict.AttrNames()...)
}

// mostCommonMethod implements most_common(n=None).
func (c *Counter) mostCommonMethod(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var n starlark.Value = starlark.None
	if err := starlark.UnpackArgs("most_common", args, kwargs, "n?", &n); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	items := c.mostCommon()
	if n != starlark.None {
		k, err := starlark.AsInt32(n)
		if err != nil {
			return nil, pyobj.TypeErrorf("most_common: n must be an int, not %s", n.Type())
		}
		items = items[:max(0, min(k, len(items)))]
	}
	out := make([]starlark.Value, len(items))
	for i, kv := range items {
		out[i] = kv
	}
	return starlark.NewList(out), nil
}

// elements implements elements(): each key repeated by its count.
func (c *Counter) elements(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("elements", args, kwargs, 0); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	var out []starlark.Value
	for _, kv := range c.Items() {
		n, err := starlark.AsInt32(kv[1])
		if err != nil {
			continue
		}
		for range max(n, 0) {
			out = append(out, kv[0])
		}
	}
	return starlark.NewList(out), nil
}

// update adds sign times the counts of a mapping, or one per element of
// an iterable, and of the keyword arguments.
func (c *Counter) update(args starlark.Tuple, kwargs []starlark.Tuple, sign int) error {
	if len(args) > 1 {
		return pyobj.TypeErrorf("update expected at most 1 argument, got %d", len(args))
	}
	var pairs []starlark.Tuple
	if len(args) == 1 {
		var err error
		if pairs, err = countPairs(args[0]); err != nil {
			return err
		}
	}
	pairs = append(pairs, kwargs...)
	for _, kv := range pairs {
		old, _, err := c.Get(kv[0])
		if err != nil {
			return err
		}
		delta := kv[1]
		if sign < 0 {
			if delta, err = starlark.Binary(syntax.MINUS, starlark.MakeInt(0), delta); err != nil {
				return err
			}
		}
		sum, err := starlark.Binary(syntax.PLUS, old, delta)
		if err != nil {
			return err
		}
		if err := c.SetKey(kv[0], sum); err != nil {
			return err
		}
	}
	return nil
}

// countPairs returns (key, count) pairs: the items of a mapping, or
// (element, 1) for each element of an iterable or character of a str.
func countPairs(v starlark.Value) ([]starlark.Tuple, error) {
	if d, ok := v.(interface{ BaseDict() *starlark.Dict }); ok {
		return d.BaseDict().Items(), nil
	}
	if d, ok := v.(*starlark.Dict); ok {
		return d.Items(), nil
	}
	one := starlark.MakeInt(1)
	var pairs []starlark.Tuple
	if s, ok := v.(starlark.String); ok {
		for _, r := range string(s) {
			pairs = append(pairs, starlark.Tuple{starlark.String(string(r)), one})
		}
		return pairs, nil
	}
	iterable, ok := v.(starlark.Iterable)
	if !ok {
		return nil, pyobj.TypeErrorf("'%s' object is not iterable", v.Type())
	}
	it := iterable.Iterate()
	defer it.Done()
	var x starlark.Value
	for it.Next(&x) {
		pairs = append(pairs, starlark.Tuple{x, one})
	}
	return pairs, nil
}

// keyError returns KeyError(key), whose str() is the repr of key.
func keyError(key starlark.Value) error {
	err := pyobj.NewError(pyobj.KeyError, "")
	_ = err.Exception().DictSet("args", starlark.Tuple{key})
	return err
}

// dictBacked is a value whose items live in a *starlark.Dict: a dict
// or one of the collections dict subclasses.
type dictBacked interface{ BaseDict() *starlark.Dict }

// BaseDictOf returns the dict that stores v's items, for a dict or a
// collections dict subclass, and false when v is not a dict.
func BaseDictOf(v starlark.Value) (*starlark.Dict, bool) {
	switch d := v.(type) {
	case *starlark.Dict:
		return d, true
	case dictBacked:
		return d.BaseDict(), true
	}
	return nil, false
}

// equalDicts compares x with any dict or dict subclass y by their items,
// in any order.
func equalDicts(x *starlark.Dict, y starlark.Value) (bool, bool, error) {
	other, ok := BaseDictOf(y)
	if !ok {
		return false, false, nil
	}
	eq, err := starlark.Equal(x, other)
	return eq, true, err
}

// Equal compares two OrderedDicts item by item in order, and an
// OrderedDict with any other dict regardless of order, as Python does.
func (d *OrderedDict) Equal(y starlark.Value) (bool, bool, error) {
	other, ok := y.(*OrderedDict)
	if !ok {
		return equalDicts(d.Dict, y)
	}
	if d.Len() != other.Len() {
		return false, true, nil
	}
	mine, theirs := d.Items(), other.Items()
	for i := range mine {
		eq, err := starlark.Equal(mine[i], theirs[i])
		if err != nil || !eq {
			return false, true, err
		}
	}
	return true, true, nil
}

// CompareSameType compares two OrderedDicts for == and != inside
// containers, where go.starlark.net compares the elements itself.
func (d *OrderedDict) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	eq, _, err := d.Equal(y)
	return compareResult(op, eq, "OrderedDict", err)
}

// Equal compares a defaultdict with any dict by its items.
func (d *DefaultDict) Equal(y starlark.Value) (bool, bool, error) { return equalDicts(d.Dict, y) }

// CompareSameType compares two defaultdicts for == and !=.
func (d *DefaultDict) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	eq, _, err := d.Equal(y)
	return compareResult(op, eq, "collections.defaultdict", err)
}

// Equal compares a Counter with any dict by its items.
func (c *Counter) Equal(y starlark.Value) (bool, bool, error) { return equalDicts(c.Dict, y) }

// CompareSameType compares two Counters for == and !=.
func (c *Counter) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	eq, _, err := c.Equal(y)
	return compareResult(op, eq, "Counter", err)
}

func compareResult(op syntax.Token, eq bool, typeName string, err error) (bool, error) {
	switch {
	case err != nil:
		return false, err
	case op == syntax.EQL:
		return eq, nil
	case op == syntax.NEQ:
		return !eq, nil
	}
	return false, pyobj.TypeErrorf("'%s' not supported between instances of '%s' and '%s'", op, typeName, typeName)
}
