//go:build !noasm

#include "textflag.h"

// func packStrips32AVX512(dst, src *float32, ld, kc, strips int)
//
// For p < kc and s < strips copies the 32 floats at src[p*ld+s*32] to
// dst[s*kc*32+p*32]: whole 32-wide strips of a row-major panel, walked
// row by row so that src is read in order. ld is in elements; kc and
// strips must be at least 1.
TEXT ·packStrips32AVX512(SB), NOSPLIT, $0-40
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ ld+16(FP), R8
	SHLQ $2, R8
	MOVQ kc+24(FP), CX
	MOVQ strips+32(FP), DX
	MOVQ CX, R9
	SHLQ $7, R9

row:
	MOVQ SI, R10
	MOVQ DI, R11
	MOVQ DX, R12

strip:
	VMOVUPS (R10), Z0
	VMOVUPS 64(R10), Z1
	VMOVUPS Z0, (R11)
	VMOVUPS Z1, 64(R11)
	ADDQ $128, R10
	ADDQ R9, R11
	DECQ R12
	JNZ  strip
	ADDQ R8, SI
	ADDQ $128, DI
	DECQ CX
	JNZ  row
	VZEROUPPER
	RET

// func packRows12AVX512(dst, src *float32, ld, np int)
//
// For p < np copies the 12 floats at src[p*ld] to dst[p*12]. ld is in
// elements; np must be at least 1. The masked loads read no memory past
// the 12 floats.
TEXT ·packRows12AVX512(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ ld+16(FP), R8
	SHLQ $2, R8
	MOVQ np+24(FP), CX
	MOVQ $0x0fff, AX
	KMOVW AX, K1

loop:
	VMOVUPS.Z (SI), K1, Z0
	VMOVUPS Z0, K1, (DI)
	ADDQ R8, SI
	ADDQ $48, DI
	DECQ CX
	JNZ  loop
	VZEROUPPER
	RET
