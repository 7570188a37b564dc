package dataset

import (
	"runtime"
	"sync"
	"weak"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/engine/rng"
	"go.starlark.net/starlark"
)

// defaultSeed is what config.get_seed returns before set_seed:
// std::mt19937's default seed, as in MindSpore.
const defaultSeed = 5489

// seedState is the dataset seed of one runtime.
type seedState struct {
	mu   sync.Mutex
	seed *uint32
}

// seeds maps each core.Env to its dataset seed. The key is weak and a
// cleanup removes the entry, so a runtime's state goes away with it.
var seeds sync.Map // weak.Pointer[core.Env] -> *seedState

func seedOf(env *core.Env) *seedState {
	key := weak.Make(env)
	if v, ok := seeds.Load(key); ok {
		return v.(*seedState)
	}
	v, loaded := seeds.LoadOrStore(key, &seedState{})
	if !loaded {
		runtime.AddCleanup(env, func(k weak.Pointer[core.Env]) { seeds.Delete(k) }, key)
	}
	return v.(*seedState)
}

// SetSeed sets the dataset seed of env, as mindspore.dataset.config.set_seed
// and mindspore.set_seed do.
func SetSeed(env *core.Env, seed uint32) {
	st := seedOf(env)
	st.mu.Lock()
	defer st.mu.Unlock()
	st.seed = &seed
}

// Seed returns the dataset seed of env and whether set_seed set it.
func Seed(env *core.Env) (uint32, bool) {
	st := seedOf(env)
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.seed == nil {
		return defaultSeed, false
	}
	return *st.seed, true
}

// epochRNG returns the generator of one shuffle for one epoch. With a
// seed set, epoch k uses NumPy's legacy MT19937 seeded with seed+k, so
// a shuffled source of n rows visits them in the order
// np.random.RandomState(seed + k).permutation(n). Without a seed each
// call draws a fresh seed from the runtime's MindSpore generator.
//
// NOTE: MindSpore's C++ samplers draw with std::mt19937 and std::shuffle,
// so the orders are reproducible here but differ from MindSpore's.
func epochRNG(thread *starlark.Thread, epoch int) *rng.NumPy {
	env := core.EnvOf(thread)
	if seed, ok := Seed(env); ok {
		return rng.NewNumPy(seed + uint32(epoch))
	}
	var drawn int64
	env.WithMindSpore(func(r *rng.NumPy) { drawn, _ = r.Randint(0, 1<<32) })
	return rng.NewNumPy(uint32(drawn))
}
