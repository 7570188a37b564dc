package dataset

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// sampler chooses the row indices of one epoch of a random-access
// source of n rows.
type sampler interface {
	indices(thread *starlark.Thread, n, epoch int) ([]int, error)
	count(n int) int
}

// limit applies num_samples (0: all) to a count.
func limit(n, numSamples int) int {
	if numSamples > 0 && numSamples < n {
		return numSamples
	}
	return n
}

// sequentialSampler is SequentialSampler(start_index, num_samples).
type sequentialSampler struct{ start, numSamples int }

func (s *sequentialSampler) count(n int) int { return limit(max(n-s.start, 0), s.numSamples) }

func (s *sequentialSampler) indices(_ *starlark.Thread, n, _ int) ([]int, error) {
	out := make([]int, s.count(n))
	for i := range out {
		out[i] = s.start + i
	}
	return out, nil
}

// randomSampler is RandomSampler(replacement, num_samples): a new
// permutation each epoch, or num_samples uniform draws with replacement.
type randomSampler struct {
	replacement bool
	numSamples  int
}

func (s *randomSampler) count(n int) int {
	if s.replacement && s.numSamples > 0 {
		return s.numSamples
	}
	return limit(n, s.numSamples)
}

func (s *randomSampler) indices(thread *starlark.Thread, n, epoch int) ([]int, error) {
	r := epochRNG(thread, epoch)
	if s.replacement {
		if n == 0 {
			return nil, nil
		}
		return r.Choice(n, s.count(n), true)
	}
	p, err := r.Permutation(n)
	if err != nil {
		return nil, err
	}
	return p[:s.count(n)], nil
}

// subsetSampler is SubsetSampler and SubsetRandomSampler: the given
// indices in order, or shuffled each epoch.
type subsetSampler struct {
	idx        []int
	shuffle    bool
	numSamples int
}

func (s *subsetSampler) count(int) int { return limit(len(s.idx), s.numSamples) }

func (s *subsetSampler) indices(thread *starlark.Thread, n, epoch int) ([]int, error) {
	for _, i := range s.idx {
		if i < 0 || i >= n {
			return nil, core.Errorf("IndexError", "sampler index %d is out of range for a dataset of %d rows", i, n)
		}
	}
	out := append([]int(nil), s.idx...)
	if s.shuffle {
		epochRNG(thread, epoch).Shuffle(out)
	}
	return out[:s.count(n)], nil
}

// distributedSampler is DistributedSampler(num_shards, shard_id,
// shuffle, num_samples): shard k takes positions k, k+num_shards, ... of
// the (shuffled) index list, wrapping around so every shard gets
// ceil(n / num_shards) rows, as MindSpore's DistributedSamplerRT does.
// Shards agree on the shuffle only with a dataset seed set.
type distributedSampler struct {
	shards, id int
	shuffle    bool
	numSamples int
}

func (s *distributedSampler) count(n int) int {
	if n == 0 {
		return 0
	}
	return limit((n+s.shards-1)/s.shards, s.numSamples)
}

func (s *distributedSampler) indices(thread *starlark.Thread, n, epoch int) ([]int, error) {
	if n == 0 {
		return nil, nil
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	if s.shuffle {
		epochRNG(thread, epoch).Shuffle(order)
	}
	out := make([]int, s.count(n))
	for c := range out {
		out[c] = order[(s.shards*c+s.id)%n]
	}
	return out, nil
}

// Sampler classes; their instances hold a sampler in Native.
var (
	SamplerBase         *pyobj.Class
	SequentialSampler   *pyobj.Class
	RandomSampler       *pyobj.Class
	SubsetSampler       *pyobj.Class
	SubsetRandomSampler *pyobj.Class
	DistributedSampler  *pyobj.Class
)

func samplerClass(name, doc string, init pyobj.MethodFunc) *pyobj.Class {
	return pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:    name,
		Module:  "mindspore.dataset",
		Doc:     doc,
		Bases:   []*pyobj.Class{SamplerBase},
		Methods: []pyobj.Method{{Name: "__init__", Func: init}},
	})
}

func init() {
	SamplerBase = pyobj.NewNativeClass(pyobj.NativeSpec{Name: "BuiltinSampler", Module: "mindspore.dataset", Doc: "The base class of the built-in samplers."})
	SequentialSampler = samplerClass("SequentialSampler", "SequentialSampler(start_index=None, num_samples=None)\n\nRows start_index, start_index+1, ... in order.", initSequential)
	RandomSampler = samplerClass("RandomSampler", "RandomSampler(replacement=False, num_samples=None)\n\nA new random order each epoch, or num_samples draws with replacement.", initRandom)
	SubsetSampler = samplerClass("SubsetSampler", "SubsetSampler(indices, num_samples=None)\n\nThe given row indices in order.", initSubset(false))
	SubsetRandomSampler = samplerClass("SubsetRandomSampler", "SubsetRandomSampler(indices, num_samples=None)\n\nThe given row indices in a new random order each epoch.", initSubset(true))
	DistributedSampler = samplerClass("DistributedSampler", "DistributedSampler(num_shards, shard_id, shuffle=True, num_samples=None, offset=-1)\n\nShard shard_id of num_shards: rows shard_id, shard_id+num_shards, ... of the (shuffled) order, wrapping around so that every shard has ceil(n / num_shards) rows.", initDistributed)
}

// numSamplesArg converts num_samples: None is 0 (all rows).
func numSamplesArg(call string, v starlark.Value) (int, error) {
	if v == starlark.None {
		return 0, nil
	}
	var n int
	if _, ok := v.(starlark.Int); !ok || starlark.AsInt(v, &n) != nil || n < 0 {
		return 0, core.Errorf("ValueError", "%s: num_samples must be None or a non-negative int, got %s", call, v.String())
	}
	return n, nil
}

func initSequential(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var start, num starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs("SequentialSampler", args, kwargs, "start_index?", &start, "num_samples?", &num); err != nil {
		return nil, err
	}
	s := &sequentialSampler{}
	if start != starlark.None {
		if err := starlark.AsInt(start, &s.start); err != nil || s.start < 0 {
			return nil, core.Errorf("ValueError", "SequentialSampler: start_index must be a non-negative int, got %s", start.String())
		}
	}
	var err error
	if s.numSamples, err = numSamplesArg("SequentialSampler", num); err != nil {
		return nil, err
	}
	self.Native = sampler(s)
	return starlark.None, nil
}

func initRandom(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var num starlark.Value = starlark.None
	s := &randomSampler{}
	if err := starlark.UnpackArgs("RandomSampler", args, kwargs, "replacement?", &s.replacement, "num_samples?", &num); err != nil {
		return nil, err
	}
	var err error
	if s.numSamples, err = numSamplesArg("RandomSampler", num); err != nil {
		return nil, err
	}
	self.Native = sampler(s)
	return starlark.None, nil
}

func initSubset(shuffle bool) pyobj.MethodFunc {
	return func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		name := "SubsetSampler"
		if shuffle {
			name = "SubsetRandomSampler"
		}
		var indices, num starlark.Value = nil, starlark.None
		if err := starlark.UnpackArgs(name, args, kwargs, "indices", &indices, "num_samples?", &num); err != nil {
			return nil, err
		}
		idx, err := intList(name, indices)
		if err != nil {
			return nil, err
		}
		s := &subsetSampler{idx: idx, shuffle: shuffle}
		if s.numSamples, err = numSamplesArg(name, num); err != nil {
			return nil, err
		}
		self.Native = sampler(s)
		return starlark.None, nil
	}
}

func intList(call string, v starlark.Value) ([]int, error) {
	iter, ok := v.(starlark.Iterable)
	if !ok {
		return nil, core.Errorf("TypeError", "%s: indices must be a list of ints, not %s", call, v.Type())
	}
	var out []int
	it := iter.Iterate()
	defer it.Done()
	var x starlark.Value
	for it.Next(&x) {
		var i int
		if err := starlark.AsInt(x, &i); err != nil {
			return nil, core.Errorf("TypeError", "%s: indices must be ints, found %s", call, x.Type())
		}
		out = append(out, i)
	}
	return out, nil
}

func initDistributed(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var num starlark.Value = starlark.None
	s := &distributedSampler{shuffle: true}
	offset := -1
	if err := starlark.UnpackArgs("DistributedSampler", args, kwargs, "num_shards", &s.shards, "shard_id", &s.id, "shuffle?", &s.shuffle, "num_samples?", &num, "offset?", &offset); err != nil {
		return nil, err
	}
	if s.shards <= 0 {
		return nil, core.Errorf("ValueError", "DistributedSampler: num_shards must be positive, got %d", s.shards)
	}
	if s.id < 0 || s.id >= s.shards {
		return nil, core.Errorf("ValueError", "DistributedSampler: shard_id must be in [0, %d), got %d", s.shards, s.id)
	}
	if offset != -1 {
		return nil, core.Errorf("NotImplementedError", "DistributedSampler: offset=%d is not supported; leave it at -1", offset)
	}
	var err error
	if s.numSamples, err = numSamplesArg("DistributedSampler", num); err != nil {
		return nil, err
	}
	self.Native = sampler(s)
	return starlark.None, nil
}

// samplerOf converts the sampler argument: a sampler instance, or a list
// of indices (a SubsetSampler, as MindSpore treats one).
func samplerOf(call string, v starlark.Value) (sampler, bool, error) {
	if inst, ok := v.(*pyobj.Instance); ok {
		if s, ok := inst.Native.(sampler); ok {
			return s, true, nil
		}
	}
	switch v.(type) {
	case *starlark.List, starlark.Tuple:
		idx, err := intList(call, v)
		return &subsetSampler{idx: idx}, false, err
	}
	return nil, false, core.Errorf("TypeError", "%s: sampler must be a mindspore.dataset sampler or a list of indices, not %s", call, v.Type())
}
