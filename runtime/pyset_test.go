package runtime

import (
	"math"
	"math/big"
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

// bigInt returns base**exp + add as a Starlark int.
func bigInt(base, exp, add int64) starlark.Int {
	n := new(big.Int).Exp(big.NewInt(base), big.NewInt(exp), nil)
	return starlark.MakeBigInt(n.Add(n, big.NewInt(add)))
}

func frozenOf(t *testing.T, elems ...starlark.Value) *pySet {
	t.Helper()
	s := newFrozenSet()
	for _, e := range elems {
		if err := s.addValue(e); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// The wanted hashes were printed by Debian's CPython 3.11.2 on amd64.
func TestCPythonHash(t *testing.T) {
	one, two := starlark.MakeInt(1), starlark.MakeInt(2)
	cases := []struct {
		name  string
		value starlark.Value
		want  int64
	}{
		{"0", starlark.MakeInt(0), 0},
		{"-1", starlark.MakeInt(-1), -2},
		{"-2", starlark.MakeInt(-2), -2},
		{"2**61 - 2", bigInt(2, 61, -2), 2305843009213693950},
		{"2**61 - 1", bigInt(2, 61, -1), 0},
		{"2**61", bigInt(2, 61, 0), 1},
		{"-(2**61)", starlark.MakeBigInt(new(big.Int).Neg(bigInt(2, 61, 0).BigInt())), -2},
		{"2**64 + 3", bigInt(2, 64, 3), 11},
		{"-(10**30)", starlark.MakeBigInt(new(big.Int).Neg(bigInt(10, 30, 0).BigInt())), -465258685558744706},
		{"0.5", starlark.Float(0.5), 1152921504606846976},
		{"-0.5", starlark.Float(-0.5), -1152921504606846976},
		{"1.0", starlark.Float(1), 1},
		{"-0.0", starlark.Float(math.Copysign(0, -1)), 0},
		{"1e100", starlark.Float(1e100), 1822893315824342674},
		{"1e-300", starlark.Float(1e-300), 482449582752280463},
		{"5e-324", starlark.Float(5e-324), 16777216},
		{"-2.75", starlark.Float(-2.75), -1729382256910270466},
		{"inf", starlark.Float(math.Inf(1)), 314159},
		{"-inf", starlark.Float(math.Inf(-1)), -314159},
		{"2.0**70", starlark.Float(math.Pow(2, 70)), 512},
		{"0.1", starlark.Float(0.1), 230584300921369408},
		{"True", starlark.True, 1},
		{"False", starlark.False, 0},
		{"None", starlark.None, 612812},
		{"()", starlark.Tuple{}, 5740354900026072187},
		{"(1,)", starlark.Tuple{one}, -6644214454873602895},
		{"(1, 2)", starlark.Tuple{one, two}, -3550055125485641917},
		{"((1, 2), None, 0.5)", starlark.Tuple{starlark.Tuple{one, two}, starlark.None, starlark.Float(0.5)}, -2970428794295385189},
		{"(-1, -2)", starlark.Tuple{starlark.MakeInt(-1), starlark.MakeInt(-2)}, 960947337673586213},
		{"frozenset()", frozenOf(t), 133146708735736},
		{"frozenset([1, 2])", frozenOf(t, one, two), -1826646154956904602},
		{"frozenset([(1, 2), -1])", frozenOf(t, starlark.Tuple{one, two}, starlark.MakeInt(-1)), 324682432506898787},
	}
	for _, c := range cases {
		got, fixed := cpythonHash(c.value)
		if !fixed {
			t.Errorf("hash(%s): not fixed, want %d", c.name, c.want)
			continue
		}
		if got != c.want {
			t.Errorf("hash(%s) = %d, want %d", c.name, got, c.want)
		}
	}
}

func TestCPythonHashNotFixed(t *testing.T) {
	for _, v := range []starlark.Value{
		starlark.String("a"),
		starlark.Float(math.NaN()),
		starlark.Tuple{starlark.MakeInt(1), starlark.String("a")},
		newPySet(),
	} {
		if _, fixed := cpythonHash(v); fixed {
			t.Errorf("hash(%s) is fixed, want salted or unhashable", v)
		}
	}
}

func TestSetStringsKeepInsertionOrder(t *testing.T) {
	s := newPySet()
	for _, v := range []starlark.Value{starlark.String("b"), starlark.MakeInt(9), starlark.String("a"), starlark.MakeInt(1)} {
		if err := s.addValue(v); err != nil {
			t.Fatal(err)
		}
	}
	// 9 and 1 share slot 1 of 8, so 1 probes on to slot 2, as in CPython.
	if got, want := s.String(), "{9, 1, 'b', 'a'}"; got != want {
		t.Errorf("set = %s, want %s", got, want)
	}
}

func TestSetUnhashableElement(t *testing.T) {
	s := newPySet()
	err := s.addValue(starlark.NewList(nil))
	if err == nil || !strings.HasSuffix(err.Error(), "unhashable type: 'list'") {
		t.Errorf("add([]) error = %v, want unhashable type: 'list'", err)
	}
	if s.Len() != 0 {
		t.Errorf("len = %d after a failed add, want 0", s.Len())
	}
}

func TestSetTableGrowth(t *testing.T) {
	s := newPySet()
	for i := 0; i < 5; i++ {
		if err := s.addValue(starlark.MakeInt(i)); err != nil {
			t.Fatal(err)
		}
	}
	// The fifth key fills 5 of 8 slots (5*5 >= 7*3), so the table grows
	// to hold used*4 = 20 keys: 32 slots.
	if got := len(s.table.slots); got != 32 {
		t.Errorf("table size = %d after 5 adds, want 32", got)
	}
	removed, err := s.discardItem(setItem{starlark.MakeInt(3), 3, true})
	if err != nil || !removed {
		t.Fatalf("discard(3) = %v, %v", removed, err)
	}
	if s.table.fill != 5 || s.table.used != 4 {
		t.Errorf("fill, used = %d, %d after a discard, want 5, 4 (a dummy stays)", s.table.fill, s.table.used)
	}
}
