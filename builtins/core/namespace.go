package core

import (
	"fmt"
	"sort"
	"strings"

	"go.starlark.net/starlark"
)

// Namespace is a plain attribute bag, like Python's
// types.SimpleNamespace: the cb_params object of training callbacks.
type Namespace struct {
	Name  string
	attrs map[string]starlark.Value
}

var (
	_ starlark.HasAttrs    = (*Namespace)(nil)
	_ starlark.HasSetField = (*Namespace)(nil)
)

// NewNamespace returns an empty namespace whose repr shows name.
func NewNamespace(name string) *Namespace {
	return &Namespace{Name: name, attrs: map[string]starlark.Value{}}
}

func (n *Namespace) String() string {
	names := n.AttrNames()
	parts := make([]string, len(names))
	for i, k := range names {
		parts[i] = k + "=" + n.attrs[k].String()
	}
	return fmt.Sprintf("%s(%s)", n.Name, strings.Join(parts, ", "))
}
func (n *Namespace) Type() string          { return n.Name }
func (n *Namespace) Freeze()               {}
func (n *Namespace) Truth() starlark.Bool  { return true }
func (n *Namespace) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable type: '%s'", n.Name) }

// Attr returns an attribute, or nil when it is unset.
func (n *Namespace) Attr(name string) (starlark.Value, error) { return n.attrs[name], nil }

// AttrNames lists the attributes in sorted order.
func (n *Namespace) AttrNames() []string {
	out := make([]string, 0, len(n.attrs))
	for k := range n.attrs {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// SetField sets an attribute.
func (n *Namespace) SetField(name string, v starlark.Value) error {
	n.attrs[name] = v
	return nil
}

// Set sets an attribute from Go.
func (n *Namespace) Set(name string, v starlark.Value) { n.attrs[name] = v }

// Get reads an attribute from Go; missing ones are None.
func (n *Namespace) Get(name string) starlark.Value {
	if v, ok := n.attrs[name]; ok {
		return v
	}
	return starlark.None
}
