package tensor

import (
	"testing"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

func intList(xs ...int) *starlark.List {
	vals := make([]starlark.Value, len(xs))
	for i, x := range xs {
		vals[i] = starlark.MakeInt(x)
	}
	return starlark.NewList(vals)
}

func boolList(xs ...bool) *starlark.List {
	vals := make([]starlark.Value, len(xs))
	for i, x := range xs {
		vals[i] = starlark.Bool(x)
	}
	return starlark.NewList(vals)
}

// TestMultiIndexGradient reads x[[0, 0, 2], [1, 1, 3]] and
// x[:, [True, False, True, False]] from a 3x4 MindSpore tensor and
// checks that the gradient of the sum of both reads counts how often
// each element was read: repeated indices accumulate.
func TestMultiIndexGradient(t *testing.T) {
	data := make([]float32, 12)
	for i := range data {
		data[i] = float32(i)
	}
	leaf, err := engine.FromFloat32(data, 3, 4)
	if err != nil {
		t.Fatal(err)
	}
	leaf.SetRequiresGrad(true)
	x := New(leaf)

	pairs, _, err := x.Get(starlark.Tuple{intList(0, 0, 2), intList(1, 1, 3)})
	if err != nil {
		t.Fatal(err)
	}
	columns, _, err := x.Get(starlark.Tuple{&core.Slice{}, boolList(true, false, true, false)})
	if err != nil {
		t.Fatal(err)
	}
	if got := engine.FormatShape(columns.(*Tensor).T.Shape()); got != "(3, 2)" {
		t.Fatalf("x[:, mask] has shape %s, want (3, 2)", got)
	}
	a, err := engine.Sum(pairs.(*Tensor).T, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	b, err := engine.Sum(columns.(*Tensor).T, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	y, err := engine.Add(a, b)
	if err != nil {
		t.Fatal(err)
	}
	grads, err := engine.Grad(y, []*engine.Tensor{leaf}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{
		1, 2, 1, 0,
		1, 0, 1, 0,
		1, 0, 1, 1,
	}
	got := grads[0].Floats()
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("gradient element %d = %v, want %v", i, got[i], want[i])
		}
	}
}
