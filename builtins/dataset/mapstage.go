package dataset

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

// mapStage applies operations to the input columns of each row and lays
// out the result as MindSpore r1.6's MapOp does. When output_columns has
// as many names as input_columns, the results replace the input columns
// in place. Otherwise the output columns come first, followed by the
// columns that were not inputs. A column_order then selects and orders
// the columns, as the ProjectOp that r1.6 adds after the map does.
type mapStage struct {
	in         stage
	operations []starlark.Value
	inputs     []int // indices of the input columns in the incoming row
	outNames   []string
	project    []int // indices into the mapped row selected by column_order, nil to keep all
	cols       []string
}

func (m *mapStage) columns() []string                         { return m.cols }
func (m *mapStage) size(thread *starlark.Thread) (int, error) { return m.in.size(thread) }

// newMapStage checks the column arguments of map(). inNames, outNames and
// order are nil when the script passed None.
func newMapStage(in stage, ops []starlark.Value, inNames, outNames, order []string) (*mapStage, error) {
	if inNames != nil && outNames != nil && len(inNames) != len(outNames) && order == nil {
		return nil, core.Errorf("ValueError", "map: When length of input_columns and output_columns are not equal, column_order must be specified. input_columns %s and output_columns %s differ in length. Pass column_order with the columns to keep, in order", quoteList(inNames), quoteList(outNames))
	}
	cols := in.columns()
	if inNames == nil {
		inNames = cols[:1]
	}
	m := &mapStage{in: in, operations: ops}
	for _, n := range inNames {
		i := indexOf(cols, n)
		if i < 0 {
			return nil, core.Errorf("ValueError", "map: input column '%s' is not one of %s", n, quoteList(cols))
		}
		m.inputs = append(m.inputs, i)
	}
	if outNames == nil {
		outNames = inNames
	}
	m.outNames = outNames
	mapped := m.mappedColumns(cols)
	if order == nil {
		m.cols = mapped
		return m, nil
	}
	for _, n := range order {
		i := indexOf(mapped, n)
		if i < 0 {
			// NOTE: r1.6 raises this RuntimeError from its C++ ProjectOp
			// when it builds the pipeline (get_col_names() or the first
			// iteration), so there map() itself still succeeds.
			return nil, core.Errorf("RuntimeError", "map: column_order names column '%s', which is not one of the columns after the map %s", n, quoteList(mapped))
		}
		m.project = append(m.project, i)
	}
	m.cols = append([]string(nil), order...)
	return m, nil
}

// mappedColumns returns the column names after the operations ran and
// before column_order selects from them.
func (m *mapStage) mappedColumns(cols []string) []string {
	if len(m.outNames) == len(m.inputs) {
		out := append([]string(nil), cols...)
		for k, i := range m.inputs {
			out[i] = m.outNames[k]
		}
		return out
	}
	out := append([]string(nil), m.outNames...)
	for i, c := range cols {
		if !containsInt(m.inputs, i) {
			out = append(out, c)
		}
	}
	return out
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func (m *mapStage) open(thread *starlark.Thread, epoch int) (Pull, error) {
	pull, err := m.in.open(thread, epoch)
	if err != nil {
		return nil, err
	}
	rowNum := 0
	return func() (Row, bool, error) {
		row, ok, err := pull()
		if err != nil || !ok {
			return nil, false, err
		}
		out, err := m.apply(thread, row, rowNum)
		rowNum++
		return out, err == nil, err
	}, nil
}

func (m *mapStage) apply(thread *starlark.Thread, row Row, rowNum int) (Row, error) {
	args := make(starlark.Tuple, len(m.inputs))
	for i, c := range m.inputs {
		args[i] = tensor.NewArray(row[c])
	}
	var res starlark.Value = args
	for _, op := range m.operations {
		in, isTuple := res.(starlark.Tuple)
		if !isTuple {
			in = starlark.Tuple{res}
		}
		var err error
		if res, err = starlark.Call(thread, op, in, nil); err != nil {
			return nil, err
		}
	}
	results, isTuple := res.(starlark.Tuple)
	if !isTuple {
		results = starlark.Tuple{res}
	}
	if len(results) != len(m.outNames) {
		return nil, core.Errorf("ValueError", "map: row %d: the operations returned %d values for output columns %s", rowNum, len(results), quoteList(m.outNames))
	}
	outs := make(Row, len(results))
	for i, v := range results {
		t, err := tensor.ToEngine(v, nil, tensor.NumPy)
		if err != nil {
			_, msg := pyobj.Classify(err)
			return nil, core.Errorf("ValueError", "map: row %d, column '%s': %s", rowNum, m.outNames[i], msg)
		}
		outs[i] = t
	}
	return m.layOut(row, outs), nil
}

// layOut merges the operation results outs into row as mappedColumns
// orders the names, then applies column_order.
func (m *mapStage) layOut(row, outs Row) Row {
	var mapped Row
	if len(m.outNames) == len(m.inputs) {
		mapped = append(Row(nil), row...)
		for k, i := range m.inputs {
			mapped[i] = outs[k]
		}
	} else {
		mapped = append(Row(nil), outs...)
		for i, t := range row {
			if !containsInt(m.inputs, i) {
				mapped = append(mapped, t)
			}
		}
	}
	if m.project == nil {
		return mapped
	}
	out := make(Row, len(m.project))
	for k, i := range m.project {
		out[k] = mapped[i]
	}
	return out
}
