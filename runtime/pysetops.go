package runtime

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// The set algebra of Objects/setobject.c in CPython 3.11. Which operand
// is copied or iterated first decides the order of the result, so each
// function follows its CPython namesake step by step.

// newLike returns an empty set of the same kind as s, as
// make_new_set_basetype does.
func newLike(s *pySet) *pySet {
	return &pySet{table: newSetTable(), immutable: s.immutable}
}

// forEachElement calls fn with each element of an iterable: the
// characters of a str, the elements of a dict view, or what iterating
// yields.
func forEachElement(v starlark.Value, fn func(starlark.Value) error) error {
	switch x := v.(type) {
	case starlark.String:
		v = stringChars(x)
	case *dictView:
		v = starlark.Tuple(x.elements())
	case *pySet:
		v = starlark.Tuple(x.elements())
	}
	pull, err := iterOf(v)
	if err != nil {
		return pyobj.TypeErrorf("'%s' object is not iterable", pyTypeName(v))
	}
	for {
		x, ok, err := pull()
		if err != nil || !ok {
			return err
		}
		if err := fn(x); err != nil {
			return err
		}
	}
}

// merge adds the elements of other, as set_merge does.
func (s *pySet) merge(other *pySet) error {
	if other == s {
		return nil
	}
	if err := s.table.merge(&other.table); err != nil {
		return err
	}
	if other.others != nil {
		for _, v := range elementsOf(other.others) {
			if err := s.addItem(setItem{key: v}); err != nil {
				return err
			}
		}
	}
	return nil
}

// update adds the elements of an iterable, as set_update_internal does:
// a set merges, an exact dict resizes once for all its keys, and
// anything else is added element by element.
func (s *pySet) update(other starlark.Value) error {
	switch x := other.(type) {
	case *pySet:
		return s.merge(x)
	case *starlark.Dict:
		s.table.reserve(x.Len())
		for _, key := range x.Keys() {
			if err := s.addValue(key); err != nil {
				return err
			}
		}
		return nil
	}
	return forEachElement(other, s.addValue)
}

// intersection returns s & other, as set_intersection does: with a set
// it iterates the smaller operand and probes the larger, and with any
// other iterable it keeps the iterated elements that s contains.
func (s *pySet) intersection(other starlark.Value) (*pySet, error) {
	if other == starlark.Value(s) {
		return s.copyAs(s.immutable), nil
	}
	result := newLike(s)
	if set, ok := other.(*pySet); ok {
		probed, iterated := s, set
		if set.Len() > s.Len() {
			probed, iterated = set, s
		}
		for _, item := range iterated.items() {
			found, err := probed.hasItem(item)
			if err != nil {
				return nil, err
			}
			if found {
				if err := result.addItem(item); err != nil {
					return nil, err
				}
			}
		}
		return result, nil
	}
	err := forEachElement(other, func(v starlark.Value) error {
		item, err := itemOf(v)
		if err != nil {
			return err
		}
		found, err := s.hasItem(item)
		if err != nil || !found {
			return err
		}
		return result.addItem(item)
	})
	return result, err
}

// intersectionMulti returns s.intersection(*others).
func (s *pySet) intersectionMulti(others starlark.Tuple) (*pySet, error) {
	result := s
	if len(others) == 0 {
		return s.copyAs(s.immutable), nil
	}
	for _, other := range others {
		next, err := result.intersection(other)
		if err != nil {
			return nil, err
		}
		result = next
	}
	return result, nil
}

// replaceBody makes s hold the elements of tmp, keeping s's pop finger,
// as set_swap_bodies does for intersection_update.
func (s *pySet) replaceBody(tmp *pySet) {
	finger := s.table.finger
	s.table, s.others = tmp.table, tmp.others
	s.table.finger = finger
}

// difference returns s - other, as set_difference does: it copies s and
// removes other's elements when s is over four times larger, and
// otherwise keeps the elements of s that other lacks.
func (s *pySet) difference(other starlark.Value) (*pySet, error) {
	var otherLen int
	switch x := other.(type) {
	case *pySet:
		otherLen = x.Len()
	case *starlark.Dict:
		otherLen = x.Len()
	default:
		return s.copyAndDifference(other)
	}
	if s.Len()>>2 > otherLen {
		return s.copyAndDifference(other)
	}
	result := newLike(s)
	for _, item := range s.items() {
		var found bool
		var err error
		if d, ok := other.(*starlark.Dict); ok {
			_, found, err = d.Get(item.key)
		} else {
			found, err = other.(*pySet).hasItem(item)
		}
		if err != nil {
			return nil, err
		}
		if !found {
			if err := result.addItem(item); err != nil {
				return nil, err
			}
		}
	}
	return result, nil
}

func (s *pySet) copyAndDifference(other starlark.Value) (*pySet, error) {
	result := s.copyAs(s.immutable)
	if err := result.differenceUpdate(other); err != nil {
		return nil, err
	}
	return result, nil
}

// differenceMulti returns s.difference(*others).
func (s *pySet) differenceMulti(others starlark.Tuple) (*pySet, error) {
	if len(others) == 0 {
		return s.copyAs(s.immutable), nil
	}
	result, err := s.difference(others[0])
	if err != nil {
		return nil, err
	}
	for _, other := range others[1:] {
		if err := result.differenceUpdate(other); err != nil {
			return nil, err
		}
	}
	return result, nil
}

// differenceUpdate removes other's elements from s, as
// set_difference_update_internal does, and then rebuilds the table when
// more than a quarter of its slots are dummies.
func (s *pySet) differenceUpdate(other starlark.Value) error {
	if other == starlark.Value(s) {
		s.clear()
		return nil
	}
	if set, ok := other.(*pySet); ok {
		if set.Len()>>3 > s.Len() {
			common, err := s.intersection(set)
			if err != nil {
				return err
			}
			set = common
		}
		for _, item := range set.items() {
			if _, err := s.discardItem(item); err != nil {
				return err
			}
		}
	} else {
		err := forEachElement(other, func(v starlark.Value) error {
			item, err := itemOf(v)
			if err != nil {
				return err
			}
			_, err = s.discardItem(item)
			return err
		})
		if err != nil {
			return err
		}
	}
	s.table.purgeDummies()
	return nil
}

// symmetricDifferenceUpdate implements s ^= other as
// set_symmetric_difference_update does: each element of other (a dict's
// keys, a set, or a set built from the iterable) is removed from s when
// present and added otherwise. Dummies stay in the table.
func (s *pySet) symmetricDifferenceUpdate(other starlark.Value) error {
	if other == starlark.Value(s) {
		s.clear()
		return nil
	}
	var items []setItem
	switch x := other.(type) {
	case *starlark.Dict:
		for _, key := range x.Keys() {
			item, err := itemOf(key)
			if err != nil {
				return err
			}
			items = append(items, item)
		}
	case *pySet:
		items = x.items()
	default:
		built := newLike(s)
		if err := built.update(other); err != nil {
			return err
		}
		items = built.items()
	}
	for _, item := range items {
		found, err := s.discardItem(item)
		if err != nil {
			return err
		}
		if !found {
			if err := s.addItem(item); err != nil {
				return err
			}
		}
	}
	return nil
}

// symmetricDifference returns s ^ other: a set built from other first,
// then updated with s, as set_symmetric_difference does.
func (s *pySet) symmetricDifference(other starlark.Value) (*pySet, error) {
	result := newLike(s)
	if err := result.update(other); err != nil {
		return nil, err
	}
	if err := result.symmetricDifferenceUpdate(s); err != nil {
		return nil, err
	}
	return result, nil
}

// union returns s.union(*others), a copy of s updated with each
// argument in turn.
func (s *pySet) union(others starlark.Tuple) (*pySet, error) {
	result := s.copyAs(s.immutable)
	for _, other := range others {
		if other == starlark.Value(s) {
			continue
		}
		if err := result.update(other); err != nil {
			return nil, err
		}
	}
	return result, nil
}

// isSubset reports whether every element of s is in other, building a
// set from other first when it is not one.
func (s *pySet) isSubset(other starlark.Value) (bool, error) {
	set, ok := other.(*pySet)
	if !ok {
		set = newPySet()
		if err := set.update(other); err != nil {
			return false, err
		}
	}
	if s.Len() > set.Len() {
		return false, nil
	}
	for _, item := range s.items() {
		if found, err := set.hasItem(item); err != nil || !found {
			return false, err
		}
	}
	return true, nil
}

// isSuperset reports whether s contains every element of other.
func (s *pySet) isSuperset(other starlark.Value) (bool, error) {
	if set, ok := other.(*pySet); ok {
		return set.isSubset(s)
	}
	result := true
	err := forEachElement(other, func(v starlark.Value) error {
		if !result {
			return nil
		}
		found, err := s.Has(v)
		if err == nil && !found {
			result = false
		}
		return err
	})
	return result, err
}

// isDisjoint reports whether s and other have no element in common.
func (s *pySet) isDisjoint(other starlark.Value) (bool, error) {
	if set, ok := other.(*pySet); ok {
		probed, iterated := s, set
		if set.Len() > s.Len() {
			probed, iterated = set, s
		}
		for _, item := range iterated.items() {
			if found, err := probed.hasItem(item); err != nil || found {
				return false, err
			}
		}
		return true, nil
	}
	disjoint := true
	err := forEachElement(other, func(v starlark.Value) error {
		if !disjoint {
			return nil
		}
		found, err := s.Has(v)
		if err == nil && found {
			disjoint = false
		}
		return err
	})
	return disjoint, err
}
