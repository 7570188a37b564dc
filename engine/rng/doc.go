// Package rng reproduces the random streams of NumPy's legacy
// numpy.random.RandomState (NumPy 1.24) and of CPython's random.Random
// (CPython 3.11), so that a script seeded the same way draws the same numbers.
//
// MT19937 is the shared Mersenne Twister core. NumPy wraps it with the legacy
// distributions (polar-method Gaussian, masked-rejection integers,
// Fisher-Yates shuffles), and Python wraps it with CPython's getrandbits-based
// integer draws and its own Gaussian methods.
//
// Every draw that uses only the generator and IEEE arithmetic (uniform
// floats, integers, shuffles, permutations) is bit-for-bit equal to NumPy's
// and CPython's. Draws that pass through log, sin or cos (Gaussian and
// exponential variates) use correctly rounded versions of those functions,
// because Go's math.Log, math.Sin and math.Cos differ from glibc's for 7% to
// 27% of uniform inputs.
//
// NOTE: NumPy and CPython call the platform's libm. On Debian 12 (glibc 2.36,
// x86-64) that libm misrounds about 0.08% of log inputs in (0, 1] and 0.14%
// of sin and cos inputs in [0, 2pi). A Gaussian or exponential draw made from
// such an input usually differs from NumPy's or CPython's in the last bit.
// That happened for about 0.07% of NumPy's and 0.2% of CPython's Gaussian
// draws in the reference streams, and the test data lists every such draw.
package rng
