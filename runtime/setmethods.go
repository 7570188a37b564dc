package runtime

import (
	"sort"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// setMethod is a method of set or frozenset.
type setMethod func(s *pySet, args starlark.Tuple) (starlark.Value, error)

// setMethodSpec gives a method's arity, for CPython's messages: arity
// 0 and 1 take exactly that many arguments and -1 takes any number.
type setMethodSpec struct {
	arity   int
	mutates bool // a set method only, absent from frozenset
	call    setMethod
}

var setMethods = map[string]setMethodSpec{
	"add":                         {1, true, setAdd},
	"remove":                      {1, true, setRemove},
	"discard":                     {1, true, setDiscard},
	"pop":                         {0, true, setPop},
	"clear":                       {0, true, setClear},
	"update":                      {-1, true, setUpdateMethod},
	"intersection_update":         {-1, true, setIntersectionUpdate},
	"difference_update":           {-1, true, setDifferenceUpdate},
	"symmetric_difference_update": {1, true, setSymmetricDifferenceUpdate},
	"copy":                        {0, false, setCopy},
	"union":                       {-1, false, setUnion},
	"intersection":                {-1, false, setIntersection},
	"difference":                  {-1, false, setDifference},
	"symmetric_difference":        {1, false, setSymmetricDifference},
	"issubset":                    {1, false, setIsSubset},
	"issuperset":                  {1, false, setIsSuperset},
	"isdisjoint":                  {1, false, setIsDisjoint},
}

// Attr returns a bound method.
func (s *pySet) Attr(name string) (starlark.Value, error) {
	spec, ok := setMethods[name]
	if !ok || spec.mutates && s.immutable {
		return nil, nil
	}
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return s.callMethod(name, args, kwargs)
	}).BindReceiver(s), nil
}

// AttrNames lists the methods of a set or a frozenset.
func (s *pySet) AttrNames() []string {
	var names []string
	for name, spec := range setMethods {
		if !spec.mutates || !s.immutable {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// callMethod checks the arguments of s.name(...) as CPython does, and
// calls the method.
func (s *pySet) callMethod(name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	spec := setMethods[name]
	full := s.Type() + "." + name + "()"
	if len(kwargs) > 0 {
		return nil, pyobj.TypeErrorf("%s takes no keyword arguments", full)
	}
	switch {
	case spec.arity == 0 && len(args) != 0:
		return nil, pyobj.TypeErrorf("%s takes no arguments (%d given)", full, len(args))
	case spec.arity == 1 && len(args) != 1:
		return nil, pyobj.TypeErrorf("%s takes exactly one argument (%d given)", full, len(args))
	}
	if spec.mutates {
		if err := s.checkMutable(name); err != nil {
			return nil, err
		}
	}
	return spec.call(s, args)
}

// callSetMethod calls set.name(self, ...) for an unbound method read
// from the set or frozenset type object.
func callSetMethod(_ *starlark.Thread, self starlark.Value, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	s, ok := self.(*pySet)
	if !ok {
		return nil, pyobj.TypeErrorf("descriptor '%s' for 'set' objects doesn't apply to a '%s' object", name, pyTypeName(self))
	}
	if _, found := setMethods[name]; !found {
		return nil, pyobj.AttributeErrorf("'%s' object has no attribute '%s'", s.Type(), name)
	}
	return s.callMethod(name, args, kwargs)
}

func setAdd(s *pySet, args starlark.Tuple) (starlark.Value, error) {
	return starlark.None, s.addValue(args[0])
}

// setRemove implements set.remove(x), raising KeyError(x) when x is
// missing.
func setRemove(s *pySet, args starlark.Tuple) (starlark.Value, error) {
	found, err := discardValue(s, args[0])
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, keyErrorOf(args[0])
	}
	return starlark.None, nil
}

func setDiscard(s *pySet, args starlark.Tuple) (starlark.Value, error) {
	_, err := discardValue(s, args[0])
	return starlark.None, err
}

func discardValue(s *pySet, v starlark.Value) (bool, error) {
	item, err := itemOf(v)
	if err != nil {
		return false, err
	}
	return s.discardItem(item)
}

// setPop implements set.pop(): the table's elements go first, from
// CPython's search finger, then the others in insertion order.
func setPop(s *pySet, _ starlark.Tuple) (starlark.Value, error) {
	if s.table.used > 0 {
		return s.table.pop().key, nil
	}
	if s.others != nil && s.others.Len() > 0 {
		first := elementsOf(s.others)[0]
		if _, err := s.others.Delete(first); err != nil {
			return nil, err
		}
		return first, nil
	}
	return nil, keyErrorOf(starlark.String("pop from an empty set"))
}

func setClear(s *pySet, _ starlark.Tuple) (starlark.Value, error) {
	s.clear()
	return starlark.None, nil
}

func setUpdateMethod(s *pySet, args starlark.Tuple) (starlark.Value, error) {
	for _, other := range args {
		if err := s.update(other); err != nil {
			return nil, err
		}
	}
	return starlark.None, nil
}

func setIntersectionUpdate(s *pySet, args starlark.Tuple) (starlark.Value, error) {
	tmp, err := s.intersectionMulti(args)
	if err != nil {
		return nil, err
	}
	s.replaceBody(tmp)
	return starlark.None, nil
}

func setDifferenceUpdate(s *pySet, args starlark.Tuple) (starlark.Value, error) {
	for _, other := range args {
		if err := s.differenceUpdate(other); err != nil {
			return nil, err
		}
	}
	return starlark.None, nil
}

func setSymmetricDifferenceUpdate(s *pySet, args starlark.Tuple) (starlark.Value, error) {
	return starlark.None, s.symmetricDifferenceUpdate(args[0])
}

// setCopy returns a new set, or the frozenset itself, as CPython does.
func setCopy(s *pySet, _ starlark.Tuple) (starlark.Value, error) {
	if s.immutable {
		return s, nil
	}
	return s.copyAs(false), nil
}

func setUnion(s *pySet, args starlark.Tuple) (starlark.Value, error) {
	return s.union(args)
}

func setIntersection(s *pySet, args starlark.Tuple) (starlark.Value, error) {
	return s.intersectionMulti(args)
}

func setDifference(s *pySet, args starlark.Tuple) (starlark.Value, error) {
	return s.differenceMulti(args)
}

func setSymmetricDifference(s *pySet, args starlark.Tuple) (starlark.Value, error) {
	return s.symmetricDifference(args[0])
}

func setIsSubset(s *pySet, args starlark.Tuple) (starlark.Value, error) {
	ok, err := s.isSubset(args[0])
	return starlark.Bool(ok), err
}

func setIsSuperset(s *pySet, args starlark.Tuple) (starlark.Value, error) {
	ok, err := s.isSuperset(args[0])
	return starlark.Bool(ok), err
}

func setIsDisjoint(s *pySet, args starlark.Tuple) (starlark.Value, error) {
	ok, err := s.isDisjoint(args[0])
	return starlark.Bool(ok), err
}

// Binary implements |, &, - and ^ between two sets or frozensets. The
// result has the kind of the left operand. With a dict view on the
// other side it returns nil, so the view's Binary computes the result
// as CPython's dict views do.
// NOTE: s |= t runs as s = s | t, so it builds a new set, and other
// references to the old set do not see the change as they do in CPython.
func (s *pySet) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	other, ok := y.(*pySet)
	if !ok {
		return nil, nil
	}
	left, right := s, other
	if side == starlark.Right {
		left, right = other, s
	}
	switch op {
	case syntax.PIPE:
		return left.union(starlark.Tuple{right})
	case syntax.AMP:
		return left.intersection(right)
	case syntax.MINUS:
		return left.difference(right)
	case syntax.CIRCUMFLEX:
		return left.symmetricDifference(right)
	}
	return nil, nil
}

// CompareSameType compares two sets or frozensets: == by elements, and
// <=, <, >=, > as subset and superset tests.
func (s *pySet) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	other, ok := y.(*pySet)
	if !ok {
		return false, pyobj.TypeErrorf("'%s' not supported between instances of '%s' and '%s'", op, s.Type(), y.Type())
	}
	switch op {
	case syntax.EQL, syntax.NEQ:
		eq := s.Len() == other.Len()
		if eq {
			sub, err := s.isSubset(other)
			if err != nil {
				return false, err
			}
			eq = sub
		}
		return eq == (op == syntax.EQL), nil
	case syntax.LE:
		return s.isSubset(other)
	case syntax.LT:
		if s.Len() >= other.Len() {
			return false, nil
		}
		return s.isSubset(other)
	case syntax.GE:
		return other.isSubset(s)
	case syntax.GT:
		if s.Len() <= other.Len() {
			return false, nil
		}
		return other.isSubset(s)
	}
	return false, nil
}

// keyErrorOf returns KeyError(key), whose str is repr(key) as in Python.
func keyErrorOf(key starlark.Value) error {
	err := pyobj.NewError(pyobj.KeyError, "%s", "")
	if setErr := err.Exception().DictSet("args", starlark.Tuple{key}); setErr != nil {
		return setErr
	}
	return err
}
