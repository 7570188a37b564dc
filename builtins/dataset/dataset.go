// Package dataset is mindspore.dataset: GeneratorDataset and
// NumpySlicesDataset sources, samplers, and the batch, shuffle, map,
// repeat, take, skip and split stages. A pipeline is opened once per
// epoch; shuffles are reproducible after mindspore.dataset.config.set_seed.
package dataset

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Row is one dataset row: a value per column.
type Row []*engine.Tensor

// Pull returns the next row of a pass; ok is false at the end.
type Pull func() (row Row, ok bool, err error)

// stage is one node of a dataset pipeline.
type stage interface {
	// open starts pass number epoch (0 for the first) over the data.
	open(thread *starlark.Thread, epoch int) (Pull, error)
	// size returns the number of rows of one pass, -1 for an endless
	// pipeline. It may iterate the source to count.
	size(thread *starlark.Thread) (int, error)
	columns() []string
}

// Dataset is the native state of a mindspore.dataset dataset instance.
type Dataset struct {
	st        stage
	batchSize int // set by batch(), for get_batch_size
	repeat    int // set by repeat(), for get_repeat_count
}

// Of returns the pipeline behind a dataset value.
func Of(v starlark.Value) (*Dataset, bool) {
	inst, ok := v.(*pyobj.Instance)
	if !ok {
		return nil, false
	}
	d, ok := inst.Native.(*Dataset)
	return d, ok
}

// Open starts pass number epoch (0 for the first) over the dataset.
// Shuffling stages draw a new order for each epoch. A Go panic while
// opening or pulling a row becomes a *pyobj.PanicError.
func (d *Dataset) Open(thread *starlark.Thread, epoch int) (_ Pull, err error) {
	defer pyobj.RecoverPanic("dataset iteration", &err)
	pull, err := d.st.open(thread, epoch)
	if err != nil {
		return nil, err
	}
	return guardPull(pull), nil
}

// Size returns the number of rows (batches after batch()) of one pass,
// or -1 for an endless pipeline such as repeat() without a count.
func (d *Dataset) Size(thread *starlark.Thread) (int, error) { return d.st.size(thread) }

// Columns returns the column names.
func (d *Dataset) Columns() []string { return d.st.columns() }

// countRows counts the rows of one pass by iterating it.
func countRows(thread *starlark.Thread, st stage) (int, error) {
	pull, err := st.open(thread, 0)
	if err != nil {
		return 0, err
	}
	n := 0
	for {
		_, ok, err := pull()
		if err != nil {
			return 0, err
		}
		if !ok {
			return n, nil
		}
		n++
	}
}
