package engine

import "math"

// MaxPool2D takes the maximum over kernel windows of x (N, C, H, W), as
// MindSpore's ops.max_pool2d and torch.nn.functional.max_pool2d do with
// dilation 1 and floor rounding. kernel and stride are (height, width);
// pad (height, width) adds -Inf borders on both sides and must not
// exceed half the kernel. The gradient goes to the first maximal element
// of each window, as in both frameworks.
func MaxPool2D(x *Tensor, kernel, stride, pad [2]int) (out *Tensor, err error) {
	defer catch(&err)
	cpuOnly("MaxPool2D", x)
	return maxPool2d(x, kernel, stride, pad), nil
}

func maxPool2d(x *Tensor, kernel, stride, pad [2]int) *Tensor {
	const op = "MaxPool2D"
	if x.Rank() != 4 {
		valueErr(op, "x shape %s must be 4-D (NCHW)", FormatShape(x.shape))
	}
	if !x.dtype.IsFloat() {
		typeErr(op, "dtype %s is not supported; use float32 or float64", x.dtype)
	}
	for i := range pad {
		if pad[i] < 0 || pad[i] > kernel[i]/2 {
			valueErr(op, "padding %v must be non-negative and at most half of kernel size %v", pad, kernel)
		}
	}

	n, c, h, w := x.shape[0], x.shape[1], x.shape[2], x.shape[3]
	if h == 0 || w == 0 {
		valueErr(op, "x shape %s has an empty spatial dimension", FormatShape(x.shape))
	}
	oh := windowCount(op, h, 2*pad[0], kernel[0], stride[0], 1)
	ow := windowCount(op, w, 2*pad[1], kernel[1], stride[1], 1)
	out := newTensor(op, x.dtype, []int{n, c, oh, ow})

	g := poolGeom{h: h, w: w, oh: oh, ow: ow, kernel: kernel, stride: stride, pad: pad}
	argmax := make([]int, out.Numel())
	switch d := out.data.(type) {
	case []float32:
		poolForward(g, d, x.data.([]float32), argmax)
	case []float64:
		poolForward(g, d, x.data.([]float64), argmax)
	}
	return record(out, op, []*Tensor{x}, func(gy *Tensor) []*Tensor {
		return []*Tensor{scatterAdd(gy, argmax, x.shape)}
	})
}

// poolGeom is the validated geometry of one MaxPool2D call.
type poolGeom struct {
	h, w, oh, ow        int
	kernel, stride, pad [2]int
}

// poolForward writes each window's maximum to d and its flat input
// index to argmax. A NaN in a window becomes the window's result.
func poolForward[T float32 | float64](g poolGeom, d, x []T, argmax []int) {
	plane := g.h * g.w
	for o := range d {
		p, oy, ox := o/(g.oh*g.ow), o/g.ow%g.oh, o%g.ow
		best, bestAt := T(math.Inf(-1)), -1
		for i := 0; i < g.kernel[0]; i++ {
			iy := oy*g.stride[0] - g.pad[0] + i
			if iy < 0 || iy >= g.h {
				continue
			}
			for j := 0; j < g.kernel[1]; j++ {
				ix := ox*g.stride[1] - g.pad[1] + j
				if ix < 0 || ix >= g.w {
					continue
				}
				at := p*plane + iy*g.w + ix
				if v := x[at]; bestAt < 0 || v > best || (v != v && best == best) {
					best, bestAt = v, at
				}
			}
		}
		d[o], argmax[o] = best, bestAt
	}
}
