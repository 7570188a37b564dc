package runtime

import (
	"sort"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// sortedBuiltin is go.starlark.net's sorted(iterable, key=None,
// reverse=False) changed to stop comparing at the first comparison that
// fails and to return that error, as CPython does. go.starlark.net
// keeps sorting and returns the last error, so its sorted([1, 2, "b", 3])
// names 'int' and 'str' where CPython names 'str' and 'int'.
var sortedBuiltin = starlark.NewBuiltin("sorted", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := pyobj.CheckCollectionLen("sorted", args); err != nil {
		return nil, err
	}
	var iterable starlark.Iterable
	var key starlark.Callable
	var reverse bool
	if err := starlark.UnpackArgs("sorted", args, kwargs, "iterable", &iterable, "key?", &key, "reverse?", &reverse); err != nil {
		return nil, err
	}
	values := iterableValues(iterable)
	var keys []starlark.Value
	if key != nil {
		keys = make([]starlark.Value, len(values))
		for i, v := range values {
			k, err := starlark.Call(thread, key, starlark.Tuple{v}, nil)
			if err != nil {
				return nil, err
			}
			keys[i] = k
		}
	}
	s := &firstErrorSort{keys: keys, values: values}
	if reverse {
		sort.Stable(sort.Reverse(s))
	} else {
		sort.Stable(s)
	}
	return starlark.NewList(s.values), s.err
})

func iterableValues(iterable starlark.Iterable) []starlark.Value {
	iter := iterable.Iterate()
	defer iter.Done()
	var values []starlark.Value
	var x starlark.Value
	for iter.Next(&x) {
		values = append(values, x)
	}
	return values
}

// firstErrorSort sorts values by keys, or by the values themselves when
// keys is nil, with Python's < on the keys. After the first failed
// comparison every comparison reports false without running, so err is
// the first error.
type firstErrorSort struct {
	keys   []starlark.Value
	values []starlark.Value
	err    error
}

func (s *firstErrorSort) Len() int { return len(s.values) }

func (s *firstErrorSort) Less(i, j int) bool {
	if s.err != nil {
		return false
	}
	keys := s.keys
	if keys == nil {
		keys = s.values
	}
	less, err := starlark.Compare(syntax.LT, keys[i], keys[j])
	if err != nil {
		s.err = err
	}
	return less
}

func (s *firstErrorSort) Swap(i, j int) {
	if s.keys != nil {
		s.keys[i], s.keys[j] = s.keys[j], s.keys[i]
	}
	s.values[i], s.values[j] = s.values[j], s.values[i]
}
