//go:build !noasm

#include "textflag.h"

// func reluGradSumAVX512(dz, grad, out *float32, sums *float64, n int)
//
// Writes dz = grad·(out > 0 ? 1 : 0) for n elements, n a multiple of 16,
// and adds each element of dz, widened to float64, to sums.
TEXT ·reluGradSumAVX512(SB), NOSPLIT, $0-40
	MOVQ dz+0(FP), DI
	MOVQ grad+8(FP), DX
	MOVQ out+16(FP), SI
	MOVQ sums+24(FP), R8
	MOVQ n+32(FP), CX
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
	VCVTPS2PD Y3, Z4
	VEXTRACTF32X8 $1, Z3, Y5
	VCVTPS2PD Y5, Z5
	VADDPD  (R8), Z4, Z4
	VMOVUPD Z4, (R8)
	VADDPD  64(R8), Z5, Z5
	VMOVUPD Z5, 64(R8)
	ADDQ $64, SI
	ADDQ $64, DX
	ADDQ $64, DI
	ADDQ $128, R8
	DECQ CX
	JNZ  loop
	VZEROUPPER
	RET

// func columnSumAVX512(grad *float32, sums *float64, n int)
//
// Adds n elements of grad, n a multiple of 16, widened to float64, to sums.
TEXT ·columnSumAVX512(SB), NOSPLIT, $0-24
	MOVQ grad+0(FP), DX
	MOVQ sums+8(FP), R8
	MOVQ n+16(FP), CX
	SHRQ $4, CX

loop:
	VCVTPS2PD (DX), Z4
	VCVTPS2PD 32(DX), Z5
	VADDPD  (R8), Z4, Z4
	VMOVUPD Z4, (R8)
	VADDPD  64(R8), Z5, Z5
	VMOVUPD Z5, 64(R8)
	ADDQ $64, DX
	ADDQ $128, R8
	DECQ CX
	JNZ  loop
	VZEROUPPER
	RET
