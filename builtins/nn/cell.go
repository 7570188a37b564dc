// Package nn is the Starlark `mindspore.nn` module: nn.Cell and the
// native Cells built on it (layers, losses, wrappers, optimizers).
package nn

import (
	"sync"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

// CellState is the native state of an nn.Cell instance.
type CellState struct {
	AutoPrefix bool
	Training   bool
	// RequiresGrad is the flag set_grad stores. Gradients do not depend
	// on it: the engine records every op whose inputs need gradients.
	RequiresGrad bool
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

// Cell is the native nn.Cell class. baseCell builds it on first use, so
// it exists before any init function, in any file, builds a subclass.
var Cell *pyobj.Class

var cellOnce sync.Once

func init() { baseCell() }

func baseCell() *pyobj.Class {
	cellOnce.Do(func() { Cell = newCellBase() })
	return Cell
}

func newCellBase() *pyobj.Class {
	return pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   "Cell",
		Module: "mindspore.nn",
		Doc: `Cell(auto_prefix=True, flags=None)

The base class of every network and loss. Subclasses set Parameters and
sub-Cells as attributes in __init__ (after calling super().__init__())
and compute in construct(*inputs); calling the Cell runs construct.`,
		Methods: []pyobj.Method{
			{Name: "__init__", Func: cellInit},
			{Name: "__call__", Func: cellCall},
			{Name: "__repr__", Func: cellRepr},
			{Name: "extend_repr", Func: cellExtendRepr},
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
			{Name: "set_grad", Func: cellSetGrad},
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

// prefixParams renames every parameter under cell to prefix plus its
// attribute path in cell, as MindSpore's update_parameters_name does
// when a Cell becomes an attribute of an auto-prefixing parent. An
// explicit Parameter name is replaced too, as in MindSpore.
func prefixParams(cell *pyobj.Instance, prefix string) {
	for _, np := range namedParams(cell, true, nil) {
		np.Param.Name = prefix + np.Path
	}
}

func cellGetAttr(thread *starlark.Thread, self *pyobj.Instance, name string) (starlark.Value, error) {
	switch name {
	case "training":
		st := ensureState(self)
		return starlark.Bool(st.Training), nil
	case "cls_name":
		return starlark.String(self.Class().Name()), nil
	case "requires_grad":
		return starlark.Bool(ensureState(self).RequiresGrad), nil
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
	if args, kwargs, err = placeCall(thread, self, args, kwargs); err != nil {
		return nil, core.Errorf("RuntimeError", "%s: %v", self.Class().Name(), err)
	}
	return starlark.Call(thread, construct, args, kwargs)
}

func cellConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return nil, core.Errorf("NotImplementedError", "%s does not define construct(); a Cell subclass must implement construct(self, *inputs)", self.Class().Name())
}

// cellSetGrad is set_grad(requires_grad=True): it stores the flag and
// returns the cell.
func cellSetGrad(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	requiresGrad := true
	if err := starlark.UnpackArgs("set_grad", args, kwargs, "requires_grad?", &requiresGrad); err != nil {
		return nil, err
	}
	ensureState(self).RequiresGrad = requiresGrad
	return self, nil
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

// NamedParam is a parameter with its attribute path in a cell tree,
// such as "fc.weight".
type NamedParam struct {
	Path  string
	Param *tensor.Parameter
}

// ownParams lists the Parameters set directly on c, in order, each
// under its attribute name.
func ownParams(c *pyobj.Instance) []NamedParam {
	var out []NamedParam
	for _, nv := range c.Attrs() {
		if p, ok := nv.Value.(*tensor.Parameter); ok {
			out = append(out, NamedParam{nv.Name, p})
		}
	}
	if st, ok := c.Native.(*CellState); ok {
		if h, ok := st.Extra.(interface{ Params() []*tensor.Parameter }); ok {
			for _, p := range h.Params() {
				out = append(out, NamedParam{p.Name, p})
			}
		}
	}
	return out
}

// namedParams returns every Parameter under cell once with its
// attribute path, the cell's own first, then each sub-cell's, as
// MindSpore's parameters_and_names orders them. Without recurse only
// the cell's own parameters are listed. A non-nil filter keeps only the
// parameters it accepts.
func namedParams(cell *pyobj.Instance, recurse bool, filter func(*tensor.Parameter) bool) []NamedParam {
	cells := []Child{{Name: "", Cell: cell}}
	if recurse {
		cells = cellsAndNames(cell)
	}
	var out []NamedParam
	seen := map[*tensor.Parameter]bool{}
	for _, c := range cells {
		for _, np := range ownParams(c.Cell) {
			if seen[np.Param] || (filter != nil && !filter(np.Param)) {
				continue
			}
			seen[np.Param] = true
			if c.Name != "" {
				np.Path = c.Name + "." + np.Path
			}
			out = append(out, np)
		}
	}
	return out
}

// collectParams returns the parameters of namedParams(cell, true,
// filter) without their paths.
func collectParams(cell *pyobj.Instance, filter func(*tensor.Parameter) bool) []*tensor.Parameter {
	nps := namedParams(cell, true, filter)
	out := make([]*tensor.Parameter, len(nps))
	for i, np := range nps {
		out[i] = np.Param
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

func paramList(nps []NamedParam) *starlark.List {
	vals := make([]starlark.Value, len(nps))
	for i, np := range nps {
		vals[i] = np.Param
	}
	return starlark.NewList(vals)
}

// recurseArg unpacks the one optional flag of the parameter listings:
// recurse (trainable_params, parameters_dict) or expand
// (get_parameters, parameters_and_names), True by default.
func recurseArg(name, flag string, args starlark.Tuple, kwargs []starlark.Tuple) (bool, error) {
	recurse := true
	err := starlark.UnpackArgs(name, args, kwargs, flag+"?", &recurse)
	return recurse, err
}

func trainable(p *tensor.Parameter) bool   { return p.RequiresGrad }
func untrainable(p *tensor.Parameter) bool { return !p.RequiresGrad }

func cellTrainableParams(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	recurse, err := recurseArg("trainable_params", "recurse", args, kwargs)
	if err != nil {
		return nil, err
	}
	return paramList(namedParams(self, recurse, trainable)), nil
}

func cellUntrainableParams(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	recurse, err := recurseArg("untrainable_params", "recurse", args, kwargs)
	if err != nil {
		return nil, err
	}
	return paramList(namedParams(self, recurse, untrainable)), nil
}

func cellGetParameters(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	expand, err := recurseArg("get_parameters", "expand", args, kwargs)
	if err != nil {
		return nil, err
	}
	return paramList(namedParams(self, expand, nil)), nil
}

// cellParametersDict maps each parameter's name (not its attribute
// path) to the parameter, as MindSpore's parameters_dict does.
func cellParametersDict(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	recurse, err := recurseArg("parameters_dict", "recurse", args, kwargs)
	if err != nil {
		return nil, err
	}
	d := starlark.NewDict(0)
	for _, np := range namedParams(self, recurse, nil) {
		if err := d.SetKey(starlark.String(np.Param.Name), np.Param); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// cellParametersAndNames lists (attribute path, parameter) pairs.
func cellParametersAndNames(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	prefix := ""
	expand := true
	if err := starlark.UnpackArgs("parameters_and_names", args, kwargs, "name_prefix?", &prefix, "expand?", &expand); err != nil {
		return nil, err
	}
	nps := namedParams(self, expand, nil)
	vals := make([]starlark.Value, len(nps))
	for i, np := range nps {
		path := np.Path
		if prefix != "" {
			path = prefix + "." + path
		}
		vals[i] = starlark.Tuple{starlark.String(path), np.Param}
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
