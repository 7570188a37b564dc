package initializer

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/engine/rng"
	"go.starlark.net/starlark"
	"gonum.org/v1/gonum/mat"
)

// The constructors below follow mindspore/common/initializer.py: the
// same arguments, defaults, fan rules and errors.

func floatArg(name string, v float64) Arg { return Arg{name, starlark.Float(v)} }

// NewConstant returns an initializer that fills every element with v.
// name is "Constant", "Zero" or "One".
func NewConstant(name string, v float64) *Initializer {
	var args []Arg
	if name == "Constant" {
		args = []Arg{floatArg("value", v)}
	}
	return &Initializer{Name: name, Args: args, fill: func(_ *rng.NumPy, dst []float64, _ []int) error {
		for k := range dst {
			dst[k] = v
		}
		return nil
	}}
}

// NewNormal returns Normal(sigma, mean): samples of N(mean, sigma²).
func NewNormal(sigma, mean float64) *Initializer {
	return &Initializer{Name: "Normal", Args: []Arg{floatArg("sigma", sigma), floatArg("mean", mean)}, fill: func(r *rng.NumPy, dst []float64, _ []int) error {
		if sigma < 0 {
			return core.Errorf("ValueError", "Normal: sigma must be at least 0, but got %s", core.FormatFloat(sigma))
		}
		return r.NormalFill(dst, mean, sigma)
	}}
}

// NewUniform returns Uniform(scale): samples of U(-scale, scale).
func NewUniform(scale float64) *Initializer {
	return &Initializer{Name: "Uniform", Args: []Arg{floatArg("scale", scale)}, fill: func(r *rng.NumPy, dst []float64, _ []int) error {
		return r.UniformFill(dst, -scale, scale)
	}}
}

// NewTruncatedNormal returns TruncatedNormal(sigma, mean, a, b): samples
// of N(mean, sigma²) redrawn until they fall within [mean + a*sigma,
// mean + b*sigma]. NOTE: a and b are read in units of sigma, as the
// r1.x implementation (scipy.stats.truncnorm.rvs(-2, 2, 0, sigma))
// did. The 2.x documentation calls them the bounds of the interval
// without saying whether they are scaled.
func NewTruncatedNormal(sigma, mean, a, b float64) *Initializer {
	args := []Arg{floatArg("sigma", sigma), floatArg("mean", mean), floatArg("a", a), floatArg("b", b)}
	return &Initializer{Name: "TruncatedNormal", Args: args, fill: func(r *rng.NumPy, dst []float64, _ []int) error {
		if sigma < 0 {
			return core.Errorf("ValueError", "TruncatedNormal: sigma must be at least 0, but got %s", core.FormatFloat(sigma))
		}
		return truncatedFill(r, dst, mean, sigma, a, b)
	}}
}

// truncatedFill draws standard normal samples until each lies in
// [a, b], then scales them. An interval holding less than about 1e-6 of
// the probability is rejected rather than sampled for minutes.
func truncatedFill(r *rng.NumPy, dst []float64, mean, sigma, a, b float64) error {
	mass := 0.5 * (math.Erf(b/math.Sqrt2) - math.Erf(a/math.Sqrt2))
	if !(a < b) || !(mass > 1e-6) {
		return core.Errorf("ValueError", "TruncatedNormal: the interval [a, b] = [%s, %s] must have a < b and hold some probability of a standard normal", core.FormatFloat(a), core.FormatFloat(b))
	}
	for k := range dst {
		z := r.StandardNormal()
		for z < a || z > b {
			z = r.StandardNormal()
		}
		dst[k] = mean + sigma*z
	}
	return nil
}

// fans returns (fan_in, fan_out) as MindSpore computes them: for a
// weight of shape (out, in, k...), fan_in = in*k and fan_out = out*k.
func fans(shape []int) (float64, float64, error) {
	if len(shape) < 2 {
		return 0, 0, core.Errorf("ValueError", "'fan_in' and 'fan_out' can not be computed for a tensor with fewer than 2 dimensions, but got shape %v; use an initializer such as 'zeros' or Uniform for 1-D parameters", shape)
	}
	rf := 1
	for _, d := range shape[2:] {
		rf *= d
	}
	return float64(shape[1] * rf), float64(shape[0] * rf), nil
}

// NewXavier returns XavierUniform(gain), with bound gain*sqrt(6/(fan_in
// + fan_out)), or XavierNormal(gain), with sigma gain*sqrt(2/(fan_in +
// fan_out)).
func NewXavier(normal bool, gain float64) *Initializer {
	name := "XavierUniform"
	if normal {
		name = "XavierNormal"
	}
	return &Initializer{Name: name, Args: []Arg{floatArg("gain", gain)}, fill: func(r *rng.NumPy, dst []float64, shape []int) error {
		fin, fout, err := fans(shape)
		if err != nil {
			return err
		}
		if normal {
			return r.NormalFill(dst, 0, gain*math.Sqrt(2/(fin+fout)))
		}
		bound := gain * math.Sqrt(6/(fin+fout))
		return r.UniformFill(dst, -bound, bound)
	}}
}

// heGain is MindSpore's _calculate_gain for the nonlinearities that
// HeUniform and HeNormal accept.
func heGain(nonlinearity string, slope float64) (float64, error) {
	switch nonlinearity {
	case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid":
		return 1, nil
	case "tanh":
		return 5.0 / 3, nil
	case "relu":
		return math.Sqrt2, nil
	case "leaky_relu":
		return math.Sqrt(2 / (1 + slope*slope)), nil
	}
	return 0, core.Errorf("ValueError", "the argument 'nonlinearity' must be one of 'sigmoid', 'tanh', 'relu', 'leaky_relu' or a linear function name, but got '%s'", nonlinearity)
}

// NewHe returns HeUniform (bound sqrt(3)*gain/sqrt(fan)) or HeNormal
// (sigma gain/sqrt(fan)), where fan is fan_in or fan_out by mode.
func NewHe(normal bool, slope float64, mode, nonlinearity string) (*Initializer, error) {
	name := "HeUniform"
	if normal {
		name = "HeNormal"
	}
	if mode != "fan_in" && mode != "fan_out" {
		return nil, core.Errorf("ValueError", "%s: mode must be 'fan_in' or 'fan_out', but got '%s'", name, mode)
	}
	gain, err := heGain(nonlinearity, slope)
	if err != nil {
		return nil, core.Errorf("ValueError", "%s: %s", name, err.Error())
	}
	args := []Arg{floatArg("negative_slope", slope), {"mode", starlark.String(mode)}, {"nonlinearity", starlark.String(nonlinearity)}}
	return &Initializer{Name: name, Args: args, fill: func(r *rng.NumPy, dst []float64, shape []int) error {
		fin, fout, err := fans(shape)
		if err != nil {
			return err
		}
		fan := fin
		if mode == "fan_out" {
			fan = fout
		}
		std := gain / math.Sqrt(fan)
		if normal {
			return r.NormalFill(dst, 0, std)
		}
		bound := math.Sqrt(3) * std
		return r.UniformFill(dst, -bound, bound)
	}}, nil
}

// mustHe is NewHe for arguments known to be valid.
func mustHe(normal bool, slope float64, mode, nonlinearity string) *Initializer {
	init, err := NewHe(normal, slope, mode, nonlinearity)
	if err != nil {
		panic(err)
	}
	return init
}

// NewIdentity returns Identity(): a 2-D matrix with ones on the
// diagonal, as numpy.eye(rows, cols).
func NewIdentity() *Initializer {
	return &Initializer{Name: "Identity", fill: func(_ *rng.NumPy, dst []float64, shape []int) error {
		if len(shape) != 2 {
			return core.Errorf("ValueError", "Identity: the initialized tensor must be 2-D, but got shape %v", shape)
		}
		for i := 0; i < min(shape[0], shape[1]); i++ {
			dst[i*shape[1]+i] = 1
		}
		return nil
	}}
}

// NewDirac returns Dirac(groups): for a convolution weight (out, in,
// k...), each group's first min(out/groups, in) filters pass their
// input channel through at the kernel centre.
func NewDirac(groups int) *Initializer {
	return &Initializer{Name: "Dirac", Args: []Arg{{"groups", starlark.MakeInt(groups)}}, fill: func(_ *rng.NumPy, dst []float64, shape []int) error {
		if len(shape) < 3 || len(shape) > 5 {
			return core.Errorf("ValueError", "Dirac: the initialized tensor must have 3, 4 or 5 dimensions, but got shape %v", shape)
		}
		if groups < 1 || shape[0]%groups != 0 {
			return core.Errorf("ValueError", "Dirac: the first dimension %d must be divisible by groups = %d", shape[0], groups)
		}
		perGroup := shape[0] / groups
		centre := 0
		for _, d := range shape[2:] {
			centre = centre*d + d/2
		}
		kernel := 1
		for _, d := range shape[2:] {
			kernel *= d
		}
		for g := 0; g < groups; g++ {
			for d := 0; d < min(perGroup, shape[1]); d++ {
				out := g*perGroup + d
				dst[(out*shape[1]+d)*kernel+centre] = 1
			}
		}
		return nil
	}}
}

// NewOrthogonal returns Orthogonal(gain): the Q factor of the QR
// decomposition of a standard normal matrix (rows = shape[0], the other
// dimensions flattened), its columns signed by diag(R), times gain.
func NewOrthogonal(gain float64) *Initializer {
	return &Initializer{Name: "Orthogonal", Args: []Arg{floatArg("gain", gain)}, fill: func(r *rng.NumPy, dst []float64, shape []int) error {
		if len(shape) < 2 {
			return core.Errorf("ValueError", "Orthogonal: the initialized tensor must have at least 2 dimensions, but got shape %v", shape)
		}
		rows := shape[0]
		cols := len(dst) / rows
		data := make([]float64, rows*cols)
		r.StandardNormalFill(data)
		orthogonalize(dst, data, rows, cols, gain)
		return nil
	}}
}

// orthogonalize writes gain*Q into dst (rows×cols), where Q comes from
// the reduced QR decomposition of data, or of its transpose when
// rows < cols, as numpy.linalg.qr does in MindSpore's Orthogonal.
func orthogonalize(dst, data []float64, rows, cols int, gain float64) {
	a := mat.NewDense(rows, cols, data)
	m, n := rows, cols
	var src mat.Matrix = a
	if rows < cols {
		src = a.T()
		m, n = cols, rows
	}
	var qr mat.QR
	qr.Factorize(src)
	var q, rf mat.Dense
	qr.QTo(&q)
	qr.RTo(&rf)
	for j := 0; j < n; j++ {
		sign := 0.0
		if d := rf.At(j, j); d > 0 {
			sign = 1
		} else if d < 0 {
			sign = -1
		}
		for i := 0; i < m; i++ {
			v := gain * sign * q.At(i, j)
			if rows < cols {
				dst[j*cols+i] = v
			} else {
				dst[i*cols+j] = v
			}
		}
	}
}

// NewVarianceScaling returns VarianceScaling(scale, mode, distribution)
// after checking its arguments.
//
// NOTE: the MindSpore source compares distribution with
// 'truncated_norm', so MindSpore itself samples the uniform branch for
// 'truncated_normal'. cellscript samples the truncated normal that the
// documentation describes.
func NewVarianceScaling(scale float64, mode, distribution string) (*Initializer, error) {
	if !(scale > 0) {
		return nil, core.Errorf("ValueError", "VarianceScaling: scale must be greater than 0, but got %s", core.FormatFloat(scale))
	}
	if mode != "fan_in" && mode != "fan_out" && mode != "fan_avg" {
		return nil, core.Errorf("ValueError", "VarianceScaling: mode must be 'fan_in', 'fan_out' or 'fan_avg', but got '%s'", mode)
	}
	if distribution != "uniform" && distribution != "truncated_normal" && distribution != "untruncated_normal" {
		return nil, core.Errorf("ValueError", "VarianceScaling: distribution must be 'uniform', 'truncated_normal' or 'untruncated_normal', but got '%s'", distribution)
	}
	args := []Arg{floatArg("scale", scale), {"mode", starlark.String(mode)}, {"distribution", starlark.String(distribution)}}
	return &Initializer{Name: "VarianceScaling", Args: args, fill: func(r *rng.NumPy, dst []float64, shape []int) error {
		fin, fout, err := fans(shape)
		if err != nil {
			return err
		}
		n := map[string]float64{"fan_in": fin, "fan_out": fout, "fan_avg": (fin + fout) / 2}[mode]
		s := scale / math.Max(1, n)
		switch distribution {
		case "truncated_normal":
			// 0.8796... is the standard deviation of a standard normal
			// truncated to [-2, 2].
			return truncatedFill(r, dst, 0, math.Sqrt(s)/0.87962566103423978, -2, 2)
		case "untruncated_normal":
			return r.NormalFill(dst, 0, math.Sqrt(s))
		}
		limit := math.Sqrt(3 * s)
		return r.UniformFill(dst, -limit, limit)
	}}, nil
}

// mustVarianceScaling is NewVarianceScaling for valid arguments.
func mustVarianceScaling(scale float64, mode, distribution string) *Initializer {
	init, err := NewVarianceScaling(scale, mode, distribution)
	if err != nil {
		panic(err)
	}
	return init
}

// NewSparse returns Sparse(sparsity, sigma): a 2-D N(0, sigma²) matrix
// with ceil(sparsity*rows) randomly chosen entries of each column set to
// zero.
func NewSparse(sparsity, sigma float64) *Initializer {
	return &Initializer{Name: "Sparse", Args: []Arg{floatArg("sparsity", sparsity), floatArg("sigma", sigma)}, fill: func(r *rng.NumPy, dst []float64, shape []int) error {
		if len(shape) != 2 {
			return core.Errorf("ValueError", "Sparse: the initialized tensor must be 2-D, but got shape %v", shape)
		}
		if err := r.NormalFill(dst, 0, sigma); err != nil {
			return err
		}
		rows, cols := shape[0], shape[1]
		zeros := min(rows, int(math.Ceil(sparsity*float64(rows))))
		for c := 0; c < cols; c++ {
			perm, err := r.Permutation(rows)
			if err != nil {
				return err
			}
			for _, row := range perm[:max(zeros, 0)] {
				dst[row*cols+c] = 0
			}
		}
		return nil
	}}
}
