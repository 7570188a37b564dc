package pystd

import (
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// CSV returns the csv module with the default excel dialect: fields
// separated by commas, quoted with '"' when they contain a comma, a
// quote or a line break (quotes doubled inside), and rows written with
// \r\n as CPython 3.11's csv does. Readers take any iterable of lines,
// such as a file from open(); writers call the file's write method.
func CSV() *core.Module {
	return core.NewModule("csv", starlark.StringDict{
		"reader":        starlark.NewBuiltin("reader", csvReaderFn),
		"writer":        starlark.NewBuiltin("writer", csvWriterFn),
		"DictReader":    dictReaderClass,
		"DictWriter":    dictWriterClass,
		"QUOTE_MINIMAL": starlark.MakeInt(0),
	})
}

// csvReader is the native state of a reader: the lines still to read.
type csvReader struct {
	lines      starlark.Iterator
	delimiter  string
	lineNum    int
	fieldnames []starlark.Value // DictReader only, nil until read
}

// csvWriter is the native state of a writer: the file's write method.
type csvWriter struct {
	write      starlark.Value
	delimiter  string
	fieldnames []string // DictWriter only
}

func selfMethod(thread *starlark.Thread, self *pyobj.Instance, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	return self, nil
}

var (
	readerClass = pyobj.NewNativeClass(pyobj.NativeSpec{Name: "reader", Module: "_csv", Doc: "Iterates the rows of CSV text as lists of str.", Methods: []pyobj.Method{
		{Name: "__iter__", Func: selfMethod},
		{Name: "__next__", Func: readerNext},
	}})
	writerClass = pyobj.NewNativeClass(pyobj.NativeSpec{Name: "writer", Module: "_csv", Doc: "Writes rows as CSV lines to a file.", Methods: []pyobj.Method{
		{Name: "writerow", Func: writerRow},
		{Name: "writerows", Func: writerRows},
	}})
	dictReaderClass = pyobj.NewNativeClass(pyobj.NativeSpec{Name: "DictReader", Module: "csv", Doc: "Iterates the rows of CSV text as dicts keyed by fieldnames.", Methods: []pyobj.Method{
		{Name: "__init__", Func: dictReaderInit},
		{Name: "__iter__", Func: selfMethod},
		{Name: "__next__", Func: dictReaderNext},
	}})
	dictWriterClass = pyobj.NewNativeClass(pyobj.NativeSpec{Name: "DictWriter", Module: "csv", Doc: "Writes dicts as CSV lines in the order of fieldnames.", Methods: []pyobj.Method{
		{Name: "__init__", Func: dictWriterInit},
		{Name: "writeheader", Func: dictWriterHeader},
		{Name: "writerow", Func: writerRow},
		{Name: "writerows", Func: writerRows},
	}})
)

func csvReaderFn(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var src starlark.Value
	delimiter := ","
	if err := starlark.UnpackArgs("csv.reader", args, kwargs, "csvfile", &src, "delimiter?", &delimiter); err != nil {
		return nil, err
	}
	st, err := newCSVReader(src, delimiter)
	if err != nil {
		return nil, err
	}
	v, err := starlark.Call(thread, readerClass, nil, nil)
	if err != nil {
		return nil, err
	}
	v.(*pyobj.Instance).Native = st
	return v, nil
}

func newCSVReader(src starlark.Value, delimiter string) (*csvReader, error) {
	if len(delimiter) != 1 {
		return nil, pyobj.TypeErrorf("\"delimiter\" must be a 1-character string")
	}
	it := starlark.Iterate(src)
	if it == nil {
		return nil, pyobj.TypeErrorf("argument 1 must be an iterator")
	}
	return &csvReader{lines: it, delimiter: delimiter}, nil
}

func readerNext(thread *starlark.Thread, self *pyobj.Instance, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	st, ok := self.Native.(*csvReader)
	if !ok {
		return nil, pyobj.TypeErrorf("csv.reader is not initialized")
	}
	fields, err := st.readRow()
	if err != nil {
		return nil, err
	}
	row := make([]starlark.Value, len(fields))
	for i, f := range fields {
		row[i] = starlark.String(f)
	}
	return starlark.NewList(row), nil
}

// readRow parses the next record, reading further lines while a quoted
// field is open. It returns StopIteration at the end of the lines.
func (st *csvReader) readRow() ([]string, error) {
	var fields []string
	var field strings.Builder
	quoted, inQuotes, started := false, false, false
	for {
		var v starlark.Value
		if !st.lines.Next(&v) {
			if inQuotes {
				return nil, core.Errorf("Error", "unexpected end of data")
			}
			if !started {
				return nil, pyobj.StopIterationErr()
			}
			return append(fields, field.String()), nil
		}
		line, ok := starlark.AsString(v)
		if !ok {
			return nil, core.Errorf("Error", "iterator should return strings, not %s (the file should be opened in text mode)", v.Type())
		}
		st.lineNum++
		started = true
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		for i := 0; i < len(line); i++ {
			c := line[i]
			switch {
			case inQuotes && c == '"' && i+1 < len(line) && line[i+1] == '"':
				field.WriteByte('"')
				i++
			case inQuotes && c == '"':
				inQuotes = false
			case inQuotes:
				field.WriteByte(c)
			case c == '"' && field.Len() == 0 && !quoted:
				inQuotes, quoted = true, true
			case c == st.delimiter[0]:
				fields = append(fields, field.String())
				field.Reset()
				quoted = false
			default:
				field.WriteByte(c)
			}
		}
		if !inQuotes {
			if len(fields) == 0 && field.Len() == 0 && !quoted {
				return []string{}, nil
			}
			return append(fields, field.String()), nil
		}
		field.WriteByte('\n')
	}
}

func dictReaderInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var src starlark.Value
	var fieldnames starlark.Value = starlark.None
	delimiter := ","
	if err := starlark.UnpackArgs("DictReader", args, kwargs, "f", &src, "fieldnames?", &fieldnames, "delimiter?", &delimiter); err != nil {
		return nil, err
	}
	st, err := newCSVReader(src, delimiter)
	if err != nil {
		return nil, err
	}
	if fieldnames != starlark.None {
		names, err := stringList("DictReader", fieldnames)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			st.fieldnames = append(st.fieldnames, starlark.String(n))
		}
	}
	self.Native = st
	return starlark.None, nil
}

// dictReaderNext reads the header first when fieldnames were not
// given, skips blank rows, and fills short rows with None.
func dictReaderNext(thread *starlark.Thread, self *pyobj.Instance, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	st, ok := self.Native.(*csvReader)
	if !ok {
		return nil, pyobj.TypeErrorf("csv.DictReader is not initialized")
	}
	if st.fieldnames == nil {
		header, err := st.readRow()
		if err != nil {
			return nil, err
		}
		for _, n := range header {
			st.fieldnames = append(st.fieldnames, starlark.String(n))
		}
	}
	fields, err := st.readRow()
	for err == nil && len(fields) == 0 {
		fields, err = st.readRow()
	}
	if err != nil {
		return nil, err
	}
	row := starlark.NewDict(len(st.fieldnames))
	for i, name := range st.fieldnames {
		var v starlark.Value = starlark.None
		if i < len(fields) {
			v = starlark.String(fields[i])
		}
		if err := row.SetKey(name, v); err != nil {
			return nil, err
		}
	}
	if len(fields) > len(st.fieldnames) {
		rest := make([]starlark.Value, 0, len(fields)-len(st.fieldnames))
		for _, f := range fields[len(st.fieldnames):] {
			rest = append(rest, starlark.String(f))
		}
		if err := row.SetKey(starlark.None, starlark.NewList(rest)); err != nil {
			return nil, err
		}
	}
	return row, nil
}
