package runtime

import (
	"strings"
	"sync"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// builders maps an importable module name to the function that builds
// it. Packages register their modules in registry.go; every runtime
// shares the built modules, which hold no per-runtime state (that lives
// in the thread's core.Env).
var builders = map[string]func() *core.Module{}

type moduleEntry struct {
	once sync.Once
	m    *core.Module
}

var entries sync.Map // module name -> *moduleEntry

// buildModule builds a registered module once, with its registered
// submodules attached as attributes, and freezes it.
func buildModule(name string) (*core.Module, bool) {
	b, ok := builders[name]
	if !ok {
		return nil, false
	}
	e, _ := entries.LoadOrStore(name, &moduleEntry{})
	entry := e.(*moduleEntry)
	entry.once.Do(func() {
		m := b()
		guardBuiltins(m.Members)
		for sub := range builders {
			rest, ok := strings.CutPrefix(sub, name+".")
			if !ok || strings.Contains(rest, ".") {
				continue
			}
			if _, exists := m.Members[rest]; !exists {
				child, _ := buildModule(sub)
				m.Members[rest] = child
			}
		}
		m.Freeze()
		entry.m = m
	})
	return entry.m, true
}

type moduleTable struct {
	allowed []string // nil: all
	perRT   map[string]*core.Module
}

func newModuleTable(allowed []string) *moduleTable {
	return &moduleTable{allowed: allowed, perRT: map[string]*core.Module{}}
}

func (t *moduleTable) permitted(name string) bool {
	if t.allowed == nil {
		return true
	}
	for _, a := range t.allowed {
		if name == a || strings.HasPrefix(name, a+".") {
			return true
		}
	}
	return false
}

// lookup returns the module with the full dotted name.
func (rt *Runtime) lookup(name string) (*core.Module, error) {
	if m, ok := rt.hostModule(name); ok {
		return m, nil
	}
	if !rt.modules.permitted(name) {
		return nil, pyobj.ModuleNotFoundErrorf("No module named '%s' (this runtime does not allow importing it)", name)
	}
	if m, ok := rt.modules.perRT[name]; ok {
		return m, nil
	}
	if m, ok := buildModule(name); ok {
		return m, nil
	}
	return nil, pyobj.ModuleNotFoundErrorf("No module named '%s'", name)
}

func (rt *Runtime) importBuiltins() starlark.StringDict {
	str := func(args starlark.Tuple, i int) (string, bool) {
		if i >= len(args) {
			return "", false
		}
		s, ok := args[i].(starlark.String)
		return string(s), ok
	}
	return starlark.StringDict{
		// import a.b.c binds a, the top package, after loading a.b.c.
		"__import__": starlark.NewBuiltin("__import__", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			name, ok := str(args, 0)
			if !ok {
				return nil, pyobj.TypeErrorf("__import__: want a module name")
			}
			if _, err := rt.lookup(name); err != nil {
				return nil, err
			}
			top, _, _ := strings.Cut(name, ".")
			return rt.lookup(top)
		}),
		"__import_module__": starlark.NewBuiltin("__import_module__", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			name, ok := str(args, 0)
			if !ok {
				return nil, pyobj.TypeErrorf("__import_module__: want a module name")
			}
			return rt.lookup(name)
		}),
		"__import_from__": starlark.NewBuiltin("__import_from__", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			name, ok1 := str(args, 0)
			attr, ok2 := str(args, 1)
			if !ok1 || !ok2 {
				return nil, pyobj.TypeErrorf("__import_from__: want a module name and a name")
			}
			m, err := rt.lookup(name)
			if err != nil {
				return nil, err
			}
			if v, ok := m.Members[attr]; ok {
				return v, nil
			}
			if sub, err := rt.lookup(name + "." + attr); err == nil {
				return sub, nil
			}
			return nil, pyobj.ImportErrorf("cannot import name '%s' from '%s'", attr, name)
		}),
	}
}
