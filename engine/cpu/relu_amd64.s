//go:build !noasm

#include "textflag.h"

// func reluAVX512(dst, x *float32, n int)
//
// Writes max(x, 0) for n elements, n a multiple of 16. VMAXPS returns
// its second source operand (Z1, zero) when either is NaN or both are
// zero, so NaN and -0 give +0.
TEXT ·reluAVX512(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), CX
	SHRQ $4, CX
	VPXORD Z1, Z1, Z1

loop:
	VMOVUPS (SI), Z0
	VMAXPS  Z1, Z0, Z0
	VMOVUPS Z0, (DI)
	ADDQ $64, SI
	ADDQ $64, DI
	DECQ CX
	JNZ  loop
	VZEROUPPER
	RET

// func reluGradAVX512(dst, grad, x *float32, n int)
//
// Writes grad·(x > 0 ? 1 : 0) for n elements, n a multiple of 16.
TEXT ·reluGradAVX512(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ grad+8(FP), DX
	MOVQ x+16(FP), SI
	MOVQ n+24(FP), CX
	SHRQ $4, CX
	VPXORD Z1, Z1, Z1
	MOVL $0x3f800000, AX
	VPBROADCASTD AX, Z2

loop:
	VMOVUPS (SI), Z0
	VCMPPS  $0x1e, Z1, Z0, K1
	VPXORD  Z3, Z3, Z3
	VMOVAPS Z2, K1, Z3
	VMULPS  (DX), Z3, Z3
	VMOVUPS Z3, (DI)
	ADDQ $64, SI
	ADDQ $64, DX
	ADDQ $64, DI
	DECQ CX
	JNZ  loop
	VZEROUPPER
	RET

// func reluAVX2(dst, x *float32, n int)
//
// reluAVX512 for AVX2, n a multiple of 8.
TEXT ·reluAVX2(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), CX
	SHRQ $3, CX
	VXORPS Y1, Y1, Y1

loop:
	VMOVUPS (SI), Y0
	VMAXPS  Y1, Y0, Y0
	VMOVUPS Y0, (DI)
	ADDQ $32, SI
	ADDQ $32, DI
	DECQ CX
	JNZ  loop
	VZEROUPPER
	RET

// func reluGradAVX2(dst, grad, x *float32, n int)
//
// reluGradAVX512 for AVX2, n a multiple of 8.
TEXT ·reluGradAVX2(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ grad+8(FP), DX
	MOVQ x+16(FP), SI
	MOVQ n+24(FP), CX
	SHRQ $3, CX
	VXORPS Y1, Y1, Y1
	MOVL $0x3f800000, AX
	VMOVD AX, X2
	VPBROADCASTD X2, Y2

loop:
	VMOVUPS (SI), Y0
	VCMPPS  $0x1e, Y1, Y0, Y3
	VANDPS  Y2, Y3, Y3
	VMULPS  (DX), Y3, Y3
	VMOVUPS Y3, (DI)
	ADDQ $32, SI
	ADDQ $32, DX
	ADDQ $32, DI
	DECQ CX
	JNZ  loop
	VZEROUPPER
	RET
