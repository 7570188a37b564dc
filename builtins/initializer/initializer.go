// Package initializer is mindspore.common.initializer: the weight
// initializers that nn layers accept as objects or by name.
package initializer

import (
	"fmt"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/engine/rng"
	"go.starlark.net/starlark"
)

// Initializer fills a new tensor of a given shape. Random ones draw
// from the runtime's MindSpore-side generator (reseeded by
// mindspore.set_seed). NOTE: MindSpore draws from its own C++ generator,
// so the values differ from MindSpore's for the same seed. Only the
// distributions match.
type Initializer struct {
	// Name is the MindSpore class name, such as "HeUniform".
	Name string
	// Args are the constructor arguments in signature order, for repr.
	Args []Arg
	fill fillFunc
}

// Arg is one named constructor argument of an Initializer.
type Arg struct {
	Name  string
	Value starlark.Value
}

// fillFunc writes the initial values of a tensor of the given shape
// into dst (row-major), or returns an error naming the problem.
type fillFunc func(r *rng.NumPy, dst []float64, shape []int) error

var _ starlark.HasAttrs = (*Initializer)(nil)

func (i *Initializer) String() string {
	parts := make([]string, len(i.Args))
	for k, a := range i.Args {
		parts[k] = a.Name + "=" + a.Value.String()
	}
	return fmt.Sprintf("%s(%s)", i.Name, strings.Join(parts, ", "))
}

// Type returns the class name, as type(init).__name__ does.
func (i *Initializer) Type() string          { return i.Name }
func (i *Initializer) Freeze()               {}
func (i *Initializer) Truth() starlark.Bool  { return true }
func (i *Initializer) Hash() (uint32, error) { return starlark.String(i.String()).Hash() }

// Attr returns a constructor argument, as MindSpore stores them as
// attributes (Normal(0.02).sigma is 0.02).
func (i *Initializer) Attr(name string) (starlark.Value, error) {
	for _, a := range i.Args {
		if a.Name == name {
			return a.Value, nil
		}
	}
	return nil, nil
}

// AttrNames lists the constructor arguments.
func (i *Initializer) AttrNames() []string {
	names := make([]string, len(i.Args))
	for k, a := range i.Args {
		names[k] = a.Name
	}
	return names
}

// Init returns a new tensor of the given shape and dtype.
func (i *Initializer) Init(thread *starlark.Thread, shape []int, d engine.DType) (*engine.Tensor, error) {
	n := engine.Numel(shape)
	if n > engine.MaxElements || n < 0 {
		return nil, core.Errorf("MemoryError", "initializer %s: shape %s is too large", i.Name, engine.FormatShape(shape))
	}
	if err := engine.CheckAllocation("initializer "+i.Name, n, 8); err != nil {
		return nil, core.EngineError("", err)
	}
	vals := make([]float64, n)
	var err error
	core.EnvOf(thread).WithMindSpore(func(r *rng.NumPy) { err = i.fill(r, vals, shape) })
	if err != nil {
		return nil, err
	}
	return engine.FromValues(d, vals, shape...)
}

// aliases maps every name MindSpore's initializer() accepts (compared
// in lower case) to a constructor with default arguments: each class
// name in lower case plus the registered aliases.
var aliases = map[string]func() *Initializer{
	"zero":            func() *Initializer { return NewConstant("Zero", 0) },
	"zeros":           func() *Initializer { return NewConstant("Zero", 0) },
	"one":             func() *Initializer { return NewConstant("One", 1) },
	"ones":            func() *Initializer { return NewConstant("One", 1) },
	"normal":          func() *Initializer { return NewNormal(0.01, 0) },
	"uniform":         func() *Initializer { return NewUniform(0.07) },
	"truncatednormal": func() *Initializer { return NewTruncatedNormal(0.01, 0, -2, 2) },
	"xavieruniform":   func() *Initializer { return NewXavier(false, 1) },
	"xavier_uniform":  func() *Initializer { return NewXavier(false, 1) },
	"xaviernormal":    func() *Initializer { return NewXavier(true, 1) },
	"xavier_normal":   func() *Initializer { return NewXavier(true, 1) },
	"heuniform":       func() *Initializer { return mustHe(false, 0, "fan_in", "leaky_relu") },
	"he_uniform":      func() *Initializer { return mustHe(false, 0, "fan_in", "leaky_relu") },
	"henormal":        func() *Initializer { return mustHe(true, 0, "fan_in", "leaky_relu") },
	"he_normal":       func() *Initializer { return mustHe(true, 0, "fan_in", "leaky_relu") },
	"identity":        NewIdentity,
	"dirac":           func() *Initializer { return NewDirac(1) },
	"orthogonal":      func() *Initializer { return NewOrthogonal(1) },
	"variancescaling": func() *Initializer { return mustVarianceScaling(1, "fan_in", "truncated_normal") },
}

// aliasNames lists the accepted names for error messages.
const aliasNames = "'zeros', 'ones', 'normal', 'uniform', 'truncatedNormal', 'xavier_uniform', 'xavier_normal', 'he_uniform', 'he_normal', 'identity', 'dirac', 'orthogonal' or 'varianceScaling'"

// FromValue converts an init argument: an Initializer, a name as
// MindSpore's initializer() accepts it (case-insensitive, see aliases),
// or a number (a Constant).
func FromValue(v starlark.Value) (*Initializer, error) {
	switch x := v.(type) {
	case *Initializer:
		return x, nil
	case starlark.String:
		name := strings.ToLower(string(x))
		if mk, ok := aliases[name]; ok {
			return mk(), nil
		}
		if name == "sparse" {
			return nil, core.Errorf("TypeError", "initializer 'sparse' needs a sparsity; use Sparse(sparsity=...) instead of the name")
		}
		return nil, core.Errorf("ValueError", "no initializer is named '%s'; use %s, or an Initializer object", string(x), aliasNames)
	case starlark.Bool:
		return nil, core.Errorf("TypeError", "an initializer must be a Tensor, a number, a name or an Initializer, not bool")
	case starlark.Int, starlark.Float:
		f, _ := starlark.AsFloat(x)
		return NewConstant("Constant", f), nil
	}
	return nil, core.Errorf("TypeError", "an initializer must be a Tensor, a number, a name or an Initializer, not %s", v.Type())
}

// Tensor builds the initial value for a parameter of the given shape: a
// copy of a Tensor argument, checked against the shape, or the values of
// FromValue(v). call names the Python-level argument in errors.
func Tensor(thread *starlark.Thread, call string, v starlark.Value, shape []int, d engine.DType) (*engine.Tensor, error) {
	if t, _, ok := tensor.Of(v); ok {
		if engine.FormatShape(t.Shape()) != engine.FormatShape(shape) {
			return nil, core.Errorf("ValueError", "%s: the initial tensor has shape %s but the parameter needs %s", call, engine.FormatShape(t.Shape()), engine.FormatShape(shape))
		}
		c, err := engine.Cast(t, d)
		if err != nil {
			return nil, core.EngineError(call, err)
		}
		// Cast returns t itself for the same dtype, and callers may write
		// into the result, so it must not share the argument's storage.
		return c.Clone(), nil
	}
	init, err := FromValue(v)
	if err != nil {
		kind, msg := pyobj.Classify(err)
		return nil, core.Errorf(kind, "%s: %s", call, msg)
	}
	t, err := init.Init(thread, shape, d)
	if err != nil {
		kind, msg := pyobj.Classify(err)
		return nil, core.Errorf(kind, "%s: %s", call, msg)
	}
	return t, nil
}
