package engine

import "github.com/cellscript/cellscript/engine/cpu"

// Activation is an activation that Linear applies inside its product.
type Activation int

// The activations Linear can fuse.
const (
	NoActivation Activation = iota
	ReLUActivation
)

// Linear returns act(x·wᵀ + b), what MindSpore's nn.Dense computes: x is
// (batch, in), w is (out, in) and b, which may be nil, is (out). The
// result and the gradients are those of MatMul, Add and ReLU applied in
// turn, bit for bit. On the CPU in float32 the matrix product adds the
// bias and applies the ReLU as it stores each tile. The backward pass
// computes the ReLU and bias gradients in one pass.
func Linear(x, w, b *Tensor, act Activation) (out *Tensor, err error) {
	defer catch(&err)
	return linear(x, w, b, act), nil
}

func linear(x, w, b *Tensor, act Activation) *Tensor {
	const op = "Dense"
	checkLinear(op, x, w, b, act)
	fused := x.dtype == Float32 || x.dtype == Float64
	for _, t := range []*Tensor{x, w, b} {
		if t != nil && t.dev != CPU {
			fused = false
		}
	}
	if !fused {
		y := matmul(x, w, false, true)
		if b != nil {
			y = add(y, b)
		}
		if act == ReLUActivation {
			y = unary(uRelu, y)
		}
		return y
	}
	m, k, n := x.shape[0], x.shape[1], w.shape[0]
	relu := act == ReLUActivation
	var out *Tensor
	switch xs := x.data.(type) {
	case []float32:
		out = newTensorUninit(op, Float32, []int{m, n})
		var bias []float32
		if b != nil {
			bias = b.data.([]float32)
		}
		cpu.SgemmEpilogue(false, true, m, n, k, xs, k, w.data.([]float32), k, out.data.([]float32), n, cpu.Epilogue{Bias: bias, ReLU: relu})
	case []float64:
		out = newTensor(op, Float64, []int{m, n})
		d := out.data.([]float64)
		gemm(false, true, m, n, k, xs, k, w.data.([]float64), k, 0, d, n)
		var bias []float64
		if b != nil {
			bias = b.data.([]float64)
		}
		linearEpilogue(d, n, bias, relu)
	}
	return record(out, op, []*Tensor{x, w, b}, func(gy *Tensor) []*Tensor {
		return linearGrad(x, w, b, out, gy, relu)
	})
}

// checkLinear raises for operands that Linear cannot combine.
func checkLinear(op string, x, w, b *Tensor, act Activation) {
	if act != NoActivation && act != ReLUActivation {
		valueErr(op, "activation %d is not supported; use NoActivation or ReLUActivation", act)
	}
	if x.Rank() != 2 || w.Rank() != 2 {
		valueErr(op, "x shape %s and weight shape %s must both be 2-D", FormatShape(x.shape), FormatShape(w.shape))
	}
	if x.shape[1] != w.shape[1] {
		valueErr(op, "x shape %s does not match weight shape %s: x.shape[1] must equal weight.shape[1]", FormatShape(x.shape), FormatShape(w.shape))
	}
	if x.dtype != w.dtype {
		typeErr(op, "x dtype %s does not match weight dtype %s; cast the input first", x.dtype, w.dtype)
	}
	if b != nil && b.dtype != w.dtype {
		typeErr(op, "bias dtype %s does not match weight dtype %s; cast the bias first", b.dtype, w.dtype)
	}
	if b != nil && (b.Rank() != 1 || b.shape[0] != w.shape[0]) {
		valueErr(op, "bias shape %s must be (%d,), one value per output", FormatShape(b.shape), w.shape[0])
	}
}

// linearEpilogue adds bias (unless nil) to every row of the n-column
// matrix d and applies ReLU when relu is set, as cpu.Epilogue does.
func linearEpilogue[T float32 | float64](d []T, n int, bias []T, relu bool) {
	for at := 0; at < len(d); at += n {
		row := d[at : at+n]
		for j, v := range row {
			if bias != nil {
				v += bias[j]
			}
			if relu && !(v > 0) {
				v = 0
			}
			row[j] = v
		}
	}
}

// linearGrad returns the gradients of x, w and b for Linear's output y
// and its gradient gy: dz = gy·(y > 0) (dz = gy without the ReLU),
// db = the column sums of dz, dw = dzᵀ·x and dx = dz·w.
func linearGrad(x, w, b, y, gy *Tensor, relu bool) []*Tensor {
	m, n := y.shape[0], y.shape[1]
	dz := gy
	if relu {
		dz = newTensorUninit("Dense", y.dtype, y.shape)
	}
	sums := make([]float64, n)
	switch g := gy.data.(type) {
	case []float32:
		cpu.DenseGrad32(dz.data.([]float32), g, y.data.([]float32), m, n, sums, relu)
	case []float64:
		denseGrad64(dz.data.([]float64), g, y.data.([]float64), n, sums, relu)
	}
	var dx, dw, db *Tensor
	if b != nil && b.requiresGrad {
		db = newTensorUninit("Dense", b.dtype, b.shape)
		switch d := db.data.(type) {
		case []float32:
			for j, s := range sums {
				d[j] = float32(s)
			}
		case []float64:
			copy(d, sums)
		}
	}
	if w.requiresGrad {
		dw = matmulRaw(dz, x.Detach(), true, false)
	}
	if x.requiresGrad {
		dx = matmulRaw(dz, w.Detach(), false, false)
	}
	if relu {
		// Nothing outside this function refers to dz, so its array can
		// serve the next request of its size while it is still in cache.
		if d, ok := dz.data.([]float32); ok {
			cpu.Recycle32(d)
		}
	}
	return []*Tensor{dx, dw, db}
}

// denseGrad64 is cpu.DenseGrad32 for float64.
func denseGrad64(dz, g, y []float64, n int, sums []float64, relu bool) {
	for at := 0; at < len(g); at += n {
		for j, v := range g[at : at+n] {
			if relu {
				if !(y[at+j] > 0) {
					v *= 0
				}
				dz[at+j] = v
			}
			sums[j] += v
		}
	}
}
