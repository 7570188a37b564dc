package pystd

import (
	"fmt"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// Functools returns the functools module: partial, reduce, wraps and
// update_wrapper.
func Functools() *core.Module {
	return core.NewModule("functools", starlark.StringDict{
		"partial": starlark.NewBuiltin("partial", newPartial),
		"reduce":  starlark.NewBuiltin("reduce", reduce),
		"wraps":   starlark.NewBuiltin("wraps", wraps),

		"update_wrapper": starlark.NewBuiltin("update_wrapper", updateWrapperBuiltin),
	})
}

// Partial is functools.partial: a callable that calls fn with the
// stored arguments before the call's own, and the call's keywords
// over the stored ones.
type Partial struct {
	fn     starlark.Value
	args   starlark.Tuple
	kwargs []starlark.Tuple
}

var (
	_ starlark.Callable = (*Partial)(nil)
	_ starlark.HasAttrs = (*Partial)(nil)
)

func newPartial(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, pyobj.TypeErrorf("type 'partial' takes at least one argument")
	}
	if _, ok := args[0].(starlark.Callable); !ok {
		return nil, pyobj.TypeErrorf("the first argument must be callable")
	}
	return &Partial{fn: args[0], args: append(starlark.Tuple(nil), args[1:]...), kwargs: kwargs}, nil
}

// Name returns the wrapped function's name.
func (p *Partial) Name() string {
	if c, ok := p.fn.(starlark.Callable); ok {
		return c.Name()
	}
	return "partial"
}

func (p *Partial) String() string {
	parts := []string{p.fn.String()}
	for _, a := range p.args {
		parts = append(parts, a.String())
	}
	for _, kv := range p.kwargs {
		parts = append(parts, fmt.Sprintf("%s=%s", string(kv[0].(starlark.String)), kv[1]))
	}
	return "functools.partial(" + strings.Join(parts, ", ") + ")"
}

// Type returns "functools.partial".
func (p *Partial) Type() string { return "functools.partial" }

// Freeze freezes the function and the stored arguments.
func (p *Partial) Freeze() {
	p.fn.Freeze()
	p.args.Freeze()
	for _, kv := range p.kwargs {
		kv[1].Freeze()
	}
}

// Truth returns True.
func (p *Partial) Truth() starlark.Bool { return true }

// Hash rejects hashing, as the stored arguments may be mutable.
func (p *Partial) Hash() (uint32, error) {
	return 0, pyobj.TypeErrorf("unhashable type: 'functools.partial'")
}

// CallInternal calls the function with the stored and the given
// arguments.
func (p *Partial) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	all := append(append(starlark.Tuple(nil), p.args...), args...)
	merged := make([]starlark.Tuple, 0, len(p.kwargs)+len(kwargs))
	given := map[string]bool{}
	for _, kv := range kwargs {
		given[string(kv[0].(starlark.String))] = true
	}
	for _, kv := range p.kwargs {
		if !given[string(kv[0].(starlark.String))] {
			merged = append(merged, kv)
		}
	}
	merged = append(merged, kwargs...)
	return starlark.Call(thread, p.fn, all, merged)
}

// Attr returns func, args and keywords.
func (p *Partial) Attr(name string) (starlark.Value, error) {
	switch name {
	case "func":
		return p.fn, nil
	case "args":
		return p.args, nil
	case "keywords":
		d := starlark.NewDict(len(p.kwargs))
		for _, kv := range p.kwargs {
			_ = d.SetKey(kv[0], kv[1])
		}
		return d, nil
	}
	return nil, nil
}

// AttrNames lists the attributes.
func (p *Partial) AttrNames() []string { return []string{"args", "func", "keywords"} }

// reduce implements functools.reduce(function, iterable[, initial]).
func reduce(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn, iterable, initial starlark.Value
	if err := starlark.UnpackPositionalArgs("reduce", args, kwargs, 2, &fn, &iterable, &initial); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	it, ok := iterable.(starlark.Iterable)
	if !ok {
		return nil, pyobj.TypeErrorf("reduce() arg 2 must support iteration")
	}
	iter := it.Iterate()
	defer iter.Done()
	acc := initial
	var x starlark.Value
	for iter.Next(&x) {
		if acc == nil {
			acc = x
			continue
		}
		var err error
		if acc, err = starlark.Call(thread, fn, starlark.Tuple{acc, x}, nil); err != nil {
			return nil, err
		}
	}
	if acc == nil {
		return nil, pyobj.TypeErrorf("reduce() of empty iterable with no initial value")
	}
	return acc, nil
}

// wraps implements functools.wraps(wrapped): a decorator that returns
// the wrapper as a WrappedFunction carrying wrapped's __name__,
// __qualname__, __doc__ and __module__.
func wraps(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 {
		return nil, pyobj.TypeErrorf("wraps() takes exactly one argument (%d given)", len(args))
	}
	wrapped := args[0]
	return starlark.NewBuiltin("wraps", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 1 {
			return nil, pyobj.TypeErrorf("the decorator returned by wraps() takes exactly one argument")
		}
		return updateWrapper(thread, args[0], wrapped)
	}), nil
}

// updateWrapperBuiltin implements functools.update_wrapper(wrapper,
// wrapped).
func updateWrapperBuiltin(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var wrapper, wrapped starlark.Value
	if err := starlark.UnpackPositionalArgs("update_wrapper", args, kwargs, 2, &wrapper, &wrapped); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	return updateWrapper(thread, wrapper, wrapped)
}
