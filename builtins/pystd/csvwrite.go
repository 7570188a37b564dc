package pystd

import (
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

func csvWriterFn(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var dst starlark.Value
	delimiter := ","
	if err := starlark.UnpackArgs("csv.writer", args, kwargs, "csvfile", &dst, "delimiter?", &delimiter); err != nil {
		return nil, err
	}
	st, err := newCSVWriter(dst, delimiter)
	if err != nil {
		return nil, err
	}
	v, err := starlark.Call(thread, writerClass, nil, nil)
	if err != nil {
		return nil, err
	}
	v.(*pyobj.Instance).Native = st
	return v, nil
}

func newCSVWriter(dst starlark.Value, delimiter string) (*csvWriter, error) {
	if len(delimiter) != 1 {
		return nil, pyobj.TypeErrorf("\"delimiter\" must be a 1-character string")
	}
	var write starlark.Value
	if h, ok := dst.(starlark.HasAttrs); ok {
		write, _ = h.Attr("write")
	}
	if write == nil {
		return nil, pyobj.TypeErrorf("argument 1 must have a \"write\" method")
	}
	return &csvWriter{write: write, delimiter: delimiter}, nil
}

// formatRow joins fields as one CSV line, \r\n included.
func (st *csvWriter) formatRow(thread *starlark.Thread, fields []starlark.Value) (string, error) {
	var b strings.Builder
	for i, v := range fields {
		if i > 0 {
			b.WriteString(st.delimiter)
		}
		s := ""
		if v != starlark.None {
			var err error
			if s, err = core.Str(thread, v); err != nil {
				return "", err
			}
		}
		needsQuotes := strings.ContainsAny(s, st.delimiter+"\"\r\n") || len(fields) == 1 && s == ""
		if needsQuotes {
			s = "\"" + strings.ReplaceAll(s, "\"", "\"\"") + "\""
		}
		b.WriteString(s)
	}
	b.WriteString("\r\n")
	return b.String(), nil
}

// writeLine writes one row and returns what the file's write returned.
func (st *csvWriter) writeLine(thread *starlark.Thread, fields []starlark.Value) (starlark.Value, error) {
	line, err := st.formatRow(thread, fields)
	if err != nil {
		return nil, err
	}
	return starlark.Call(thread, st.write, starlark.Tuple{starlark.String(line)}, nil)
}

// rowFields returns the fields of row: its elements for a writer, and
// its values in fieldnames order for a DictWriter.
func (st *csvWriter) rowFields(thread *starlark.Thread, row starlark.Value) ([]starlark.Value, error) {
	if st.fieldnames == nil {
		var fields []starlark.Value
		it := starlark.Iterate(row)
		if it == nil {
			return nil, core.Errorf("Error", "iterable expected, not %s", row.Type())
		}
		defer it.Done()
		var v starlark.Value
		for it.Next(&v) {
			fields = append(fields, v)
		}
		return fields, nil
	}
	d, ok := row.(*starlark.Dict)
	if !ok {
		return nil, pyobj.TypeErrorf("DictWriter.writerow: row must be a dict, not %s", row.Type())
	}
	known := map[string]bool{}
	fields := make([]starlark.Value, len(st.fieldnames))
	for i, name := range st.fieldnames {
		known[name] = true
		v, found, err := d.Get(starlark.String(name))
		if err != nil {
			return nil, err
		}
		fields[i] = starlark.String("")
		if found {
			fields[i] = v
		}
	}
	var extra []string
	for _, k := range d.Keys() {
		if s, ok := k.(starlark.String); !ok || !known[string(s)] {
			r, err := core.Repr(thread, k)
			if err != nil {
				return nil, err
			}
			extra = append(extra, r)
		}
	}
	if len(extra) > 0 {
		return nil, core.Errorf("ValueError", "dict contains fields not in fieldnames: %s", strings.Join(extra, ", "))
	}
	return fields, nil
}

func writerRow(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var row starlark.Value
	if err := starlark.UnpackPositionalArgs("writerow", args, kwargs, 1, &row); err != nil {
		return nil, err
	}
	st, ok := self.Native.(*csvWriter)
	if !ok {
		return nil, pyobj.TypeErrorf("csv writer is not initialized")
	}
	fields, err := st.rowFields(thread, row)
	if err != nil {
		return nil, err
	}
	return st.writeLine(thread, fields)
}

func writerRows(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var rows starlark.Value
	if err := starlark.UnpackPositionalArgs("writerows", args, kwargs, 1, &rows); err != nil {
		return nil, err
	}
	it := starlark.Iterate(rows)
	if it == nil {
		return nil, pyobj.TypeErrorf("writerows() argument must be iterable, not %s", rows.Type())
	}
	defer it.Done()
	var row starlark.Value
	for it.Next(&row) {
		if _, err := writerRow(thread, self, starlark.Tuple{row}, nil); err != nil {
			return nil, err
		}
	}
	return starlark.None, nil
}

func dictWriterInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var dst, fieldnames starlark.Value
	delimiter := ","
	if err := starlark.UnpackArgs("DictWriter", args, kwargs, "f", &dst, "fieldnames", &fieldnames, "delimiter?", &delimiter); err != nil {
		return nil, err
	}
	st, err := newCSVWriter(dst, delimiter)
	if err != nil {
		return nil, err
	}
	if st.fieldnames, err = stringList("DictWriter", fieldnames); err != nil {
		return nil, err
	}
	self.Native = st
	return starlark.None, nil
}

func dictWriterHeader(thread *starlark.Thread, self *pyobj.Instance, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	st, ok := self.Native.(*csvWriter)
	if !ok {
		return nil, pyobj.TypeErrorf("csv.DictWriter is not initialized")
	}
	header := make([]starlark.Value, len(st.fieldnames))
	for i, n := range st.fieldnames {
		header[i] = starlark.String(n)
	}
	return st.writeLine(thread, header)
}

// stringList reads a sequence of field names.
func stringList(call string, v starlark.Value) ([]string, error) {
	it := starlark.Iterate(v)
	if it == nil {
		return nil, pyobj.TypeErrorf("%s: fieldnames must be a list of str, not %s", call, v.Type())
	}
	defer it.Done()
	names := []string{}
	var x starlark.Value
	for it.Next(&x) {
		s, ok := starlark.AsString(x)
		if !ok {
			return nil, pyobj.TypeErrorf("%s: fieldnames must be str, not %s", call, x.Type())
		}
		names = append(names, s)
	}
	return names, nil
}
