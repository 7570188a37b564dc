//go:build !noasm

#include "textflag.h"

// TAIL_MASK sets K1 to the low CX%16 lanes, using AX and BX.
#define TAIL_MASK \
	MOVQ CX, BX; \
	ANDQ $15, BX; \
	MOVL $1, AX; \
	SHLXL BX, AX, AX; \
	DECL AX; \
	KMOVW AX, K1

// SUM16(v, acc0, acc1) adds the 16 float32 lanes of v to two float64
// accumulators, using Z14 and Z15.
#define SUM16(v, vy, acc0, acc1) \
	VCVTPS2PD vy, Z14; \
	VEXTRACTF32X8 $1, v, Y15; \
	VCVTPS2PD Y15, Z15; \
	VADDPD Z14, acc0, acc0; \
	VADDPD Z15, acc1, acc1

// HSUM(acc0, acc1, x) sets the low lane of x to the sum of the 16
// float64 lanes of acc0 and acc1, clobbering them.
#define HSUM(acc0, acc1, accy0, accy1, accx0, accx1) \
	VADDPD acc1, acc0, acc0; \
	VEXTRACTF64X4 $1, acc0, accy1; \
	VADDPD accy1, accy0, accy0; \
	VEXTRACTF128 $1, accy0, accx1; \
	VADDPD accx1, accx0, accx0; \
	VPERMILPD $1, accx0, accx1; \
	VADDSD accx1, accx0, accx0

// func dot3AVX512(x1, x2 *float32, n int) (dot, s1, s2 float64)
//
// Returns the float64 sums of the float32 products x1·x2, x1·x1 and
// x2·x2 over n elements.
TEXT ·dot3AVX512(SB), NOSPLIT, $0-48
	MOVQ x1+0(FP), SI
	MOVQ x2+8(FP), DI
	MOVQ n+16(FP), CX
	VPXORD Z2, Z2, Z2
	VPXORD Z3, Z3, Z3
	VPXORD Z4, Z4, Z4
	VPXORD Z5, Z5, Z5
	VPXORD Z6, Z6, Z6
	VPXORD Z7, Z7, Z7
	MOVQ CX, DX
	SHRQ $4, DX
	JZ   tail

loop:
	PREFETCHT0 4096(SI)
	PREFETCHT0 4096(DI)
	VMOVUPS (SI), Z0
	VMOVUPS (DI), Z1
	VMULPS  Z1, Z0, Z8
	SUM16(Z8, Y8, Z2, Z3)
	VMULPS  Z0, Z0, Z8
	SUM16(Z8, Y8, Z4, Z5)
	VMULPS  Z1, Z1, Z8
	SUM16(Z8, Y8, Z6, Z7)
	ADDQ $64, SI
	ADDQ $64, DI
	DECQ DX
	JNZ  loop

tail:
	TAIL_MASK
	KORTESTW K1, K1
	JZ   reduce
	VMOVUPS.Z (SI), K1, Z0
	VMOVUPS.Z (DI), K1, Z1
	VMULPS  Z1, Z0, Z8
	SUM16(Z8, Y8, Z2, Z3)
	VMULPS  Z0, Z0, Z8
	SUM16(Z8, Y8, Z4, Z5)
	VMULPS  Z1, Z1, Z8
	SUM16(Z8, Y8, Z6, Z7)

reduce:
	HSUM(Z2, Z3, Y2, Y3, X2, X3)
	HSUM(Z4, Z5, Y4, Y5, X4, X5)
	HSUM(Z6, Z7, Y6, Y7, X6, X7)
	VMOVSD X2, dot+24(FP)
	VMOVSD X4, s1+32(FP)
	VMOVSD X6, s2+40(FP)
	VZEROUPPER
	RET

// func cosGradAVX512(dx1, dx2, x1, x2 *float32, n int, c *[3]float32)
//
// Writes dx1 = gdot·x2 + gs1·(2·x1) and dx2 = gdot·x1 + gs2·(2·x2) for
// n elements, c = {gdot, gs1, gs2}, skipping dx1 or dx2 when it is nil.
// Each product and sum is rounded separately (no FMA), as the engine's
// unfused ops round them.
TEXT ·cosGradAVX512(SB), NOSPLIT, $0-48
	MOVQ dx1+0(FP), R8
	MOVQ dx2+8(FP), R9
	MOVQ x1+16(FP), SI
	MOVQ x2+24(FP), DI
	MOVQ n+32(FP), CX
	MOVQ c+40(FP), AX
	VBROADCASTSS 0(AX), Z10
	VBROADCASTSS 4(AX), Z11
	VBROADCASTSS 8(AX), Z12
	MOVQ CX, DX
	SHRQ $4, DX
	JZ   tail

loop:
	VMOVUPS (SI), Z0
	VMOVUPS (DI), Z1
	TESTQ R8, R8
	JZ   skip1
	VMULPS  Z10, Z1, Z2
	VADDPS  Z0, Z0, Z3
	VMULPS  Z11, Z3, Z3
	VADDPS  Z3, Z2, Z2
	VMOVUPS Z2, (R8)
	ADDQ $64, R8

skip1:
	TESTQ R9, R9
	JZ   skip2
	VMULPS  Z10, Z0, Z2
	VADDPS  Z1, Z1, Z3
	VMULPS  Z12, Z3, Z3
	VADDPS  Z3, Z2, Z2
	VMOVUPS Z2, (R9)
	ADDQ $64, R9

skip2:
	ADDQ $64, SI
	ADDQ $64, DI
	DECQ DX
	JNZ  loop

tail:
	TAIL_MASK
	KORTESTW K1, K1
	JZ   done
	VMOVUPS.Z (SI), K1, Z0
	VMOVUPS.Z (DI), K1, Z1
	TESTQ R8, R8
	JZ   tail2
	VMULPS  Z10, Z1, Z2
	VADDPS  Z0, Z0, Z3
	VMULPS  Z11, Z3, Z3
	VADDPS  Z3, Z2, Z2
	VMOVUPS Z2, K1, (R8)

tail2:
	TESTQ R9, R9
	JZ   done
	VMULPS  Z10, Z0, Z2
	VADDPS  Z1, Z1, Z3
	VMULPS  Z12, Z3, Z3
	VADDPS  Z3, Z2, Z2
	VMOVUPS Z2, K1, (R9)

done:
	VZEROUPPER
	RET
