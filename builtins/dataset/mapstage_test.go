package dataset_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// The expected column layouts follow MindSpore r1.6, which is not
// installed here, so they were written from its sources. r1.6's C++ MapOp
// writes the outputs over the input columns when output_columns has as
// many names as input_columns. Otherwise it puts the outputs first and
// the unused columns after them. Dataset.map documents column_order as
// the "list of all the desired columns", and r1.6 applies it with a
// ProjectOp after the map. The values are small integer sums.

// twoColumns is a NumpySlicesDataset with columns a = [0, 1] and
// b = [0, 5].
const twoColumns = `d = ds.NumpySlicesDataset((np.arange(2), np.arange(2) * 5), column_names=["a", "b"], shuffle=False)
`

func checkLines(t *testing.T, out string, want []string) {
	t.Helper()
	got := lines(out)
	for i, w := range want {
		if at(got, i) != w {
			t.Errorf("line %d: %q, want %q\n%s", i, at(got, i), w, out)
		}
	}
	if len(got) > len(want) {
		t.Errorf("%d lines, want %d:\n%s", len(got), len(want), out)
	}
}

func TestMapColumnOrderSelects(t *testing.T) {
	out := run(t, twoColumns+`
m = d.map(operations=lambda x: (x, x * 10), input_columns=["a"], output_columns=["a", "a10"], column_order=["a10", "b"])
print(m.get_col_names())
print(m.output_shapes(), m.output_types())
for r in m.create_dict_iterator(output_numpy=True):
    print(sorted(r.keys()), int(r["a10"]), int(r["b"]))
for a10, b in m.create_tuple_iterator(output_numpy=True):
    print(int(a10), int(b))
for a10, b in m.batch(2).create_tuple_iterator(output_numpy=True):
    print(a10.tolist(), b.tolist())
print([[int(v) for v in row] for row in m])
`)
	checkLines(t, out, []string{
		"['a10', 'b']",
		"[[], []] [dtype('int64'), dtype('int64')]",
		"['a10', 'b'] 0 0",
		"['a10', 'b'] 10 5",
		"0 0",
		"10 5",
		"[0, 10] [0, 5]",
		"[[0, 0], [10, 5]]",
	})
}

func TestMapColumnOrderReorders(t *testing.T) {
	out := run(t, twoColumns+`
m = d.map(operations=lambda x: x + 1, input_columns=["a"], column_order=["b", "a"])
print(m.get_col_names(), [[int(v) for v in row] for row in m])
f = d.map(operations=lambda x: x.astype(np.float32), input_columns=["b"], column_order=["b", "a"])
print(f.output_types())
`)
	checkLines(t, out, []string{
		"['b', 'a'] [[0, 1], [5, 2]]",
		"[dtype('float32'), dtype('int64')]",
	})
}

func TestMapOutputsReplaceInputsInPlace(t *testing.T) {
	out := run(t, `
d = ds.NumpySlicesDataset({"a": [1, 2], "b": [10, 20], "c": [100, 200]}, shuffle=False)
m = d.map(operations=lambda x: x * 2, input_columns=["b"], output_columns=["B"])
print(m.get_col_names(), [[int(v) for v in row] for row in m])
s = d.map(operations=lambda c, a: (c + 1, a + 1), input_columns=["c", "a"], output_columns=["x", "y"])
print(s.get_col_names(), [[int(v) for v in row] for row in s])
`)
	checkLines(t, out, []string{
		"['a', 'B', 'c'] [[1, 20, 100], [2, 40, 200]]",
		"['y', 'b', 'x'] [[2, 10, 101], [3, 20, 201]]",
	})
}

func TestMapExtraOutputsComeFirst(t *testing.T) {
	// Without input_columns r1.6 maps the first column and skips the
	// column_order check, so the outputs lead the row.
	out := run(t, twoColumns+`
m = d.map(operations=lambda x: (x, x * 10), output_columns=["p", "q"])
print(m.get_col_names(), [[int(v) for v in row] for row in m])
print(m.batch(2).output_shapes())
`)
	checkLines(t, out, []string{
		"['p', 'q', 'b'] [[0, 0, 0], [1, 10, 5]]",
		"[[2], [2], [2]]",
	})
}

func TestMapColumnArgumentErrors(t *testing.T) {
	const twice = `lambda x: (x, x * 10)`
	cases := []struct {
		name, src, typ string
		want           []string
	}{
		{"missing column_order", `d.map(operations=` + twice + `, input_columns=["a"], output_columns=["a", "a10"])`, "ValueError",
			[]string{"When length of input_columns and output_columns are not equal, column_order must be specified.", "['a']", "['a', 'a10']"}},
		{"unknown column", `d.map(operations=lambda x: x, input_columns=["a"], column_order=["a", "z"])`, "RuntimeError",
			[]string{"'z'", "['a', 'b']"}},
		{"dropped output", `d.map(operations=` + twice + `, input_columns=["a"], output_columns=["p", "q"], column_order=["a", "q"])`, "RuntimeError",
			[]string{"'a'", "['p', 'q', 'b']"}},
		{"str column_order", `d.map(operations=lambda x: x, column_order="a")`, "TypeError",
			[]string{"column_order", "list"}},
		{"tuple column_order", `d.map(operations=lambda x: x, column_order=("a",))`, "TypeError",
			[]string{"column_order", "list"}},
		{"empty column_order", `d.map(operations=lambda x: x, column_order=[])`, "ValueError",
			[]string{"column_order"}},
		{"repeated column", `d.map(operations=lambda x: x, column_order=["a", "b", "a"])`, "ValueError",
			[]string{"'a'", "twice"}},
		{"non-str column", `d.map(operations=lambda x: x, column_order=["a", 1])`, "TypeError",
			[]string{"column_order", "int"}},
	}
	for _, c := range cases {
		_, err := runErr(twoColumns + c.src + "\n")
		var re *runtime.Error
		if !errors.As(err, &re) {
			t.Errorf("%s: got %v, want a %s", c.name, err, c.typ)
			continue
		}
		if re.Type != c.typ {
			t.Errorf("%s: %s: %s, want a %s", c.name, re.Type, re.Message, c.typ)
		}
		for _, w := range c.want {
			if !strings.Contains(re.Message, w) {
				t.Errorf("%s: message %q does not mention %q", c.name, re.Message, w)
			}
		}
	}
}
