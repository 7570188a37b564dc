package tensor

import (
	"fmt"
	"unsafe"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/ndformat"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Tensor is the Starlark value of a mindspore.Tensor or a numpy.ndarray.
// Scalar marks a NumPy scalar (np.float32(1.5), arr.mean()), which is a
// 0-d array that reprs like a number.
type Tensor struct {
	T      *engine.Tensor
	Flavor Flavor
	Scalar bool
	// view, when not nil, links a copy made for a non-contiguous basic
	// index to the array it came from (see WriteBack).
	view *viewBase
}

var (
	_ starlark.HasAttrs  = (*Tensor)(nil)
	_ starlark.HasBinary = (*Tensor)(nil)
	_ starlark.HasUnary  = (*Tensor)(nil)
	_ starlark.Mapping   = (*Tensor)(nil)
	_ starlark.HasSetKey = (*Tensor)(nil)
	_ starlark.Sequence  = (*Tensor)(nil)
	_ starlark.Sliceable = (*Tensor)(nil)
)

// New wraps an engine tensor as a MindSpore Tensor.
func New(t *engine.Tensor) *Tensor { return &Tensor{T: t, Flavor: MindSpore} }

// NewArray wraps an engine tensor as a NumPy array.
func NewArray(t *engine.Tensor) *Tensor { return &Tensor{T: t, Flavor: NumPy} }

func (t *Tensor) String() string { return Format(t.T) }

// Format returns NumPy's str() of an engine tensor under the default
// print options.
func Format(t *engine.Tensor) string {
	return FormatWith(t, ndformat.DefaultOptions())
}

// FormatWith returns NumPy's str() of an engine tensor under the print
// options o.
func FormatWith(t *engine.Tensor, o ndformat.Options) string {
	s, err := ndformat.StrWith(toArray(t), o)
	if err != nil {
		return fmt.Sprintf("<unprintable tensor: %v>", err)
	}
	return s
}

// PyStr returns str(t) under the print options of thread's runtime, which
// np.set_printoptions sets.
func (t *Tensor) PyStr(thread *starlark.Thread) (string, error) {
	return FormatWith(t.T, core.PrintOptionsOf(thread)), nil
}

// PyRepr returns repr(t) under the print options of thread's runtime.
// NumPy scalars ignore the options, as in NumPy 1.24.
func (t *Tensor) PyRepr(thread *starlark.Thread) (string, error) {
	o := core.PrintOptionsOf(thread)
	if t.Flavor == NumPy && !t.Scalar {
		s, err := ndformat.ReprWith(toArray(t.T), o)
		if err != nil {
			return FormatWith(t.T, o), nil
		}
		return s, nil
	}
	if t.Flavor == MindSpore {
		return msReprWith(t.T, o), nil
	}
	return t.Repr(), nil
}

// Type returns "Tensor", "numpy.ndarray", or for a NumPy scalar the name
// of its scalar type, such as "numpy.float32".
func (t *Tensor) Type() string {
	if t.Flavor == NumPy {
		if t.Scalar {
			return scalarTypeName(t.T.DType())
		}
		return "numpy.ndarray"
	}
	return "Tensor"
}
func (t *Tensor) Freeze() {}

// Truth follows NumPy for one-element arrays. NOTE: Starlark's Truth
// cannot raise, so a larger array is true instead of raising NumPy's
// "truth value of an array with more than one element is ambiguous".
func (t *Tensor) Truth() starlark.Bool {
	if t.T.Numel() == 1 {
		return t.T.Float(0) != 0
	}
	return t.T.Numel() > 0
}

// Hash gives identity hashing for MindSpore tensors. NumPy scalars hash
// as the Python number they hold, and NumPy arrays are unhashable, as in
// Python.
func (t *Tensor) Hash() (uint32, error) {
	if t.Flavor == NumPy && t.Scalar {
		return ElementValue(t.T, 0).Hash()
	}
	if t.Flavor == NumPy {
		return 0, fmt.Errorf("unhashable type: 'numpy.ndarray'")
	}
	return identityHash(t.T), nil
}

// Repr returns Python's repr of the value.
func (t *Tensor) Repr() string {
	if t.Flavor == NumPy {
		if t.Scalar {
			s, err := ndformat.ScalarRepr(t.T.DType().String(), t.T.Float(0))
			if err != nil {
				return Format(t.T)
			}
			return s
		}
		s, err := ndformat.Repr(toArray(t.T))
		if err != nil {
			return Format(t.T)
		}
		return s
	}
	return msRepr(t.T)
}

func msRepr(t *engine.Tensor) string {
	return msReprWith(t, ndformat.DefaultOptions())
}

// msReprWith returns MindSpore's repr of t. NumPy's print options do
// not apply: MindSpore formats the repr in C++ (msformat.go).
func msReprWith(t *engine.Tensor, _ ndformat.Options) string { return MSRepr(t) }

func toArray(t *engine.Tensor) ndformat.Array {
	a := ndformat.Array{Shape: t.Shape(), DType: t.DType().String()}
	switch t.DType() {
	case engine.Bool:
		a.Bool = t.Bools()
	case engine.Int32, engine.Int64:
		a.Int = make([]int64, t.Numel())
		for i := range a.Int {
			a.Int[i] = t.Int(i)
		}
	default:
		a.Float = t.Floats()
	}
	return a
}

// Len returns the size of the first axis (0-d tensors raise through
// Index instead, since Sequence cannot report errors here).
func (t *Tensor) Len() int {
	if t.T.Rank() == 0 {
		return 0
	}
	return t.T.Shape()[0]
}

// Iterate walks the first axis.
func (t *Tensor) Iterate() starlark.Iterator { return &iter{t: t} }

type iter struct {
	t *Tensor
	i int
}

func (it *iter) Next(p *starlark.Value) bool {
	if it.i >= it.t.Len() {
		return false
	}
	v, _, err := it.t.Get(starlark.MakeInt(it.i))
	if err != nil {
		return false
	}
	*p = v
	it.i++
	return true
}
func (it *iter) Done() {}

// Parameter is a mindspore.Parameter: a named, trainable tensor whose
// storage optimizers update in place. It behaves as a Tensor in every
// operation.
type Parameter struct {
	Tensor
	Name         string
	RequiresGrad bool
}

// NewParameter returns a parameter holding a private copy of data.
func NewParameter(data *engine.Tensor, name string, requiresGrad bool) *Parameter {
	leaf := data.Clone()
	leaf.SetRequiresGrad(requiresGrad)
	return &Parameter{Tensor: Tensor{T: leaf, Flavor: MindSpore}, Name: name, RequiresGrad: requiresGrad}
}

// Type returns "Parameter".
func (p *Parameter) Type() string { return "Parameter" }

// PyStr returns str(p), which MindSpore r1.6 defines as its repr: the
// name, shape, dtype and requires_grad, without the values.
func (p *Parameter) PyStr(thread *starlark.Thread) (string, error) { return p.String(), nil }

// PyRepr returns repr(p), the same text as str(p).
func (p *Parameter) PyRepr(thread *starlark.Thread) (string, error) { return p.String(), nil }

func (p *Parameter) String() string {
	return fmt.Sprintf("Parameter (name=%s, shape=%s, dtype=%s, requires_grad=%s)", p.Name, engine.FormatShape(p.T.Shape()), DType{p.T.DType(), MindSpore}, pyBool(p.RequiresGrad))
}

// Hash hashes by identity.
func (p *Parameter) Hash() (uint32, error) { return identityHash(p.T), nil }

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// SetData replaces the parameter's values in place, as
// Parameter.set_data does.
func (p *Parameter) SetData(t *engine.Tensor) error {
	if t.DType() != p.T.DType() {
		c, err := engine.Cast(t, p.T.DType())
		if err != nil {
			return err
		}
		t = c
	}
	if !sameTail(t.Shape(), p.T.Shape()) {
		return fmt.Errorf("Parameter.set_data: data of shape %s does not fit parameter '%s' of shape %s; pass data of the parameter's shape", engine.FormatShape(t.Shape()), p.Name, engine.FormatShape(p.T.Shape()))
	}
	if err := p.T.CopyFrom(t.Detach()); err != nil {
		return fmt.Errorf("Parameter.set_data: %v", err)
	}
	return nil
}

// Of returns the engine tensor behind a Tensor, Parameter or NumPy array.
func Of(v starlark.Value) (*engine.Tensor, Flavor, bool) {
	switch x := v.(type) {
	case *Tensor:
		return x.T, x.Flavor, true
	case *Parameter:
		return x.T, MindSpore, true
	}
	return nil, 0, false
}

func identityHash(t *engine.Tensor) uint32 {
	p := uintptr(unsafe.Pointer(t))
	return uint32(p ^ p>>32)
}

// ScalarValue returns the element of a one-element tensor as a Python
// number, so that format specs such as f"{loss:>7f}" apply to it as
// NumPy scalars and MindSpore Tensors allow.
func (t *Tensor) ScalarValue() (starlark.Value, bool) {
	if t.T.Numel() != 1 {
		return nil, false
	}
	return ElementValue(t.T, 0), true
}

// ScalarFloat returns the element of a one-element tensor, so that
// float arguments of builtins accept it.
func (t *Tensor) ScalarFloat() (float64, bool) {
	if t.T.Numel() != 1 {
		return 0, false
	}
	return t.T.Float(0), true
}

// PrintableArray returns the values of t in the form ndformat prints.
func PrintableArray(t *engine.Tensor) ndformat.Array { return toArray(t) }
