package dataset

import (
	"fmt"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// Dataset classes. Every dataset is an instance of one of them with a
// *Dataset in Native; the methods live on DatasetClass.
var (
	DatasetClass       *pyobj.Class
	GeneratorDataset   *pyobj.Class
	NumpySlicesDataset *pyobj.Class
	BatchDataset       *pyobj.Class
	ShuffleDataset     *pyobj.Class
	MapDataset         *pyobj.Class
	RepeatDataset      *pyobj.Class
	TakeDataset        *pyobj.Class
	SkipDataset        *pyobj.Class
)

// box carries a new pipeline into a dataset class's __init__, so Go code
// can create instances; scripts cannot make one.
type box struct{ d *Dataset }

func (b *box) String() string        { return "<dataset pipeline>" }
func (b *box) Type() string          { return "dataset pipeline" }
func (b *box) Freeze()               {}
func (b *box) Truth() starlark.Bool  { return true }
func (b *box) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable type: 'dataset pipeline'") }

// newValue returns an instance of cls for the pipeline d.
func newValue(thread *starlark.Thread, cls *pyobj.Class, d *Dataset) (starlark.Value, error) {
	return starlark.Call(thread, cls, starlark.Tuple{&box{d: d}}, nil)
}

// fromBox sets self's pipeline when __init__ got a box.
func fromBox(self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) bool {
	if len(args) == 1 && len(kwargs) == 0 {
		if b, ok := args[0].(*box); ok {
			self.Native = b.d
			return true
		}
	}
	return false
}

func derivedInit(how string) pyobj.MethodFunc {
	return func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if fromBox(self, args, kwargs) {
			return starlark.None, nil
		}
		return nil, core.Errorf("TypeError", "%s cannot be created directly; call %s on a dataset", self.Class().Name(), how)
	}
}

func derivedClass(name, how, doc string) *pyobj.Class {
	return pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:    name,
		Module:  "mindspore.dataset",
		Doc:     doc,
		Bases:   []*pyobj.Class{DatasetClass},
		Methods: []pyobj.Method{{Name: "__init__", Func: derivedInit(how)}},
	})
}

func init() {
	var methods []pyobj.Method
	for _, name := range methodNames {
		methods = append(methods, pyobj.Method{Name: name, Func: datasetMethod(name)})
	}
	DatasetClass = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:    "Dataset",
		Module:  "mindspore.dataset",
		Doc:     "The base class of datasets: batch, shuffle, map, repeat, take, skip, split and the iterators. Iterating a dataset yields lists of Tensors, one per column.",
		Methods: methods,
	})
	GeneratorDataset = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   "GeneratorDataset",
		Module: "mindspore.dataset",
		Doc: `GeneratorDataset(source, column_names, column_types=None, num_samples=None, shuffle=None, sampler=None, num_shards=None, shard_id=None, ...)

Rows from a Python source. A list, tuple, array or object with
__getitem__ and __len__ is read by index through a sampler (random by
default, as MindSpore does); a generator function is called once per
epoch; another iterable is iterated. Each row is a tuple or list with
one value per column (a single value for one column), converted as
np.array does. NOTE: shuffle and num_samples on a random-access source
follow MindSpore's select_sampler, so num_samples with the default
shuffle draws rows with replacement.`,
		Bases:   []*pyobj.Class{DatasetClass},
		Methods: []pyobj.Method{{Name: "__init__", Func: generatorInit}},
	})
	NumpySlicesDataset = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   "NumpySlicesDataset",
		Module: "mindspore.dataset",
		Doc: `NumpySlicesDataset(data, column_names=None, num_samples=None, shuffle=None, sampler=None, num_shards=None, shard_id=None)

Rows are slices along the first axis of data: a dict (a column per key),
a tuple (a column per element) or a list or array (one column). Columns
are named column_0, column_1, ... unless column_names is given. Shuffled
by default.`,
		Bases:   []*pyobj.Class{GeneratorDataset},
		Methods: []pyobj.Method{{Name: "__init__", Func: slicesInit}},
	})
	BatchDataset = derivedClass("BatchDataset", "batch()", "Rows stacked into batches by Dataset.batch.")
	ShuffleDataset = derivedClass("ShuffleDataset", "shuffle()", "Rows shuffled through a buffer by Dataset.shuffle.")
	MapDataset = derivedClass("MapDataset", "map()", "Rows transformed by Dataset.map.")
	RepeatDataset = derivedClass("RepeatDataset", "repeat()", "Rows repeated by Dataset.repeat.")
	TakeDataset = derivedClass("TakeDataset", "take()", "The first rows, by Dataset.take.")
	SkipDataset = derivedClass("SkipDataset", "skip()", "The rows after the first ones, by Dataset.skip.")
}
