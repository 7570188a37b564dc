package engine

// Conv2D computes the 2-D cross-correlation of x (N, C, H, W) with the
// filters w (Cout, C/groups, kh, kw), as MindSpore's ops.conv2d with
// pad_mode "pad" and torch.nn.functional.conv2d do, without a bias.
// stride and dilation are (height, width), pad is (top, bottom, left,
// right), and groups splits the channels into independent blocks. The
// output has shape (N, Cout, Hout, Wout), where Hout = (H + top + bottom
// - dilation[0]*(kh-1) - 1)/stride[0] + 1 and Wout is alike. Both x and
// w get gradients.
func Conv2D(x, w *Tensor, stride [2]int, pad [4]int, dilation [2]int, groups int) (out *Tensor, err error) {
	defer catch(&err)
	cpuOnly("Conv2D", x, w)
	return conv2d(x, w, stride, pad, dilation, groups), nil
}

// convGeom is the validated geometry of one Conv2D call.
type convGeom struct {
	n, c, h, w     int // input batch, channels, height and width
	cout, kh, kw   int // filter count and kernel size
	oh, ow         int // output height and width
	stride, dil    [2]int
	padTop, padLft int
	groups         int
	cg, og         int // input and output channels per group
}

// rows returns the row count of the im2col matrix, cg·kh·kw.
func (g *convGeom) rows() int { return g.cg * g.kh * g.kw }

// cols returns the column count of the im2col matrix, oh·ow.
func (g *convGeom) cols() int { return g.oh * g.ow }

func newConvGeom(x, w *Tensor, stride [2]int, pad [4]int, dil [2]int, groups int) *convGeom {
	const op = "Conv2D"
	if x.Rank() != 4 || w.Rank() != 4 {
		valueErr(op, "x shape %s and weight shape %s must both be 4-D (NCHW and (out, in/groups, kh, kw))", FormatShape(x.shape), FormatShape(w.shape))
	}
	if x.dtype != w.dtype || !x.dtype.IsFloat() {
		typeErr(op, "x dtype %s and weight dtype %s must be the same float dtype", x.dtype, w.dtype)
	}
	g := &convGeom{
		n: x.shape[0], c: x.shape[1], h: x.shape[2], w: x.shape[3],
		cout: w.shape[0], kh: w.shape[2], kw: w.shape[3],
		stride: stride, dil: dil, padTop: pad[0], padLft: pad[2], groups: groups,
	}
	if groups < 1 || g.c%groups != 0 || g.cout%groups != 0 {
		valueErr(op, "groups = %d must be positive and divide the %d input and %d output channels", groups, g.c, g.cout)
	}
	g.cg, g.og = g.c/groups, g.cout/groups
	if w.shape[1] != g.cg {
		valueErr(op, "weight shape %s needs %d input channels per group for x shape %s and groups = %d", FormatShape(w.shape), g.cg, FormatShape(x.shape), groups)
	}
	for _, p := range pad {
		if p < 0 || p > MaxElements {
			valueErr(op, "padding %v must be non-negative and at most %d", pad, MaxElements)
		}
	}
	g.oh = windowCount(op, g.h, pad[0]+pad[1], g.kh, stride[0], dil[0])
	g.ow = windowCount(op, g.w, pad[2]+pad[3], g.kw, stride[1], dil[1])
	return g
}

// windowCount returns how many windows of k taps spaced dil apart fit
// in size+padTotal at the given stride.
func windowCount(op string, size, padTotal, k, stride, dil int) int {
	if stride < 1 || dil < 1 {
		valueErr(op, "stride %d and dilation %d must be positive", stride, dil)
	}
	if k < 1 {
		valueErr(op, "kernel size %d must be positive", k)
	}
	span := size + padTotal
	if k > 1 && dil > (span-1)/(k-1) {
		valueErr(op, "kernel size %d with dilation %d is larger than the padded input size %d", k, dil, span)
	}
	if k > span {
		valueErr(op, "kernel size %d is larger than the padded input size %d", k, span)
	}
	return (span-dil*(k-1)-1)/stride + 1
}

// colIndex returns, for each element of the im2col matrix of one group,
// the flat index of the input element it copies within the group's
// channels, or -1 where the window lies in the padding.
func colIndex(g *convGeom) []int {
	numel("Conv2D", []int{g.rows(), g.cols()})
	idx := make([]int, 0, g.rows()*g.cols())
	for c := 0; c < g.cg; c++ {
		for i := 0; i < g.kh; i++ {
			for j := 0; j < g.kw; j++ {
				for oy := 0; oy < g.oh; oy++ {
					iy := oy*g.stride[0] - g.padTop + i*g.dil[0]
					for ox := 0; ox < g.ow; ox++ {
						ix := ox*g.stride[1] - g.padLft + j*g.dil[1]
						if iy < 0 || iy >= g.h || ix < 0 || ix >= g.w {
							idx = append(idx, -1)
						} else {
							idx = append(idx, (c*g.h+iy)*g.w+ix)
						}
					}
				}
			}
		}
	}
	return idx
}

func conv2d(x, w *Tensor, stride [2]int, pad [4]int, dil [2]int, groups int) *Tensor {
	g := newConvGeom(x, w, stride, pad, dil, groups)
	out := newTensor("Conv2D", x.dtype, []int{g.n, g.cout, g.oh, g.ow})
	idx := colIndex(g)
	switch d := out.data.(type) {
	case []float32:
		convForward(g, idx, d, x.data.([]float32), w.data.([]float32))
	case []float64:
		convForward(g, idx, d, x.data.([]float64), w.data.([]float64))
	}
	roundHalfTensor(out)
	return record(out, "Conv2D", []*Tensor{x, w}, func(gy *Tensor) []*Tensor {
		var dx, dw *Tensor
		if x.requiresGrad {
			dx = newTensor("Conv2D", x.dtype, x.shape)
		}
		if w.requiresGrad {
			dw = newTensor("Conv2D", w.dtype, w.shape)
		}
		switch gd := gy.data.(type) {
		case []float32:
			convBackward(g, idx, gd, x.F32(), w.F32(), storage[float32](dx), storage[float32](dw))
		case []float64:
			convBackward(g, idx, gd, x.F64(), w.F64(), storage[float64](dx), storage[float64](dw))
		}
		if dx != nil {
			roundHalfTensor(dx)
		}
		if dw != nil {
			roundHalfTensor(dw)
		}
		return []*Tensor{dx, dw}
	})
}

// storage returns t's []T storage, or nil for a nil t.
func storage[T any](t *Tensor) []T {
	if t == nil {
		return nil
	}
	return t.data.([]T)
}

// convForward runs im2col and one matrix product per image and group:
// out(og×L) = w(og×K)·cols(K×L).
func convForward[T float32 | float64](g *convGeom, idx []int, out, x, w []T) {
	k, l := g.rows(), g.cols()
	cols := make([]T, k*l)
	for b := 0; b < g.n; b++ {
		for gr := 0; gr < g.groups; gr++ {
			im2col(cols, groupInput(g, x, b, gr), idx)
			wg := w[gr*g.og*k : (gr+1)*g.og*k]
			yg := out[(b*g.cout+gr*g.og)*l : (b*g.cout+(gr+1)*g.og)*l]
			gemm(false, false, g.og, l, k, wg, k, cols, l, 0, yg, l)
		}
	}
}

// convBackward accumulates dw += gy·colsᵀ and scatters dcols = wᵀ·gy
// back into dx; a nil dx or dw is skipped.
func convBackward[T float32 | float64](g *convGeom, idx []int, gy, x, w, dx, dw []T) {
	k, l := g.rows(), g.cols()
	cols := make([]T, k*l)
	for b := 0; b < g.n; b++ {
		for gr := 0; gr < g.groups; gr++ {
			gyg := gy[(b*g.cout+gr*g.og)*l : (b*g.cout+(gr+1)*g.og)*l]
			wOff := gr * g.og * k
			if dw != nil {
				im2col(cols, groupInput(g, x, b, gr), idx)
				gemm(false, true, g.og, k, l, gyg, l, cols, l, 1, dw[wOff:wOff+g.og*k], k)
			}
			if dx != nil {
				gemm(true, false, k, l, g.og, w[wOff:wOff+g.og*k], k, gyg, l, 0, cols, l)
				col2im(groupInput(g, dx, b, gr), cols, idx)
			}
		}
	}
}

// groupInput returns the channels of group gr of image b.
func groupInput[T any](g *convGeom, x []T, b, gr int) []T {
	size := g.cg * g.h * g.w
	start := b*g.c*g.h*g.w + gr*size
	return x[start : start+size]
}

func im2col[T float32 | float64](cols, x []T, idx []int) {
	for i, j := range idx {
		if j < 0 {
			cols[i] = 0
		} else {
			cols[i] = x[j]
		}
	}
}

func col2im[T float32 | float64](dx, cols []T, idx []int) {
	for i, j := range idx {
		if j >= 0 {
			dx[j] += cols[i]
		}
	}
}
