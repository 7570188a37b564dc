// Package nn is the Starlark `mindspore.nn` module: nn.Cell and the
// native Cells built on it (layers, losses, wrappers, optimizers).
package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

// CellState is the native state of an nn.Cell instance.
type CellState struct {
	AutoPrefix bool
	Training   bool
	// Children holds sub-cells that live outside attributes, such as the
	// members of a SequentialCell, under their names ("0", "1", ...).
	Children []Child
	// Extra is per-class state of a native subclass (a loss's reduction,
	// an optimizer's moments).
	Extra any
}

// Child is a named sub-cell.
type Child struct {
	Name string
	Cell *pyobj.Instance
}

// Cell is the native nn.Cell class.
var Cell *pyobj.Class

func init() {
	Cell = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   "Cell",
		Module: "mindspore.nn",
		Doc: `Cell(auto_prefix=True, flags=None)

The base class of every network and loss. Subclasses set Parameters and
sub-Cells as attributes in __init__ (after calling super().__init__())
and compute in construct(*inputs); calling the Cell runs construct.`,
		Methods: []pyobj.Method{
			{Name: "__init__", Func: cellInit},
			{Name: "__call__", Func: cellCall},
			{Name: "construct", Func: cellConstruct},
			{Name: "trainable_params", Func: cellTrainableParams},
			{Name: "untrainable_params", Func: cellUntrainableParams},
			{Name: "get_parameters", Func: cellGetParameters},
			{Name: "parameters_dict", Func: cellParametersDict},
			{Name: "parameters_and_names", Func: cellParametersAndNames},
			{Name: "cells", Func: cellCells},
			{Name: "name_cells", Func: cellNameCells},
			{Name: "cells_and_names", Func: cellCellsAndNames},
			{Name: "set_train", Func: cellSetTrain},
			{Name: "set_grad", Func: returnSelf},
			{Name: "to_float", Func: returnSelf},
			{Name: "insert_child_to_cell", Func: cellInsertChild},
		},
		SetAttr: cellSetAttr,
		GetAttr: cellGetAttr,
	})
}

// StateOf returns the Cell state of v, or an error naming the missing
// super().__init__() call.
func StateOf(v starlark.Value) (*pyobj.Instance, *CellState, error) {
	inst, ok := v.(*pyobj.Instance)
	if !ok || !inst.Class().IsSubclass(Cell) {
		return nil, nil, core.Errorf("TypeError", "expected an nn.Cell, got %s", v.Type())
	}
	st, ok := inst.Native.(*CellState)
	if !ok {
		return inst, nil, core.Errorf("RuntimeError", "%s.__init__ did not call super().__init__(); nn.Cell is not initialised", inst.Class().Name())
	}
	return inst, st, nil
}

// IsCell reports whether v is an instance of nn.Cell.
func IsCell(v starlark.Value) bool {
	inst, ok := v.(*pyobj.Instance)
	return ok && inst.Class().IsSubclass(Cell)
}

func cellInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	autoPrefix := true
	var flags starlark.Value
	if err := starlark.UnpackArgs("Cell.__init__", args, kwargs, "auto_prefix?", &autoPrefix, "flags?", &flags); err != nil {
		return nil, err
	}
	if st, ok := self.Native.(*CellState); ok {
		st.AutoPrefix = autoPrefix
		return starlark.None, nil
	}
	self.Native = &CellState{AutoPrefix: autoPrefix, Training: false}
	return starlark.None, nil
}

// ensureState gives a Cell whose __init__ skipped super().__init__()
// a default state, so attribute assignment still registers parameters.
func ensureState(self *pyobj.Instance) *CellState {
	st, ok := self.Native.(*CellState)
	if !ok {
		st = &CellState{AutoPrefix: true}
		self.Native = st
	}
	return st
}

func cellSetAttr(thread *starlark.Thread, self *pyobj.Instance, name string, value starlark.Value) (bool, error) {
	st := ensureState(self)
	switch v := value.(type) {
	case *tensor.Parameter:
		if v.Name == "" || v.Name == "Parameter" {
			v.Name = name
		}
	case *pyobj.Instance:
		if IsCell(v) && st.AutoPrefix {
			prefixParams(v, name+".")
		}
	}
	return false, nil
}

// prefixParams prepends prefix to every parameter name under cell, as
// MindSpore does when a Cell becomes an attribute of an auto-prefixing
// parent.
func prefixParams(cell *pyobj.Instance, prefix string) {
	for _, p := range collectParams(cell, nil) {
		p.Name = prefix + p.Name
	}
}

func cellGetAttr(thread *starlark.Thread, self *pyobj.Instance, name string) (starlark.Value, error) {
	switch name {
	case "training":
		st := ensureState(self)
		return starlark.Bool(st.Training), nil
	case "cls_name":
		return starlark.String(self.Class().Name()), nil
	}
	for _, c := range ensureState(self).Children {
		if c.Name == name {
			return c.Cell, nil
		}
	}
	return nil, nil
}

func cellCall(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := core.CheckCancel(thread); err != nil {
		return nil, err
	}
	construct, err := self.Attr("construct")
	if err != nil {
		return nil, err
	}
	return starlark.Call(thread, construct, args, kwargs)
}

func cellConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return nil, core.Errorf("NotImplementedError", "%s does not define construct(); a Cell subclass must implement construct(self, *inputs)", self.Class().Name())
}

func returnSelf(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return self, nil
}

// cellsAndNames walks cell and its sub-cells depth first, the cell
// itself first, each reachable cell once.
func cellsAndNames(cell *pyobj.Instance) []Child {
	var out []Child
	seen := map[*pyobj.Instance]bool{}
	var walk func(c *pyobj.Instance, name string)
	walk = func(c *pyobj.Instance, name string) {
		if seen[c] {
			return
		}
		seen[c] = true
		out = append(out, Child{Name: name, Cell: c})
		for _, ch := range directChildren(c) {
			child := ch.Name
			if name != "" {
				child = name + "." + ch.Name
			}
			walk(ch.Cell, child)
		}
	}
	walk(cell, "")
	return out
}

// directChildren lists a cell's sub-cells: attributes in assignment
// order, then container members.
func directChildren(c *pyobj.Instance) []Child {
	var out []Child
	for _, nv := range c.Attrs() {
		if inst, ok := nv.Value.(*pyobj.Instance); ok && IsCell(inst) {
			out = append(out, Child{Name: nv.Name, Cell: inst})
		}
	}
	if st, ok := c.Native.(*CellState); ok {
		out = append(out, st.Children...)
	}
	return out
}

// ownParams lists the Parameters set directly on c, in order.
func ownParams(c *pyobj.Instance) []*tensor.Parameter {
	var out []*tensor.Parameter
	for _, nv := range c.Attrs() {
		if p, ok := nv.Value.(*tensor.Parameter); ok {
			out = append(out, p)
		}
	}
	if st, ok := c.Native.(*CellState); ok {
		if h, ok := st.Extra.(interface{ Params() []*tensor.Parameter }); ok {
			out = append(out, h.Params()...)
		}
	}
	return out
}

// collectParams returns every Parameter under cell once, the cell's
// own first, then each sub-cell's, as parameters_and_names orders them.
// A non-nil filter keeps only the parameters it accepts.
func collectParams(cell *pyobj.Instance, filter func(*tensor.Parameter) bool) []*tensor.Parameter {
	var out []*tensor.Parameter
	seen := map[*tensor.Parameter]bool{}
	for _, c := range cellsAndNames(cell) {
		for _, p := range ownParams(c.Cell) {
			if seen[p] || (filter != nil && !filter(p)) {
				continue
			}
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// TrainableParams returns the parameters of a Cell that require grad.
func TrainableParams(v starlark.Value) ([]*tensor.Parameter, error) {
	inst, _, err := StateOf(v)
	if err != nil {
		return nil, err
	}
	return collectParams(inst, func(p *tensor.Parameter) bool { return p.RequiresGrad }), nil
}

func paramList(ps []*tensor.Parameter) *starlark.List {
	vals := make([]starlark.Value, len(ps))
	for i, p := range ps {
		vals[i] = p
	}
	return starlark.NewList(vals)
}

func noArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple) error {
	return starlark.UnpackArgs(name, args, kwargs, "recurse?", new(bool), "expand?", new(bool))
}

func cellTrainableParams(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs("trainable_params", args, kwargs); err != nil {
		return nil, err
	}
	return paramList(collectParams(self, func(p *tensor.Parameter) bool { return p.RequiresGrad })), nil
}

func cellUntrainableParams(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs("untrainable_params", args, kwargs); err != nil {
		return nil, err
	}
	return paramList(collectParams(self, func(p *tensor.Parameter) bool { return !p.RequiresGrad })), nil
}

func cellGetParameters(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs("get_parameters", args, kwargs); err != nil {
		return nil, err
	}
	return paramList(collectParams(self, nil)), nil
}

func cellParametersDict(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs("parameters_dict", args, kwargs); err != nil {
		return nil, err
	}
	d := starlark.NewDict(0)
	for _, p := range collectParams(self, nil) {
		if err := d.SetKey(starlark.String(p.Name), p); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func cellParametersAndNames(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	ps := collectParams(self, nil)
	vals := make([]starlark.Value, len(ps))
	for i, p := range ps {
		vals[i] = starlark.Tuple{starlark.String(p.Name), p}
	}
	return starlark.NewList(vals), nil
}

func cellCells(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var vals []starlark.Value
	for _, c := range directChildren(self) {
		vals = append(vals, c.Cell)
	}
	return starlark.NewList(vals), nil
}

func cellNameCells(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	d := starlark.NewDict(0)
	for _, c := range directChildren(self) {
		if err := d.SetKey(starlark.String(c.Name), c.Cell); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func cellCellsAndNames(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var vals []starlark.Value
	for _, c := range cellsAndNames(self) {
		vals = append(vals, starlark.Tuple{starlark.String(c.Name), c.Cell})
	}
	return starlark.NewList(vals), nil
}

func cellSetTrain(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	mode := true
	if err := starlark.UnpackArgs("set_train", args, kwargs, "mode?", &mode); err != nil {
		return nil, err
	}
	for _, c := range cellsAndNames(self) {
		ensureState(c.Cell).Training = mode
	}
	return self, nil
}

func cellInsertChild(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	var child starlark.Value
	if err := starlark.UnpackArgs("insert_child_to_cell", args, kwargs, "child_name", &name, "child_cell", &child); err != nil {
		return nil, err
	}
	if !IsCell(child) {
		return nil, core.Errorf("TypeError", "insert_child_to_cell: child_cell must be a Cell, got %s", child.Type())
	}
	return starlark.None, self.SetField(name, child)
}

// Call runs a Cell (or any callable) with positional arguments.
func Call(thread *starlark.Thread, fn starlark.Value, args ...starlark.Value) (starlark.Value, error) {
	return starlark.Call(thread, fn, starlark.Tuple(args), nil)
}
