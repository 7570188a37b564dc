package dataset_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// refs holds testdata/refs.json, written by testdata/gen_refs.py with
// NumPy 1.24.2.
type refs struct {
	BatchSums      [][]float64 `json:"batch_sums"`
	BatchSumsDrop  [][]float64 `json:"batch_sums_drop"`
	SeededEpochs   [][]int     `json:"seeded_epochs"`
	Replacement    []int       `json:"replacement"`
	SubsetRandom   []int       `json:"subset_random"`
	Shards         [][]int     `json:"shards"`
	ShardsShuffled [][]int     `json:"shards_shuffled"`
	ShuffleBuffer  []int       `json:"shuffle_buffer"`
	SplitSizes7    []int       `json:"split_sizes_7"`
	SplitSizes10   []int       `json:"split_sizes_10"`
	SplitRandom    [][]int     `json:"split_random"`
	MapRows        [][]float64 `json:"map_rows"`
	RepeatSkipTake []int       `json:"repeat_skip_take"`
}

func loadRefs(t *testing.T) refs {
	t.Helper()
	data, err := os.ReadFile("testdata/refs.json")
	if err != nil {
		t.Fatal(err)
	}
	var r refs
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

const prelude = "import numpy as np\nimport mindspore.dataset as ds\n"

// run executes a script and returns what it printed.
func run(t *testing.T, src string) string {
	t.Helper()
	out, err := runErr(src)
	if err != nil {
		t.Fatalf("script failed: %v\n%s", err, src)
	}
	return out
}

func runErr(src string) (string, error) {
	var buf bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &buf, Stderr: &buf})
	_, err := rt.ExecSource(context.Background(), "test.py", []byte(prelude+src))
	return buf.String(), err
}

// pyInts formats ints as Python prints a list of them.
func pyInts(v []int) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = fmt.Sprint(x)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func lines(out string) []string { return strings.Split(strings.TrimSpace(out), "\n") }

func TestBatchOfNumpySlices(t *testing.T) {
	r := loadRefs(t)
	for _, c := range []struct {
		drop string
		want [][]float64
	}{{"False", r.BatchSums}, {"True", r.BatchSumsDrop}} {
		out := run(t, `
x = np.arange(30, dtype=np.float64).reshape(10, 3) * 0.5
y = np.arange(10) % 3
d = ds.NumpySlicesDataset({"x": x, "y": y}, shuffle=False).batch(4, drop_remainder=`+c.drop+`)
print(d.get_dataset_size(), d.get_col_names(), d.get_batch_size())
for bx, by in d.create_tuple_iterator(output_numpy=True):
    print(float(bx.sum()), int(by.sum()))
`)
		got := lines(out)
		if want := fmt.Sprintf("%d ['x', 'y'] 4", len(c.want)); got[0] != want {
			t.Errorf("drop_remainder=%s: header %q, want %q", c.drop, got[0], want)
		}
		if len(got)-1 != len(c.want) {
			t.Fatalf("drop_remainder=%s: %d batches, want %d:\n%s", c.drop, len(got)-1, len(c.want), out)
		}
		for i, w := range c.want {
			if want := fmt.Sprintf("%v %d", pyFloat(w[0]), int(w[1])); got[i+1] != want {
				t.Errorf("drop_remainder=%s batch %d: %q, want %q", c.drop, i, got[i+1], want)
			}
		}
	}
}

func pyFloat(f float64) string {
	s := fmt.Sprint(f)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

func TestSeededShufflePerEpoch(t *testing.T) {
	r := loadRefs(t)
	out := run(t, `
ds.config.set_seed(7)
d = ds.NumpySlicesDataset(np.arange(10), column_names=["i"])
it = d.create_tuple_iterator(num_epochs=3, output_numpy=True)
for e in range(3):
    print([int(row[0]) for row in it])
print([int(row[0]) for row in it])
a = [int(row[0]) for row in d]
b = [int(row[0]) for row in d]
print(a == b, ds.config.get_seed())
`)
	got := lines(out)
	for e, want := range r.SeededEpochs {
		if got[e] != pyInts(want) {
			t.Errorf("epoch %d order %s, want %s", e, got[e], pyInts(want))
		}
	}
	if got[3] != "[]" {
		t.Errorf("a fourth pass of a num_epochs=3 iterator printed %s, want []", got[3])
	}
	if got[4] != "True 7" {
		t.Errorf("two `for` loops over the dataset: %q, want %q (same order, seed 7)", got[4], "True 7")
	}
}

func TestSamplers(t *testing.T) {
	r := loadRefs(t)
	out := run(t, `
ds.config.set_seed(11)
src = list(range(8))
print([int(x[0]) for x in ds.GeneratorDataset(src, ["i"], sampler=ds.RandomSampler(replacement=True, num_samples=6))])
print([int(x[0]) for x in ds.NumpySlicesDataset(np.arange(8), column_names=["i"], num_samples=6)])
ds.config.set_seed(3)
print([int(x[0]) for x in ds.GeneratorDataset(list(range(10)), ["i"], sampler=ds.SubsetRandomSampler([9, 2, 5, 7]))])
for s in range(3):
    print([int(x[0]) for x in ds.GeneratorDataset(list(range(10)), ["i"], num_shards=3, shard_id=s, shuffle=False)])
ds.config.set_seed(5)
for s in range(3):
    print([int(x[0]) for x in ds.GeneratorDataset(list(range(10)), ["i"], sampler=ds.DistributedSampler(3, s))])
print([int(x[0]) for x in ds.GeneratorDataset(list(range(10)), ["i"], sampler=ds.SequentialSampler(start_index=4, num_samples=3))])
print([int(x[0]) for x in ds.GeneratorDataset(list(range(10)), ["i"], sampler=[3, 1, 4])])
`)
	want := []string{pyInts(r.Replacement), pyInts(r.Replacement), pyInts(r.SubsetRandom)}
	for _, s := range r.Shards {
		want = append(want, pyInts(s))
	}
	for _, s := range r.ShardsShuffled {
		want = append(want, pyInts(s))
	}
	want = append(want, "[4, 5, 6]", "[3, 1, 4]")
	got := lines(out)
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(got), len(want), out)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: %s, want %s", i, got[i], want[i])
		}
	}
}

func TestShuffleBufferAndRandomAccessClass(t *testing.T) {
	r := loadRefs(t)
	out := run(t, `
ds.config.set_seed(21)
def gen():
    for i in range(12):
        yield (np.array(i),)
d = ds.GeneratorDataset(gen, ["i"]).shuffle(4)
print([int(x[0]) for x in d], d.get_dataset_size())

class Squares:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        return (np.array([i, i * i]), np.array(i % 2))
    def __len__(self):
        return self.n
sq = ds.GeneratorDataset(Squares(5), ["x", "parity"], shuffle=False)
for row in sq.create_dict_iterator(output_numpy=True):
    print(row["x"].tolist(), int(row["parity"]))
`)
	got := lines(out)
	if want := pyInts(r.ShuffleBuffer) + " 12"; got[0] != want {
		t.Errorf("shuffle(4): %s, want %s", got[0], want)
	}
	for i := 0; i < 5; i++ {
		if want := fmt.Sprintf("[%d, %d] %d", i, i*i, i%2); got[i+1] != want {
			t.Errorf("row %d: %s, want %s", i, got[i+1], want)
		}
	}
}

func TestSplit(t *testing.T) {
	r := loadRefs(t)
	out := run(t, `
a, b = ds.NumpySlicesDataset(np.arange(7), column_names=["i"], shuffle=False).split([0.5, 0.5], randomize=False)
print(a.get_dataset_size(), b.get_dataset_size())
print([int(x[0]) for x in a], [int(x[0]) for x in b])
ds.config.set_seed(13)
a, b = ds.NumpySlicesDataset(np.arange(10), column_names=["i"], shuffle=False).split([0.8, 0.2])
print(sorted([int(x[0]) for x in a]))
print(sorted([int(x[0]) for x in b]))
def gen():
    for i in range(10):
        yield (np.array(i),)
c, d = ds.GeneratorDataset(gen, ["i"]).split([6, 4], randomize=False)
print([int(x[0]) for x in c], [int(x[0]) for x in d])
`)
	got := lines(out)
	n7 := r.SplitSizes7
	if want := fmt.Sprintf("%d %d", n7[0], n7[1]); got[0] != want {
		t.Errorf("split sizes of 7 rows: %s, want %s", got[0], want)
	}
	first := make([]int, n7[0])
	second := make([]int, n7[1])
	for i := range first {
		first[i] = i
	}
	for i := range second {
		second[i] = n7[0] + i
	}
	if want := pyInts(first) + " " + pyInts(second); got[1] != want {
		t.Errorf("split rows: %s, want %s", got[1], want)
	}
	if got[2] != pyInts(r.SplitRandom[0]) || got[3] != pyInts(r.SplitRandom[1]) {
		t.Errorf("randomized split: %s / %s, want %s / %s", got[2], got[3], pyInts(r.SplitRandom[0]), pyInts(r.SplitRandom[1]))
	}
	if got[4] != "[0, 1, 2, 3, 4, 5] [6, 7, 8, 9]" {
		t.Errorf("split of a generator: %s", got[4])
	}
}

func TestMapRepeatTakeSkip(t *testing.T) {
	r := loadRefs(t)
	out := run(t, `
rows = [(np.array(1.5), np.array(10)), (np.array(2.5), np.array(20)), (np.array(4.0), np.array(30))]
def twice(a):
    return a * 2, a + 1
d = ds.GeneratorDataset(rows, ["a", "b"], shuffle=False).map(twice, input_columns=["a"], output_columns=["d", "e"], column_order=["b", "d", "e"])
print(d.get_col_names())
for b, dd, e in d.create_tuple_iterator(output_numpy=True):
    print(int(b), float(dd), float(e))
r = ds.NumpySlicesDataset(np.arange(5), column_names=["i"], shuffle=False).repeat(2).skip(3).take(4)
print([int(x[0]) for x in r], r.get_dataset_size())
`)
	got := lines(out)
	if got[0] != "['b', 'd', 'e']" {
		t.Errorf("map columns %s, want ['b', 'd', 'e']", got[0])
	}
	for i, w := range r.MapRows {
		if want := fmt.Sprintf("%d %s %s", int(w[0]), pyFloat(w[1]), pyFloat(w[2])); got[i+1] != want {
			t.Errorf("map row %d: %s, want %s", i, got[i+1], want)
		}
	}
	if want := pyInts(r.RepeatSkipTake) + " 4"; got[4] != want {
		t.Errorf("repeat/skip/take: %s, want %s", got[4], want)
	}
}

func TestRowErrorsNameRowAndColumn(t *testing.T) {
	cases := []struct {
		name, src, typ string
		want           []string
	}{
		{"ragged across rows", `list(ds.GeneratorDataset([([1, 2],), ([1, 2, 3],)], ["x"], shuffle=False).batch(2))`, "ValueError", []string{"row 1", "column 'x'", "(3,)"}},
		{"ragged inside a row", `list(ds.GeneratorDataset([(1, [[1, 2], [3]])], ["a", "x"], shuffle=False))`, "ValueError", []string{"row 0", "column 'x'"}},
		{"column count", `list(ds.GeneratorDataset([(1, 2, 3)], ["x", "y"], shuffle=False))`, "ValueError", []string{"row 0", "3 columns", "'x', 'y'"}},
		{"mixed dtypes", `list(ds.GeneratorDataset([(1,), (2.5,)], ["x"], shuffle=False).batch(2))`, "TypeError", []string{"row 1", "column 'x'", "float64", "int64"}},
		{"string column", `list(ds.GeneratorDataset([("cat",)], ["label"], shuffle=False))`, "ValueError", []string{"row 0", "column 'label'"}},
		{"map output", `list(ds.GeneratorDataset([(1,)], ["x"], shuffle=False).map(lambda x: (x, x), input_columns=["x"]))`, "ValueError", []string{"row 0", "returned 2 values"}},
		{"ragged slices", `ds.NumpySlicesDataset({"a": [1, 2], "b": [[1, 2], [3]]})`, "ValueError", []string{"column 'b'"}},
		{"unequal slices", `ds.NumpySlicesDataset({"a": [1, 2], "b": [1, 2, 3]})`, "ValueError", []string{"column 'b' has 3 rows", "column 'a' has 2"}},
		{"bad split", `ds.NumpySlicesDataset(np.arange(5)).split([3, 3])`, "RuntimeError", []string{"sum to 6", "5 rows"}},
		{"shards without getitem", `ds.GeneratorDataset(iter([1]), ["x"], num_shards=2, shard_id=0)`, "ValueError", []string{"num_shards", "__getitem__"}},
	}
	for _, c := range cases {
		_, err := runErr(c.src + "\n")
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

func TestGeneratorSizeAndReiteration(t *testing.T) {
	out := run(t, `
calls = []
def gen():
    calls.append(1)
    for i in range(5):
        yield np.array([i, -i], dtype=np.float32), np.array(i)
d = ds.GeneratorDataset(gen, ["x", "y"]).batch(2)
print(d.get_dataset_size(), len(calls))
for epoch in range(2):
    print([b[1].asnumpy().tolist() for b in d])
print(len(calls))
first = next(d.create_dict_iterator())
print(sorted(first.keys()), first["x"].dtype, first["x"].shape)
`)
	want := []string{"3 1", "[[0, 1], [2, 3], [4]]", "[[0, 1], [2, 3], [4]]", "3", "['x', 'y'] Float32 (2, 2)"}
	got := lines(out)
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Errorf("line %d: %q, want %q\n%s", i, at(got, i), want[i], out)
		}
	}
}

func at(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return "<missing>"
}

func TestListAndIterableSources(t *testing.T) {
	out := run(t, `
d = ds.NumpySlicesDataset([[1, 2], [3, 4], [5, 6]], shuffle=False)
print(d.get_col_names(), [r[0].asnumpy().tolist() for r in d])

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter([(np.array(k),) for k in range(self.n, 0, -1)])
g = ds.GeneratorDataset(Countdown(4), ["k"], num_samples=3)
print(g.get_dataset_size(), [int(r[0]) for r in g])
`)
	want := []string{"['column_0'] [[1, 2], [3, 4], [5, 6]]", "3 [4, 3, 2]"}
	got := lines(out)
	for i, w := range want {
		if at(got, i) != w {
			t.Errorf("line %d: %q, want %q", i, at(got, i), w)
		}
	}
}
