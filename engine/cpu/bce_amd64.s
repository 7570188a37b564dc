//go:build !noasm

#include "textflag.h"
#include "vmath_amd64.h"

// func bceAVX512(x, y, dx *float32, n int, scale float32, nt int) float64
//
// For n elements, n a multiple of 16, returns the float64 sum of
// l = -(y·log(x + eps) + (1 - y)·log((1 - x) + eps)), eps = 1e-12, and
// unless dx is nil writes dx = (-scale·y)/(x + eps) - (-scale·(1 - y))/((1 - x) + eps),
// with non-temporal stores when nt is not zero (dx 64-byte aligned).
// Z10 = eps, Z11 = 1, Z12 = -scale, Z13 = -0 (the sign bit, which also
// compares equal to 0 in LOG16).
TEXT ·bceAVX512(SB), NOSPLIT, $0-56
	MOVQ x+0(FP), SI
	MOVQ y+8(FP), DI
	MOVQ dx+16(FP), DX
	MOVQ n+24(FP), CX
	MOVQ nt+40(FP), R9
	SHRQ $4, CX
	LOG_CONSTS
	MOVL $0x2b8cbccc, AX
	VPBROADCASTD AX, Z10
	MOVL $0x3f800000, AX
	VPBROADCASTD AX, Z11
	VBROADCASTSS scale+32(FP), Z12
	MOVL $0x80000000, AX
	VPBROADCASTD AX, Z13
	VXORPS Z13, Z12, Z12
	VPXORD Z8, Z8, Z8
	VPXORD Z9, Z9, Z9
	TESTQ CX, CX
	JZ   done

loop:
	PREFETCHT0 4096(SI)
	PREFETCHT0 4096(DI)
	VMOVUPS (SI), Z0
	VMOVUPS (DI), Z1
	VADDPS  Z10, Z0, Z2
	VSUBPS  Z0, Z11, Z3
	VADDPS  Z10, Z3, Z3
	VMOVAPS Z2, Z0
	LOG16(Z4, Z0, Z5, Z6, Z7, Z13)
	VMOVAPS Z3, Z0
	LOG16(Z14, Z0, Z5, Z6, Z7, Z13)
	VSUBPS  Z1, Z11, Z15
	VMULPS  Z1, Z4, Z4
	VMULPS  Z15, Z14, Z14
	VADDPS  Z14, Z4, Z4
	VXORPS  Z13, Z4, Z4
	VCVTPS2PD Y4, Z5
	VEXTRACTF32X8 $1, Z4, Y6
	VCVTPS2PD Y6, Z6
	VADDPD  Z5, Z8, Z8
	VADDPD  Z6, Z9, Z9
	TESTQ DX, DX
	JZ   next
	VMULPS  Z12, Z1, Z1
	VDIVPS  Z2, Z1, Z1
	VMULPS  Z12, Z15, Z15
	VDIVPS  Z3, Z15, Z15
	VSUBPS  Z15, Z1, Z1
	TESTQ R9, R9
	JZ   store
	VMOVNTPS Z1, (DX)
	JMP  stored

store:
	VMOVUPS Z1, (DX)

stored:
	ADDQ $64, DX

next:
	ADDQ $64, SI
	ADDQ $64, DI
	DECQ CX
	JNZ  loop

done:
	SFENCE
	VADDPD Z9, Z8, Z8
	VEXTRACTF64X4 $1, Z8, Y9
	VADDPD Y9, Y8, Y8
	VEXTRACTF128 $1, Y8, X9
	VADDPD X9, X8, X8
	VPERMILPD $1, X8, X9
	VADDSD X9, X8, X8
	VMOVSD X8, ret+48(FP)
	VZEROUPPER
	RET
