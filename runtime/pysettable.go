package runtime

import (
	"go.starlark.net/starlark"
)

// This file reproduces the hash table of CPython 3.11's set
// (Objects/setobject.c) for the elements whose hashes CPython fixes
// across runs, so that sets of ints, floats and tuples of them iterate
// and print in CPython's order. The table is open addressing with
// LINEAR_PROBES slots of linear probing before each perturbed jump,
// grows when fill*5 >= mask*3 (60%), and leaves dummy entries behind
// deletions until the next resize.

const (
	setMinSize   = 8 // PySet_MINSIZE
	linearProbes = 9
	perturbShift = 5
)

// setEntry is one slot of the table. An unused slot has key nil and hash
// 0, a dummy (deleted) slot has key nil and hash -1, which no real hash
// equals, and an active slot has a key.
type setEntry struct {
	key  starlark.Value
	hash int64
}

func (e setEntry) active() bool { return e.key != nil }
func (e setEntry) dummy() bool  { return e.key == nil && e.hash == -1 }
func (e setEntry) unused() bool { return e.key == nil && e.hash == 0 }

// setTable is the CPython set table: fill counts active and dummy
// slots, used counts active ones, and finger is where pop() starts.
type setTable struct {
	slots  []setEntry
	fill   int
	used   int
	finger int
}

func newSetTable() setTable {
	return setTable{slots: make([]setEntry, setMinSize)}
}

func (t *setTable) mask() uint64 { return uint64(len(t.slots) - 1) }

// lookup returns the slot of the active entry equal to key, or -1, as
// set_lookkey does.
func (t *setTable) lookup(key starlark.Value, hash int64) (int, error) {
	mask := t.mask()
	i := uint64(hash) & mask
	perturb := uint64(hash)
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := i; j <= i+uint64(probes); j++ {
			entry := t.slots[j]
			if entry.unused() {
				return -1, nil
			}
			if entry.active() && entry.hash == hash {
				eq, err := cpythonEqual(entry.key, key)
				if err != nil {
					return -1, err
				}
				if eq {
					return int(j), nil
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// add inserts key unless an equal key is present, as set_add_entry
// does: a new key takes the last dummy slot passed on its probe path,
// or else the unused slot that ended it, and filling an unused slot
// past 60% resizes the table.
func (t *setTable) add(key starlark.Value, hash int64) error {
	mask := t.mask()
	i := uint64(hash) & mask
	perturb := uint64(hash)
	freeSlot := -1
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := i; j <= i+uint64(probes); j++ {
			entry := t.slots[j]
			if entry.unused() {
				t.store(int(j), freeSlot, key, hash)
				return nil
			}
			if entry.active() && entry.hash == hash {
				eq, err := cpythonEqual(entry.key, key)
				if err != nil || eq {
					return err
				}
			} else if entry.dummy() {
				freeSlot = int(j)
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// store places a new key in the dummy slot freeSlot or, when there is
// none, in the unused slot at index. Filling an unused slot resizes a
// table whose fill reaches 60%.
func (t *setTable) store(index, freeSlot int, key starlark.Value, hash int64) {
	t.used++
	if freeSlot >= 0 {
		t.slots[freeSlot] = setEntry{key, hash}
		return
	}
	t.fill++
	t.slots[index] = setEntry{key, hash}
	if uint64(t.fill)*5 >= t.mask()*3 {
		t.resize(t.growTarget())
	}
}

// growTarget returns the minimum used count that set_add_entry and
// set_difference_update_internal pass to set_table_resize.
func (t *setTable) growTarget() int {
	if t.used > 50000 {
		return t.used * 2
	}
	return t.used * 4
}

// resize moves the active entries, in slot order, into a new table of
// the smallest power of two above minUsed (at least 8), dropping the
// dummies, as set_table_resize does.
func (t *setTable) resize(minUsed int) {
	size := setMinSize
	for size <= minUsed {
		size <<= 1
	}
	if size == setMinSize && len(t.slots) == setMinSize && t.fill == t.used {
		return // CPython keeps a small table without dummies as it is
	}
	old := t.slots
	t.slots = make([]setEntry, size)
	t.fill = t.used
	for _, entry := range old {
		if entry.active() {
			insertClean(t.slots, entry.key, entry.hash)
		}
	}
}

// insertClean places a key known to be absent into a table without
// dummies, as set_insert_clean does.
func insertClean(slots []setEntry, key starlark.Value, hash int64) {
	mask := uint64(len(slots) - 1)
	i := uint64(hash) & mask
	perturb := uint64(hash)
	for {
		if slots[i].key == nil {
			slots[i] = setEntry{key, hash}
			return
		}
		if i+linearProbes <= mask {
			for j := i + 1; j <= i+linearProbes; j++ {
				if slots[j].key == nil {
					slots[j] = setEntry{key, hash}
					return
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// discard replaces the entry equal to key with a dummy and reports
// whether there was one. It never resizes.
func (t *setTable) discard(key starlark.Value, hash int64) (bool, error) {
	i, err := t.lookup(key, hash)
	if err != nil || i < 0 {
		return false, err
	}
	t.slots[i] = setEntry{nil, -1}
	t.used--
	return true, nil
}

// merge adds the entries of other, as set_merge does: it resizes once
// for the combined size, copies the slots when the tables match, and
// re-inserts in other's slot order otherwise.
func (t *setTable) merge(other *setTable) error {
	if other == t || other.used == 0 {
		return nil
	}
	if uint64(t.fill+other.used)*5 >= t.mask()*3 {
		t.resize((t.used + other.used) * 2)
	}
	if t.fill == 0 && len(t.slots) == len(other.slots) && other.fill == other.used {
		copy(t.slots, other.slots)
		t.fill, t.used = other.fill, other.used
		return nil
	}
	if t.fill == 0 {
		t.fill, t.used = other.used, other.used
		for _, entry := range other.slots {
			if entry.active() {
				insertClean(t.slots, entry.key, entry.hash)
			}
		}
		return nil
	}
	for _, entry := range other.slots {
		if entry.active() {
			if err := t.add(entry.key, entry.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

// reserve resizes before n more keys arrive from a dict, as
// set_update_internal does for an exact dict argument.
func (t *setTable) reserve(n int) {
	if uint64(t.fill+n)*5 >= t.mask()*3 {
		t.resize((t.used + n) * 2)
	}
}

// purgeDummies resizes away the dummies when more than a quarter of the
// slots hold them, as set_difference_update_internal does at its end.
func (t *setTable) purgeDummies() {
	if uint64(t.fill-t.used) <= t.mask()/4 {
		return
	}
	t.resize(t.growTarget())
}

// pop removes and returns the first active entry at or after the
// finger, wrapping around, as set_pop does. The table must not be
// empty.
func (t *setTable) pop() setEntry {
	mask := int(t.mask())
	i := t.finger & mask
	for !t.slots[i].active() {
		i++
		if i > mask {
			i = 0
		}
	}
	entry := t.slots[i]
	t.slots[i] = setEntry{nil, -1}
	t.used--
	t.finger = i + 1
	return entry
}

// clear empties the table to the minimum size, keeping the finger, as
// set_clear_internal does.
func (t *setTable) clear() {
	t.slots = make([]setEntry, setMinSize)
	t.fill, t.used = 0, 0
}
