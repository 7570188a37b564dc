package runtime

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// The itertools module lives in the runtime, not in builtins/pystd,
// because its iterators are the runtime's lazy iterators: next() works
// on them and a generator's error stops the loop that pulls from them.

type pullFunc = func() (starlark.Value, bool, error)

func itertoolsModule() *core.Module {
	return core.NewModule("itertools", starlark.StringDict{
		"count":        builtin("count", itCount),
		"cycle":        builtin("cycle", itCycle),
		"repeat":       builtin("repeat", itRepeat),
		"chain":        chainFunction,
		"islice":       builtin("islice", itIslice),
		"product":      builtin("product", itProduct),
		"permutations": builtin("permutations", itPermutations),
		"combinations": builtin("combinations", itCombinations),
		"accumulate":   builtin("accumulate", itAccumulate),
		"groupby":      builtin("groupby", itGroupby),
		"zip_longest":  builtin("zip_longest", itZipLongest),
		"starmap":      builtin("starmap", itStarmap),
		"takewhile":    builtin("takewhile", itTakewhile),
		"dropwhile":    builtin("dropwhile", itDropwhile),
		"pairwise":     builtin("pairwise", itPairwise),
	})
}

func init() { builders["itertools"] = itertoolsModule }

func newIter(thread *starlark.Thread, name string, next pullFunc) *lazyIter {
	return &lazyIter{name: "itertools." + name, thread: thread, next: next}
}

// itCount implements count(start=0, step=1), which never ends.
func itCount(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var start, step starlark.Value = starlark.MakeInt(0), starlark.MakeInt(1)
	if err := starlark.UnpackArgs("count", args, kwargs, "start?", &start, "step?", &step); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	current := start
	return newIter(thread, "count", func() (starlark.Value, bool, error) {
		v := current
		next, err := starlark.Binary(syntax.PLUS, current, step)
		if err != nil {
			return nil, false, err
		}
		current = next
		return v, true, nil
	}), nil
}

// itCycle implements cycle(iterable): it saves the elements of the first
// pass and repeats them forever.
func itCycle(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("cycle", args, kwargs)
	if err != nil {
		return nil, err
	}
	pull, err := pullOf(v)
	if err != nil {
		return nil, err
	}
	var saved []starlark.Value
	first, i := true, 0
	return newIter(thread, "cycle", func() (starlark.Value, bool, error) {
		if first {
			v, ok, err := pull()
			if err != nil {
				return nil, false, err
			}
			if ok {
				saved = append(saved, v)
				return v, true, nil
			}
			first = false
		}
		if len(saved) == 0 {
			return nil, false, nil
		}
		v := saved[i%len(saved)]
		i++
		return v, true, nil
	}), nil
}

// itRepeat implements repeat(object, times=None).
func itRepeat(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var object starlark.Value
	times := -1
	var timesValue starlark.Value = starlark.None
	if err := starlark.UnpackArgs("repeat", args, kwargs, "object", &object, "times?", &timesValue); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	if timesValue != starlark.None {
		if err := starlark.AsInt(timesValue, &times); err != nil {
			return nil, pyobj.TypeErrorf("repeat: times must be an int, not %s", pyTypeName(timesValue))
		}
		times = max(times, 0)
	}
	return newIter(thread, "repeat", func() (starlark.Value, bool, error) {
		if times == 0 {
			return nil, false, nil
		}
		if times > 0 {
			times--
		}
		return object, true, nil
	}), nil
}

// concatenate returns an iterator over each iterable that sources yields in
// turn.
func concatenate(thread *starlark.Thread, sources pullFunc) *lazyIter {
	var current pullFunc
	return newIter(thread, "chain", func() (starlark.Value, bool, error) {
		for {
			if current != nil {
				v, ok, err := current()
				if err != nil || ok {
					return v, ok, err
				}
			}
			next, ok, err := sources()
			if err != nil || !ok {
				return nil, false, err
			}
			if current, err = pullOf(next); err != nil {
				return nil, false, err
			}
		}
	})
}

// itChain implements chain(*iterables).
func itChain(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyobj.TypeErrorf("chain() takes no keyword arguments")
	}
	sources, err := iterOf(args)
	if err != nil {
		return nil, err
	}
	return concatenate(thread, sources), nil
}

// itChainFromIterable implements chain.from_iterable(iterable), which
// reads the iterables lazily.
func itChainFromIterable(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("chain.from_iterable", args, kwargs)
	if err != nil {
		return nil, err
	}
	sources, err := pullOf(v)
	if err != nil {
		return nil, err
	}
	return concatenate(thread, sources), nil
}

// chainType is itertools.chain: callable, with the class method
// from_iterable.
type chainType struct{ *starlark.Builtin }

var chainFunction = &chainType{builtin("chain", itChain)}

// Attr returns from_iterable.
func (c *chainType) Attr(name string) (starlark.Value, error) {
	if name == "from_iterable" {
		return builtin("from_iterable", itChainFromIterable), nil
	}
	return nil, nil
}

// AttrNames lists from_iterable.
func (c *chainType) AttrNames() []string { return []string{"from_iterable"} }

// itIslice implements islice(iterable, stop) and islice(iterable, start,
// stop[, step]), where stop None means no end.
func itIslice(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 || len(args) < 2 || len(args) > 4 {
		return nil, pyobj.TypeErrorf("islice expected 2 to 4 positional arguments, got %d", len(args))
	}
	bounds := []int{0, -1, 1}
	given := args[1:]
	if len(given) == 1 {
		given = starlark.Tuple{starlark.None, given[0]}
	}
	for i, b := range given {
		if b == starlark.None {
			continue
		}
		if err := starlark.AsInt(b, &bounds[i]); err != nil || bounds[i] < 0 || (i == 2 && bounds[i] == 0) {
			if i == 2 {
				return nil, pyobj.ValueErrorf("Step for islice() must be a positive integer or None.")
			}
			if len(args) == 2 {
				return nil, pyobj.ValueErrorf("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
			}
			return nil, pyobj.ValueErrorf("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
		}
	}
	start, stop, step := bounds[0], bounds[1], bounds[2]
	pull, err := pullOf(args[0])
	if err != nil {
		return nil, err
	}
	index, nextWanted := 0, start
	return newIter(thread, "islice", func() (starlark.Value, bool, error) {
		for stop < 0 || nextWanted < stop {
			v, ok, err := pull()
			if err != nil || !ok {
				return nil, false, err
			}
			index++
			if index-1 == nextWanted {
				nextWanted += step
				return v, true, nil
			}
		}
		return nil, false, nil
	}), nil
}

// itStarmap implements starmap(function, iterable).
func itStarmap(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn, iterable starlark.Value
	if err := starlark.UnpackPositionalArgs("starmap", args, kwargs, 2, &fn, &iterable); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	pull, err := pullOf(iterable)
	if err != nil {
		return nil, err
	}
	return newIter(thread, "starmap", func() (starlark.Value, bool, error) {
		v, ok, err := pull()
		if err != nil || !ok {
			return nil, false, err
		}
		callArgs, err := iterate(v, "starmap() argument")
		if err != nil {
			return nil, false, err
		}
		r, err := starlark.Call(thread, fn, starlark.Tuple(callArgs), nil)
		return r, err == nil, err
	}), nil
}

// predicateArgs unpacks (predicate, iterable) of takewhile and dropwhile.
func predicateArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, pullFunc, error) {
	var fn, iterable starlark.Value
	if err := starlark.UnpackPositionalArgs(name, args, kwargs, 2, &fn, &iterable); err != nil {
		return nil, nil, pyobj.TypeErrorf("%v", err)
	}
	pull, err := pullOf(iterable)
	return fn, pull, err
}

func itTakewhile(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	fn, pull, err := predicateArgs("takewhile", args, kwargs)
	if err != nil {
		return nil, err
	}
	done := false
	return newIter(thread, "takewhile", func() (starlark.Value, bool, error) {
		if done {
			return nil, false, nil
		}
		v, ok, err := pull()
		if err != nil || !ok {
			return nil, false, err
		}
		keep, err := starlark.Call(thread, fn, starlark.Tuple{v}, nil)
		if err != nil {
			return nil, false, err
		}
		if !keep.Truth() {
			done = true
			return nil, false, nil
		}
		return v, true, nil
	}), nil
}

func itDropwhile(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	fn, pull, err := predicateArgs("dropwhile", args, kwargs)
	if err != nil {
		return nil, err
	}
	dropping := true
	return newIter(thread, "dropwhile", func() (starlark.Value, bool, error) {
		for {
			v, ok, err := pull()
			if err != nil || !ok || !dropping {
				return v, ok, err
			}
			drop, err := starlark.Call(thread, fn, starlark.Tuple{v}, nil)
			if err != nil {
				return nil, false, err
			}
			if !drop.Truth() {
				dropping = false
				return v, true, nil
			}
		}
	}), nil
}

// itAccumulate implements accumulate(iterable, func=operator.add, *,
// initial=None).
func itAccumulate(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var iterable starlark.Value
	var fn, initial starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs("accumulate", args, kwargs, "iterable", &iterable, "func?", &fn, "initial?", &initial); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	pull, err := pullOf(iterable)
	if err != nil {
		return nil, err
	}
	var total starlark.Value
	if initial != starlark.None {
		total = initial
	}
	emittedInitial := initial == starlark.None
	return newIter(thread, "accumulate", func() (starlark.Value, bool, error) {
		if !emittedInitial {
			emittedInitial = true
			return total, true, nil
		}
		v, ok, err := pull()
		if err != nil || !ok {
			return nil, false, err
		}
		switch {
		case total == nil:
			total = v
		case fn == starlark.None:
			total, err = starlark.Binary(syntax.PLUS, total, v)
		default:
			total, err = starlark.Call(thread, fn, starlark.Tuple{total, v}, nil)
		}
		return total, err == nil, err
	}), nil
}

// itPairwise implements pairwise(iterable): (a, b), (b, c), ...
func itPairwise(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("pairwise", args, kwargs)
	if err != nil {
		return nil, err
	}
	pull, err := pullOf(v)
	if err != nil {
		return nil, err
	}
	var previous starlark.Value
	return newIter(thread, "pairwise", func() (starlark.Value, bool, error) {
		if previous == nil {
			first, ok, err := pull()
			if err != nil || !ok {
				return nil, false, err
			}
			previous = first
		}
		v, ok, err := pull()
		if err != nil || !ok {
			return nil, false, err
		}
		pair := starlark.Tuple{previous, v}
		previous = v
		return pair, true, nil
	}), nil
}
