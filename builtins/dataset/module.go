package dataset

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Module returns mindspore.dataset.
func Module() *core.Module {
	return core.NewModule("mindspore.dataset", starlark.StringDict{
		"GeneratorDataset":   starlark.NewBuiltin("GeneratorDataset", generatorDataset),
		"NumpySlicesDataset": starlark.NewBuiltin("NumpySlicesDataset", numpySlicesDataset),
		"config":             ConfigModule(),
	})
}

// ConfigModule returns mindspore.dataset.config.
func ConfigModule() *core.Module {
	return core.NewModule("mindspore.dataset.config", starlark.StringDict{
		"set_seed": starlark.NewBuiltin("set_seed", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var seed int64
			if err := starlark.UnpackArgs("set_seed", args, kwargs, "seed", &seed); err != nil {
				return nil, err
			}
			if seed < 0 || seed > 1<<32-1 {
				return nil, core.Errorf("ValueError", "set_seed: seed must be in [0, 4294967295], but got %d", seed)
			}
			core.EnvOf(thread).SetMindSporeSeed(seed)
			return starlark.None, nil
		}),
	})
}

func columnNames(v starlark.Value, call string) ([]string, error) {
	switch x := v.(type) {
	case starlark.String:
		return []string{string(x)}, nil
	case starlark.Indexable:
		out := make([]string, x.Len())
		for i := range out {
			s, ok := starlark.AsString(x.Index(i))
			if !ok {
				return nil, core.Errorf("TypeError", "%s: column_names must be strings, got %s", call, x.Index(i).Type())
			}
			out[i] = s
		}
		return out, nil
	}
	return nil, core.Errorf("TypeError", "%s: column_names must be a list of strings, not %s", call, v.Type())
}

func generatorDataset(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var source starlark.Value
	var cols, shuffle, numSamples, sampler starlark.Value = starlark.None, starlark.None, starlark.None, starlark.None
	if err := starlark.UnpackArgs("GeneratorDataset", args, kwargs, "source", &source, "column_names?", &cols, "column_types?", new(starlark.Value), "schema?", new(starlark.Value), "num_samples?", &numSamples, "num_parallel_workers?", new(starlark.Value), "shuffle?", &shuffle, "sampler?", &sampler, "num_shards?", new(starlark.Value), "shard_id?", new(starlark.Value), "python_multiprocessing?", new(bool), "max_rowsize?", new(starlark.Value)); err != nil {
		return nil, err
	}
	g := &generatorStage{source: source}
	if cols == starlark.None {
		return nil, core.Errorf("ValueError", "GeneratorDataset: column_names is required, for example column_names=['data', 'label']")
	}
	var err error
	if g.cols, err = columnNames(cols, "GeneratorDataset"); err != nil {
		return nil, err
	}
	if numSamples != starlark.None {
		if err := starlark.AsInt(numSamples, &g.numSamples); err != nil || g.numSamples < 0 {
			return nil, core.Errorf("ValueError", "GeneratorDataset: num_samples must be a non-negative int")
		}
	}
	_, _, randomAccess := g.randomAccess(thread)
	switch shuffle {
	case starlark.None:
		// MindSpore samples a random-access source with RandomSampler.
		g.shuffle = randomAccess && sampler == starlark.None
	case starlark.True:
		if !randomAccess {
			return nil, core.Errorf("ValueError", "GeneratorDataset: shuffle=True needs a random-access source (a list or an object with __getitem__ and __len__); this source is %s", source.Type())
		}
		g.shuffle = true
	case starlark.False:
	default:
		return nil, core.Errorf("TypeError", "GeneratorDataset: shuffle must be a bool or None, not %s", shuffle.Type())
	}
	return &Dataset{name: "GeneratorDataset", st: g}, nil
}

func numpySlicesDataset(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	var cols, shuffle starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs("NumpySlicesDataset", args, kwargs, "data", &data, "column_names?", &cols, "num_samples?", new(starlark.Value), "num_parallel_workers?", new(starlark.Value), "shuffle?", &shuffle, "sampler?", new(starlark.Value)); err != nil {
		return nil, err
	}
	s := &slicesStage{shuffle: shuffle != starlark.False}
	var items []starlark.Value
	var names []string
	switch x := data.(type) {
	case *starlark.Dict:
		for _, kv := range x.Items() {
			k, _ := starlark.AsString(kv[0])
			names = append(names, k)
			items = append(items, kv[1])
		}
	case starlark.Tuple:
		items = x
	default:
		items = []starlark.Value{data}
	}
	for i, it := range items {
		t, err := tensor.ToEngine(it, nil, tensor.NumPy)
		if err != nil {
			return nil, core.Errorf("ValueError", "NumpySlicesDataset: column %d: %v", i, err)
		}
		if t.Rank() == 0 || (len(s.data) > 0 && t.Shape()[0] != s.data[0].Shape()[0]) {
			return nil, core.Errorf("ValueError", "NumpySlicesDataset: every column needs the same first dimension; column %d has shape %s", i, engine.FormatShape(t.Shape()))
		}
		s.data = append(s.data, t)
	}
	if cols != starlark.None {
		var err error
		if names, err = columnNames(cols, "NumpySlicesDataset"); err != nil {
			return nil, err
		}
	}
	if names == nil {
		for i := range s.data {
			names = append(names, "column_"+string(rune('0'+i)))
		}
	}
	if len(names) != len(s.data) {
		return nil, core.Errorf("ValueError", "NumpySlicesDataset: %d column names for %d columns", len(names), len(s.data))
	}
	s.cols = names
	return &Dataset{name: "NumpySlicesDataset", st: s}, nil
}
