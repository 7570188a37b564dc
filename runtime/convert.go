package runtime

import (
	"cmp"
	"fmt"
	"math/big"
	"reflect"
	"slices"

	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// maxConvertDepth bounds the nesting of converted containers, so that a
// container holding itself fails instead of recursing forever.
const maxConvertDepth = 100

// ToValue converts a Go value into a script value:
//
//	nil                          None
//	bool                         bool
//	int, int8...int64, uint...   int
//	float32, float64             float
//	string                       str
//	[]byte                       bytes
//	*engine.Tensor               mindspore.Tensor (the same tensor, not a copy)
//	slices and arrays            list, elements converted
//	maps                         dict, keys and values converted, integer
//	                             keys in numeric order, others by printed form
//	*Object                      the script value it holds
//	starlark.Value               itself
//
// A []float32 becomes a list of floats; wrap it with engine.FromFloat32 to
// pass a tensor. Other types (structs, pointers, channels, functions) and
// a nil *engine.Tensor are errors, as are containers nested more than 100
// levels deep.
func ToValue(x any) (starlark.Value, error) {
	return toValue(x, 0)
}

func toValue(x any, depth int) (starlark.Value, error) {
	if depth > maxConvertDepth {
		return nil, fmt.Errorf("cannot convert a value nested more than %d levels deep (does a container hold itself?)", maxConvertDepth)
	}
	switch x := x.(type) {
	case nil:
		return starlark.None, nil
	case starlark.Value:
		return x, nil
	case *Object:
		if x == nil {
			return nil, fmt.Errorf("cannot convert a nil *runtime.Object")
		}
		return x.v, nil
	case *engine.Tensor:
		if x == nil {
			return nil, fmt.Errorf("cannot convert a nil *engine.Tensor")
		}
		return tensor.New(x), nil
	case bool:
		return starlark.Bool(x), nil
	case string:
		return starlark.String(x), nil
	case []byte:
		return starlark.Bytes(x), nil
	case float64:
		return starlark.Float(x), nil
	case float32:
		return starlark.Float(x), nil
	case *big.Int:
		if x == nil {
			return nil, fmt.Errorf("cannot convert a nil *big.Int")
		}
		return starlark.MakeBigInt(x), nil
	}
	return reflectToValue(reflect.ValueOf(x), depth)
}

// reflectToValue converts the kinds that need reflection: integers of
// every size, slices, arrays and maps.
func reflectToValue(v reflect.Value, depth int) (starlark.Value, error) {
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return starlark.MakeInt64(v.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return starlark.MakeUint64(v.Uint()), nil
	case reflect.Float32, reflect.Float64:
		return starlark.Float(v.Float()), nil
	case reflect.Bool:
		return starlark.Bool(v.Bool()), nil
	case reflect.String:
		return starlark.String(v.String()), nil
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return starlark.NewList(nil), nil
		}
		elems := make([]starlark.Value, v.Len())
		for i := range elems {
			e, err := toValue(v.Index(i).Interface(), depth+1)
			if err != nil {
				return nil, fmt.Errorf("element %d: %w", i, err)
			}
			elems[i] = e
		}
		return starlark.NewList(elems), nil
	case reflect.Map:
		return mapToDict(v, depth)
	}
	return nil, fmt.Errorf("cannot convert a Go %s to a script value; pass numbers, strings, slices, maps, *engine.Tensor or starlark.Value", v.Type())
}

// mapToDict converts a Go map, inserting keys in sorted order so that the
// dict's order does not depend on Go's random map iteration.
func mapToDict(v reflect.Value, depth int) (starlark.Value, error) {
	type entry struct {
		key, value starlark.Value
		order      string
	}
	entries := make([]entry, 0, v.Len())
	iter := v.MapRange()
	for iter.Next() {
		k, err := toValue(iter.Key().Interface(), depth+1)
		if err != nil {
			return nil, fmt.Errorf("map key %v: %w", iter.Key(), err)
		}
		val, err := toValue(iter.Value().Interface(), depth+1)
		if err != nil {
			return nil, fmt.Errorf("map value for key %v: %w", iter.Key(), err)
		}
		entries = append(entries, entry{k, val, sortKey(iter.Key())})
	}
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.order, b.order) })
	d := starlark.NewDict(len(entries))
	for _, e := range entries {
		if err := d.SetKey(e.key, e.value); err != nil {
			return nil, fmt.Errorf("map key %s: %w", e.key, err)
		}
	}
	return d, nil
}

// sortKey orders map keys: integers by value (flipping the sign bit
// maps int64 order onto uint64 order, and zero padding makes text order
// numeric order), everything else by its printed form.
func sortKey(k reflect.Value) string {
	switch k.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return fmt.Sprintf("%020d", uint64(k.Int())^(1<<63))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return fmt.Sprintf("%020d", k.Uint())
	}
	return fmt.Sprint(k.Interface())
}

// FromValue converts a script value into a Go value:
//
//	None                                  nil
//	bool                                  bool
//	int                                   int64, or *big.Int when it does not fit
//	float                                 float64
//	str                                   string
//	bytes                                 []byte
//	Tensor, Parameter, numpy array/scalar *engine.Tensor (shared, not copied)
//	list, tuple, set                      []any
//	dict with only str keys               map[string]any
//	other dict                            map[any]any
//
// Class instances, functions, classes and modules are errors: keep them
// as an *Object. Containers nested more than 100 levels deep are errors.
func FromValue(v starlark.Value) (any, error) {
	return fromValue(v, 0)
}

func fromValue(v starlark.Value, depth int) (any, error) {
	if depth > maxConvertDepth {
		return nil, fmt.Errorf("cannot convert a value nested more than %d levels deep (does a container hold itself?)", maxConvertDepth)
	}
	if t, _, ok := tensor.Of(v); ok {
		return t, nil
	}
	switch v := v.(type) {
	case starlark.NoneType:
		return nil, nil
	case starlark.Bool:
		return bool(v), nil
	case starlark.Int:
		if i, ok := v.Int64(); ok {
			return i, nil
		}
		return v.BigInt(), nil
	case starlark.Float:
		return float64(v), nil
	case starlark.String:
		return string(v), nil
	case starlark.Bytes:
		return []byte(v), nil
	case *starlark.Dict:
		return dictFromValue(v, depth)
	case starlark.Iterable:
		if isSequence(v) {
			return sequenceFromValue(v, depth)
		}
	}
	return nil, fmt.Errorf("cannot convert a script %s to a Go value; keep it as a *runtime.Object", v.Type())
}

// isSequence reports whether v is a list, tuple or set, the iterables
// that FromValue converts. Other iterables (generators, instances with
// __iter__) could run script code or never end.
func isSequence(v starlark.Value) bool {
	switch v.(type) {
	case *starlark.List, starlark.Tuple, *starlark.Set, *pySet:
		return true
	}
	return false
}

func sequenceFromValue(v starlark.Iterable, depth int) (any, error) {
	out := []any{}
	iter := v.Iterate()
	defer iter.Done()
	var x starlark.Value
	for i := 0; iter.Next(&x); i++ {
		g, err := fromValue(x, depth+1)
		if err != nil {
			return nil, fmt.Errorf("element %d: %w", i, err)
		}
		out = append(out, g)
	}
	return out, nil
}

func dictFromValue(d *starlark.Dict, depth int) (any, error) {
	items := d.Items()
	allStrings := true
	for _, kv := range items {
		if _, ok := kv[0].(starlark.String); !ok {
			allStrings = false
			break
		}
	}
	if allStrings {
		out := make(map[string]any, len(items))
		for _, kv := range items {
			g, err := fromValue(kv[1], depth+1)
			if err != nil {
				return nil, fmt.Errorf("dict value for key %s: %w", kv[0], err)
			}
			out[string(kv[0].(starlark.String))] = g
		}
		return out, nil
	}
	out := make(map[any]any, len(items))
	for _, kv := range items {
		k, err := fromValue(kv[0], depth+1)
		if err != nil {
			return nil, fmt.Errorf("dict key %s: %w", kv[0], err)
		}
		if k != nil && !reflect.TypeOf(k).Comparable() {
			return nil, fmt.Errorf("dict key %s: a %s key has no comparable Go form", kv[0], kv[0].Type())
		}
		if _, isBig := k.(*big.Int); isBig {
			return nil, fmt.Errorf("dict key %s: an int key beyond int64 has no comparable Go form", kv[0])
		}
		if _, isTensor := k.(*engine.Tensor); isTensor {
			return nil, fmt.Errorf("dict key %s: a tensor key has no comparable Go form", kv[0].Type())
		}
		g, err := fromValue(kv[1], depth+1)
		if err != nil {
			return nil, fmt.Errorf("dict value for key %s: %w", kv[0], err)
		}
		out[k] = g
	}
	return out, nil
}
