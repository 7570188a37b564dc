package runtime

import (
	"fmt"
	"sort"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// cells holds the variables of one def or module that Starlark
// variables cannot hold: names assigned inside try, except, finally and
// with blocks, names declared global or nonlocal, and names deleted with
// del. The front end reads and writes them as attributes of the cells
// value (see runtime/syntax/scopes.go).
type cells struct {
	module bool     // the module's cells, whose unbound names are NameError
	names  []string // for module cells, every name they manage
	values map[string]starlark.Value
	// exported holds, for module cells, the value of each name that
	// exportCells last left in the globals (nil for unbound), to tell
	// which side changed a name since.
	exported map[string]starlark.Value
	frozen   bool
}

var (
	_ starlark.HasAttrs    = (*cells)(nil)
	_ starlark.HasSetField = (*cells)(nil)
)

// moduleCellsName is the global that holds a module's cells.
const moduleCellsName = "<cells 0>"

func newCells(module bool) *cells {
	return &cells{module: module, values: map[string]starlark.Value{}, exported: map[string]starlark.Value{}}
}

func (c *cells) String() string        { return "<cells>" }
func (c *cells) Type() string          { return "cells" }
func (c *cells) Truth() starlark.Bool  { return true }
func (c *cells) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable type: 'cells'") }

// Freeze freezes the cells with the module that owns them; afterwards a
// function that assigns one of the names raises an error.
func (c *cells) Freeze() {
	if c.frozen {
		return
	}
	c.frozen = true
	for _, v := range c.values {
		v.Freeze()
	}
}

// Attr returns the value of a variable, or the NameError Python raises
// for an unbound one.
func (c *cells) Attr(name string) (starlark.Value, error) {
	if v, ok := c.values[name]; ok {
		return v, nil
	}
	return nil, c.unbound(name)
}

func (c *cells) unbound(name string) error {
	if c.module {
		return pyobj.NewError(pyobj.NameError, "name '%s' is not defined", name)
	}
	return newException("UnboundLocalError", "cannot access local variable '%s' where it is not associated with a value", name)
}

// AttrNames lists the bound variables in sorted order.
func (c *cells) AttrNames() []string {
	names := make([]string, 0, len(c.values))
	for name := range c.values {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// SetField assigns a variable.
func (c *cells) SetField(name string, v starlark.Value) error {
	if c.frozen {
		return pyobj.RuntimeErrorf("cannot assign to '%s': the module that owns it has finished loading and is frozen", name)
	}
	c.values[name] = v
	return nil
}

// pyCells implements __cells__(), which makes the cells of a def.
func pyCells(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return newCells(false), nil
}

// moduleCellsBuiltin returns __module_cells__(names), which returns the
// module's cells. With globals from earlier REPL chunks it keeps using
// the cells those chunks made, so functions defined there and the new
// chunk share each variable, and starts each new name from globals.
// globals may be nil.
func moduleCellsBuiltin(globals starlark.StringDict) *starlark.Builtin {
	return builtin("__module_cells__", func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 1 {
			return nil, pyobj.TypeErrorf("__module_cells__: want a tuple of names")
		}
		c, ok := globals[moduleCellsName].(*cells)
		if !ok || c.frozen {
			c = newCells(true)
		}
		names, _ := args[0].(starlark.Tuple)
		for _, n := range names {
			name, _ := starlark.AsString(n)
			if c.manages(name) {
				continue
			}
			c.names = append(c.names, name)
			if v, ok := globals[name]; ok {
				c.values[name] = v
			}
			c.exported[name] = globals[name]
		}
		return c, nil
	})
}

func (c *cells) manages(name string) bool {
	for _, n := range c.names {
		if n == name {
			return true
		}
	}
	return false
}

// pyDelName implements "del name" on cells: __delname__(cells, "name").
func pyDelName(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 {
		return nil, pyobj.TypeErrorf("__delname__: want cells and a name")
	}
	c, ok := args[0].(*cells)
	name, _ := starlark.AsString(args[1])
	if !ok {
		return nil, pyobj.TypeErrorf("__delname__: want cells, not %s", args[0].Type())
	}
	if _, bound := c.values[name]; !bound {
		return nil, c.unbound(name)
	}
	if c.frozen {
		return nil, pyobj.RuntimeErrorf("cannot delete '%s': the module that owns it has finished loading and is frozen", name)
	}
	delete(c.values, name)
	return starlark.None, nil
}

// exportCells copies the module's cells into its globals, where the
// host and later REPL chunks look for them. A name that was deleted
// leaves the globals too. The cells stay in place under their hidden
// name, so that freezing the globals freezes them. The runtime calls it
// after a file or REPL chunk runs and, for a REPL, before the next
// chunk, so that a chunk reads what functions of earlier chunks wrote.
//
// NOTE: within one REPL chunk, a name that only an earlier chunk's
// function assigns through global is read from the copy made before the
// chunk started, so a chunk that calls such a function and then reads
// the name sees the old value until the next chunk.
func exportCells(globals starlark.StringDict) {
	c, ok := globals[moduleCellsName].(*cells)
	if !ok {
		return
	}
	for _, name := range c.names {
		global, last := globals[name], c.exported[name]
		if !sameValue(global, last) && !c.frozen {
			// Plain code of a later chunk rebound the name.
			if global == nil {
				delete(c.values, name)
			} else {
				c.values[name] = global
			}
		}
		if v, bound := c.values[name]; bound {
			globals[name] = v
		} else {
			delete(globals, name)
		}
		c.exported[name] = globals[name]
	}
}

// sameValue reports whether a and b are the same stored value: the
// same type and the same data word, which never panics the way
// comparing interfaces that hold tuples would.
func sameValue(a, b starlark.Value) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Type() == b.Type() && identity(a) == identity(b)
}
