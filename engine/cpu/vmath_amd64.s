//go:build !noasm

#include "textflag.h"
#include "vmath_amd64.h"

// func expAVX512(dst, x *float32, n int)
//
// Writes exp(x) for n elements, n a multiple of 16.
TEXT ·expAVX512(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), CX
	SHRQ $4, CX
	EXP_CONSTS

loop:
	VMOVUPS (SI), Z0
	EXP16(Z0, Z1, Z2, Z3)
	VMOVUPS Z0, (DI)
	ADDQ $64, SI
	ADDQ $64, DI
	DECQ CX
	JNZ  loop
	VZEROUPPER
	RET

// func logAVX512(dst, x *float32, n int)
//
// Writes log(x) for n elements, n a multiple of 16.
TEXT ·logAVX512(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), CX
	SHRQ $4, CX
	LOG_CONSTS
	VPXORD Z15, Z15, Z15

loop:
	VMOVUPS (SI), Z0
	LOG16(Z1, Z0, Z2, Z3, Z4, Z15)
	VMOVUPS Z1, (DI)
	ADDQ $64, SI
	ADDQ $64, DI
	DECQ CX
	JNZ  loop
	VZEROUPPER
	RET

// func sigmoidAVX512(dst, x *float32, n int)
//
// Writes 1/(1 + exp(-x)) for n elements, n a multiple of 16, from
// e = exp(-|x|) <= 1 as 1/(1 + e) for x >= 0 and e/(1 + e) below, so
// that neither form overflows. Z27 (from EXP_CONSTS) is 1 and Z8 holds
// the sign bit.
TEXT ·sigmoidAVX512(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), CX
	SHRQ $4, CX
	EXP_CONSTS
	MOVL $0x80000000, AX
	VPBROADCASTD AX, Z8
	VPXORD Z9, Z9, Z9

loop:
	VMOVUPS (SI), Z0
	VORPS   Z8, Z0, Z4
	EXP16(Z4, Z1, Z2, Z3)
	VADDPS  Z27, Z4, Z5
	VCMPPS  $0x1d, Z9, Z0, K1
	VMOVAPS Z4, Z6
	VMOVAPS Z27, K1, Z6
	VDIVPS  Z5, Z6, Z6
	VMOVUPS Z6, (DI)
	ADDQ $64, SI
	ADDQ $64, DI
	DECQ CX
	JNZ  loop
	VZEROUPPER
	RET

// func tanhAVX512(dst, x *float32, n int)
//
// Writes tanh(x) for n elements, n a multiple of 16, as Cephes' tanhf:
// x + x·s·P(s) with s = x² where |x| < 0.625, and 1 - 2/(exp(2|x|) + 1)
// with x's sign elsewhere. Z27 (from EXP_CONSTS) is 1.
TEXT ·tanhAVX512(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), CX
	SHRQ $4, CX
	EXP_CONSTS
	MOVL $0x80000000, AX
	VPBROADCASTD AX, Z8
	MOVL $0x3f200000, AX
	VPBROADCASTD AX, Z9
	MOVL $0x40000000, AX
	VPBROADCASTD AX, Z10
	MOVL $0xbbbaf0ea, AX
	VPBROADCASTD AX, Z11
	MOVL $0x3ca9134e, AX
	VPBROADCASTD AX, Z12
	MOVL $0xbd5c1e2d, AX
	VPBROADCASTD AX, Z13
	MOVL $0x3e088393, AX
	VPBROADCASTD AX, Z14
	MOVL $0xbeaaaa99, AX
	VPBROADCASTD AX, Z15

loop:
	VMOVUPS (SI), Z0
	VANDNPS Z0, Z8, Z1
	VMULPS  Z10, Z1, Z4
	EXP16(Z4, Z2, Z3, Z5)
	VADDPS  Z27, Z4, Z4
	VDIVPS  Z4, Z10, Z4
	VSUBPS  Z4, Z27, Z4
	VANDPS  Z8, Z0, Z5
	VORPS   Z5, Z4, Z4
	VMULPS  Z0, Z0, Z2
	VMOVAPS Z11, Z3
	VFMADD213PS Z12, Z2, Z3
	VFMADD213PS Z13, Z2, Z3
	VFMADD213PS Z14, Z2, Z3
	VFMADD213PS Z15, Z2, Z3
	VMULPS  Z2, Z3, Z3
	VMULPS  Z0, Z3, Z3
	VADDPS  Z0, Z3, Z3
	VCMPPS  $0x11, Z9, Z1, K1
	VMOVAPS Z3, K1, Z4
	VMOVUPS Z4, (DI)
	ADDQ $64, SI
	ADDQ $64, DI
	DECQ CX
	JNZ  loop
	VZEROUPPER
	RET
