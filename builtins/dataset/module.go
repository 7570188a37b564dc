package dataset

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Module returns mindspore.dataset.
func Module() *core.Module {
	return core.NewModule("mindspore.dataset", starlark.StringDict{
		"Dataset":             DatasetClass,
		"GeneratorDataset":    GeneratorDataset,
		"NumpySlicesDataset":  NumpySlicesDataset,
		"SequentialSampler":   SequentialSampler,
		"RandomSampler":       RandomSampler,
		"SubsetSampler":       SubsetSampler,
		"SubsetRandomSampler": SubsetRandomSampler,
		"DistributedSampler":  DistributedSampler,
		"config":              ConfigModule(),
	})
}

// ConfigModule returns mindspore.dataset.config.
func ConfigModule() *core.Module {
	return core.NewModule("mindspore.dataset.config", starlark.StringDict{
		"set_seed": starlark.NewBuiltin("set_seed", configSetSeed),
		"get_seed": starlark.NewBuiltin("get_seed", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs("get_seed", args, kwargs); err != nil {
				return nil, err
			}
			seed, _ := Seed(core.EnvOf(thread))
			return starlark.MakeUint64(uint64(seed)), nil
		}),
	})
}

func configSetSeed(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var seed int64
	if err := starlark.UnpackArgs("set_seed", args, kwargs, "seed", &seed); err != nil {
		return nil, err
	}
	if seed < 0 || seed > 1<<32-1 {
		return nil, core.Errorf("ValueError", "set_seed: seed must be in [0, 4294967295], but got %d", seed)
	}
	SetSeed(core.EnvOf(thread), uint32(seed))
	return starlark.None, nil
}

// sourceArgs are the sampling arguments shared by GeneratorDataset and
// NumpySlicesDataset.
type sourceArgs struct {
	numSamples, shuffle, sampler, numShards, shardID starlark.Value
}

func newSourceArgs() sourceArgs {
	return sourceArgs{starlark.None, starlark.None, starlark.None, starlark.None, starlark.None}
}

func generatorInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if fromBox(self, args, kwargs) {
		return starlark.None, nil
	}
	const call = "GeneratorDataset"
	var source starlark.Value
	var cols, types starlark.Value = starlark.None, starlark.None
	sa := newSourceArgs()
	if err := starlark.UnpackArgs(call, args, kwargs, "source", &source, "column_names?", &cols, "column_types?", &types, "schema?", new(starlark.Value), "num_samples?", &sa.numSamples, "num_parallel_workers?", new(starlark.Value), "shuffle?", &sa.shuffle, "sampler?", &sa.sampler, "num_shards?", &sa.numShards, "shard_id?", &sa.shardID, "python_multiprocessing?", new(bool), "max_rowsize?", new(starlark.Value)); err != nil {
		return nil, err
	}
	if cols == starlark.None {
		return nil, core.Errorf("ValueError", "%s: column_names is required, for example column_names=['data', 'label']", call)
	}
	names, err := namesArg(call, "column_names", cols)
	if err != nil {
		return nil, err
	}
	dtypes, err := columnTypes(call, types, len(names))
	if err != nil {
		return nil, err
	}
	st, err := generatorStage(call, source, names, dtypes, sa)
	if err != nil {
		return nil, err
	}
	self.Native = &Dataset{st: st}
	return starlark.None, nil
}

func columnTypes(call string, v starlark.Value, n int) ([]*engine.DType, error) {
	if v == starlark.None {
		return nil, nil
	}
	seq, ok := v.(starlark.Indexable)
	if !ok || seq.Len() != n {
		return nil, core.Errorf("ValueError", "%s: column_types must be a list of %d dtypes, one per column", call, n)
	}
	out := make([]*engine.DType, n)
	for i := range out {
		d, err := tensor.DTypeOf(seq.Index(i))
		if err != nil {
			return nil, core.Errorf("TypeError", "%s: column_types[%d]: %v", call, i, err)
		}
		out[i] = &d
	}
	return out, nil
}

func generatorStage(call string, source starlark.Value, names []string, types []*engine.DType, sa sourceArgs) (stage, error) {
	_, callable := source.(starlark.Callable)
	_, iterable := source.(starlark.Iterable)
	if !callable && !iterable && !randomAccess(source) {
		return nil, core.Errorf("TypeError", "%s: source must be a random-access object, a generator function or an iterable, not %s", call, source.Type())
	}
	if !randomAccess(source) {
		if sa.sampler != starlark.None {
			return nil, core.Errorf("ValueError", "%s: sampler is not supported if source does not have attribute '__getitem__'", call)
		}
		if sa.numShards != starlark.None {
			return nil, core.Errorf("ValueError", "%s: num_shards is not supported if source does not have attribute '__getitem__'", call)
		}
		n, err := numSamplesArg(call, sa.numSamples)
		if err != nil {
			return nil, err
		}
		// NOTE: MindSpore also ignores shuffle for such sources.
		return &iterStage{source: source, cols: names, types: types, numSamples: n}, nil
	}
	smp, err := selectSampler(call, sa)
	if err != nil {
		return nil, err
	}
	return &indexedStage{src: &itemSource{obj: source, cols: names, types: types}, cols: names, sampler: smp}, nil
}

// selectSampler chooses the sampler as MindSpore's select_sampler does.
func selectSampler(call string, sa sourceArgs) (sampler, error) {
	numSamples, err := numSamplesArg(call, sa.numSamples)
	if err != nil {
		return nil, err
	}
	if (sa.numShards == starlark.None) != (sa.shardID == starlark.None) {
		return nil, core.Errorf("ValueError", "%s: num_shards and shard_id need to be passed in together", call)
	}
	if sa.sampler != starlark.None {
		s, builtin, err := samplerOf(call, sa.sampler)
		if err != nil {
			return nil, err
		}
		if builtin && (sa.numShards != starlark.None || sa.shuffle != starlark.None || sa.numSamples != starlark.None) {
			return nil, core.Errorf("ValueError", "%s: conflicting arguments: a sampler was given together with num_samples, shuffle or num_shards; set them on the sampler instead", call)
		}
		if ss, ok := s.(*subsetSampler); ok && !builtin {
			ss.numSamples = numSamples
		}
		return s, nil
	}
	shuffle := sa.shuffle
	if shuffle != starlark.None && shuffle != starlark.True && shuffle != starlark.False {
		return nil, core.Errorf("TypeError", "%s: shuffle must be a bool or None, not %s", call, shuffle.Type())
	}
	if sa.numShards != starlark.None {
		return distributedArgs(call, sa, shuffle != starlark.False, numSamples)
	}
	if shuffle == starlark.False {
		return &sequentialSampler{numSamples: numSamples}, nil
	}
	return &randomSampler{replacement: numSamples > 0, numSamples: numSamples}, nil
}

func distributedArgs(call string, sa sourceArgs, shuffle bool, numSamples int) (sampler, error) {
	var shards, id int
	if err := starlark.AsInt(sa.numShards, &shards); err != nil || shards <= 0 {
		return nil, core.Errorf("ValueError", "%s: num_shards must be a positive int, got %s", call, sa.numShards.String())
	}
	if err := starlark.AsInt(sa.shardID, &id); err != nil || id < 0 || id >= shards {
		return nil, core.Errorf("ValueError", "%s: shard_id should be in [0, %d), got %s", call, shards, sa.shardID.String())
	}
	return &distributedSampler{shards: shards, id: id, shuffle: shuffle, numSamples: numSamples}, nil
}

func slicesInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if fromBox(self, args, kwargs) {
		return starlark.None, nil
	}
	const call = "NumpySlicesDataset"
	var data starlark.Value
	var cols starlark.Value = starlark.None
	sa := newSourceArgs()
	if err := starlark.UnpackArgs(call, args, kwargs, "data", &data, "column_names?", &cols, "num_samples?", &sa.numSamples, "num_parallel_workers?", new(starlark.Value), "shuffle?", &sa.shuffle, "sampler?", &sa.sampler, "num_shards?", &sa.numShards, "shard_id?", &sa.shardID); err != nil {
		return nil, err
	}
	var given []string
	if cols != starlark.None {
		var err error
		if given, err = namesArg(call, "column_names", cols); err != nil {
			return nil, err
		}
	}
	names, columns, err := slicesColumns(data, given)
	if err != nil {
		return nil, err
	}
	if given != nil {
		names = given
	}
	if len(names) != len(columns) {
		return nil, core.Errorf("ValueError", "%s: %d column names for %d columns", call, len(names), len(columns))
	}
	smp, err := selectSampler(call, sa)
	if err != nil {
		return nil, err
	}
	self.Native = &Dataset{st: &indexedStage{src: &slicesSource{data: columns}, cols: names, sampler: smp}}
	return starlark.None, nil
}
