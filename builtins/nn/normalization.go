package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// BatchNorm1d and BatchNorm2d are the native nn.BatchNorm1d and
// nn.BatchNorm2d classes.
var (
	BatchNorm1d *pyobj.Class
	BatchNorm2d *pyobj.Class
)

func init() {
	BatchNorm1d = newCellClass(cellClass{
		name: "BatchNorm1d",
		doc: `BatchNorm1d(num_features, eps=1e-5, momentum=0.9, affine=True, gamma_init='ones', beta_init='zeros', moving_mean_init='zeros', moving_var_init='ones', use_batch_statistics=None, data_format='NCHW')

Batch normalization of (N, C) or (N, C, L) inputs over every axis but C:
y = (x - mean) / sqrt(var + eps) * gamma + beta. In training mode (or
with use_batch_statistics=True) mean and var are the batch's, var the
biased one, and the moving statistics are updated as
moving = moving*momentum + batch*(1 - momentum); in evaluation mode (or
with use_batch_statistics=False) the moving statistics are used.
gamma and beta are trainable when affine is True; moving_mean and
moving_variance never are.
NOTE: the moving variance takes the biased batch variance, as
MindSpore's CPU kernel does; its GPU kernel takes the unbiased one.`,
		init:      batchNormInit("BatchNorm1d"),
		construct: batchNormConstruct("BatchNorm1d"),
		methods:   []pyobj.Method{batchNormExtendRepr},
	})
	BatchNorm2d = newCellClass(cellClass{
		name: "BatchNorm2d",
		doc: `BatchNorm2d(num_features, eps=1e-5, momentum=0.9, affine=True, gamma_init='ones', beta_init='zeros', moving_mean_init='zeros', moving_var_init='ones', use_batch_statistics=None, data_format='NCHW')

Batch normalization of (N, C, H, W) inputs over N, H and W, with the
statistics and parameters of BatchNorm1d:
y = (x - mean) / sqrt(var + eps) * gamma + beta, and in training mode
moving = moving*momentum + batch*(1 - momentum).`,
		init:      batchNormInit("BatchNorm2d"),
		construct: batchNormConstruct("BatchNorm2d"),
		methods:   []pyobj.Method{batchNormExtendRepr},
	})
}

func batchNormInit(name string) pyobj.MethodFunc {
	return func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return initBatchNorm(name, thread, self, args, kwargs)
	}
}

func initBatchNorm(name string, thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var numV starlark.Value
	eps, momentum := 1e-5, 0.9
	affine := true
	var gammaInit, betaInit starlark.Value = starlark.String("ones"), starlark.String("zeros")
	var meanInit, varInit starlark.Value = starlark.String("zeros"), starlark.String("ones")
	var useBatch starlark.Value = starlark.None
	format := "NCHW"
	if err := starlark.UnpackArgs(name, args, kwargs, "num_features", &numV, "eps?", (*core.Float)(&eps), "momentum?", (*core.Float)(&momentum), "affine?", &affine,
		"gamma_init?", &gammaInit, "beta_init?", &betaInit, "moving_mean_init?", &meanInit, "moving_var_init?", &varInit,
		"use_batch_statistics?", &useBatch, "data_format?", &format, "dtype?", new(starlark.Value)); err != nil {
		return nil, err
	}

	n, err := positiveInt(name, "num_features", numV)
	if err != nil {
		return nil, err
	}
	if !(momentum >= 0 && momentum <= 1) {
		return nil, core.Errorf("ValueError", "For '%s', the 'momentum' should be a number in range [0, 1], but got %s", name, core.FormatFloat(momentum))
	}
	if _, ok := useBatch.(starlark.Bool); !ok && useBatch != starlark.None {
		return nil, core.Errorf("ValueError", "For '%s', the 'use_batch_statistics' should be a boolean value or None, but got %s", name, useBatch.String())
	}
	if format != "NCHW" {
		return nil, core.Errorf("ValueError", "For '%s', data_format '%s' is not supported on CPU; use 'NCHW'", name, format)
	}

	// MindSpore names the moving statistics "mean" and "variance", and an
	// auto-prefixing parent renames them by attribute path.
	params := []struct {
		attr, name   string
		init         starlark.Value
		requiresGrad bool
	}{
		{"moving_mean", "mean", meanInit, false},
		{"moving_variance", "variance", varInit, false},
		{"gamma", "gamma", gammaInit, affine},
		{"beta", "beta", betaInit, affine},
	}
	for _, p := range params {
		t, err := initTensor(thread, name+" "+p.attr+"_init", p.init, []int{n})
		if err != nil {
			return nil, err
		}
		if err := self.SetField(p.attr, tensor.NewParameter(t, p.name, p.requiresGrad)); err != nil {
			return nil, err
		}
	}

	return starlark.None, setAttrs(self, []pyobj.NamedValue{
		{Name: "num_features", Value: starlark.MakeInt(n)},
		{Name: "eps", Value: starlark.Float(eps)},
		{Name: "momentum", Value: starlark.Float(momentum)},
		{Name: "use_batch_statistics", Value: useBatch},
	})
}

// bnParams holds the four parameters of a BatchNorm cell.
type bnParams struct {
	mean, variance, gamma, beta *tensor.Parameter
}

func bnParamsOf(self *pyobj.Instance) (bnParams, error) {
	var p bnParams
	for _, f := range []struct {
		name string
		dst  **tensor.Parameter
	}{{"moving_mean", &p.mean}, {"moving_variance", &p.variance}, {"gamma", &p.gamma}, {"beta", &p.beta}} {
		v, ok := attr(self, f.name).(*tensor.Parameter)
		if !ok {
			return p, core.Errorf("RuntimeError", "BatchNorm1d: %s is not a Parameter", f.name)
		}
		*f.dst = v
	}
	return p, nil
}

func batchNormConstruct(name string) pyobj.MethodFunc {
	return func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return constructBatchNorm(name, self, args, kwargs)
	}
}

func constructBatchNorm(name string, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "x", &xv); err != nil {
		return nil, err
	}
	x, err := arg(name, "x", xv)
	if err != nil {
		return nil, err
	}
	p, err := bnParamsOf(self)
	if err != nil {
		return nil, err
	}
	c := p.gamma.T.Numel()
	if name == "BatchNorm2d" && x.Rank() != 4 {
		return nil, core.Errorf("ValueError", "For 'BatchNorm2d', the input must be 4-D (N, C, H, W), but got shape %s", engine.FormatShape(x.Shape()))
	}
	if name == "BatchNorm1d" && x.Rank() != 2 && x.Rank() != 3 {
		return nil, core.Errorf("ValueError", "For 'BatchNorm1d', the input must be 2-D (N, C) or 3-D (N, C, L), but got shape %s", engine.FormatShape(x.Shape()))
	}
	if x.Shape()[1] != c {
		return nil, core.Errorf("ValueError", "For '%s', the input has %d channels (shape %s) but num_features is %d", name, x.Shape()[1], engine.FormatShape(x.Shape()), c)
	}
	useBatch := ensureState(self).Training
	if b, ok := attr(self, "use_batch_statistics").(starlark.Bool); ok {
		useBatch = bool(b)
	}
	eps, _ := starlark.AsFloat(attr(self, "eps"))
	momentum, _ := starlark.AsFloat(attr(self, "momentum"))
	return do(name, func() (*engine.Tensor, error) {
		return batchNorm(x, p, useBatch, eps, momentum), nil
	})
}

// batchNorm computes the normalization with engine ops, so gradients
// reach x, gamma and beta, and updates the moving statistics in place
// when it normalises by batch statistics. It runs inside do.
func batchNorm(x *engine.Tensor, p bnParams, useBatch bool, eps, momentum float64) *engine.Tensor {
	// Every axis but the channel axis 1 is reduced.
	axes := []int{0}
	bshape := []int{1, x.Shape()[1]}
	for ax := 2; ax < x.Rank(); ax++ {
		axes = append(axes, ax)
		bshape = append(bshape, 1)
	}
	d := x.DType()
	view := func(t *engine.Tensor) *engine.Tensor {
		return must(engine.Reshape(must(engine.Cast(t, d)), bshape...))
	}
	var mean, variance, centred *engine.Tensor
	if useBatch {
		mean = must(engine.Mean(x, axes, true))
		centred = must(engine.Sub(x, mean))
		variance = must(engine.Mean(must(engine.Square(centred)), axes, true))
		updateMoving(p.mean, mean, momentum)
		updateMoving(p.variance, variance, momentum)
	} else {
		mean = view(p.mean.T.Detach())
		variance = view(p.variance.T.Detach())
		centred = must(engine.Sub(x, mean))
	}
	epsT := engine.Scalar(d, eps)
	inv := must(engine.Rsqrt(must(engine.Add(variance, epsT))))
	y := must(engine.Mul(centred, inv))
	y = must(engine.Mul(y, view(p.gamma.T)))
	return must(engine.Add(y, view(p.beta.T)))
}

// updateMoving sets moving = moving*momentum + batch*(1 - momentum) in
// place, without recording a gradient.
func updateMoving(moving *tensor.Parameter, batch *engine.Tensor, momentum float64) {
	b := must(engine.Cast(must(engine.Reshape(batch.Detach(), -1)), moving.T.DType()))
	m := moving.T.Detach()
	next := must(engine.Add(must(engine.Mul(m, engine.Scalar(m.DType(), momentum))), must(engine.Mul(b, engine.Scalar(m.DType(), 1-momentum)))))
	if err := moving.T.CopyFrom(next); err != nil {
		panic(err)
	}
}
