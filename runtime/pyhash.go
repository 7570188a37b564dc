package runtime

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

// CPython 3.11's hash parameters on 64-bit builds (sys.hash_info):
// hashes of numbers are reduced modulo the Mersenne prime 2**61 - 1,
// and inf hashes to 314159.
const (
	hashBits     = 61
	hashModulus  = 1<<hashBits - 1
	hashInfinity = 314159
)

// hashNone is hash(None) in Debian's CPython 3.11.2, which derives it
// from the address of the None object. That binary is not built as a
// position-independent executable, so the address, and the hash, is the
// same in every run.
// NOTE: other CPython 3.11 builds give None another hash.
const hashNone = 612812

// The multipliers of CPython 3.11's xxHash-based tuple hash
// (Objects/tupleobject.c, 64-bit build).
const (
	xxPrime1 uint64 = 11400714785074694791
	xxPrime2 uint64 = 14029467366897019727
	xxPrime5 uint64 = 2870177450012600261
)

// cpythonHash returns hash(v) as CPython 3.11 computes it. fixed is
// false when CPython's value changes from one process to the next,
// because str and bytes hashes are salted per process and the hashes of
// NaN, instances and functions come from object addresses.
func cpythonHash(v starlark.Value) (hash int64, fixed bool) {
	switch x := v.(type) {
	case starlark.NoneType:
		return hashNone, true
	case starlark.Bool:
		if x {
			return 1, true
		}
		return 0, true
	case starlark.Int:
		return intHash(x), true
	case starlark.Float:
		return floatHash(float64(x))
	case starlark.Tuple:
		return tupleHash(x)
	case *pySet:
		return x.frozenHash()
	case *tensor.Tensor:
		if value, ok := numpyScalarValue(x); ok {
			return cpythonHash(value)
		}
	}
	return 0, false
}

// numpyScalarValue returns the Python value of a NumPy scalar, whose
// hash and equality are those of that value.
func numpyScalarValue(v starlark.Value) (starlark.Value, bool) {
	t, ok := v.(*tensor.Tensor)
	if !ok || t.Flavor != tensor.NumPy || !t.Scalar {
		return nil, false
	}
	return tensor.ElementValue(t.T, 0), true
}

// intHash returns CPython's hash of an int: |x| mod (2**61 - 1) with
// x's sign, and -2 in place of -1, which CPython reserves for errors.
func intHash(x starlark.Int) int64 {
	var h int64
	if n, ok := x.Int64(); ok && n > -hashModulus && n < hashModulus {
		h = n
	} else {
		m := new(big.Int).Abs(x.BigInt())
		m.Mod(m, big.NewInt(hashModulus))
		h = m.Int64()
		if x.Sign() < 0 {
			h = -h
		}
	}
	if h == -1 {
		return -2
	}
	return h
}

// floatHash returns CPython's hash of a float. A finite x is m * 2**e
// with an integer m, and because 2**61 is 1 modulo 2**61 - 1, its hash
// is |m| * 2**(e mod 61) mod (2**61 - 1), with x's sign. Integral
// floats therefore hash as the equal int. NaN has no fixed hash.
func floatHash(x float64) (int64, bool) {
	switch {
	case math.IsNaN(x):
		return 0, false
	case math.IsInf(x, 1):
		return hashInfinity, true
	case math.IsInf(x, -1):
		return -hashInfinity, true
	case x == 0:
		return 0, true
	}
	frac, exp := math.Frexp(math.Abs(x))
	mantissa := uint64(math.Ldexp(frac, 53))
	exp -= 53
	shift := ((exp % hashBits) + hashBits) % hashBits
	h := int64(mulMod(mantissa%hashModulus, uint64(1)<<shift))
	if x < 0 {
		h = -h
	}
	if h == -1 {
		return -2, true
	}
	return h, true
}

// mulMod returns a * b mod (2**61 - 1).
func mulMod(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	_, rem := bits.Div64(hi%hashModulus, lo, hashModulus)
	return rem
}

// tupleHash returns CPython 3.11's hash of a tuple, fixed only when the
// hashes of all its elements are.
func tupleHash(t starlark.Tuple) (int64, bool) {
	acc := xxPrime5
	for _, e := range t {
		lane, fixed := cpythonHash(e)
		if !fixed {
			return 0, false
		}
		acc += uint64(lane) * xxPrime2
		acc = bits.RotateLeft64(acc, 31)
		acc *= xxPrime1
	}
	acc += uint64(len(t)) ^ (xxPrime5 ^ 3527539)
	if acc == math.MaxUint64 {
		return 1546275796, true
	}
	return int64(acc), true
}

// cpythonEqual reports whether two values with fixed hashes are equal
// in Python, where True == 1 == 1.0 and a NumPy scalar equals its
// value.
func cpythonEqual(x, y starlark.Value) (bool, error) {
	if v, ok := numpyScalarValue(x); ok {
		x = v
	}
	if v, ok := numpyScalarValue(y); ok {
		y = v
	}
	if b, ok := x.(starlark.Bool); ok {
		x = boolInt(b)
	}
	if b, ok := y.(starlark.Bool); ok {
		y = boolInt(b)
	}
	xt, xIsTuple := x.(starlark.Tuple)
	yt, yIsTuple := y.(starlark.Tuple)
	if xIsTuple || yIsTuple {
		if !xIsTuple || !yIsTuple || len(xt) != len(yt) {
			return false, nil
		}
		for i := range xt {
			if eq, err := cpythonEqual(xt[i], yt[i]); err != nil || !eq {
				return false, err
			}
		}
		return true, nil
	}
	return starlark.Equal(x, y)
}

func boolInt(b starlark.Bool) starlark.Int {
	if b {
		return starlark.MakeInt(1)
	}
	return starlark.MakeInt(0)
}
