//go:build !noasm

#include "textflag.h"
#include "vmath_amd64.h"

// TAIL_MASK sets K1 to the low CX%16 lanes, using AX and BX.
#define TAIL_MASK \
	MOVQ CX, BX; \
	ANDQ $15, BX; \
	MOVL $1, AX; \
	SHLXL BX, AX, AX; \
	DECL AX; \
	KMOVW AX, K1

// func rowMaxAVX512(x *float32, n int) (m float32, nan bool)
//
// Returns the maximum of n >= 1 elements and whether any is NaN.
TEXT ·rowMaxAVX512(SB), NOSPLIT, $0-21
	MOVQ x+0(FP), SI
	MOVQ n+8(FP), CX
	MOVL $0xff800000, AX
	VPBROADCASTD AX, Z0
	KXORW K3, K3, K3
	MOVQ CX, DX
	SHRQ $4, DX
	JZ   tail

loop:
	PREFETCHT0 4096(SI)
	VMOVUPS (SI), Z1
	VCMPPS  $3, Z1, Z1, K2
	KORW    K2, K3, K3
	VMAXPS  Z1, Z0, Z0
	ADDQ $64, SI
	DECQ DX
	JNZ  loop

tail:
	TAIL_MASK
	KORTESTW K1, K1
	JZ   reduce
	VMOVAPS Z0, Z1
	VMOVUPS (SI), K1, Z1
	VCMPPS  $3, Z1, Z1, K2
	KORW    K2, K3, K3
	VMAXPS  Z1, Z0, Z0

reduce:
	VEXTRACTF32X8 $1, Z0, Y1
	VMAXPS Y1, Y0, Y0
	VEXTRACTF128 $1, Y0, X1
	VMAXPS X1, X0, X0
	VPERMILPS $0x4e, X0, X1
	VMAXPS X1, X0, X0
	VPERMILPS $0xb1, X0, X1
	VMAXPS X1, X0, X0
	VMOVSS X0, m+16(FP)
	KMOVW K3, AX
	TESTL AX, AX
	SETNE nan+20(FP)
	VZEROUPPER
	RET

// func expSumAVX512(dst, x *float32, n int, shift float32) float64
//
// Computes e = exp(x - shift) for n elements, stores e in dst unless dst
// is nil, and returns the sum of e accumulated in float64.
TEXT ·expSumAVX512(SB), NOSPLIT, $0-40
	MOVQ dst+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), CX
	VBROADCASTSS shift+24(FP), Z15
	EXP_CONSTS
	VPXORD Z8, Z8, Z8
	VPXORD Z9, Z9, Z9
	MOVQ CX, DX
	SHRQ $4, DX
	JZ   tail

loop:
	VMOVUPS (SI), Z0
	VSUBPS  Z15, Z0, Z0
	EXP16(Z0, Z1, Z2, Z3)
	TESTQ DI, DI
	JZ   nostore
	VMOVUPS Z0, (DI)
	ADDQ $64, DI

nostore:
	VCVTPS2PD Y0, Z4
	VEXTRACTF32X8 $1, Z0, Y5
	VCVTPS2PD Y5, Z5
	VADDPD Z4, Z8, Z8
	VADDPD Z5, Z9, Z9
	ADDQ $64, SI
	DECQ DX
	JNZ  loop

tail:
	TAIL_MASK
	KORTESTW K1, K1
	JZ   reduce
	VMOVUPS.Z (SI), K1, Z0
	VSUBPS  Z15, Z0, Z0
	EXP16(Z0, Z1, Z2, Z3)
	VMOVAPS.Z Z0, K1, Z0
	TESTQ DI, DI
	JZ   tailsum
	VMOVUPS Z0, K1, (DI)

tailsum:
	VCVTPS2PD Y0, Z4
	VEXTRACTF32X8 $1, Z0, Y5
	VCVTPS2PD Y5, Z5
	VADDPD Z4, Z8, Z8
	VADDPD Z5, Z9, Z9

reduce:
	VADDPD Z9, Z8, Z8
	VEXTRACTF64X4 $1, Z8, Y9
	VADDPD Y9, Y8, Y8
	VEXTRACTF128 $1, Y8, X9
	VADDPD X9, X8, X8
	VPERMILPD $1, X8, X9
	VADDSD X9, X8, X8
	VMOVSD X8, ret+32(FP)
	VZEROUPPER
	RET

// func scale2AVX512(dst, x *float32, n int, a, b float32)
//
// Writes (x·a)·b for n elements.
TEXT ·scale2AVX512(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), CX
	VBROADCASTSS a+24(FP), Z14
	VBROADCASTSS b+28(FP), Z15
	MOVQ CX, DX
	SHRQ $4, DX
	JZ   tail

loop:
	VMULPS  (SI), Z14, Z0
	VMULPS  Z15, Z0, Z0
	VMOVUPS Z0, (DI)
	ADDQ $64, SI
	ADDQ $64, DI
	DECQ DX
	JNZ  loop

tail:
	TAIL_MASK
	KORTESTW K1, K1
	JZ   done
	VMOVUPS.Z (SI), K1, Z0
	VMULPS  Z14, Z0, Z0
	VMULPS  Z15, Z0, Z0
	VMOVUPS Z0, K1, (DI)

done:
	VZEROUPPER
	RET
