package pystd

import (
	"fmt"
	"sort"
	"sync/atomic"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// WrappedFunction is the result of functools.wraps: it calls the
// wrapper but reads as the wrapped function, and, like a Python
// function, it takes new attributes (inner.cache = {}).
type WrappedFunction struct {
	wrapper starlark.Callable
	wrapped starlark.Value
	attrs   map[string]starlark.Value // __name__, __doc__ and assigned attributes
	frozen  bool
	id      uint32 // identity hash
}

var wrappedIDs atomic.Uint32

var (
	_ starlark.Callable    = (*WrappedFunction)(nil)
	_ starlark.HasSetField = (*WrappedFunction)(nil)
)

// wrappedAttrs are the attributes functools.wraps copies, as
// functools.WRAPPER_ASSIGNMENTS lists them.
var wrappedAttrs = []string{"__module__", "__name__", "__qualname__", "__doc__"}

// updateWrapper copies wrappedAttrs from wrapped onto wrapper and sets
// __wrapped__. A class instance takes them as attributes; any other
// callable becomes a WrappedFunction.
func updateWrapper(thread *starlark.Thread, wrapper, wrapped starlark.Value) (starlark.Value, error) {
	copied := map[string]starlark.Value{"__wrapped__": wrapped}
	for _, name := range wrappedAttrs {
		if v, err := pyobj.GetAttr(thread, wrapped, name); err == nil {
			copied[name] = v
		}
	}
	if fn, ok := wrapped.(*starlark.Function); ok {
		copied["__name__"] = starlark.String(pythonName(fn.Name()))
		copied["__qualname__"] = copied["__name__"]
		copied["__doc__"] = starlark.None
		if fn.Doc() != "" {
			copied["__doc__"] = starlark.String(fn.Doc())
		}
	}
	if x, ok := wrapper.(*pyobj.Instance); ok {
		for _, name := range sortedNames(copied) {
			if err := pyobj.SetAttr(thread, x, name, copied[name]); err != nil {
				return nil, err
			}
		}
		return x, nil
	}
	fn, ok := wrapper.(starlark.Callable)
	if !ok {
		return nil, pyobj.TypeErrorf("functools.wraps: the wrapper must be callable, not %s", wrapper.Type())
	}
	if w, ok := fn.(*WrappedFunction); ok {
		for name, v := range copied {
			w.attrs[name] = v
		}
		return w, nil
	}
	return &WrappedFunction{wrapper: fn, wrapped: wrapped, attrs: copied, id: wrappedIDs.Add(2654435761)}, nil
}

func pythonName(name string) string {
	if name == "lambda" {
		return "<lambda>"
	}
	return name
}

func sortedNames(m map[string]starlark.Value) []string {
	names := make([]string, 0, len(m))
	for name := range m {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Name returns the wrapped function's name.
func (w *WrappedFunction) Name() string {
	if s, ok := w.attrs["__name__"].(starlark.String); ok {
		return string(s)
	}
	return w.wrapper.Name()
}

// String returns <function NAME>, the form go.starlark.net uses for
// functions.
func (w *WrappedFunction) String() string { return fmt.Sprintf("<function %s>", w.Name()) }

// Type returns "function".
func (w *WrappedFunction) Type() string { return "function" }

// Freeze freezes the attributes and the functions.
func (w *WrappedFunction) Freeze() {
	if w.frozen {
		return
	}
	w.frozen = true
	w.wrapper.Freeze()
	for _, v := range w.attrs {
		v.Freeze()
	}
}

// Truth returns True.
func (w *WrappedFunction) Truth() starlark.Bool { return starlark.True }

// Hash hashes by identity, as Python functions do.
func (w *WrappedFunction) Hash() (uint32, error) { return w.id, nil }

// CallInternal calls the wrapper.
func (w *WrappedFunction) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return starlark.Call(thread, w.wrapper, args, kwargs)
}

// Attr returns a copied or assigned attribute.
func (w *WrappedFunction) Attr(name string) (starlark.Value, error) {
	if v, ok := w.attrs[name]; ok {
		return v, nil
	}
	return nil, nil
}

// AttrNames lists the copied and assigned attributes.
func (w *WrappedFunction) AttrNames() []string { return sortedNames(w.attrs) }

// SetField assigns an attribute, as fn.cache = {} does on a Python
// function.
func (w *WrappedFunction) SetField(name string, v starlark.Value) error {
	if w.frozen {
		return pyobj.TypeErrorf("cannot set %s on a frozen function", name)
	}
	w.attrs[name] = v
	return nil
}
