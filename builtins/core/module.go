package core

import (
	"fmt"
	"sort"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// Module is an importable module: a name and its members.
type Module struct {
	Name    string
	Doc     string
	Members starlark.StringDict
}

var _ starlark.HasAttrs = (*Module)(nil)

// NewModule returns a module with the given members.
func NewModule(name string, members starlark.StringDict) *Module {
	return &Module{Name: name, Members: members}
}

func (m *Module) String() string        { return fmt.Sprintf("<module '%s'>", m.Name) }
func (m *Module) Type() string          { return "module" }
func (m *Module) Freeze()               { m.Members.Freeze() }
func (m *Module) Truth() starlark.Bool  { return true }
func (m *Module) Hash() (uint32, error) { return starlark.String(m.Name).Hash() }

// Attr returns a member; a missing one is an AttributeError naming the
// module, as Python words it.
func (m *Module) Attr(name string) (starlark.Value, error) {
	if v, ok := m.Members[name]; ok {
		return v, nil
	}
	if name == "__name__" {
		return starlark.String(m.Name), nil
	}
	if name == "__doc__" {
		return starlark.String(m.Doc), nil
	}
	return nil, pyobj.AttributeErrorf("module '%s' has no attribute '%s'", m.Name, name)
}

// AttrNames lists the members in sorted order.
func (m *Module) AttrNames() []string {
	names := make([]string, 0, len(m.Members))
	for k := range m.Members {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
