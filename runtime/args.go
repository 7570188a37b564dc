package runtime

import (
	"context"
	"fmt"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Call is one script call of a Go function or method made with
// NewFunction or NewClass. It is valid only during that call and only on
// the goroutine that received it.
type Call struct {
	// Context is the context of the host call that is running the
	// script. It ends when the host cancels; long Go work should check
	// it (or call CheckCancel) and return its error.
	Context context.Context
	// Runtime is the runtime running the script, or nil when a host
	// calls the function on a thread it made without one.
	Runtime *Runtime
	// Thread is the calling Starlark thread, for calling back into
	// script values with starlark.Call.
	Thread *starlark.Thread
	// Name is the function's name, or "Class.method" for a method, for
	// error messages.
	Name   string
	Args   starlark.Tuple
	Kwargs []starlark.Tuple
	// Self is the instance a method was called on, nil for a function.
	Self starlark.Value
	// State is the Go state that ClassSpec.Init returned for Self, nil
	// for a function.
	State any
}

// Unpack assigns the call's arguments to Go variables, as
// starlark.UnpackArgs does: pairs alternate a parameter name ("x",
// "gamma?" for an optional one, "x??" to treat None as absent) and a
// pointer. Besides every pointer type that starlark.UnpackArgs accepts,
// Unpack converts into:
//
//	*float64          a float, int, bool or one-element numpy scalar
//	*float32          the same, rounded to float32
//	**engine.Tensor   a Tensor, Parameter or numpy array (shared), or a
//	                  number or nested list of numbers (a new float32 tensor)
//	*[]float64        a list or tuple of numbers
//	*[]int            a list or tuple of ints
//	*[]string         a list or tuple of strings
//	*any              any value FromValue converts
//	*map[string]any   a dict with str keys
//	**Object          any value, held as an *Object
//
// A missing, extra or mistyped argument is a TypeError that names the
// function and the parameter.
func (c *Call) Unpack(pairs ...any) error {
	if len(pairs)%2 != 0 {
		return fmt.Errorf("%s: Call.Unpack needs name and pointer pairs, got %d values", c.Name, len(pairs))
	}
	adapted := make([]any, len(pairs))
	for i := 0; i < len(pairs); i += 2 {
		adapted[i] = pairs[i]
		adapted[i+1] = c.unpacker(pairs[i+1])
	}
	return starlark.UnpackArgs(c.Name, c.Args, c.Kwargs, adapted...)
}

// CheckCancel returns a KeyboardInterrupt error once the host cancelled
// the call. Go loops that run for long should call it between steps.
func (c *Call) CheckCancel() error { return core.CheckCancel(c.Thread) }

// unpacker returns the starlark.Unpacker that fills ptr, or ptr itself
// for the types starlark.UnpackArgs handles.
func (c *Call) unpacker(ptr any) any {
	switch p := ptr.(type) {
	case *float64:
		return (*core.Float)(p)
	case *float32:
		return &float32Arg{p}
	case **engine.Tensor:
		return &tensorArg{p}
	case *[]float64:
		return &floatsArg{p}
	case *[]int:
		return &intsArg{p}
	case *[]string:
		return &stringsArg{p}
	case *any:
		return &anyArg{p}
	case *map[string]any:
		return &mapArg{p}
	case **Object:
		return &objectArg{p, c.Runtime}
	}
	return ptr
}

type float32Arg struct{ p *float32 }

func (a *float32Arg) Unpack(v starlark.Value) error {
	var f core.Float
	if err := f.Unpack(v); err != nil {
		return err
	}
	*a.p = float32(f)
	return nil
}

type tensorArg struct{ p **engine.Tensor }

func (a *tensorArg) Unpack(v starlark.Value) error {
	t, err := tensor.ToEngine(v, nil, tensor.MindSpore)
	if err != nil {
		return fmt.Errorf("got %s, want a Tensor, a numpy array or numbers (%v)", v.Type(), err)
	}
	*a.p = t
	return nil
}

// sequence returns the elements of a list or tuple.
func sequence(v starlark.Value) ([]starlark.Value, error) {
	seq, ok := v.(starlark.Indexable)
	if _, isList := v.(*starlark.List); !isList {
		if _, isTuple := v.(starlark.Tuple); !isTuple {
			ok = false
		}
	}
	if !ok {
		return nil, fmt.Errorf("got %s, want a list or tuple", v.Type())
	}
	out := make([]starlark.Value, seq.Len())
	for i := range out {
		out[i] = seq.Index(i)
	}
	return out, nil
}

type floatsArg struct{ p *[]float64 }

func (a *floatsArg) Unpack(v starlark.Value) error {
	elems, err := sequence(v)
	if err != nil {
		return err
	}
	out := make([]float64, len(elems))
	for i, e := range elems {
		var f core.Float
		if err := f.Unpack(e); err != nil {
			return fmt.Errorf("element %d: %w", i, err)
		}
		out[i] = float64(f)
	}
	*a.p = out
	return nil
}

type intsArg struct{ p *[]int }

func (a *intsArg) Unpack(v starlark.Value) error {
	elems, err := sequence(v)
	if err != nil {
		return err
	}
	out := make([]int, len(elems))
	for i, e := range elems {
		if err := starlark.AsInt(e, &out[i]); err != nil {
			return fmt.Errorf("element %d: got %s, want int", i, e.Type())
		}
	}
	*a.p = out
	return nil
}

type stringsArg struct{ p *[]string }

func (a *stringsArg) Unpack(v starlark.Value) error {
	elems, err := sequence(v)
	if err != nil {
		return err
	}
	out := make([]string, len(elems))
	for i, e := range elems {
		s, ok := e.(starlark.String)
		if !ok {
			return fmt.Errorf("element %d: got %s, want str", i, e.Type())
		}
		out[i] = string(s)
	}
	*a.p = out
	return nil
}

type anyArg struct{ p *any }

func (a *anyArg) Unpack(v starlark.Value) error {
	g, err := FromValue(v)
	if err != nil {
		return err
	}
	*a.p = g
	return nil
}

type mapArg struct{ p *map[string]any }

func (a *mapArg) Unpack(v starlark.Value) error {
	d, ok := v.(*starlark.Dict)
	if !ok {
		return fmt.Errorf("got %s, want dict", v.Type())
	}
	g, err := FromValue(d)
	if err != nil {
		return err
	}
	m, ok := g.(map[string]any)
	if !ok {
		return fmt.Errorf("got a dict with non-str keys, want str keys")
	}
	*a.p = m
	return nil
}

type objectArg struct {
	p  **Object
	rt *Runtime
}

func (a *objectArg) Unpack(v starlark.Value) error {
	*a.p = &Object{rt: a.rt, v: v}
	return nil
}
