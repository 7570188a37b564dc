//go:build !noasm

#include "textflag.h"

// Elementwise float32 arithmetic: dst[i] = a[i] op b[i] for n elements,
// n a multiple of 16 (AVX-512) or 8 (AVX2). Each lane rounds as the
// scalar instruction does, so the results equal Go's scalar loop bit for
// bit.

#define ARITH512(name, INSN) \
TEXT name(SB), NOSPLIT, $0-32 \
	MOVQ dst+0(FP), DI \
	MOVQ a+8(FP), SI \
	MOVQ b+16(FP), DX \
	MOVQ n+24(FP), CX \
	SHRQ $4, CX \
loop512: \
	VMOVUPS (SI), Z0 \
	INSN    (DX), Z0, Z0 \
	VMOVUPS Z0, (DI) \
	ADDQ $64, SI \
	ADDQ $64, DX \
	ADDQ $64, DI \
	DECQ CX \
	JNZ  loop512 \
	VZEROUPPER \
	RET

#define ARITH256(name, INSN) \
TEXT name(SB), NOSPLIT, $0-32 \
	MOVQ dst+0(FP), DI \
	MOVQ a+8(FP), SI \
	MOVQ b+16(FP), DX \
	MOVQ n+24(FP), CX \
	SHRQ $3, CX \
loop256: \
	VMOVUPS (SI), Y0 \
	INSN    (DX), Y0, Y0 \
	VMOVUPS Y0, (DI) \
	ADDQ $32, SI \
	ADDQ $32, DX \
	ADDQ $32, DI \
	DECQ CX \
	JNZ  loop256 \
	VZEROUPPER \
	RET

// func addAVX512(dst, a, b *float32, n int)
ARITH512(·addAVX512, VADDPS)

// func subAVX512(dst, a, b *float32, n int)
ARITH512(·subAVX512, VSUBPS)

// func mulAVX512(dst, a, b *float32, n int)
ARITH512(·mulAVX512, VMULPS)

// func divAVX512(dst, a, b *float32, n int)
ARITH512(·divAVX512, VDIVPS)

// func addAVX2(dst, a, b *float32, n int)
ARITH256(·addAVX2, VADDPS)

// func subAVX2(dst, a, b *float32, n int)
ARITH256(·subAVX2, VSUBPS)

// func mulAVX2(dst, a, b *float32, n int)
ARITH256(·mulAVX2, VMULPS)

// func divAVX2(dst, a, b *float32, n int)
ARITH256(·divAVX2, VDIVPS)
