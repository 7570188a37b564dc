package nn

import (
	"slices"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// LayerNorm is the native nn.LayerNorm class.
var LayerNorm *pyobj.Class

func init() {
	LayerNorm = newCellClass(cellClass{
		name: "LayerNorm",
		doc: `LayerNorm(normalized_shape, begin_norm_axis=-1, begin_params_axis=-1, gamma_init='ones', beta_init='zeros', epsilon=1e-7)

Layer normalization: y = (x - mean) / sqrt(var + epsilon) * gamma + beta,
with mean and the biased var taken over the axes from begin_norm_axis
on. gamma and beta (Parameters 'gamma' and 'beta' of shape
normalized_shape) scale the axes from begin_params_axis on.`,
		init:      layerNormInit,
		construct: layerNormConstruct,
		methods:   []pyobj.Method{layerNormExtendRepr},
	})
}

func layerNormInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var shapeV starlark.Value
	normAxis, paramsAxis := -1, -1
	var gammaInit, betaInit starlark.Value = starlark.String("ones"), starlark.String("zeros")
	eps := 1e-7
	if err := starlark.UnpackArgs("LayerNorm", args, kwargs, "normalized_shape", &shapeV, "begin_norm_axis?", &normAxis, "begin_params_axis?", &paramsAxis,
		"gamma_init?", &gammaInit, "beta_init?", &betaInit, "epsilon?", (*core.Float)(&eps)); err != nil {
		return nil, err
	}
	seq, ok := shapeV.(starlark.Indexable)
	if _, isStr := shapeV.(starlark.String); !ok || isStr {
		return nil, core.Errorf("TypeError", "For 'LayerNorm', the type of 'normalized_shape' should be tuple or list, but got %s", shapeV.Type())
	}
	shape := make([]int, seq.Len())
	for i := range shape {
		n, err := positiveInt("LayerNorm", "normalized_shape", seq.Index(i))
		if err != nil {
			return nil, err
		}
		shape[i] = n
	}
	for _, p := range []struct{ name, init string }{{"gamma", "gamma_init"}, {"beta", "beta_init"}} {
		init := gammaInit
		if p.name == "beta" {
			init = betaInit
		}
		t, err := initTensor(thread, "LayerNorm "+p.init, init, shape)
		if err != nil {
			return nil, err
		}
		if err := self.SetField(p.name, tensor.NewParameter(t, p.name, true)); err != nil {
			return nil, err
		}
	}
	return starlark.None, setAttrs(self, []pyobj.NamedValue{
		{Name: "normalized_shape", Value: shapeV},
		{Name: "begin_norm_axis", Value: starlark.MakeInt(normAxis)},
		{Name: "begin_params_axis", Value: starlark.MakeInt(paramsAxis)},
		{Name: "epsilon", Value: starlark.Float(eps)},
	})
}

func layerNormConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv starlark.Value
	if err := starlark.UnpackArgs("LayerNorm", args, kwargs, "input_x", &xv); err != nil {
		return nil, err
	}
	x, err := arg("LayerNorm", "input_x", xv)
	if err != nil {
		return nil, err
	}

	gamma, ok1 := attr(self, "gamma").(*tensor.Parameter)
	beta, ok2 := attr(self, "beta").(*tensor.Parameter)
	if !ok1 || !ok2 {
		return nil, core.Errorf("RuntimeError", "LayerNorm: gamma and beta are not Parameters; call LayerNorm.__init__")
	}

	var normAxis, paramsAxis int
	_ = starlark.AsInt(attr(self, "begin_norm_axis"), &normAxis)
	_ = starlark.AsInt(attr(self, "begin_params_axis"), &paramsAxis)
	eps, _ := starlark.AsFloat(attr(self, "epsilon"))
	rank := x.Rank()
	for _, a := range []struct {
		name string
		axis *int
	}{{"begin_norm_axis", &normAxis}, {"begin_params_axis", &paramsAxis}} {
		if *a.axis < -rank || *a.axis >= rank {
			return nil, core.Errorf("ValueError", "For 'LayerNorm', the '%s' must be in range [%d, %d) for an input of shape %s, but got %d", a.name, -rank, rank, engine.FormatShape(x.Shape()), *a.axis)
		}
		*a.axis = (*a.axis + rank) % rank
	}

	paramShape := x.Shape()[paramsAxis:]
	if !slices.Equal(paramShape, gamma.T.Shape()) {
		return nil, core.Errorf("ValueError", "For 'LayerNorm', the input shape %s from begin_params_axis %d is %s, but normalized_shape is %s", engine.FormatShape(x.Shape()), paramsAxis, engine.FormatShape(paramShape), engine.FormatShape(gamma.T.Shape()))
	}

	axes := make([]int, 0, rank-normAxis)
	for a := normAxis; a < rank; a++ {
		axes = append(axes, a)
	}
	return do("LayerNorm", func() (*engine.Tensor, error) {
		d := x.DType()
		mean := must(engine.Mean(x, axes, true))
		centred := must(engine.Sub(x, mean))
		variance := must(engine.Mean(must(engine.Square(centred)), axes, true))
		inv := must(engine.Rsqrt(must(engine.Add(variance, engine.Scalar(d, eps)))))
		y := must(engine.Mul(centred, inv))
		y = must(engine.Mul(y, must(engine.Cast(gamma.T, d))))
		return engine.Add(y, must(engine.Cast(beta.T, d)))
	})
}
