package cpu

import (
	"fmt"
	"sync"
)

// Cache blocking of the packed sgemm. A kc×nr micro-panel of B (32 KiB
// with the AVX-512 kernel) stays in the 48 KiB L1 data cache while the
// kernel walks the mc×kc block of A (480 KiB) held in L2. The kc×nc
// panel of B streams from L3. The sizes suit Intel server cores with
// 48 KiB of L1d and 2 MiB of L2. Other caches still work, less well. On
// the benchmark machine, kc from 128 to 384 and mc from 240 to 960 all
// ran within 7% of each other.
const (
	sgemmKC = 256
	sgemmMC = 480
	sgemmNC = 4096
)

// sgemmSmall is the largest m·n·k product computed with plain loops,
// where packing would cost more than it saves.
const sgemmSmall = 8 * 8 * 8

// sgemmGrain is the least m·n·k product per worker that is worth a
// goroutine, about 30 µs of kernel time.
const sgemmGrain = 1 << 21

// Sgemm computes C = alpha·op(A)·op(B) + beta·C for row-major float32
// matrices, where op(A) is m×k, op(B) is k×n and C is m×n, and op
// transposes when its flag is set. lda, ldb and ldc are the row strides
// of a, b and c as stored. With beta = 0, C is not read, so it may hold
// NaN. It panics when a slice is too short for its sizes and stride.
func Sgemm(transA, transB bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, Epilogue{})
}

// Epilogue is the bias and activation that SgemmEpilogue applies to each
// tile of the product while the tile is still in registers.
type Epilogue struct {
	// Bias, when not nil, holds n values added to every row of C.
	Bias []float32
	// ReLU clamps the result at zero after the bias: negatives, -0 and
	// NaN become +0, as the engine's ReLU defines it.
	ReLU bool
}

// flags returns the micro-kernel flags that apply the epilogue.
func (e Epilogue) flags() int {
	f := 0
	if e.Bias != nil {
		f |= kernBias
	}
	if e.ReLU {
		f |= kernReLU
	}
	return f
}

// SgemmEpilogue computes C = op(A)·op(B) followed by the epilogue ep,
// which is what a dense layer computes: relu(x·wᵀ + b) in one pass over
// C. The arguments are Sgemm's; C is not read.
func SgemmEpilogue(transA, transB bool, m, n, k int, a []float32, lda int, b []float32, ldb int, c []float32, ldc int, ep Epilogue) {
	if ep.Bias != nil && len(ep.Bias) < n {
		panic(fmt.Sprintf("cpu: gemm bias of %d elements is shorter than n=%d", len(ep.Bias), n))
	}
	sgemm(transA, transB, m, n, k, 1, a, lda, b, ldb, 0, c, ldc, ep)
}

func sgemm(transA, transB bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int, ep Epilogue) {
	checkGemmArgs(transA, transB, m, n, k, len(a), lda, len(b), ldb, len(c), ldc)
	if m == 0 || n == 0 {
		return
	}
	if k == 0 || alpha == 0 {
		scaleRows(c, m, n, ldc, beta)
		applyEpilogue(c, m, n, ldc, ep)
		return
	}
	if gemmWork(m, n, k) <= sgemmSmall {
		scaleRows(c, m, n, ldc, beta)
		sgemmNaive(transA, transB, m, n, k, alpha, a, lda, b, ldb, c, ldc)
		applyEpilogue(c, m, n, ldc, ep)
		return
	}
	if beta != 0 && beta != 1 {
		scaleRows(c, m, n, ldc, beta)
		beta = 1
	}
	g := gemmJob{
		kern: kernelFor(active), transA: transA, transB: transB,
		m: m, n: n, k: k, alpha: alpha,
		a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc,
		bias: ep.Bias, epilogue: ep.flags(),
	}
	g.runParallel(beta == 0)
}

// applyEpilogue applies ep to the m×n matrix c in place.
func applyEpilogue(c []float32, m, n, ldc int, ep Epilogue) {
	flags := ep.flags()
	if flags == 0 {
		return
	}
	for i := 0; i < m; i++ {
		row := c[i*ldc : i*ldc+n]
		finishRow(row, row, flags, ep.Bias)
	}
}

func checkGemmArgs(transA, transB bool, m, n, k, na, lda, nb, ldb, nc, ldc int) {
	rowsA, colsA := m, k
	if transA {
		rowsA, colsA = k, m
	}
	rowsB, colsB := k, n
	if transB {
		rowsB, colsB = n, k
	}
	switch {
	case m < 0 || n < 0 || k < 0:
		panic(fmt.Sprintf("cpu: gemm sizes m=%d n=%d k=%d must not be negative", m, n, k))
	case !fitsMatrix(na, rowsA, colsA, lda):
		panic(fmt.Sprintf("cpu: gemm A of %d elements cannot hold %d×%d with stride %d", na, rowsA, colsA, lda))
	case !fitsMatrix(nb, rowsB, colsB, ldb):
		panic(fmt.Sprintf("cpu: gemm B of %d elements cannot hold %d×%d with stride %d", nb, rowsB, colsB, ldb))
	case !fitsMatrix(nc, m, n, ldc):
		panic(fmt.Sprintf("cpu: gemm C of %d elements cannot hold %d×%d with stride %d", nc, m, n, ldc))
	}
}

// gemmWork returns m·n·k, saturating instead of overflowing.
func gemmWork(m, n, k int) int {
	const limit = 1 << 62
	if w := float64(m) * float64(n) * float64(k); w < limit {
		return m * n * k
	}
	return limit
}

// fitsMatrix reports whether a slice of length size holds a rows×cols
// row-major matrix with row stride ld.
func fitsMatrix(size, rows, cols, ld int) bool {
	if rows == 0 || cols == 0 {
		return ld >= 0
	}
	return ld >= cols && size >= (rows-1)*ld+cols
}

// scaleRows multiplies the m×n matrix c by beta; beta = 0 stores zeros
// without reading c.
func scaleRows(c []float32, m, n, ldc int, beta float32) {
	if beta == 1 {
		return
	}
	for i := 0; i < m; i++ {
		row := c[i*ldc : i*ldc+n]
		if beta == 0 {
			clear(row)
			continue
		}
		for j := range row {
			row[j] *= beta
		}
	}
}

// sgemmNaive accumulates alpha·op(A)·op(B) into C with plain loops.
func sgemmNaive(transA, transB bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, c []float32, ldc int) {
	for i := 0; i < m; i++ {
		row := c[i*ldc : i*ldc+n]
		for p := 0; p < k; p++ {
			var av float32
			if transA {
				av = alpha * a[p*lda+i]
			} else {
				av = alpha * a[i*lda+p]
			}
			if transB {
				for j := range row {
					row[j] += av * b[j*ldb+p]
				}
				continue
			}
			brow := b[p*ldb : p*ldb+n]
			for j, bv := range brow {
				row[j] += av * bv
			}
		}
	}
}

// gemmJob is one packed sgemm call.
type gemmJob struct {
	kern           microKernel
	transA, transB bool
	m, n, k        int
	alpha          float32
	a              []float32
	lda            int
	b              []float32
	ldb            int
	c              []float32
	ldc            int
	// bias and epilogue are the epilogue's bias row (nil for none) and
	// micro-kernel flags, applied on the last panel along k.
	bias     []float32
	epilogue int
	// tile receives the edge tiles that the kernel cannot write into C
	// directly. run sets it once: a local array would escape to the heap
	// on every call, because the kernel is called through a func value.
	tile *[maxTile]float32
}

// runParallel splits the job among the workers, each of which runs the
// whole blocked algorithm on its share of C: bands of rows when op(B) is
// the smaller operand (n <= m), else bands of columns. Each worker then
// packs the smaller operand in full, which costs far less than
// synchronizing the workers after every panel. overwrite means the first
// panel along k stores into C instead of adding to it.
func (g *gemmJob) runParallel(overwrite bool) {
	workers := Workers(gemmWork(g.m, g.n, g.k), sgemmGrain)
	byRows := g.n <= g.m
	unit, size := g.kern.nr, g.n
	if byRows {
		unit, size = g.kern.mr, g.m
	}
	units := (size + unit - 1) / unit
	workers = min(workers, units)
	if workers <= 1 {
		g.run(overwrite)
		return
	}
	parallelN(workers, workers, func(lo, hi int) {
		for w := lo; w < hi; w++ {
			from := min(size, units*w/workers*unit)
			to := min(size, units*(w+1)/workers*unit)
			if from < to {
				sub := g.band(byRows, from, to)
				sub.run(overwrite)
			}
		}
	})
}

// band returns the job for rows (or columns) [from, to) of C.
func (g *gemmJob) band(byRows bool, from, to int) gemmJob {
	sub := *g
	if byRows {
		sub.m = to - from
		sub.c = g.c[from*g.ldc:]
		if g.transA {
			sub.a = g.a[from:]
		} else {
			sub.a = g.a[from*g.lda:]
		}
		return sub
	}
	sub.n = to - from
	sub.c = g.c[from:]
	if g.bias != nil {
		sub.bias = g.bias[from:]
	}
	if g.transB {
		sub.b = g.b[from*g.ldb:]
	} else {
		sub.b = g.b[from:]
	}
	return sub
}

// run walks the panels of B and the blocks of A on one goroutine.
func (g *gemmJob) run(overwrite bool) {
	nr := g.kern.nr
	bufB := getPack(sgemmKC * min(sgemmNC, roundUp(g.n, nr)))
	defer putPack(bufB)
	bufA := getPack(sgemmMC * sgemmKC)
	defer putPack(bufA)
	g.tile = new([maxTile]float32)
	// Equal panels along k, so that no short last panel pays the C tile
	// loads and stores for little work.
	panels := (g.k + sgemmKC - 1) / sgemmKC
	kBlock := (g.k + panels - 1) / panels
	for jc := 0; jc < g.n; jc += sgemmNC {
		nc := min(sgemmNC, g.n-jc)
		for pc := 0; pc < g.k; pc += kBlock {
			kc := min(kBlock, g.k-pc)
			flags := 0
			if !overwrite || pc > 0 {
				flags = kernAccumulate
			}
			if pc+kc == g.k {
				flags |= g.epilogue
			}
			g.packBPanel(*bufB, jc, nc, pc, kc)
			g.multiplyRows(*bufA, *bufB, jc, nc, pc, kc, flags)
		}
	}
}

// packBPanel packs op(B)[pc:pc+kc, jc:jc+nc] into nr-wide strips.
func (g *gemmJob) packBPanel(dst []float32, jc, nc, pc, kc int) {
	nr := g.kern.nr
	strips := (nc + nr - 1) / nr
	if !g.transB {
		packRowStrips(dst, g.b, g.ldb, pc, jc, kc, nc, nr, 0, strips)
		return
	}
	for s := 0; s < strips; s++ {
		j0 := jc + s*nr
		cols := min(nr, jc+nc-j0)
		packTransposed(dst[s*kc*nr:(s+1)*kc*nr], g.b, g.ldb, j0, pc, cols, kc, nr)
	}
}

// multiplyRows packs the blocks of A in turn and runs the micro-kernel
// over each against the packed B panel.
func (g *gemmJob) multiplyRows(ap, bp []float32, jc, nc, pc, kc int, flags int) {
	mr := g.kern.mr
	blockRows := sgemmMC / mr * mr
	for i0 := 0; i0 < g.m; i0 += blockRows {
		rows := min(blockRows, g.m-i0)
		g.packABlock(ap, i0, rows, pc, kc)
		g.macroKernel(ap, bp, i0, rows, jc, nc, kc, flags)
	}
}

// packABlock packs alpha·op(A)[i0:i0+rows, pc:pc+kc] into mr-tall strips.
func (g *gemmJob) packABlock(dst []float32, i0, rows, pc, kc int) {
	mr := g.kern.mr
	for t := 0; t*mr < rows; t++ {
		r0 := i0 + t*mr
		n := min(mr, rows-t*mr)
		out := dst[t*kc*mr : (t+1)*kc*mr]
		if g.transA {
			packRows(out, g.a, g.lda, pc, r0, kc, n, mr, g.alpha)
		} else {
			packTransposed(out, g.a, g.lda, r0, pc, n, kc, mr)
			if g.alpha != 1 {
				for i := range out {
					out[i] *= g.alpha
				}
			}
		}
	}
}

// macroKernel multiplies the packed block of A (rows×kc) by the packed
// panel of B (kc×nc) into C[i0:i0+rows, jc:jc+nc], with the
// micro-kernel flags given.
func (g *gemmJob) macroKernel(ap, bp []float32, i0, rows, jc, nc, kc int, flags int) {
	for s := 0; s*g.kern.nr < nc; s++ {
		g.stripKernel(ap, bp, i0, rows, jc, nc, kc, s, flags)
	}
}

// stripKernel multiplies the packed block of A by strip s of the packed
// panel of B. It is a separate call, not inlined, so that a goroutine
// can stop for the garbage collector between strips, which the
// micro-kernel's assembly cannot.
//
//go:noinline
func (g *gemmJob) stripKernel(ap, bp []float32, i0, rows, jc, nc, kc, s int, flags int) {
	mr, nr := g.kern.mr, g.kern.nr
	tile := g.tile
	cols := min(nr, nc-s*nr)
	b := &bp[s*kc*nr]
	var bias []float32
	var biasAt *float32
	if flags&kernBias != 0 {
		bias = g.bias[jc+s*nr : jc+s*nr+cols]
		biasAt = &bias[0]
	}
	for t := 0; t*mr < rows; t++ {
		n := min(mr, rows-t*mr)
		a := &ap[t*kc*mr]
		ci := (i0+t*mr)*g.ldc + jc + s*nr
		if n == mr && cols == nr {
			g.kern.run(kc, a, b, &g.c[ci], g.ldc, flags, biasAt)
			continue
		}
		g.kern.run(kc, a, b, &tile[0], nr, 0, nil)
		for i := 0; i < n; i++ {
			dst := g.c[ci+i*g.ldc : ci+i*g.ldc+cols]
			src := tile[i*nr : i*nr+cols]
			if flags&kernAccumulate != 0 {
				for j, v := range src {
					src[j] = dst[j] + v
				}
			}
			finishRow(dst, src, flags, bias)
		}
	}
}

// packRows copies rows p0..p0+np of src (row stride ld), columns
// c0..c0+nc, into dst as np consecutive groups of width w, zero-padded
// past nc and scaled by alpha.
func packRows(dst, src []float32, ld, p0, c0, np, nc, w int, alpha float32) {
	if active >= AVX512 && alpha == 1 && nc == 12 && w == 12 && np > 0 {
		_ = dst[np*12-1]
		_ = src[(p0+np-1)*ld+c0+11]
		packRows12AVX512(&dst[0], &src[p0*ld+c0], ld, np)
		return
	}
	if alpha == 1 && nc == w && (w == 32 || w == 12) {
		packRowsFull(dst, src, ld, p0, c0, np, w)
		return
	}
	for p := 0; p < np; p++ {
		out := dst[p*w : (p+1)*w]
		row := src[(p0+p)*ld+c0 : (p0+p)*ld+c0+nc]
		if alpha == 1 {
			copy(out, row)
		} else {
			for j, v := range row {
				out[j] = alpha * v
			}
		}
		clear(out[nc:])
	}
}

// packRowStrips packs strips s0..s1 of the panel src[p0:p0+kc,
// c0:c0+nc] (row stride ld) into nr-wide strips of dst, as packRows
// does strip by strip. It walks the source row by row, so that it reads
// memory in order. Strip by strip it would read nr floats per row and
// jump a whole row ahead, which the hardware prefetchers follow poorly.
func packRowStrips(dst, src []float32, ld, p0, c0, kc, nc, nr, s0, s1 int) {
	if full := min(s1, nc/nr); active >= AVX512 && nr == 32 && kc > 0 && full > s0 {
		_ = dst[full*kc*32-1]
		_ = src[(p0+kc-1)*ld+c0+full*32-1]
		packStrips32AVX512(&dst[s0*kc*32], &src[p0*ld+c0+s0*32], ld, kc, full-s0)
		s0 = full
	}
	for p := 0; p < kc; p++ {
		row := src[(p0+p)*ld+c0 : (p0+p)*ld+c0+nc]
		for s := s0; s < s1; s++ {
			out := dst[s*kc*nr+p*nr : s*kc*nr+(p+1)*nr]
			j0 := s * nr
			n := copy(out, row[j0:min(j0+nr, nc)])
			clear(out[n:])
		}
	}
}

// packRowsFull is packRows for whole groups of the AVX-512 kernel's
// widths, which it copies as array values.
func packRowsFull(dst, src []float32, ld, p0, c0, np, w int) {
	for p := 0; p < np; p++ {
		at := (p0+p)*ld + c0
		if w == 32 {
			*(*[32]float32)(dst[p*32:]) = *(*[32]float32)(src[at:])
		} else {
			*(*[12]float32)(dst[p*12:]) = *(*[12]float32)(src[at:])
		}
	}
}

// packTransposed writes columns c0..c0+nc of rows r0..r0+nr of src as
// nc groups of width w: dst[p*w+i] = src[(r0+i)*ld+c0+p], zero-padded
// for i >= nr.
func packTransposed(dst, src []float32, ld, r0, c0, nr, nc, w int) {
	if active >= AVX512 && nc > 0 && nc <= len(zeroRow) {
		packTransposedAVX512(dst, src, ld, r0, c0, nr, nc, w)
		return
	}
	for i := 0; i < nr; i++ {
		row := src[(r0+i)*ld+c0 : (r0+i)*ld+c0+nc]
		for p, v := range row {
			dst[p*w+i] = v
		}
	}
	if nr < w {
		for p := 0; p < nc; p++ {
			clear(dst[p*w+nr : (p+1)*w])
		}
	}
}

// zeroRow is the source of the rows past nr, which pack as zeros.
var zeroRow [sgemmKC]float32

// packTransposedAVX512 is packTransposed through 16×16 register
// transposes, 16 rows of src at a time.
func packTransposedAVX512(dst, src []float32, ld, r0, c0, nr, nc, w int) {
	_ = dst[(nc-1)*w+w-1]
	var rows [16]*float32
	for i0 := 0; i0 < w; i0 += 16 {
		for r := range rows {
			rows[r] = &zeroRow[0]
			if i := i0 + r; i < nr {
				_ = src[(r0+i)*ld+c0+nc-1]
				rows[r] = &src[(r0+i)*ld+c0]
			}
		}
		transpose16AVX512(&dst[i0], w, &rows, nc, min(16, w-i0))
	}
}

// parallelN runs fn over [0, n) split evenly among exactly workers
// goroutines (the caller's included).
func parallelN(n, workers int, fn func(lo, hi int)) {
	var wg sync.WaitGroup
	wg.Add(workers - 1)
	for w := 1; w < workers; w++ {
		go func(lo, hi int) {
			defer wg.Done()
			fn(lo, hi)
		}(n*w/workers, n*(w+1)/workers)
	}
	fn(0, n/workers)
	wg.Wait()
}

func roundUp(n, m int) int { return (n + m - 1) / m * m }

// packPool recycles packing buffers between calls.
var packPool sync.Pool

func getPack(n int) *[]float32 {
	if p, ok := packPool.Get().(*[]float32); ok && cap(*p) >= n {
		*p = (*p)[:n]
		return p
	}
	s := make([]float32, n, max(n, sgemmMC*sgemmKC))
	return &s
}

func putPack(p *[]float32) { packPool.Put(p) }
