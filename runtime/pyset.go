package runtime

import (
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// pySet is Python's set, or its frozenset when immutable is true.
//
// Elements whose CPython hash is the same in every run (ints, bools,
// floats other than NaN, None, NumPy scalars and tuples of these) live
// in a replica of CPython's hash table, so they iterate in CPython's
// order. Other elements (str, bytes, instances, functions) have hashes
// that CPython salts or derives from addresses, so any order matches
// some CPython run. They keep insertion order in others and iterate
// after the table's elements.
type pySet struct {
	table     setTable
	others    *starlark.Set // nil until the first such element
	immutable bool
	frozen    bool // frozen by Starlark to share the value between threads
}

var (
	_ starlark.Iterable   = (*pySet)(nil)
	_ starlark.Sequence   = (*pySet)(nil)
	_ starlark.Container  = (*pySet)(nil)
	_ starlark.HasBinary  = (*pySet)(nil)
	_ starlark.HasAttrs   = (*pySet)(nil)
	_ starlark.Comparable = (*pySet)(nil)
	_ core.ThreadReprer   = (*pySet)(nil)
)

// setItem is an element with its CPython hash, when that hash is fixed.
type setItem struct {
	key   starlark.Value
	hash  int64
	fixed bool
}

func newPySet() *pySet {
	return &pySet{table: newSetTable()}
}

func newFrozenSet() *pySet {
	return &pySet{table: newSetTable(), immutable: true}
}

// Type returns "set" or "frozenset".
func (s *pySet) Type() string {
	if s.immutable {
		return "frozenset"
	}
	return "set"
}

func (s *pySet) Freeze() {
	if s.frozen {
		return
	}
	s.frozen = true
	for _, item := range s.items() {
		item.key.Freeze()
	}
}

func (s *pySet) Truth() starlark.Bool { return s.Len() > 0 }

func (s *pySet) Len() int {
	n := s.table.used
	if s.others != nil {
		n += s.others.Len()
	}
	return n
}

// Hash returns a hash for go.starlark.net's own dicts and sets. A set is
// unhashable, and a frozenset hashes its elements' Starlark hashes
// independently of their order.
func (s *pySet) Hash() (uint32, error) {
	if !s.immutable {
		return 0, pyobj.TypeErrorf("unhashable type: 'set'")
	}
	var h uint32 = 0x9e3779b9
	for _, item := range s.items() {
		eh, err := item.key.Hash()
		if err != nil {
			return 0, err
		}
		h ^= eh*0x85ebca6b + 0xc2b2ae35
	}
	return h, nil
}

// frozenHash returns CPython's hash of a frozenset, which is fixed when
// the hashes of all its elements are.
func (s *pySet) frozenHash() (int64, bool) {
	if !s.immutable {
		return 0, false
	}
	return s.frozensetHash()
}

// frozensetHash computes frozenset_hash of Objects/setobject.c (3.11)
// over the elements, whatever the mutability of s.
func (s *pySet) frozensetHash() (int64, bool) {
	if s.others != nil && s.others.Len() > 0 {
		return 0, false
	}
	var h uint64
	for _, entry := range s.table.slots {
		if entry.active() {
			u := uint64(entry.hash)
			h ^= ((u ^ 89869747) ^ (u << 16)) * 3644798167
		}
	}
	h ^= uint64(s.Len()+1) * 1927868237
	h ^= (h >> 11) ^ (h >> 25)
	h = h*69069 + 907133923
	if h == ^uint64(0) {
		h = 590923713
	}
	return int64(h), true
}

// items returns the elements in iteration order: the table's slots in
// order, then the other elements in insertion order.
func (s *pySet) items() []setItem {
	out := make([]setItem, 0, s.Len())
	for _, entry := range s.table.slots {
		if entry.active() {
			out = append(out, setItem{entry.key, entry.hash, true})
		}
	}
	if s.others != nil {
		for _, v := range elementsOf(s.others) {
			out = append(out, setItem{key: v})
		}
	}
	return out
}

// elements returns the elements in iteration order.
func (s *pySet) elements() []starlark.Value {
	items := s.items()
	out := make([]starlark.Value, len(items))
	for i, item := range items {
		out[i] = item.key
	}
	return out
}

// Iterate iterates over a snapshot of the elements.
// NOTE: CPython raises RuntimeError when a loop body changes the set's
// size, but here the loop goes on over the elements it started with.
func (s *pySet) Iterate() starlark.Iterator {
	return starlark.Tuple(s.elements()).Iterate()
}

// itemOf returns v with its hash, raising TypeError when v is
// unhashable. A set argument is looked up as the frozenset of its
// elements, as CPython's set.__contains__, remove and discard do.
func itemOf(v starlark.Value) (setItem, error) {
	if hash, fixed := cpythonHash(v); fixed {
		return setItem{v, hash, true}, nil
	}
	if set, ok := v.(*pySet); ok && !set.immutable {
		frozen := set.copyAs(true)
		hash, fixed := frozen.frozenHash()
		return setItem{frozen, hash, fixed}, nil
	}
	if _, err := v.Hash(); err != nil {
		return setItem{}, pyobj.TypeErrorf("unhashable type: '%s'", pyTypeName(v))
	}
	return setItem{key: v}, nil
}

// checkMutable returns an error when s may not change.
func (s *pySet) checkMutable(method string) error {
	if s.frozen {
		return pyobj.TypeErrorf("set.%s: cannot change a set that was frozen for sharing between threads", method)
	}
	return nil
}

// addItem inserts item unless an equal element is present.
func (s *pySet) addItem(item setItem) error {
	if item.fixed {
		return s.table.add(item.key, item.hash)
	}
	if s.others == nil {
		s.others = starlark.NewSet(0)
	}
	return s.others.Insert(item.key)
}

// addValue inserts v, raising TypeError when v is unhashable.
func (s *pySet) addValue(v starlark.Value) error {
	if hash, fixed := cpythonHash(v); fixed {
		return s.table.add(v, hash)
	}
	if _, err := v.Hash(); err != nil {
		return pyobj.TypeErrorf("unhashable type: '%s'", pyTypeName(v))
	}
	return s.addItem(setItem{key: v})
}

// hasItem reports whether an element equal to item is present.
func (s *pySet) hasItem(item setItem) (bool, error) {
	if item.fixed {
		i, err := s.table.lookup(item.key, item.hash)
		return i >= 0, err
	}
	if s.others == nil {
		return false, nil
	}
	return s.others.Has(item.key)
}

// discardItem removes the element equal to item and reports whether
// there was one.
func (s *pySet) discardItem(item setItem) (bool, error) {
	if item.fixed {
		return s.table.discard(item.key, item.hash)
	}
	if s.others == nil {
		return false, nil
	}
	return s.others.Delete(item.key)
}

// Has implements the in operator.
func (s *pySet) Has(v starlark.Value) (bool, error) {
	item, err := itemOf(v)
	if err != nil {
		return false, err
	}
	return s.hasItem(item)
}

// clear removes every element.
func (s *pySet) clear() {
	s.table.clear()
	s.others = nil
}

// copyAs returns a set or frozenset of the elements of s, built as
// CPython's set(s) builds it.
func (s *pySet) copyAs(immutable bool) *pySet {
	out := &pySet{table: newSetTable(), immutable: immutable}
	if err := out.merge(s); err != nil {
		panic(err) // merging a set's own elements compares nothing
	}
	return out
}

// String returns the repr.
func (s *pySet) String() string {
	text, err := s.PyRepr(nil)
	if err != nil {
		return s.Type() + "(...)"
	}
	return text
}

// PyRepr returns {1, 2} or set() for a set, and frozenset({1, 2}) or
// frozenset() for a frozenset.
func (s *pySet) PyRepr(thread *starlark.Thread) (string, error) {
	if s.Len() == 0 {
		return s.Type() + "()", nil
	}
	var b strings.Builder
	if s.immutable {
		b.WriteString("frozenset(")
	}
	b.WriteString("{")
	for i, v := range s.elements() {
		if i > 0 {
			b.WriteString(", ")
		}
		text, err := core.Repr(thread, v)
		if err != nil {
			return "", err
		}
		b.WriteString(text)
	}
	b.WriteString("}")
	if s.immutable {
		b.WriteString(")")
	}
	return b.String(), nil
}
