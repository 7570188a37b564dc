package numpy

import (
	"math"
	"strconv"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// genfromtxt is numpy.genfromtxt(fname, dtype=float, comments='#',
// delimiter=None, skip_header=0, usecols=None) for numeric text in the
// granted directory. Empty and non-numeric fields become nan, as NumPy
// does for float dtypes. skip_header counts raw lines, comments included.
func genfromtxt(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fname string
	var dt starlark.Value = starlark.None
	var delim, usecols starlark.Value = starlark.None, starlark.None
	comments := "#"
	skipHeader := 0
	if err := starlark.UnpackArgs(name, args, kwargs, "fname", &fname, "dtype?", &dt, "comments?", &comments, "delimiter?", &delim, "skip_header?", &skipHeader, "usecols?", &usecols); err != nil {
		return nil, err
	}
	if dt == starlark.None {
		dt = starlark.String("float64")
	}
	d, err := optDType(dt)
	if err != nil {
		return nil, err
	}
	if !d.IsFloat() {
		return nil, core.Errorf("ValueError", "%s: dtype %s is not supported; read numeric text with dtype=float", name, *d)
	}
	sep := ""
	if s, ok := delim.(starlark.String); ok {
		sep = string(s)
	}
	cols, err := tensor.Axes(usecols)
	if err != nil {
		return nil, err
	}
	data, err := core.ReadFile(thread, name, fname)
	if err != nil {
		return nil, err
	}
	vals, rows, width, err := parseNumericText(name, fname, string(data), sep, comments, skipHeader, cols)
	if err != nil {
		return nil, err
	}
	shape := []int{rows, width}
	if width == 1 || rows == 1 {
		shape = []int{rows * width}
	}
	t, err := engine.FromValues(*d, vals, shape...)
	if err != nil {
		return nil, err
	}
	return tensor.NewArray(t), nil
}

// parseNumericText splits text into rows of fields and converts them,
// returning the values in row order with the row count and row width.
func parseNumericText(name, fname, text, sep, comments string, skipHeader int, cols []int) ([]float64, int, int, error) {
	var vals []float64
	rows, width := 0, -1
	for i, line := range strings.Split(text, "\n") {
		if i < skipHeader {
			continue
		}
		if k := strings.Index(line, comments); comments != "" && k >= 0 {
			line = line[:k]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		fields := strings.Fields(line)
		if sep != "" {
			fields = strings.Split(line, sep)
		}
		fields, err := pickColumns(name, fname, fields, cols, i+1)
		if err != nil {
			return nil, 0, 0, err
		}
		if width >= 0 && len(fields) != width {
			return nil, 0, 0, core.Errorf("ValueError", "%s: line #%d of '%s' (got %d columns instead of %d)", name, i+1, fname, len(fields), width)
		}
		width = len(fields)
		for _, f := range fields {
			v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
			if err != nil {
				v = math.NaN()
			}
			vals = append(vals, v)
		}
		rows++
	}
	return vals, rows, max(width, 0), nil
}

// pickColumns returns the fields that cols names (all of them when cols
// is nil); negative columns count from the end of the line.
func pickColumns(name, fname string, fields []string, cols []int, line int) ([]string, error) {
	if cols == nil {
		return fields, nil
	}
	picked := make([]string, len(cols))
	for j, c := range cols {
		if c < 0 {
			c += len(fields)
		}
		if c < 0 || c >= len(fields) {
			return nil, core.Errorf("IndexError", "%s: line %d of '%s' has %d columns, so usecols %d is out of range", name, line, fname, len(fields), cols[j])
		}
		picked[j] = fields[c]
	}
	return picked, nil
}
