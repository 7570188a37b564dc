package pyobj

import (
	"slices"
	"strings"
)

// linearize computes the C3 linearisation of a class with the given
// bases: the class, then the merge of each base's MRO and of the base
// list itself. The merge repeatedly takes the first head that appears in
// no tail, which keeps every base before its own bases and keeps the
// declared order of the bases.
func linearize(c *Class, bases []*Class) ([]*Class, error) {
	seqs := make([][]*Class, 0, len(bases)+1)
	for _, base := range bases {
		seqs = append(seqs, slices.Clone(base.mro))
	}
	seqs = append(seqs, slices.Clone(bases))

	mro := []*Class{c}
	for {
		seqs = slices.DeleteFunc(seqs, func(s []*Class) bool { return len(s) == 0 })
		if len(seqs) == 0 {
			return mro, nil
		}
		head := mergeHead(seqs)
		if head == nil {
			return nil, mroError(seqs)
		}
		mro = append(mro, head)
		for i, s := range seqs {
			if s[0] == head {
				seqs[i] = s[1:]
			}
		}
	}
}

// mergeHead returns the first head of seqs that is in no tail, or nil.
func mergeHead(seqs [][]*Class) *Class {
	for _, s := range seqs {
		candidate := s[0]
		inTail := false
		for _, other := range seqs {
			if slices.Contains(other[1:], candidate) {
				inTail = true
				break
			}
		}
		if !inTail {
			return candidate
		}
	}
	return nil
}

// mroError names the heads left when the merge fails, as CPython does.
func mroError(seqs [][]*Class) error {
	var names []string
	seen := map[*Class]bool{}
	for _, s := range seqs {
		if !seen[s[0]] {
			seen[s[0]] = true
			names = append(names, s[0].name)
		}
	}
	return TypeErrorf("Cannot create a consistent method resolution order (MRO) for bases %s",
		strings.Join(names, ", "))
}

// solidBase returns the nearest native class other than Object on the
// MRO of c, or Object. Native classes keep their state in Instance.Native,
// so one instance can serve only one chain of them.
func solidBase(c *Class) *Class {
	for _, k := range c.mro {
		if k.native && k != Object {
			return k
		}
	}
	return Object
}

// checkLayout rejects bases whose native classes are unrelated, as
// CPython rejects bases with conflicting instance layouts.
func checkLayout(bases []*Class) error {
	var winner *Class
	for _, base := range bases {
		solid := solidBase(base)
		switch {
		case winner == nil || winner.isSubclassOf(solid):
			if winner == nil {
				winner = solid
			}
		case solid.isSubclassOf(winner):
			winner = solid
		default:
			return TypeErrorf("multiple bases have instance lay-out conflict: %s and %s are unrelated native classes", winner.name, solid.name)
		}
	}
	return nil
}
