package numpy

import (
	"strconv"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// loadtxt is numpy.loadtxt(fname, dtype=float, comments='#',
// delimiter=None, skiprows=0, usecols=None, ndmin=0): a 2-D array of the
// rows of a text file in the granted directory (.gz files decompress).
func loadtxt(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fname string
	var dt starlark.Value = starlark.None
	var delim starlark.Value = starlark.None
	var usecols starlark.Value = starlark.None
	comments := "#"
	skiprows, ndmin := 0, 0
	if err := starlark.UnpackArgs(name, args, kwargs, "fname", &fname, "dtype?", &dt, "comments?", &comments, "delimiter?", &delim, "converters?", new(starlark.Value), "skiprows?", &skiprows, "usecols?", &usecols, "unpack?", new(bool), "ndmin?", &ndmin); err != nil {
		return nil, err
	}
	d := engine.Float64
	if p, err := optDType(dt); err != nil {
		return nil, err
	} else if p != nil {
		d = *p
	}
	sep := ""
	if s, ok := delim.(starlark.String); ok {
		sep = string(s)
	}
	var cols []int
	if usecols != starlark.None {
		var err error
		if cols, err = tensor.Axes(usecols); err != nil {
			return nil, err
		}
	}
	data, err := core.ReadFile(thread, name, fname)
	if err != nil {
		return nil, err
	}
	var vals []float64
	width := -1
	rows := 0
	for i, line := range strings.Split(string(data), "\n") {
		if i < skiprows {
			continue
		}
		if comments != "" {
			if k := strings.Index(line, comments); k >= 0 {
				line = line[:k]
			}
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		var fields []string
		if sep == "" {
			fields = strings.Fields(line)
		} else {
			fields = strings.Split(line, sep)
		}
		if cols != nil {
			picked := make([]string, len(cols))
			for j, c := range cols {
				if c < 0 {
					c += len(fields)
				}
				if c < 0 || c >= len(fields) {
					return nil, core.Errorf("IndexError", "%s: line %d of '%s' has %d columns, so usecols %d is out of range", name, i+1, fname, len(fields), cols[j])
				}
				picked[j] = fields[c]
			}
			fields = picked
		}
		if width >= 0 && len(fields) != width {
			return nil, core.Errorf("ValueError", "%s: line %d of '%s' has %d columns, but earlier lines have %d", name, i+1, fname, len(fields), width)
		}
		width = len(fields)
		for _, f := range fields {
			v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
			if err != nil {
				return nil, core.Errorf("ValueError", "%s: could not convert string '%s' to float on line %d of '%s'", name, strings.TrimSpace(f), i+1, fname)
			}
			vals = append(vals, v)
		}
		rows++
	}
	shape := []int{rows, max(width, 0)}
	if width == 1 && ndmin < 2 {
		shape = []int{rows}
	} else if rows == 1 && ndmin < 2 {
		shape = []int{width}
	}
	t, err := engine.FromValues(d, vals, shape...)
	if err != nil {
		return nil, err
	}
	return tensor.NewArray(t), nil
}
