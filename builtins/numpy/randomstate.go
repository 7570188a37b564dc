package numpy

import (
	"sort"
	"sync"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/engine/rng"
	"go.starlark.net/starlark"
)

// randomState is numpy.random.RandomState: a Mersenne Twister of its
// own, seeded as the global one is, so that RandomState(s).rand(3)
// draws what np.random.seed(s); np.random.rand(3) draws.
type randomState struct {
	mu  sync.Mutex
	gen *rng.NumPy
}

// stateKey is the thread-local slot through which a RandomState method
// hands its generator to the module function it runs.
const stateKey = "numpy.random.RandomState"

// withGenerator runs f with the generator that the current call draws
// from: the RandomState whose method is running, or the global one.
func withGenerator(thread *starlark.Thread, f func(r *rng.NumPy)) {
	if st, ok := thread.Local(stateKey).(*randomState); ok && st != nil {
		st.mu.Lock()
		defer st.mu.Unlock()
		f(st.gen)
		return
	}
	core.EnvOf(thread).WithNumPy(f)
}

// newRandomState is RandomState(seed=None). Without a seed it draws one
// from the global generator, so that np.random.seed makes it
// reproducible too, where NumPy would use fresh entropy.
func newRandomState(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var s starlark.Value = starlark.None
	if err := starlark.UnpackArgs(name, args, kwargs, "seed?", &s); err != nil {
		return nil, err
	}
	st := &randomState{}
	if s == starlark.None {
		var seed int64
		var err error
		core.EnvOf(thread).WithNumPy(func(r *rng.NumPy) { seed, err = r.Randint(0, 1<<32) })
		if err != nil {
			return nil, rngError(err)
		}
		st.gen = rng.NewNumPy(uint32(seed))
		return st, nil
	}
	st.gen = rng.NewNumPy(0)
	if _, err := st.call(thread, "seed", starlark.Tuple{s}, nil); err != nil {
		return nil, err
	}
	return st, nil
}

// call runs the module function name with st as its generator.
func (st *randomState) call(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	prev := thread.Local(stateKey)
	thread.SetLocal(stateKey, st)
	defer thread.SetLocal(stateKey, prev)
	v, err := randomFunctions[name](thread, "RandomState."+name, args, kwargs)
	if err != nil {
		return nil, core.Prefix("RandomState."+name, err)
	}
	return v, nil
}

var _ starlark.HasAttrs = (*randomState)(nil)

func (st *randomState) String() string        { return "RandomState(MT19937)" }
func (st *randomState) Type() string          { return "numpy.random.mtrand.RandomState" }
func (st *randomState) Freeze()               {}
func (st *randomState) Truth() starlark.Bool  { return starlark.True }
func (st *randomState) Hash() (uint32, error) { return 0, nil }

func (st *randomState) AttrNames() []string {
	names := make([]string, 0, len(randomFunctions))
	for name := range randomFunctions {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Attr returns the bound method name.
func (st *randomState) Attr(name string) (starlark.Value, error) {
	if _, ok := randomFunctions[name]; !ok {
		return nil, nil
	}
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return st.call(thread, name, args, kwargs)
	}), nil
}
