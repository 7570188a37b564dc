//go:build !noasm

#include "textflag.h"

// Register use of lossAVX2:
//   Y0-Y1  float64 partial sums
//   Y2     d = x - y        Y3  |d|
//   Y9     0.5              Y10 quadGrad     Y11 halfBeta
//   Y12    beta             Y13 -scale, or the sign bit in SmoothL1
//   Y14    scale            Y15 0x7fffffff (clears the sign bit)

#define LOAD_D2 \
	PREFETCHT0 4096(SI); \
	PREFETCHT0 4096(DI); \
	VMOVUPS (SI), Y2; \
	VSUBPS  (DI), Y2, Y2; \
	VANDPS  Y15, Y2, Y3

// SUM8 adds the 8 float32 values of r to the float64 sums.
#define SUM8(r, rx) \
	VCVTPS2PD    rx, Y4; \
	VEXTRACTF128 $1, r, X5; \
	VCVTPS2PD    X5, Y5; \
	VADDPD       Y4, Y0, Y0; \
	VADDPD       Y5, Y1, Y1

// SIGNED sets Y6 to mag where d > 0, -mag (neg) where d < 0 and mag·d
// elsewhere (0, -0 and NaN), which is mag·sign(d).
#define SIGNED(mag, neg) \
	VMULPS    mag, Y2, Y6; \
	VXORPS    Y7, Y7, Y7; \
	VCMPPS    $0x1e, Y7, Y2, Y8; \
	VBLENDVPS Y8, mag, Y6, Y6; \
	VCMPPS    $0x11, Y7, Y2, Y8; \
	VBLENDVPS Y8, neg, Y6, Y6

// func lossAVX2(c *lossConsts, x, y, dx *float32, n int, nt int) float64
//
// lossAVX512 for AVX2: n is a multiple of 8, and with nt not zero dx
// must be 32-byte aligned.
TEXT ·lossAVX2(SB), NOSPLIT, $0-56
	MOVQ c+0(FP), R8
	MOVQ x+8(FP), SI
	MOVQ y+16(FP), DI
	MOVQ dx+24(FP), DX
	MOVQ n+32(FP), CX
	MOVQ nt+40(FP), R9
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	MOVL $0x7fffffff, AX
	VMOVD AX, X15
	VPBROADCASTD X15, Y15
	MOVL $0x3f000000, AX
	VMOVD AX, X9
	VPBROADCASTD X9, Y9
	VBROADCASTSS 4(R8), Y14
	VBROADCASTSS 8(R8), Y12
	VBROADCASTSS 12(R8), Y11
	VBROADCASTSS 16(R8), Y10
	MOVL $0x80000000, AX
	VMOVD AX, X13
	VPBROADCASTD X13, Y13
	SHRQ $3, CX
	JZ   done
	MOVBQZX (R8), AX
	CMPQ AX, $1
	JEQ  mse
	JGT  smooth
	VXORPS Y13, Y14, Y13
	TESTQ DX, DX
	JZ   l1sum

l1grad:
	LOAD_D2
	SUM8(Y3, X3)
	SIGNED(Y14, Y13)
	TESTQ R9, R9
	JZ   l1st
	VMOVNTPS Y6, (DX)
	JMP  l1next

l1st:
	VMOVUPS Y6, (DX)

l1next:
	ADDQ $32, SI
	ADDQ $32, DI
	ADDQ $32, DX
	DECQ CX
	JNZ  l1grad
	JMP  done

l1sum:
	LOAD_D2
	SUM8(Y3, X3)
	ADDQ $32, SI
	ADDQ $32, DI
	DECQ CX
	JNZ  l1sum
	JMP  done

mse:
	TESTQ DX, DX
	JZ   msesum

msegrad:
	LOAD_D2
	VMULPS Y2, Y2, Y3
	SUM8(Y3, X3)
	VADDPS Y2, Y2, Y6
	VMULPS Y14, Y6, Y6
	TESTQ R9, R9
	JZ   msest
	VMOVNTPS Y6, (DX)
	JMP  msenext

msest:
	VMOVUPS Y6, (DX)

msenext:
	ADDQ $32, SI
	ADDQ $32, DI
	ADDQ $32, DX
	DECQ CX
	JNZ  msegrad
	JMP  done

msesum:
	LOAD_D2
	VMULPS Y2, Y2, Y3
	SUM8(Y3, X3)
	ADDQ $32, SI
	ADDQ $32, DI
	DECQ CX
	JNZ  msesum
	JMP  done

// SMOOTH2 sets Y7 to the SmoothL1 values and Y8 to the mask of the
// quadratic piece, clobbering Y6.
#define SMOOTH2 \
	LOAD_D2; \
	VCMPPS    $0x11, Y12, Y3, Y8; \
	VMULPS    Y3, Y3, Y6; \
	VMULPS    Y9, Y6, Y6; \
	VDIVPS    Y12, Y6, Y6; \
	VSUBPS    Y11, Y3, Y7; \
	VBLENDVPS Y8, Y6, Y7, Y7

smooth:
	TESTQ DX, DX
	JZ   smoothsum

smoothgrad:
	SMOOTH2
	SUM8(Y7, X7)
	VADDPS    Y3, Y3, Y6
	VMULPS    Y10, Y6, Y6
	VBLENDVPS Y8, Y6, Y14, Y3
	VXORPS    Y13, Y3, Y5
	SIGNED(Y3, Y5)
	TESTQ R9, R9
	JZ   smst
	VMOVNTPS Y6, (DX)
	JMP  smnext

smst:
	VMOVUPS Y6, (DX)

smnext:
	ADDQ $32, SI
	ADDQ $32, DI
	ADDQ $32, DX
	DECQ CX
	JNZ  smoothgrad
	JMP  done

smoothsum:
	SMOOTH2
	SUM8(Y7, X7)
	ADDQ $32, SI
	ADDQ $32, DI
	DECQ CX
	JNZ  smoothsum

done:
	SFENCE
	VADDPD Y1, Y0, Y0
	VEXTRACTF128 $1, Y0, X1
	VADDPD X1, X0, X0
	VPERMILPD $1, X0, X1
	VADDSD X1, X0, X0
	VMOVSD X0, ret+48(FP)
	VZEROUPPER
	RET
