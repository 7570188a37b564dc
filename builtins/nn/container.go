package nn

import (
	"errors"
	"fmt"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Container cells hold sub-cells by position.
var (
	SequentialCell *pyobj.Class
	CellList       *pyobj.Class
)

func init() {
	SequentialCell = newCellClass(cellClass{
		name: "SequentialCell",
		doc: `SequentialCell(*cells), SequentialCell([cells]) or SequentialCell({name: cell})

Runs its cells in order, each on the previous one's output. Members are
named "0", "1", ... (or by the dict keys), which prefixes their
parameter names.`,
		init:      listInit("SequentialCell"),
		construct: sequentialConstruct,
		methods:   listMethods(),
	})
	CellList = newCellClass(cellClass{
		name:    "CellList",
		doc:     "CellList(cells=None)\n\nA list of cells whose parameters belong to the owner.",
		init:    listInit("CellList"),
		methods: listMethods(),
	})
}

func listInit(name string) pyobj.MethodFunc {
	return func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		st := ensureState(self)
		if name == "CellList" {
			var cells starlark.Value = starlark.None
			autoPrefix := true
			if err := starlark.UnpackArgs(name, args, kwargs, "args?", &cells, "auto_prefix?", &autoPrefix); err != nil {
				return nil, err
			}
			st.AutoPrefix = autoPrefix
			args = starlark.Tuple{}
			if cells != starlark.None {
				args = starlark.Tuple{cells}
			}
		} else if len(kwargs) > 0 {
			return nil, core.Errorf("TypeError", "%s() takes no keyword arguments", name)
		}
		if len(args) == 1 {
			if d, ok := args[0].(starlark.IterableMapping); ok {
				return starlark.None, appendNamed(self, st, d)
			}
		}
		cells := args
		if len(args) == 1 && !IsCell(args[0]) {
			seq, ok := args[0].(starlark.Indexable)
			if !ok {
				return nil, core.Errorf("TypeError", "%s: the argument must be a list of Cells, but got %s", name, args[0].Type())
			}
			cells = make(starlark.Tuple, seq.Len())
			for i := range cells {
				cells[i] = seq.Index(i)
			}
		}
		for i, c := range cells {
			if err := appendChild(self, st, c, i); err != nil {
				return nil, err
			}
		}
		return starlark.None, nil
	}
}

// appendNamed adds the cells of a dict under their keys.
func appendNamed(self *pyobj.Instance, st *CellState, d starlark.IterableMapping) error {
	for i, kv := range d.Items() {
		key, ok := kv[0].(starlark.String)
		if !ok {
			return core.Errorf("TypeError", "%s: dict keys must be str, but got %s", self.Class().Name(), kv[0].Type())
		}
		inst, err := cellArg(self, kv[1], i)
		if err != nil {
			return err
		}
		if st.AutoPrefix {
			prefixParams(inst, string(key)+".")
		}
		st.Children = append(st.Children, Child{Name: string(key), Cell: inst})
	}
	return nil
}

func cellArg(self *pyobj.Instance, c starlark.Value, i int) (*pyobj.Instance, error) {
	inst, ok := c.(*pyobj.Instance)
	if !ok || !IsCell(inst) {
		return nil, core.Errorf("TypeError", "%s: item %d must be a Cell, not %s", self.Class().Name(), i, c.Type())
	}
	return inst, nil
}

func appendChild(self *pyobj.Instance, st *CellState, c starlark.Value, i int) error {
	inst, err := cellArg(self, c, i)
	if err != nil {
		return err
	}
	name := fmt.Sprint(len(st.Children))
	if st.AutoPrefix {
		prefixParams(inst, name+".")
	}
	st.Children = append(st.Children, Child{Name: name, Cell: inst})
	return nil
}

// childIndex normalises a possibly negative index into ch, naming the
// container on failure.
func childIndex(self *pyobj.Instance, i, n int) (int, error) {
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return 0, core.Errorf("IndexError", "%s index %d is out of range for %d cells", self.Class().Name(), i, n)
	}
	return i, nil
}

func listMethods() []pyobj.Method {
	return []pyobj.Method{
		{Name: "__len__", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return starlark.MakeInt(len(ensureState(self).Children)), nil
		}},
		{Name: "__getitem__", Func: listGetItem},
		{Name: "__iter__", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			ch := ensureState(self).Children
			vals := make([]starlark.Value, len(ch))
			for i, c := range ch {
				vals[i] = c.Cell
			}
			return starlark.NewList(vals), nil
		}},
		{Name: "append", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var c starlark.Value
			if err := starlark.UnpackPositionalArgs("append", args, kwargs, 1, &c); err != nil {
				return nil, err
			}
			st := ensureState(self)
			return starlark.None, appendChild(self, st, c, len(st.Children))
		}},
		{Name: "extend", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var cells starlark.Indexable
			if err := starlark.UnpackPositionalArgs("extend", args, kwargs, 1, &cells); err != nil {
				return nil, err
			}
			st := ensureState(self)
			for i := 0; i < cells.Len(); i++ {
				if err := appendChild(self, st, cells.Index(i), i); err != nil {
					return nil, err
				}
			}
			return self, nil
		}},
		{Name: "insert", Func: listInsert},
	}
}

// listGetItem returns a member by index, or a new container of the same
// class holding a slice of the members.
func listGetItem(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var key starlark.Value
	if err := starlark.UnpackPositionalArgs("__getitem__", args, kwargs, 1, &key); err != nil {
		return nil, err
	}
	ch := ensureState(self).Children
	if s, ok := key.(*core.Slice); ok {
		start, stop, step, err := s.Bounds()
		if err != nil {
			return nil, core.Errorf("TypeError", "%s: %v", self.Class().Name(), err)
		}
		r := engine.ResolveSlice(start, stop, step, len(ch))
		var cells []starlark.Value
		for k, i := 0, r.Start; k < r.Len(); k, i = k+1, i+r.Step {
			cells = append(cells, ch[i].Cell)
		}
		return starlark.Call(thread, self.Class(), starlark.Tuple{starlark.NewList(cells)}, nil)
	}
	var i int
	if err := starlark.AsInt(key, &i); err != nil {
		return nil, core.Errorf("TypeError", "%s indices must be integers or slices, not %s", self.Class().Name(), key.Type())
	}
	i, err := childIndex(self, i, len(ch))
	if err != nil {
		return nil, err
	}
	return ch[i].Cell, nil
}

// listInsert is insert(index, cell): the members after index move up
// one position and are renamed by position.
func listInsert(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var index int
	var c starlark.Value
	if err := starlark.UnpackPositionalArgs("insert", args, kwargs, 2, &index, &c); err != nil {
		return nil, err
	}
	st := ensureState(self)
	n := len(st.Children)
	if index < 0 {
		index = max(index+n, 0)
	}
	index = min(index, n)
	inst, err := cellArg(self, c, index)
	if err != nil {
		return nil, err
	}
	if st.AutoPrefix {
		prefixParams(inst, fmt.Sprint(index)+".")
	}
	st.Children = append(st.Children[:index], append([]Child{{Cell: inst}}, st.Children[index:]...)...)
	for i := range st.Children {
		st.Children[i].Name = fmt.Sprint(i)
	}
	return starlark.None, nil
}

func sequentialConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) != 0 {
		return nil, core.Errorf("TypeError", "SequentialCell takes one input, got %d", len(args)+len(kwargs))
	}
	x := args[0]
	children := ensureState(self).Children
	for i := 0; i < len(children); i++ {
		var err error
		failed := children[i] // a fused Dense and ReLU fail as the Dense
		if i+1 < len(children) && fusesReLU(children[i].Cell, children[i+1].Cell) {
			x, err = denseReLU(thread, children[i].Cell, x)
			i++
		} else {
			x, err = starlark.Call(thread, children[i].Cell, starlark.Tuple{x}, nil)
		}
		if err != nil {
			addNote(err, fmt.Sprintf("in SequentialCell cell '%s' (%s)", failed.Name, failed.Cell.Class().Name()))
			return nil, err
		}
	}
	return x, nil
}

// addNote appends note to the __notes__ list of the Python exception
// inside err, as BaseException.add_note does in Python 3.11, so the
// traceback names the failing cell while the type and message stay
// MindSpore's. It does nothing for other errors and frozen exceptions.
func addNote(err error, note string) {
	var pe *pyobj.Error
	if !errors.As(err, &pe) {
		return
	}
	exc := pe.Exception()
	notes, ok := exc.DictGet("__notes__")
	list, isList := notes.(*starlark.List)
	if !ok || !isList {
		list = starlark.NewList(nil)
	}
	if list.Append(starlark.String(note)) != nil {
		return
	}
	_ = exc.DictSet("__notes__", list)
}

// fusesReLU reports whether a SequentialCell may run cell and next as one
// Dense with its ReLU inside the product: both are the built-in classes,
// unchanged, and the Dense has no activation of its own. The result is
// the same, bit for bit, as calling them in turn.
func fusesReLU(cell, next *pyobj.Instance) bool {
	return isPlainCell(cell, Dense) && isPlainCell(next, ReLU) && attr(cell, "activation") == starlark.None
}

// denseReLU calls the Dense cell on x with a ReLU fused into it, placing
// the inputs as a call of the cell would.
func denseReLU(thread *starlark.Thread, cell *pyobj.Instance, x starlark.Value) (starlark.Value, error) {
	if err := core.CheckCancel(thread); err != nil {
		return nil, err
	}
	args, _, err := placeCall(thread, cell, starlark.Tuple{x}, nil)
	if err != nil {
		return nil, core.Errorf("RuntimeError", "%s: %v", cell.Class().Name(), err)
	}
	return denseForward(cell, args[0], engine.ReLUActivation)
}
