// Vectorised float32 exp and log for AVX-512, as macros that kernels
// expand inline. The polynomials are Cephes' expf and logf (Stephen L.
// Moshier, Cephes Math Library 2.2). The range reduction uses VSCALEFPS,
// VGETEXPPS and VGETMANTPS, which handle overflow, underflow and
// subnormals. vmath_test.go measures the error against float64
// math.Exp and math.Log rounded to float32.
//
// Min and max return their second source, the first operand in Go
// syntax, when either operand is NaN; the clamps put the argument there
// so that NaN propagates.

// EXP_CONSTS loads the constants of EXP16 into Z16-Z27, using AX:
// the clamp bounds -104 and 89 (exp is 0 and +Inf past them), log2(e),
// ln 2 split in a high and a low part, and the polynomial.
#define EXP_CONSTS \
	MOVL $0xc2d00000, AX; VPBROADCASTD AX, Z16; \
	MOVL $0x42b20000, AX; VPBROADCASTD AX, Z17; \
	MOVL $0x3fb8aa3b, AX; VPBROADCASTD AX, Z18; \
	MOVL $0x3f318000, AX; VPBROADCASTD AX, Z19; \
	MOVL $0xb95e8083, AX; VPBROADCASTD AX, Z20; \
	MOVL $0x39506967, AX; VPBROADCASTD AX, Z21; \
	MOVL $0x3ab743ce, AX; VPBROADCASTD AX, Z22; \
	MOVL $0x3c088908, AX; VPBROADCASTD AX, Z23; \
	MOVL $0x3d2aa9c1, AX; VPBROADCASTD AX, Z24; \
	MOVL $0x3e2aaaaa, AX; VPBROADCASTD AX, Z25; \
	MOVL $0x3f000000, AX; VPBROADCASTD AX, Z26; \
	MOVL $0x3f800000, AX; VPBROADCASTD AX, Z27

// EXP16 sets r to exp(r), using n, p and z as temporaries:
// n = round(r·log2 e), r -= n·ln 2, and exp = (P(r)·r² + r + 1)·2^n.
#define EXP16(r, n, p, z) \
	VMAXPS       r, Z16, r; \
	VMINPS       r, Z17, r; \
	VMULPS       Z18, r, n; \
	VRNDSCALEPS  $0, n, n; \
	VFNMADD231PS Z19, n, r; \
	VFNMADD231PS Z20, n, r; \
	VMOVAPS      Z21, p; \
	VFMADD213PS  Z22, r, p; \
	VFMADD213PS  Z23, r, p; \
	VFMADD213PS  Z24, r, p; \
	VFMADD213PS  Z25, r, p; \
	VFMADD213PS  Z26, r, p; \
	VMULPS       r, r, z; \
	VFMADD213PS  r, z, p; \
	VADDPS       Z27, p, p; \
	VSCALEFPS    n, p, r

// LOG_CONSTS loads the constants of LOG16 into Z16-Z31, using AX:
// sqrt(2), 0.5, 1, ln 2 split in a low and a high part, the nine
// polynomial coefficients, -0.5 and -Inf.
#define LOG_CONSTS \
	MOVL $0x3fb504f3, AX; VPBROADCASTD AX, Z16; \
	MOVL $0x3f000000, AX; VPBROADCASTD AX, Z17; \
	MOVL $0x3f800000, AX; VPBROADCASTD AX, Z18; \
	MOVL $0xb95e8083, AX; VPBROADCASTD AX, Z19; \
	MOVL $0x3f318000, AX; VPBROADCASTD AX, Z20; \
	MOVL $0x3d9021bb, AX; VPBROADCASTD AX, Z21; \
	MOVL $0xbdebd1b8, AX; VPBROADCASTD AX, Z22; \
	MOVL $0x3def251a, AX; VPBROADCASTD AX, Z23; \
	MOVL $0xbdfe5d4f, AX; VPBROADCASTD AX, Z24; \
	MOVL $0x3e11e9bf, AX; VPBROADCASTD AX, Z25; \
	MOVL $0xbe2aae50, AX; VPBROADCASTD AX, Z26; \
	MOVL $0x3e4cceac, AX; VPBROADCASTD AX, Z27; \
	MOVL $0xbe7ffffc, AX; VPBROADCASTD AX, Z28; \
	MOVL $0x3eaaaaaa, AX; VPBROADCASTD AX, Z29; \
	MOVL $0xbf000000, AX; VPBROADCASTD AX, Z30; \
	MOVL $0xff800000, AX; VPBROADCASTD AX, Z31

// LOG16 sets r to log(x), clobbering x and using e, p, z and zero (which
// must hold 0) as temporaries, and K5-K7. x = m·2^e with m in
// [sqrt(1/2), sqrt(2)), f = m - 1 and log = f - f²/2 + f³·P(f) + e·ln 2.
// VGETMANTPS with sign control 2 gives NaN for negative x; x = 0 and
// x = +Inf get -Inf and +Inf (the square of -Inf) through the fix-ups
// at the end.
#define LOG16(r, x, e, p, z, zero) \
	VCMPPS       $0, zero, x, K7; \
	VFPCLASSPSZ  $0x08, x, K5; \
	VGETEXPPS    x, e; \
	VGETMANTPS   $8, x, x; \
	VCMPPS       $0x1e, Z16, x, K6; \
	VMULPS       Z17, x, K6, x; \
	VADDPS       Z18, e, K6, e; \
	VSUBPS       Z18, x, x; \
	VMULPS       x, x, z; \
	VMOVAPS      Z21, p; \
	VFMADD213PS  Z22, x, p; \
	VFMADD213PS  Z23, x, p; \
	VFMADD213PS  Z24, x, p; \
	VFMADD213PS  Z25, x, p; \
	VFMADD213PS  Z26, x, p; \
	VFMADD213PS  Z27, x, p; \
	VFMADD213PS  Z28, x, p; \
	VFMADD213PS  Z29, x, p; \
	VMULPS       x, p, p; \
	VMULPS       z, p, p; \
	VFMADD231PS  Z19, e, p; \
	VFMADD231PS  Z30, z, p; \
	VADDPS       p, x, r; \
	VFMADD231PS  Z20, e, r; \
	VMOVAPS      Z31, K7, r; \
	VMULPS       Z31, Z31, K5, r
