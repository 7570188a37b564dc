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
