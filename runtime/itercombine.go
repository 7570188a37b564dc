package runtime

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// The combinatoric and grouping iterators of itertools. Like CPython,
// product, permutations and combinations read their inputs in full
// when called and produce the tuples lazily, in CPython's order.

// itProduct implements product(*iterables, repeat=1).
func itProduct(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	repeat := 1
	if err := starlark.UnpackArgs("product", nil, kwargs, "repeat?", &repeat); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	if repeat < 0 {
		return nil, pyobj.ValueErrorf("repeat argument cannot be negative")
	}
	var pools [][]starlark.Value
	for _, a := range args {
		elems, err := iterate(a, "product() argument")
		if err != nil {
			return nil, err
		}
		pools = append(pools, elems)
	}
	var all [][]starlark.Value
	for range repeat {
		all = append(all, pools...)
	}
	indices := make([]int, len(all))
	started := false
	return newIter(thread, "product", func() (starlark.Value, bool, error) {
		if started && !advanceOdometer(indices, all) {
			return nil, false, nil
		}
		started = true
		out := make(starlark.Tuple, len(all))
		for i, pool := range all {
			if len(pool) == 0 {
				return nil, false, nil
			}
			out[i] = pool[indices[i]]
		}
		return out, true, nil
	}), nil
}

// advanceOdometer steps indices to the next product position, rightmost
// fastest, and reports false when every position has been produced.
func advanceOdometer(indices []int, pools [][]starlark.Value) bool {
	for i := len(indices) - 1; i >= 0; i-- {
		indices[i]++
		if indices[i] < len(pools[i]) {
			return true
		}
		indices[i] = 0
	}
	return false
}

// poolArgs unpacks (iterable, r) of permutations and combinations; r
// defaults to the pool size when optional.
func poolArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple, optional bool) ([]starlark.Value, int, error) {
	var iterable starlark.Value
	var rValue starlark.Value = starlark.None
	spec := "r"
	if optional {
		spec = "r?"
	}
	if err := starlark.UnpackArgs(name, args, kwargs, "iterable", &iterable, spec, &rValue); err != nil {
		return nil, 0, pyobj.TypeErrorf("%v", err)
	}
	pool, err := iterate(iterable, name+"() argument")
	if err != nil {
		return nil, 0, err
	}
	r := len(pool)
	if rValue != starlark.None {
		if err := starlark.AsInt(rValue, &r); err != nil {
			return nil, 0, pyobj.TypeErrorf("Expected int as r")
		}
		if r < 0 {
			return nil, 0, pyobj.ValueErrorf("r must be non-negative")
		}
	}
	return pool, r, nil
}

func pick(pool []starlark.Value, indices []int) starlark.Tuple {
	out := make(starlark.Tuple, len(indices))
	for i, k := range indices {
		out[i] = pool[k]
	}
	return out
}

// itCombinations implements combinations(iterable, r) in lexicographic
// order of positions.
func itCombinations(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	pool, r, err := poolArgs("combinations", args, kwargs, false)
	if err != nil {
		return nil, err
	}
	n := len(pool)
	indices := make([]int, r)
	for i := range indices {
		indices[i] = i
	}
	started, done := false, r > n
	return newIter(thread, "combinations", func() (starlark.Value, bool, error) {
		if done {
			return nil, false, nil
		}
		if started {
			i := r - 1
			for i >= 0 && indices[i] == i+n-r {
				i--
			}
			if i < 0 {
				done = true
				return nil, false, nil
			}
			indices[i]++
			for j := i + 1; j < r; j++ {
				indices[j] = indices[j-1] + 1
			}
		}
		started = true
		return pick(pool, indices), true, nil
	}), nil
}

// itPermutations implements permutations(iterable, r=None) with
// CPython's cycles algorithm, so the order matches.
func itPermutations(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	pool, r, err := poolArgs("permutations", args, kwargs, true)
	if err != nil {
		return nil, err
	}
	n := len(pool)
	indices := make([]int, n)
	for i := range indices {
		indices[i] = i
	}
	cycles := make([]int, r)
	for i := range cycles {
		cycles[i] = n - i
	}
	started, done := false, r > n
	return newIter(thread, "permutations", func() (starlark.Value, bool, error) {
		if done {
			return nil, false, nil
		}
		if started && !nextPermutation(indices, cycles, n, r) {
			done = true
			return nil, false, nil
		}
		started = true
		return pick(pool, indices[:r]), true, nil
	}), nil
}

func nextPermutation(indices, cycles []int, n, r int) bool {
	for i := r - 1; i >= 0; i-- {
		cycles[i]--
		if cycles[i] == 0 {
			moved := indices[i]
			copy(indices[i:], indices[i+1:])
			indices[n-1] = moved
			cycles[i] = n - i
			continue
		}
		j := n - cycles[i]
		indices[i], indices[j] = indices[j], indices[i]
		return true
	}
	return false
}

// itZipLongest implements zip_longest(*iterables, fillvalue=None).
func itZipLongest(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fill starlark.Value = starlark.None
	if err := starlark.UnpackArgs("zip_longest", nil, kwargs, "fillvalue?", &fill); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	pulls := make([]pullFunc, len(args))
	for i, a := range args {
		p, err := pullOf(a)
		if err != nil {
			return nil, err
		}
		pulls[i] = p
	}
	exhausted := make([]bool, len(args))
	return newIter(thread, "zip_longest", func() (starlark.Value, bool, error) {
		out := make(starlark.Tuple, len(pulls))
		live := 0
		for i, p := range pulls {
			out[i] = fill
			if exhausted[i] {
				continue
			}
			v, ok, err := p()
			if err != nil {
				return nil, false, err
			}
			if !ok {
				exhausted[i] = true
				continue
			}
			out[i] = v
			live++
		}
		return out, live > 0, nil
	}), nil
}

// itGroupby implements groupby(iterable, key=None): (key, group) pairs
// for runs of elements with equal keys.
// NOTE: each group is read in full before the pair is produced, so a
// group kept after the groupby advances still has its elements; in
// CPython it is then empty.
func itGroupby(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var iterable starlark.Value
	var keyFn starlark.Value = starlark.None
	if err := starlark.UnpackArgs("groupby", args, kwargs, "iterable", &iterable, "key?", &keyFn); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	pull, err := pullOf(iterable)
	if err != nil {
		return nil, err
	}
	keyOf := func(v starlark.Value) (starlark.Value, error) {
		if keyFn == starlark.None {
			return v, nil
		}
		return starlark.Call(thread, keyFn, starlark.Tuple{v}, nil)
	}
	var pending, pendingKey starlark.Value
	return newIter(thread, "groupby", func() (starlark.Value, bool, error) {
		if pending == nil {
			v, ok, err := pull()
			if err != nil || !ok {
				return nil, false, err
			}
			if pendingKey, err = keyOf(v); err != nil {
				return nil, false, err
			}
			pending = v
		}
		key, group := pendingKey, []starlark.Value{pending}
		pending = nil
		for {
			v, ok, err := pull()
			if err != nil || !ok {
				return groupPair(thread, key, group), err == nil, err
			}
			k, err := keyOf(v)
			if err != nil {
				return nil, false, err
			}
			same, err := starlark.Equal(k, key)
			if err != nil {
				return nil, false, err
			}
			if !same {
				pending, pendingKey = v, k
				return groupPair(thread, key, group), true, nil
			}
			group = append(group, v)
		}
	}), nil
}

func groupPair(thread *starlark.Thread, key starlark.Value, group []starlark.Value) starlark.Tuple {
	pull, _ := iterOf(starlark.Tuple(group))
	return starlark.Tuple{key, &lazyIter{name: "itertools._grouper", thread: thread, next: pull}}
}
