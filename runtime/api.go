package runtime

import (
	"context"
	"fmt"
	"slices"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// Runtime returns the runtime that loaded the module.
func (m *Module) Runtime() *Runtime { return m.rt }

// Names returns the module's global names, sorted.
func (m *Module) Names() []string {
	names := make([]string, 0, len(m.Globals))
	for name := range m.Globals {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// Get returns the global name of the module: a class, a function, a
// Cell built at top level. A missing name is a NameError, which
// suggests a global with a similar name when the module has one.
func (m *Module) Get(name string) (*Object, error) {
	if m == nil {
		return nil, typeError("the *runtime.Module is nil")
	}
	v, ok := m.Globals[name]
	if !ok {
		msg := fmt.Sprintf("name '%s' is not defined in %s", name, m.Name)
		if near := nearestName(name, m.Names()); near != "" {
			msg += fmt.Sprintf(". Did you mean: '%s'?", near)
		}
		return nil, &Error{Type: "NameError", Message: msg}
	}
	return &Object{rt: m.rt, v: v}, nil
}

// Call calls the global function (or any callable) name with positional
// arguments converted by ToValue, and returns its result.
func (m *Module) Call(ctx context.Context, name string, args ...any) (*Object, error) {
	fn, err := m.Get(name)
	if err != nil {
		return nil, err
	}
	return m.rt.callValue(ctx, fn.v, name, args, nil)
}

// New constructs an instance of the script class named class, as
// class(*args, **kwargs) does, with the arguments converted by ToValue:
//
//	loss, err := mod.New(ctx, "FocalLoss", []any{2.0}, map[string]any{"reduction": "mean"})
//
// The instance is not frozen; see Object for sharing it between
// goroutines.
func (m *Module) New(ctx context.Context, class string, args []any, kwargs map[string]any) (*Object, error) {
	cls, err := m.Get(class)
	if err != nil {
		return nil, err
	}
	if _, ok := cls.v.(*pyobj.Class); !ok {
		return nil, typeError("%s in %s is a %s, not a class", class, m.Name, cls.v.Type())
	}
	return m.rt.callValue(ctx, cls.v, class, args, kwargs)
}

// callValue converts the arguments, calls fn on a new thread and wraps
// the result.
func (rt *Runtime) callValue(ctx context.Context, fn starlark.Value, name string, args []any, kwargs map[string]any) (*Object, error) {
	positional, keywords, err := convertArgs(name, args, kwargs)
	if err != nil {
		return nil, err
	}
	v, err := rt.run(ctx, name, func(thread *starlark.Thread) (starlark.Value, error) {
		return starlark.Call(thread, fn, positional, keywords)
	})
	if err != nil {
		return nil, err
	}
	return &Object{rt: rt, v: v}, nil
}

// convertArgs converts Go arguments with ToValue, keywords in sorted
// order.
func convertArgs(name string, args []any, kwargs map[string]any) (starlark.Tuple, []starlark.Tuple, error) {
	positional := make(starlark.Tuple, len(args))
	for i, a := range args {
		v, err := ToValue(a)
		if err != nil {
			return nil, nil, typeError("%s: argument %d: %v", name, i+1, err)
		}
		positional[i] = v
	}
	keys := make([]string, 0, len(kwargs))
	for k := range kwargs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	keywords := make([]starlark.Tuple, len(keys))
	for i, k := range keys {
		v, err := ToValue(kwargs[k])
		if err != nil {
			return nil, nil, typeError("%s: keyword argument %s: %v", name, k, err)
		}
		keywords[i] = starlark.Tuple{starlark.String(k), v}
	}
	return positional, keywords, nil
}
