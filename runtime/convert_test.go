package runtime_test

import (
	"math"
	"math/big"
	"reflect"
	"testing"

	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/runtime"
	"go.starlark.net/starlark"
)

func TestToValueScalars(t *testing.T) {
	cases := []struct {
		in   any
		want string // the Starlark repr
	}{
		{nil, "None"},
		{true, "True"},
		{int(-3), "-3"},
		{int8(-8), "-8"},
		{int16(300), "300"},
		{int32(-70000), "-70000"},
		{int64(math.MaxInt64), "9223372036854775807"},
		{uint(7), "7"},
		{uint8(255), "255"},
		{uint64(math.MaxUint64), "18446744073709551615"},
		{float32(0.5), "0.5"},
		{2.25, "2.25"},
		{"hi", `"hi"`},
		{[]byte("ab"), `b"ab"`},
		{new(big.Int).Lsh(big.NewInt(1), 70), "1180591620717411303424"},
		{starlark.MakeInt(5), "5"},
	}
	for _, c := range cases {
		v, err := runtime.ToValue(c.in)
		if err != nil {
			t.Errorf("ToValue(%#v): %v", c.in, err)
			continue
		}
		if got := v.String(); got != c.want {
			t.Errorf("ToValue(%#v) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestToValueContainers(t *testing.T) {
	v, err := runtime.ToValue([]any{1, []float64{0.5}, map[string]int{"b": 2, "a": 1}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := v.String(), `[1, [0.5], {"a": 1, "b": 2}]`; got != want {
		t.Errorf("ToValue = %s, want %s", got, want)
	}
	ints, err := runtime.ToValue(map[int]string{10: "ten", -2: "minus two", 3: "three"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ints.String(), `{-2: "minus two", 3: "three", 10: "ten"}`; got != want {
		t.Errorf("int keys are not in numeric order: %s, want %s", got, want)
	}
	arr, err := runtime.ToValue([2]bool{true, false})
	if err != nil {
		t.Fatal(err)
	}
	if got := arr.String(); got != "[True, False]" {
		t.Errorf("ToValue([2]bool) = %s", got)
	}
	empty, _ := runtime.ToValue([]int(nil))
	if got := empty.String(); got != "[]" {
		t.Errorf("ToValue(nil slice) = %s, want []", got)
	}
}

func TestToValueTensorIsShared(t *testing.T) {
	x, _ := engine.FromFloat32([]float32{1, 2})
	v, err := runtime.ToValue(x)
	if err != nil {
		t.Fatal(err)
	}
	got, flavor, ok := tensor.Of(v)
	if !ok || got != x {
		t.Fatal("ToValue(*engine.Tensor) did not wrap the same tensor")
	}
	if flavor != tensor.MindSpore {
		t.Errorf("flavor = %v, want a mindspore.Tensor", flavor)
	}
}

func TestToValueErrors(t *testing.T) {
	cyclic := map[string]any{}
	cyclic["self"] = cyclic
	var nilTensor *engine.Tensor
	bad := []any{
		struct{ X int }{1},
		&struct{}{},
		make(chan int),
		func() {},
		nilTensor,
		[]any{1, make(chan int)},
		map[string]any{"k": func() {}},
		cyclic,
	}
	for _, x := range bad {
		if v, err := runtime.ToValue(x); err == nil {
			t.Errorf("ToValue(%T) = %v, want an error", x, v)
		}
	}
}

func TestFromValue(t *testing.T) {
	big70 := new(big.Int).Lsh(big.NewInt(1), 70)
	d := starlark.NewDict(2)
	d.SetKey(starlark.String("a"), starlark.MakeInt(1))
	d.SetKey(starlark.String("b"), starlark.NewList([]starlark.Value{starlark.Float(0.5), starlark.None}))
	mixed := starlark.NewDict(2)
	mixed.SetKey(starlark.MakeInt(1), starlark.String("one"))
	mixed.SetKey(starlark.Bool(true), starlark.String("true"))
	set := starlark.NewSet(1)
	set.Insert(starlark.String("s"))
	cases := []struct {
		in   starlark.Value
		want any
	}{
		{starlark.None, nil},
		{starlark.True, true},
		{starlark.MakeInt(-4), int64(-4)},
		{starlark.MakeBigInt(big70), big70},
		{starlark.Float(1.5), 1.5},
		{starlark.String("s"), "s"},
		{starlark.Bytes("b"), []byte("b")},
		{starlark.Tuple{starlark.MakeInt(1), starlark.String("x")}, []any{int64(1), "x"}},
		{starlark.NewList(nil), []any{}},
		{d, map[string]any{"a": int64(1), "b": []any{0.5, nil}}},
		{set, []any{"s"}},
	}
	for _, c := range cases {
		got, err := runtime.FromValue(c.in)
		if err != nil {
			t.Errorf("FromValue(%s): %v", c.in, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("FromValue(%s) = %#v, want %#v", c.in, got, c.want)
		}
	}
	got, err := runtime.FromValue(mixed)
	if err != nil {
		t.Fatal(err)
	}
	m, ok := got.(map[any]any)
	if !ok || m[int64(1)] != "one" || m[true] != "true" {
		t.Errorf("FromValue(dict with int and bool keys) = %#v", got)
	}
}

func TestFromValueTensor(t *testing.T) {
	x, _ := engine.FromFloat64([]float64{3})
	got, err := runtime.FromValue(tensor.NewArray(x))
	if err != nil {
		t.Fatal(err)
	}
	if got != x {
		t.Errorf("FromValue(array) = %v, want the same *engine.Tensor", got)
	}
}

func TestFromValueErrors(t *testing.T) {
	cyclic := starlark.NewList(nil)
	cyclic.Append(cyclic)
	tupleKey := starlark.NewDict(1)
	tupleKey.SetKey(starlark.Tuple{starlark.MakeInt(1)}, starlark.None)
	fn := starlark.NewBuiltin("f", nil)
	bad := []starlark.Value{cyclic, tupleKey, fn, starlark.NewList([]starlark.Value{fn})}
	for _, v := range bad {
		if got, err := runtime.FromValue(v); err == nil {
			t.Errorf("FromValue(%s) = %#v, want an error", v.Type(), got)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	in := map[string]any{"lr": 0.01, "steps": int64(5), "names": []any{"a", "b"}, "on": true}
	v, err := runtime.ToValue(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := runtime.FromValue(v)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(out, in) {
		t.Errorf("round trip = %#v, want %#v", out, in)
	}
}
