package dataset_test

import (
	"strings"
	"testing"
)

// The expected values are MindSpore r1.6's: output_shapes() lists each
// column's shape as a list of ints, and output_types() lists NumPy dtypes.
func TestOutputShapesAndTypes(t *testing.T) {
	out := run(t, `
def gen():
    for i in range(10):
        yield np.ones(2, np.float32) * i, np.array(i, np.int32)
d = ds.GeneratorDataset(gen, ["x", "y"], shuffle=False)
print(d.output_shapes())
print(d.output_types())
b = d.batch(4)
print(b.output_shapes())
print(b.output_types())
print(b.output_types()[0] == np.float32, b.output_types()[1] == np.int32)
n = ds.NumpySlicesDataset({"a": np.zeros((5, 3)), "b": np.arange(5)}, shuffle=False)
print(n.batch(2, drop_remainder=True).output_shapes())
print(n.output_types())
print(d.map(lambda x: np.concatenate([x, x]), ["x"]).output_shapes())
`)
	want := []string{
		"[[2], []]",
		"[dtype('float32'), dtype('int32')]",
		"[[4, 2], [4]]",
		"[dtype('float32'), dtype('int32')]",
		"True True",
		"[[2, 3], [2]]",
		"[dtype('float64'), dtype('int64')]",
		"[[4], []]",
	}
	got := lines(out)
	if len(got) != len(want) {
		t.Fatalf("printed %d lines, want %d:\n%s", len(got), len(want), out)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: %q, want %q", i+1, got[i], want[i])
		}
	}
}

func TestOutputShapesKeepsShuffleOrder(t *testing.T) {
	const pipeline = `
ds.config.set_seed(3)
d = ds.NumpySlicesDataset(np.arange(8), column_names=["i"]).batch(3)
`
	const iterate = `
for (b,) in d.create_tuple_iterator(output_numpy=True):
    print(b.tolist())
`
	plain := run(t, pipeline+iterate)
	probed := run(t, pipeline+"d.output_shapes()\n"+iterate)
	if plain != probed {
		t.Errorf("output_shapes() changed the first epoch's order:\nwithout: %s\nwith:    %s", plain, probed)
	}
}

func TestOutputShapesOfEmptyDataset(t *testing.T) {
	_, err := runErr(`
def gen():
    return iter([])
d = ds.GeneratorDataset(gen, ["x"])
d.output_shapes()
`)
	if err == nil {
		t.Fatal("output_shapes() of an empty dataset returned no error")
	}
	if !strings.Contains(err.Error(), "RuntimeError") || !strings.Contains(err.Error(), "has no rows") {
		t.Errorf("error %q, want a RuntimeError saying the dataset has no rows", err)
	}
}
