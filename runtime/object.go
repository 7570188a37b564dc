package runtime

import (
	"context"
	"fmt"
	"slices"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/nn"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Object is a script value that the host holds: a Cell, a function, a
// class, a tensor, whatever a call returned. Its methods call into the
// runtime that made it.
//
// Concurrency: reading an Object (Type, Tensor, Float, Go, Parameters)
// is safe from any goroutine while no call changes it. Calling it from
// several goroutines at once is safe when the calls change no shared
// state: a loss Cell whose construct only computes, a function of the
// module. A Cell that changes its attributes, or whose Parameters a
// training step updates in place, must be used by one goroutine at a
// time, or given to each goroutine as its own instance. Freeze makes an
// accidental change an error instead of a data race.
//
// NOTE: go.starlark.net reads attributes without a thread, so property
// getters, __getattr__ and special methods such as __len__ of a script
// class run on the thread that created the instance. Concurrent calls
// that reach them share that thread, which is a data race; keep objects
// whose classes define them to one goroutine at a time.
type Object struct {
	rt *Runtime
	v  starlark.Value
}

// NewObject wraps a script value for the host, bound to rt. Most hosts
// get Objects from Module methods instead.
func (rt *Runtime) NewObject(v starlark.Value) *Object { return &Object{rt: rt, v: v} }

// Value returns the script value, for hosts that use go.starlark.net
// directly, or nil for a nil Object.
func (o *Object) Value() starlark.Value {
	if o == nil {
		return nil
	}
	return o.v
}

// value returns the script value, with None standing in for a nil Object
// so that the readers return errors instead of panicking.
func (o *Object) value() starlark.Value {
	if o == nil || o.v == nil {
		return starlark.None
	}
	return o.v
}

// Type returns the Python type name, such as "FocalLoss", "Tensor" or
// "float".
func (o *Object) Type() string {
	v := o.value()
	if inst, ok := v.(*pyobj.Instance); ok {
		return inst.Class().Name()
	}
	return v.Type()
}

// String returns str() of the value as Python prints it, or its type in
// angle brackets when str() fails. It may run the script's __str__.
func (o *Object) String() string {
	if o == nil || o.v == nil {
		return "<nil>"
	}
	if o.rt == nil {
		return o.v.String()
	}
	s, err := o.rt.run(context.Background(), "str", func(thread *starlark.Thread) (starlark.Value, error) {
		text, err := core.Str(thread, o.v)
		return starlark.String(text), err
	})
	if err != nil {
		return fmt.Sprintf("<%s object>", o.Type())
	}
	return string(s.(starlark.String))
}

// Call calls the value with positional arguments, converted by ToValue.
// Calling a Cell runs its construct.
func (o *Object) Call(ctx context.Context, args ...any) (*Object, error) {
	return o.CallKwargs(ctx, args, nil)
}

// CallKwargs calls the value with positional and keyword arguments,
// converted by ToValue; keywords are passed in sorted order.
func (o *Object) CallKwargs(ctx context.Context, args []any, kwargs map[string]any) (*Object, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	return o.rt.callValue(ctx, o.v, callableName(o.v), args, kwargs)
}

// CallMethod calls the method name of the value with positional
// arguments, as value.name(*args) does.
func (o *Object) CallMethod(ctx context.Context, name string, args ...any) (*Object, error) {
	method, err := o.Attr(ctx, name)
	if err != nil {
		return nil, err
	}
	return o.rt.callValue(ctx, method.v, o.Type()+"."+name, args, nil)
}

// Attr returns the attribute name of the value, as value.name does,
// running a property getter if the class defines one.
func (o *Object) Attr(ctx context.Context, name string) (*Object, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	v, err := o.rt.run(ctx, name, func(thread *starlark.Thread) (starlark.Value, error) {
		return pyobj.GetAttr(thread, o.v, name)
	})
	if err != nil {
		return nil, err
	}
	return &Object{rt: o.rt, v: v}, nil
}

// Tensor returns the engine tensor of a Tensor, Parameter or numpy array
// value, shared and not copied: do not modify its storage. Any other
// value is an error.
func (o *Object) Tensor() (*engine.Tensor, error) {
	if o == nil {
		return nil, typeError("the *runtime.Object is nil")
	}
	if t, _, ok := tensor.Of(o.value()); ok {
		return t, nil
	}
	return nil, typeError("the value is a %s, not a Tensor", o.Type())
}

// Float returns a Python int, float or bool, or the element of a
// one-element tensor, as a float64.
func (o *Object) Float() (float64, error) {
	if o == nil {
		return 0, typeError("the *runtime.Object is nil")
	}
	if t, _, ok := tensor.Of(o.value()); ok {
		x, err := t.Item()
		if err != nil {
			return 0, typeError("the value is a tensor of shape %s, not a single number; reduce it in the script (for example with ops.ReduceMean) or read it with Object.Tensor", engine.FormatShape(t.Shape()))
		}
		return x, nil
	}
	switch x := o.value().(type) {
	case starlark.Float:
		return float64(x), nil
	case starlark.Int:
		f, _ := starlark.AsFloat(x)
		return f, nil
	case starlark.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	}
	return 0, typeError("the value is a %s, not a number", o.Type())
}

// Int returns a Python int or bool, or the element of a one-element
// integer or bool tensor, as an int64.
func (o *Object) Int() (int64, error) {
	if o == nil {
		return 0, typeError("the *runtime.Object is nil")
	}
	if t, _, ok := tensor.Of(o.value()); ok {
		if t.Numel() != 1 || t.DType().IsFloat() {
			return 0, typeError("the value is a %s tensor of shape %s, not a single integer", t.DType(), engine.FormatShape(t.Shape()))
		}
		return t.Int(0), nil
	}
	switch x := o.value().(type) {
	case starlark.Int:
		if i, ok := x.Int64(); ok {
			return i, nil
		}
		return 0, typeError("the int %s does not fit in an int64", x)
	case starlark.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	}
	return 0, typeError("the value is a %s, not an int", o.Type())
}

// Elements returns the elements of a tuple or list, such as the values
// of a function that returns several.
func (o *Object) Elements() ([]*Object, error) {
	seq, ok := o.value().(starlark.Indexable)
	switch o.value().(type) {
	case starlark.Tuple, *starlark.List:
	default:
		ok = false
	}
	if !ok {
		return nil, typeError("the value is a %s, not a tuple or list", o.Type())
	}
	out := make([]*Object, seq.Len())
	for i := range out {
		out[i] = &Object{rt: o.rt, v: seq.Index(i)}
	}
	return out, nil
}

// Go converts the value with FromValue.
func (o *Object) Go() (any, error) {
	g, err := FromValue(o.value())
	if err != nil {
		return nil, typeError("%v", err)
	}
	return g, nil
}

// Freeze makes the value and everything it references immutable, so
// that a script that tries to change it gets an error instead of racing
// with other goroutines. Parameter storage stays writable for
// optimizers. Freeze must not run concurrently with calls of the value.
// It fails, leaving the value unfrozen, when a function reachable from
// the value refers to itself (a recursive nested def), because
// go.starlark.net cannot freeze such a cycle.
func (o *Object) Freeze() error {
	if o == nil || o.v == nil {
		return typeError("the *runtime.Object is nil")
	}
	if !freezeGlobals(starlark.StringDict{"value": o.v}) {
		return typeError("cannot freeze the %s: a function reachable from it refers to itself", o.Type())
	}
	return nil
}

func (o *Object) check() error {
	if o == nil || o.v == nil {
		return typeError("the *runtime.Object is nil")
	}
	if o.rt == nil {
		return typeError("the %s object is not bound to a runtime; make it with Runtime.NewObject", o.v.Type())
	}
	return nil
}

// Parameter is a Parameter of a Cell. Optimizers update Tensor's storage
// in place, so the tensor stays the same across training steps.
type Parameter struct {
	Name         string // the MindSpore name, such as "fc.weight"
	Tensor       *engine.Tensor
	RequiresGrad bool
}

// Parameters lists a Cell's parameters.
type Parameters []Parameter

// Tensors returns the parameters' tensors, for engine.Grad.
func (ps Parameters) Tensors() []*engine.Tensor {
	out := make([]*engine.Tensor, len(ps))
	for i, p := range ps {
		out[i] = p.Tensor
	}
	return out
}

// Trainable returns the parameters that require a gradient.
func (ps Parameters) Trainable() Parameters {
	return slices.DeleteFunc(slices.Clone(ps), func(p Parameter) bool { return !p.RequiresGrad })
}

// Parameters returns the parameters of a Cell and its sub-cells in
// MindSpore's order (parameters_and_names()). The value must be an
// nn.Cell.
func (o *Object) Parameters() (Parameters, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	if _, _, err := nn.StateOf(o.v); err != nil {
		return nil, typeError("Parameters: the value is a %s, not an nn.Cell", o.Type())
	}
	list, err := o.rt.run(context.Background(), "parameters_and_names", func(thread *starlark.Thread) (starlark.Value, error) {
		return pyobj.CallMethod(thread, o.v, "parameters_and_names", nil, nil)
	})
	if err != nil {
		return nil, err
	}
	return parametersOf(list)
}

// parametersOf reads the (name, Parameter) pairs that
// parameters_and_names returns.
func parametersOf(list starlark.Value) (Parameters, error) {
	seq, ok := list.(starlark.Indexable)
	if !ok {
		return nil, typeError("parameters_and_names returned %s, not a list", list.Type())
	}
	out := make(Parameters, 0, seq.Len())
	for i := range seq.Len() {
		pair, ok := seq.Index(i).(starlark.Tuple)
		if !ok || len(pair) != 2 {
			return nil, typeError("parameters_and_names item %d is %s, not a (name, Parameter) pair", i, seq.Index(i).Type())
		}
		p, ok := pair[1].(*tensor.Parameter)
		if !ok {
			return nil, typeError("parameters_and_names item %d contains %s, not a Parameter", i, pair[1].Type())
		}
		out = append(out, Parameter{Name: p.Name, Tensor: p.T, RequiresGrad: p.RequiresGrad})
	}
	return out, nil
}

// typeError returns an *Error of type TypeError for a host-side misuse.
func typeError(format string, args ...any) *Error {
	return &Error{Type: "TypeError", Message: fmt.Sprintf(format, args...)}
}

// callableName returns the Python name of a callable for thread names
// and messages.
func callableName(v starlark.Value) string {
	switch x := v.(type) {
	case *pyobj.Instance:
		return x.Class().Name()
	case starlark.Callable:
		return x.Name()
	}
	return v.Type()
}
