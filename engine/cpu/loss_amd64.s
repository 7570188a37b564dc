//go:build !noasm

#include "textflag.h"

// Register use of lossAVX512:
//   Z0-Z1  float64 partial sums
//   Z4     d = x - y        Z5  |d|
//   Z23    0.5              Z24 quadGrad
//   Z25    halfBeta         Z26 beta
//   Z27    0                Z28 -1       Z29 1
//   Z30    scale            Z31 0x7fffffff (clears the sign bit)

// PREFETCH_XY asks for x and y 4 KiB ahead. One core streaming from
// memory keeps too few misses in flight with the hardware prefetchers
// alone; this raised the bandwidth from 14.8 to 16.4 GB/s on one core
// and from 29 to 35 GB/s on two (BENCHMARKS.md machine).
#define PREFETCH_XY \
	PREFETCHT0 4096(SI) \
	PREFETCHT0 4096(DI)

// LOAD_D loads 16 elements of x and y and forms d and |d|.
#define LOAD_D \
	PREFETCH_XY \
	VMOVUPS (SI), Z4 \
	VSUBPS  (DI), Z4, Z4 \
	VANDPS  Z31, Z4, Z5

// SUM adds the 16 float32 values of r to the float64 sums.
#define SUM(r, ylow) \
	VCVTPS2PD    ylow, Z6 \
	VEXTRACTF32X8 $1, r, Y7 \
	VCVTPS2PD    Y7, Z7 \
	VADDPD       Z6, Z0, Z0 \
	VADDPD       Z7, Z1, Z1

// SIGN sets Z8 to sign(d): 1, -1, or d itself for 0, -0 and NaN.
#define SIGN \
	VMOVAPS Z4, Z8 \
	VCMPPS  $0x1e, Z27, Z4, K1 \
	VCMPPS  $0x11, Z27, Z4, K2 \
	VMOVAPS Z29, K1, Z8 \
	VMOVAPS Z28, K2, Z8

#define NEXT \
	ADDQ $64, SI \
	ADDQ $64, DI

// func lossAVX512(c *lossConsts, x, y, dx *float32, n int, nt int) float64
//
// Returns the float64 sum of the elementwise loss over n elements, n a
// multiple of 16, and writes the gradient to dx unless dx is nil. With
// nt not zero (R9), dx must be 64-byte aligned; it is written with
// non-temporal stores.
TEXT ·lossAVX512(SB), NOSPLIT, $0-56
	MOVQ c+0(FP), R8
	MOVQ x+8(FP), SI
	MOVQ y+16(FP), DI
	MOVQ dx+24(FP), DX
	MOVQ n+32(FP), CX
	MOVQ nt+40(FP), R9
	VPXORD Z0, Z0, Z0
	VPXORD Z1, Z1, Z1
	VPXORD Z27, Z27, Z27
	MOVL $0x7fffffff, AX
	VPBROADCASTD AX, Z31
	MOVL $0x3f800000, AX
	VPBROADCASTD AX, Z29
	MOVL $0xbf800000, AX
	VPBROADCASTD AX, Z28
	MOVL $0x3f000000, AX
	VPBROADCASTD AX, Z23
	VBROADCASTSS 4(R8), Z30
	VBROADCASTSS 8(R8), Z26
	VBROADCASTSS 12(R8), Z25
	VBROADCASTSS 16(R8), Z24
	SHRQ $4, CX
	JZ   done
	MOVBQZX (R8), AX
	CMPQ AX, $1
	JEQ  mse
	JGT  smooth
	TESTQ DX, DX
	JZ   l1sum

l1grad:
	LOAD_D
	SUM(Z5, Y5)
	SIGN
	VMULPS Z30, Z8, Z8
	TESTQ R9, R9
	JZ   l1st
	VMOVNTPS Z8, (DX)
	JMP  l1stdone
l1st:
	VMOVUPS Z8, (DX)
l1stdone:
	NEXT
	ADDQ $64, DX
	DECQ CX
	JNZ  l1grad
	JMP  done

l1sum:
	LOAD_D
	SUM(Z5, Y5)
	NEXT
	DECQ CX
	JNZ  l1sum
	JMP  done

mse:
	TESTQ DX, DX
	JZ   msesum

msegrad:
	LOAD_D
	VMULPS Z4, Z4, Z5
	SUM(Z5, Y5)
	VADDPS Z4, Z4, Z8
	VMULPS Z30, Z8, Z8
	TESTQ R9, R9
	JZ   msest
	VMOVNTPS Z8, (DX)
	JMP  msestdone
msest:
	VMOVUPS Z8, (DX)
msestdone:
	NEXT
	ADDQ $64, DX
	DECQ CX
	JNZ  msegrad
	JMP  done

msesum:
	LOAD_D
	VMULPS Z4, Z4, Z5
	SUM(Z5, Y5)
	NEXT
	DECQ CX
	JNZ  msesum
	JMP  done

// SMOOTH sets Z7 to the SmoothL1 values and K3 to the quadratic piece.
// op(reg) divides 0.5·d² by beta: VDIVPS by Z26, or, when beta is a
// power of two, VMULPS by its exact reciprocal in Z22, which rounds the
// same way and costs a fraction of a division.
#define SMOOTH(op, reg) \
	LOAD_D \
	VCMPPS  $0x11, Z26, Z5, K3 \
	VMULPS  Z5, Z5, Z6 \
	VMULPS  Z23, Z6, Z6 \
	op      reg, Z6, Z6 \
	VSUBPS  Z25, Z5, Z7 \
	VMOVAPS Z6, K3, Z7

// SMOOTH_GRAD stores the gradient of the SmoothL1 values in Z8.
#define SMOOTH_GRAD \
	SIGN \
	VADDPS  Z5, Z5, Z9 \
	VMULPS  Z24, Z9, Z9 \
	VMOVAPS Z30, Z10 \
	VMOVAPS Z9, K3, Z10 \
	VMULPS  Z8, Z10, Z8

smooth:
	VBROADCASTSS 20(R8), Z22
	CMPQ AX, $3
	JEQ  pow2
	TESTQ DX, DX
	JZ   smoothsum

smoothgrad:
	SMOOTH(VDIVPS, Z26)
	SUM(Z7, Y7)
	SMOOTH_GRAD
	TESTQ R9, R9
	JZ   smst
	VMOVNTPS Z8, (DX)
	JMP  smstdone
smst:
	VMOVUPS Z8, (DX)
smstdone:
	NEXT
	ADDQ $64, DX
	DECQ CX
	JNZ  smoothgrad
	JMP  done

smoothsum:
	SMOOTH(VDIVPS, Z26)
	SUM(Z7, Y7)
	NEXT
	DECQ CX
	JNZ  smoothsum
	JMP  done

pow2:
	TESTQ DX, DX
	JZ   pow2sum

pow2grad:
	SMOOTH(VMULPS, Z22)
	SUM(Z7, Y7)
	SMOOTH_GRAD
	TESTQ R9, R9
	JZ   p2st
	VMOVNTPS Z8, (DX)
	JMP  p2stdone
p2st:
	VMOVUPS Z8, (DX)
p2stdone:
	NEXT
	ADDQ $64, DX
	DECQ CX
	JNZ  pow2grad
	JMP  done

pow2sum:
	SMOOTH(VMULPS, Z22)
	SUM(Z7, Y7)
	NEXT
	DECQ CX
	JNZ  pow2sum

done:
	SFENCE
	VADDPD Z1, Z0, Z0
	VEXTRACTF64X4 $1, Z0, Y1
	VADDPD Y1, Y0, Y0
	VEXTRACTF128 $1, Y0, X1
	VADDPD X1, X0, X0
	VPERMILPD $1, X0, X1
	VADDSD X1, X0, X0
	VMOVSD X0, ret+48(FP)
	VZEROUPPER
	RET
