package nn

import (
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

// groupKeys are the keys a parameter group dict may hold.
var groupKeys = map[string]bool{"params": true, "lr": true, "weight_decay": true, "grad_centralization": true, "order_params": true}

// parseGroups reads group dicts as MindSpore's Optimizer does: each
// group's parameters take its 'lr' and 'weight_decay' or the
// optimizer's, weight decay applies where it is above 0, and an
// 'order_params' entry fixes the final parameter order.
func (st *OptState) parseGroups(items []starlark.Value) error {
	st.grouped = true
	var order []starlark.Value
	seen := map[*tensor.Parameter]bool{}
	for _, it := range items {
		d, ok := it.(*starlark.Dict)
		if !ok {
			return core.Errorf("TypeError", "For '%s', all elements of the parameters must be Parameter or dict, but got %s", st.Kind, it.Type())
		}
		if err := checkGroupKeys(st.Kind, d); err != nil {
			return err
		}
		if v, found, _ := d.Get(starlark.String("order_params")); found {
			if d.Len() > 1 {
				return core.Errorf("ValueError", "For '%s', the order_params dict in group parameters should only include the 'order_params' key", st.Kind)
			}
			list, err := iterList(v)
			if err != nil {
				return core.Errorf("TypeError", "For '%s', the value of 'order_params' must be an iterable of Parameters, but got %s", st.Kind, v.Type())
			}
			order = list
			continue
		}
		if err := st.addGroup(d, seen); err != nil {
			return err
		}
	}
	if order != nil {
		return st.reorder(order)
	}
	return nil
}

func checkGroupKeys(kind string, d *starlark.Dict) error {
	for _, k := range d.Keys() {
		s, ok := k.(starlark.String)
		if !ok || !groupKeys[string(s)] {
			return core.Errorf("KeyError", "For '%s', the key '%s' cannot be recognized in group params; use 'params', 'lr', 'weight_decay', 'grad_centralization' or 'order_params'", kind, strings.Trim(k.String(), `"`))
		}
	}
	return nil
}

// addGroup appends one group's parameters with their settings.
func (st *OptState) addGroup(d *starlark.Dict, seen map[*tensor.Parameter]bool) error {
	pv, found, _ := d.Get(starlark.String("params"))
	if !found {
		return core.Errorf("KeyError", "For '%s', every parameter group needs a 'params' entry", st.Kind)
	}
	list, err := iterList(pv)
	if err != nil || len(list) == 0 {
		return core.Errorf("ValueError", "For '%s', the group 'params' must be a non-empty list of Parameters", st.Kind)
	}

	lr := st.LR
	if v, ok, _ := d.Get(starlark.String("lr")); ok {
		if lr, err = parseLR(st.Kind, v); err != nil {
			return err
		}
		st.groupLR = true
	}

	wd := st.WeightDecay
	if v, ok, _ := d.Get(starlark.String("weight_decay")); ok {
		f, isNum := starlark.AsFloat(v)
		if _, isBool := v.(starlark.Bool); !isNum || isBool {
			return core.Errorf("TypeError", "For '%s', the group 'weight_decay' must be int or float, but got %s", st.Kind, v.Type())
		}
		if f < 0 {
			return core.Errorf("ValueError", "For '%s', the group 'weight_decay' must be at least 0.0, but got %s", st.Kind, core.FormatFloat(f))
		}
		wd = f
	}

	gc := false
	if v, ok, _ := d.Get(starlark.String("grad_centralization")); ok {
		b, isBool := v.(starlark.Bool)
		if !isBool {
			return core.Errorf("TypeError", "For '%s', the 'grad_centralization' must be bool, but got %s", st.Kind, v.Type())
		}
		gc = bool(b)
	}

	for _, it := range list {
		p, ok := it.(*tensor.Parameter)
		if !ok {
			return core.Errorf("TypeError", "For '%s', the group 'params' must hold Parameters, but got %s", st.Kind, it.Type())
		}
		if seen[p] {
			return core.Errorf("RuntimeError", "For '%s', the parameter %s appears in more than one group; set each parameter once", st.Kind, p.Name)
		}
		seen[p] = true
		st.addParam(p, lr, wd*st.LossScale, wd > 0, gc)
	}
	return nil
}

// reorder puts the parameters and their settings in the order of
// order_params, which must list exactly the grouped parameters.
func (st *OptState) reorder(order []starlark.Value) error {
	if len(order) != len(st.Params) {
		return core.Errorf("ValueError", "For '%s', 'order_params' has %d parameters but the groups hold %d; it must list each grouped parameter once", st.Kind, len(order), len(st.Params))
	}
	index := map[*tensor.Parameter]int{}
	for i, p := range st.Params {
		index[p] = i
	}
	old := *st
	st.Params, st.lrs, st.wds, st.decay, st.gc = nil, nil, nil, nil, nil
	for _, v := range order {
		p, ok := v.(*tensor.Parameter)
		if !ok {
			return core.Errorf("TypeError", "For '%s', 'order_params' must hold Parameters, but got %s", st.Kind, v.Type())
		}
		i, found := index[p]
		if !found {
			return core.Errorf("ValueError", "For '%s', the parameter %s in 'order_params' is in no group", st.Kind, p.Name)
		}
		delete(index, p)
		st.addParam(p, old.lrs[i], old.wds[i], old.decay[i], old.gc[i])
	}
	return nil
}
