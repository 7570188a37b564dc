package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Embedding is the native nn.Embedding class.
var Embedding *pyobj.Class

func init() {
	Embedding = newCellClass(cellClass{
		name: "Embedding",
		doc: `Embedding(vocab_size, embedding_size, use_one_hot=False, embedding_table='normal', dtype=mindspore.int32, padding_idx=None)

A lookup table: for int ids of any shape the output has shape
ids.shape + (embedding_size,), row ids[i] of the Parameter
embedding_table (vocab_size, embedding_size). The row padding_idx starts
as zeros. use_one_hot computes the same values through a one-hot matrix
product in MindSpore; cellscript gathers rows either way.
NOTE: an id outside [-vocab_size, vocab_size) raises IndexError, where
MindSpore's CPU Gather returns a zero row.`,
		init:      embeddingInit,
		construct: embeddingConstruct,
		methods:   []pyobj.Method{embeddingExtendRepr},
	})
}

func embeddingInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var vocabV, sizeV starlark.Value
	useOneHot := false
	var tableInit starlark.Value = starlark.String("normal")
	var paddingIdx starlark.Value = starlark.None
	var dtype starlark.Value = tensor.DType{D: engine.Int32, Flavor: tensor.MindSpore}
	if err := starlark.UnpackArgs("Embedding", args, kwargs, "vocab_size", &vocabV, "embedding_size", &sizeV, "use_one_hot?", &useOneHot,
		"embedding_table?", &tableInit, "dtype?", &dtype, "padding_idx?", &paddingIdx); err != nil {
		return nil, err
	}

	vocab, err := positiveInt("Embedding", "vocab_size", vocabV)
	if err != nil {
		return nil, err
	}
	size, err := positiveInt("Embedding", "embedding_size", sizeV)
	if err != nil {
		return nil, err
	}

	table, err := initTensor(thread, "Embedding embedding_table", tableInit, []int{vocab, size})
	if err != nil {
		return nil, err
	}
	if paddingIdx != starlark.None {
		var idx int
		if _, isBool := paddingIdx.(starlark.Bool); isBool || starlark.AsInt(paddingIdx, &idx) != nil {
			return nil, core.Errorf("TypeError", "For 'Embedding', the 'padding_idx' must be an int or None, but got %s", paddingIdx.Type())
		}
		if idx < 0 || idx >= vocab {
			return nil, core.Errorf("ValueError", "For 'Embedding', the 'padding_idx' must be in [0, %d), but got %d", vocab, idx)
		}
		rows := table.F32()
		for j := 0; j < size; j++ {
			rows[idx*size+j] = 0
		}
	}

	if err := self.SetField("embedding_table", tensor.NewParameter(table, "embedding_table", true)); err != nil {
		return nil, err
	}
	return starlark.None, setAttrs(self, []pyobj.NamedValue{
		{Name: "vocab_size", Value: starlark.MakeInt(vocab)},
		{Name: "embedding_size", Value: starlark.MakeInt(size)},
		{Name: "use_one_hot", Value: starlark.Bool(useOneHot)},
		{Name: "padding_idx", Value: paddingIdx},
		{Name: "dtype", Value: dtype},
	})
}

func embeddingConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var idsV starlark.Value
	if err := starlark.UnpackArgs("Embedding", args, kwargs, "ids", &idsV); err != nil {
		return nil, err
	}
	ids, err := arg("Embedding", "ids", idsV)
	if err != nil {
		return nil, err
	}
	if !ids.DType().IsInt() {
		return nil, core.Errorf("TypeError", "For 'Embedding', the ids must be an int32 or int64 Tensor, but got dtype %s", ids.DType())
	}
	table, _, ok := tensor.Of(attr(self, "embedding_table"))
	if !ok {
		return nil, core.Errorf("RuntimeError", "Embedding: embedding_table is not a Parameter")
	}
	return do("Embedding", func() (*engine.Tensor, error) { return engine.Take(table, ids, 0) })
}
