package engine

import "math"

// CTCLoss returns the connectionist temporal classification loss
// -log p(target | input) of each batch element (Graves et al., 2006) and
// the forward variables log alpha.
//
// logProbs is (T, N, C), float32 or float64, read as log probabilities;
// they are not renormalised. targets[b] is the label sequence of element
// b, each label in [0, C); inputLengths[b] in [0, T] is its number of
// frames; blank is in [0, C). The recursion is PyTorch's ctc_loss: a
// label may skip the blank before it when it differs from the label two
// positions back, so a target may even contain the blank label. nll has
// shape (N,) and logAlpha (N, T, 2*S+1) with S the longest target;
// entries past an element's frames or its extended target are -inf.
// An element whose target cannot be aligned to its frames has loss +Inf,
// or 0 with zeroInfinity.
//
// Everything is computed in float64 and rounded once. The gradient of nll
// with respect to logProbs is the exact derivative: minus the posterior
// occupancy of each (frame, class), 0 past an element's frames, and 0 for
// a loss that zeroInfinity zeroed. PyTorch's CPU backward computes
// exp(lp) - exp(lcab + nll - lp) instead, adding exp(logProbs), which
// cancels only when logProbs come from a log-softmax.
func CTCLoss(logProbs *Tensor, targets [][]int, inputLengths []int, blank int, zeroInfinity bool) (nll, logAlpha *Tensor, err error) {
	defer catch(&err)
	cpuOnly("CTCLoss", logProbs)
	c := ctcCheck(logProbs, targets, inputLengths, blank)
	lp := cast(logProbs, Float64).data.([]float64)
	alphas := make([][]float64, c.n)
	losses := make([]float64, c.n)
	for b := range c.n {
		alphas[b] = c.forward(lp, b)
		losses[b] = c.loss(alphas[b], b)
		if zeroInfinity && math.IsInf(losses[b], 1) {
			losses[b] = 0
		}
	}
	nll = newTensor("CTCLoss", logProbs.dtype, []int{c.n})
	logAlpha = newTensor("CTCLoss", logProbs.dtype, []int{c.n, c.t, c.l})
	for b := range c.n {
		nll.setFloat(b, losses[b])
		for i, v := range alphas[b] {
			logAlpha.setFloat(b*c.t*c.l+i, v)
		}
	}
	nll = record(nll, "CTCLoss", []*Tensor{logProbs}, func(g *Tensor) []*Tensor {
		grad := c.gradient(lp, alphas, losses, g.Floats(), zeroInfinity)
		return []*Tensor{cast(wrap(Float64, []int{c.t, c.n, c.classes}, grad), logProbs.dtype)}
	})
	return nll, logAlpha, nil
}

// ctcProblem holds the validated sizes and extended targets of a batch.
type ctcProblem struct {
	t, n, classes, l int
	blank            int
	ext              [][]int // each target with blanks around and between labels
	frames           []int
}

func ctcCheck(logProbs *Tensor, targets [][]int, inputLengths []int, blank int) *ctcProblem {
	const op = "CTCLoss"
	if !logProbs.dtype.IsFloat() {
		typeErr(op, "log_probs dtype %s is not supported; use float32 or float64", logProbs.dtype)
	}
	if logProbs.Rank() != 3 {
		valueErr(op, "log_probs must be (T, N, C), but got shape %s", FormatShape(logProbs.shape))
	}
	c := &ctcProblem{t: logProbs.shape[0], n: logProbs.shape[1], classes: logProbs.shape[2], blank: blank}
	if len(targets) != c.n || len(inputLengths) != c.n {
		valueErr(op, "a batch of %d needs %d targets and input lengths, but got %d and %d", c.n, c.n, len(targets), len(inputLengths))
	}
	if blank < 0 || blank >= c.classes {
		valueErr(op, "blank %d is outside the valid range [0, %d)", blank, c.classes)
	}
	longest := 0
	for b, tg := range targets {
		if f := inputLengths[b]; f < 0 || f > c.t {
			valueErr(op, "input length %d of element %d is outside [0, %d]", f, b, c.t)
		}
		for i, v := range tg {
			if v < 0 || v >= c.classes {
				valueErr(op, "target label %d at element %d, position %d is outside the valid range [0, %d)", v, b, i, c.classes)
			}
		}
		longest = max(longest, len(tg))
	}
	c.l = 2*longest + 1
	c.frames = inputLengths
	c.ext = make([][]int, c.n)
	for b, tg := range targets {
		e := make([]int, 2*len(tg)+1)
		for s := range e {
			e[s] = blank
			if s%2 == 1 {
				e[s] = tg[s/2]
			}
		}
		c.ext[b] = e
	}
	return c
}

// at returns the log probability of class k at frame t of element b.
func (c *ctcProblem) at(lp []float64, t, b, k int) float64 {
	return lp[(t*c.n+b)*c.classes+k]
}

// skips reports whether position s of ext may be reached from s - 2.
func skips(ext []int, s int) bool { return s > 1 && ext[s-2] != ext[s] }

// forward returns log alpha of element b as a (T, L) row-major table.
func (c *ctcProblem) forward(lp []float64, b int) []float64 {
	a := make([]float64, c.t*c.l)
	for i := range a {
		a[i] = math.Inf(-1)
	}
	ext, frames := c.ext[b], c.frames[b]
	if frames == 0 {
		return a
	}
	a[0] = c.at(lp, 0, b, ext[0])
	if len(ext) > 1 {
		a[1] = c.at(lp, 0, b, ext[1])
	}
	for t := 1; t < frames; t++ {
		prev, cur := a[(t-1)*c.l:t*c.l], a[t*c.l:(t+1)*c.l]
		for s := range ext {
			v := prev[s]
			if s > 0 {
				v = logAdd(v, prev[s-1])
			}
			if skips(ext, s) {
				v = logAdd(v, prev[s-2])
			}
			cur[s] = v + c.at(lp, t, b, ext[s])
		}
	}
	return a
}

// loss returns -log p of element b from its forward table.
func (c *ctcProblem) loss(a []float64, b int) float64 {
	ext, frames := c.ext[b], c.frames[b]
	if frames == 0 {
		if len(ext) == 1 {
			return 0
		}
		return math.Inf(1)
	}
	last := a[(frames-1)*c.l:]
	end := last[len(ext)-1]
	if len(ext) > 1 {
		end = logAdd(end, last[len(ext)-2])
	}
	return -end
}

// backward returns log beta of element b as a (T, L) table.
func (c *ctcProblem) backward(lp []float64, b int) []float64 {
	be := make([]float64, c.t*c.l)
	for i := range be {
		be[i] = math.Inf(-1)
	}
	ext, frames := c.ext[b], c.frames[b]
	if frames == 0 {
		return be
	}
	last := be[(frames-1)*c.l:]
	n := len(ext)
	last[n-1] = c.at(lp, frames-1, b, ext[n-1])
	if n > 1 {
		last[n-2] = c.at(lp, frames-1, b, ext[n-2])
	}
	for t := frames - 2; t >= 0; t-- {
		next, cur := be[(t+1)*c.l:(t+2)*c.l], be[t*c.l:(t+1)*c.l]
		for s := range ext {
			v := next[s]
			if s+1 < n {
				v = logAdd(v, next[s+1])
			}
			if s+2 < n && skips(ext, s+2) {
				v = logAdd(v, next[s+2])
			}
			cur[s] = v + c.at(lp, t, b, ext[s])
		}
	}
	return be
}

// gradient returns d(sum g*nll)/d logProbs as a (T, N, C) float64 slice.
func (c *ctcProblem) gradient(lp []float64, alphas [][]float64, losses, g []float64, zeroInfinity bool) []float64 {
	grad := make([]float64, c.t*c.n*c.classes)
	for b := range c.n {
		if g[b] == 0 || (zeroInfinity && losses[b] == 0 && math.IsInf(c.loss(alphas[b], b), 1)) {
			continue
		}
		be := c.backward(lp, b)
		nll := c.loss(alphas[b], b)
		ext := c.ext[b]
		for t := range c.frames[b] {
			for s, k := range ext {
				i := t*c.l + s
				w := math.Exp(alphas[b][i] + be[i] - c.at(lp, t, b, k) + nll)
				grad[(t*c.n+b)*c.classes+k] -= g[b] * w
			}
		}
	}
	return grad
}

// logAdd returns log(exp(x) + exp(y)) without overflow.
func logAdd(x, y float64) float64 {
	if x < y {
		x, y = y, x
	}
	if math.IsInf(x, -1) {
		return x
	}
	return x + math.Log1p(math.Exp(y-x))
}
