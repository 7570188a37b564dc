package pystd

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

var _ starlark.HasBinary = (*Counter)(nil)

// Binary implements Counter + Counter and Counter - Counter as CPython
// 3.11's collections.Counter does: the result holds the keys of x
// first, then the new keys of y, and keeps only positive counts.
// Other operators and operand types return nil, so Starlark raises
// TypeError.
func (c *Counter) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	other, ok := y.(*Counter)
	if !ok || (op != syntax.PLUS && op != syntax.MINUS) {
		return nil, nil
	}
	x := c
	if side == starlark.Right {
		x, other = other, c
	}
	out := &Counter{Dict: starlark.NewDict(x.Len())}
	for _, kv := range x.Items() {
		count, err := starlark.Binary(op, kv[1], counterGet(other, kv[0]))
		if err != nil {
			return nil, err
		}
		if err := setPositive(out, kv[0], count); err != nil {
			return nil, err
		}
	}
	for _, kv := range other.Items() {
		if found, _ := x.Has(kv[0]); found {
			continue
		}
		count := kv[1]
		if op == syntax.MINUS {
			negated, err := starlark.Binary(syntax.MINUS, starlark.MakeInt(0), count)
			if err != nil {
				return nil, err
			}
			count = negated
		}
		if err := setPositive(out, kv[0], count); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// counterGet returns c's count of key, 0 when key is missing.
func counterGet(c *Counter, key starlark.Value) starlark.Value {
	v, _, err := c.Get(key)
	if err != nil {
		return starlark.MakeInt(0)
	}
	return v
}

// setPositive stores count under key when count > 0.
func setPositive(c *Counter, key, count starlark.Value) error {
	positive, err := starlark.Compare(syntax.GT, count, starlark.MakeInt(0))
	if err != nil || !positive {
		return err
	}
	return c.SetKey(key, count)
}
