package dataset

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

// firstRow pulls the first row of pass 0, as MindSpore r1.6 runs the
// pipeline for one row to compute output_shapes() and output_types().
//
// NOTE: MindSpore caches the result after the first call, but firstRow
// runs the pipeline on every call, so a generator's side effects repeat.
func (d *Dataset) firstRow(thread *starlark.Thread, call string) (Row, error) {
	pull, err := d.Open(thread, 0)
	if err != nil {
		return nil, err
	}
	row, ok, err := pull()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, core.Errorf("RuntimeError", "%s: the dataset has no rows, so its column shapes and types are unknown; check that the source yields rows", call)
	}
	return row, nil
}

// outputShapes is Dataset.output_shapes(): a list with the shape of each
// column of the first row, each shape a list of ints ([] for a scalar).
func (d *Dataset) outputShapes(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs("output_shapes", args, kwargs); err != nil {
		return nil, err
	}
	row, err := d.firstRow(thread, "output_shapes")
	if err != nil {
		return nil, err
	}
	shapes := make([]starlark.Value, len(row))
	for i, column := range row {
		dims := make([]starlark.Value, column.Rank())
		for axis, n := range column.Shape() {
			dims[axis] = starlark.MakeInt(n)
		}
		shapes[i] = starlark.NewList(dims)
	}
	return starlark.NewList(shapes), nil
}

// outputTypes is Dataset.output_types(): a list with the dtype of each
// column of the first row. MindSpore r1.6 returns NumPy dtypes here
// (Model converts them with pytype_to_dtype), so they print as
// dtype('float32') and compare equal to numpy.float32.
func (d *Dataset) outputTypes(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs("output_types", args, kwargs); err != nil {
		return nil, err
	}
	row, err := d.firstRow(thread, "output_types")
	if err != nil {
		return nil, err
	}
	types := make([]starlark.Value, len(row))
	for i, column := range row {
		types[i] = tensor.DType{D: column.DType(), Flavor: tensor.NumPy}
	}
	return starlark.NewList(types), nil
}
