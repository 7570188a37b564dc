package dataset

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

// mapStage applies operations to the input columns of each row. The
// results replace the input columns in place when output_columns has as
// many names; otherwise the input columns are removed and the outputs
// appended, as MindSpore's MapOp orders them.
type mapStage struct {
	in         stage
	operations []starlark.Value
	inputs     []int
	outNames   []string
	cols       []string
}

func (m *mapStage) columns() []string                         { return m.cols }
func (m *mapStage) size(thread *starlark.Thread) (int, error) { return m.in.size(thread) }

func newMapStage(in stage, ops []starlark.Value, inNames, outNames []string) (*mapStage, error) {
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
	if len(outNames) == len(inNames) {
		m.cols = append([]string(nil), cols...)
		for k, i := range m.inputs {
			m.cols[i] = outNames[k]
		}
		return m, nil
	}
	for i, c := range cols {
		if !containsInt(m.inputs, i) {
			m.cols = append(m.cols, c)
		}
	}
	m.cols = append(m.cols, outNames...)
	return m, nil
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
	if len(m.outNames) == len(m.inputs) {
		out := append(Row(nil), row...)
		for k, i := range m.inputs {
			out[i] = outs[k]
		}
		return out, nil
	}
	var out Row
	for i, t := range row {
		if !containsInt(m.inputs, i) {
			out = append(out, t)
		}
	}
	return append(out, outs...), nil
}
