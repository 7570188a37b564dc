package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/engine/rng"
	"go.starlark.net/starlark"
)

// Basic layers: Flatten and Dropout.
var (
	Flatten *pyobj.Class
	Dropout *pyobj.Class
)

func init() {
	Flatten = newCellClass(cellClass{
		name: "Flatten",
		doc: `Flatten(start_dim=1, end_dim=-1)

Merges dimensions start_dim..end_dim into one: (N, C, H, W) becomes
(N, C*H*W) with the defaults. A 1-D input (N,) becomes (N, 1), as the
r1.x Flatten primitive returns.`,
		init:      flattenInit,
		construct: flattenConstruct,
	})
	Dropout = newCellClass(cellClass{
		name: "Dropout",
		doc: `Dropout(keep_prob=None, p=None, dtype=mindspore.float32)

In training mode (set_train(True)) each element is kept with probability
keep_prob (r1.x) or 1 - p (2.x), scaled by 1/keep_prob, and otherwise
zeroed; in evaluation mode, the default, the input passes unchanged. With
neither argument half the elements are dropped. keep_prob must lie in
(0, 1] and p in [0, 1). The mask is drawn from the generator that
mindspore.set_seed seeds.`,
		init:      dropoutInit,
		construct: dropoutConstruct,
		methods:   []pyobj.Method{dropoutExtendRepr},
	})
}

func flattenInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	start, end := 1, -1
	if err := starlark.UnpackArgs("Flatten", args, kwargs, "start_dim?", &start, "end_dim?", &end); err != nil {
		return nil, err
	}
	return starlark.None, setAttrs(self, []pyobj.NamedValue{
		{Name: "start_dim", Value: starlark.MakeInt(start)},
		{Name: "end_dim", Value: starlark.MakeInt(end)},
	})
}

// flattenShape returns the shape after merging dims start..end of
// shape, or an error naming the bad dimension.
func flattenShape(shape []int, start, end int) ([]int, error) {
	rank := len(shape)
	if rank == 0 {
		return []int{1}, nil
	}
	if rank == 1 && start == 1 && end == -1 {
		return []int{shape[0], 1}, nil
	}
	for _, d := range []*int{&start, &end} {
		if *d < -rank || *d >= rank {
			return nil, core.Errorf("ValueError", "For 'Flatten', start_dim and end_dim must be in [%d, %d) for a %d-D input, but got %d", -rank, rank, rank, *d)
		}
		if *d < 0 {
			*d += rank
		}
	}
	if start > end {
		return nil, core.Errorf("ValueError", "For 'Flatten', start_dim %d must not come after end_dim %d", start, end)
	}
	out := append([]int{}, shape[:start]...)
	out = append(out, engine.Numel(shape[start:end+1]))
	return append(out, shape[end+1:]...), nil
}

func flattenConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv starlark.Value
	if err := starlark.UnpackArgs("Flatten", args, kwargs, "x", &xv); err != nil {
		return nil, err
	}
	x, err := arg("Flatten", "x", xv)
	if err != nil {
		return nil, err
	}
	var start, end int
	if err := starlark.AsInt(attr(self, "start_dim"), &start); err != nil {
		start = 1
	}
	if err := starlark.AsInt(attr(self, "end_dim"), &end); err != nil {
		end = -1
	}
	shape, err := flattenShape(x.Shape(), start, end)
	if err != nil {
		return nil, err
	}
	return do("Flatten", func() (*engine.Tensor, error) { return engine.Reshape(x, shape...) })
}

// dropoutKeep returns the keep probability from Dropout's arguments.
func dropoutKeep(keepProb, p starlark.Value) (float64, error) {
	if keepProb != starlark.None {
		keep, ok := starlark.AsFloat(keepProb)
		if _, isFloat := keepProb.(starlark.Float); !ok || !isFloat {
			return 0, core.Errorf("TypeError", "For 'Dropout', the 'keep_prob' must be a float, but got %s", keepProb.Type())
		}
		if !(keep > 0 && keep <= 1) {
			return 0, core.Errorf("ValueError", "For 'Dropout', the 'keep_prob' must be a number in range (0, 1], but got %s", core.FormatFloat(keep))
		}
		return keep, nil
	}
	if p != starlark.None {
		drop, ok := starlark.AsFloat(p)
		if _, isBool := p.(starlark.Bool); !ok || isBool {
			return 0, core.Errorf("TypeError", "For 'Dropout', the 'p' must be a float or an int, but got %s", p.Type())
		}
		if !(drop >= 0 && drop < 1) {
			return 0, core.Errorf("ValueError", "For 'Dropout', the 'p' must be a number in range [0, 1), but got %s", core.FormatFloat(drop))
		}
		return 1 - drop, nil
	}
	return 0.5, nil
}

func dropoutInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var keepProb, p starlark.Value = starlark.None, starlark.None
	var dtype starlark.Value = tensor.DType{D: engine.Float32, Flavor: tensor.MindSpore}
	if err := starlark.UnpackArgs("Dropout", args, kwargs, "keep_prob?", &keepProb, "p?", &p, "dtype?", &dtype); err != nil {
		return nil, err
	}
	keep, err := dropoutKeep(keepProb, p)
	if err != nil {
		return nil, err
	}
	return starlark.None, setAttrs(self, []pyobj.NamedValue{
		{Name: "keep_prob", Value: starlark.Float(keep)},
		{Name: "p", Value: p},
		{Name: "_keep", Value: starlark.Float(keep)},
		{Name: "dtype", Value: dtype},
	})
}

func dropoutConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv starlark.Value
	if err := starlark.UnpackArgs("Dropout", args, kwargs, "x", &xv); err != nil {
		return nil, err
	}
	x, err := arg("Dropout", "x", xv)
	if err != nil {
		return nil, err
	}
	keep, _ := starlark.AsFloat(attr(self, "_keep"))
	if !ensureState(self).Training || keep == 1 {
		return xv, nil
	}
	var out *engine.Tensor
	core.EnvOf(thread).WithMindSpore(func(r *rng.NumPy) {
		out, _, err = engine.Dropout(x, keep, r.RandomSample)
	})
	if err != nil {
		return nil, core.EngineError("Dropout", err)
	}
	return tensor.New(out), nil
}
