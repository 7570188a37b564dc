package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Wrapper cells connect a network, a loss and an optimizer.
var (
	WithLossCell     *pyobj.Class
	WithEvalCell     *pyobj.Class
	TrainOneStepCell *pyobj.Class
)

func init() {
	WithLossCell = newCellClass(cellClass{
		name:    "WithLossCell",
		doc:     "WithLossCell(backbone, loss_fn)\n\nconstruct(data, label) returns loss_fn(backbone(data), label).",
		autoOff: true,
		init: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var backbone, lossFn starlark.Value
			if err := starlark.UnpackArgs("WithLossCell", args, kwargs, "backbone", &backbone, "loss_fn", &lossFn); err != nil {
				return nil, err
			}
			if err := self.SetField("_backbone", backbone); err != nil {
				return nil, err
			}
			return starlark.None, self.SetField("_loss_fn", lossFn)
		},
		construct: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var data, label starlark.Value
			if err := starlark.UnpackArgs("WithLossCell", args, kwargs, "data", &data, "label", &label); err != nil {
				return nil, err
			}
			out, err := starlark.Call(thread, attr(self, "_backbone"), starlark.Tuple{data}, nil)
			if err != nil {
				return nil, err
			}
			return starlark.Call(thread, attr(self, "_loss_fn"), starlark.Tuple{out, label}, nil)
		},
		attrs: []pyobj.NamedValue{{Name: "backbone_network", Value: pyobj.NewProperty(starlark.NewBuiltin("backbone_network", backboneNetwork), nil, nil, "The backbone network.")}},
	})
	WithEvalCell = newCellClass(cellClass{
		name:    "WithEvalCell",
		doc:     "WithEvalCell(network, loss_fn, add_cast_fp32=False)\n\nconstruct(data, label) returns (loss, outputs, label).",
		autoOff: true,
		init: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var network, lossFn starlark.Value
			if err := starlark.UnpackArgs("WithEvalCell", args, kwargs, "network", &network, "loss_fn", &lossFn, "add_cast_fp32?", new(bool)); err != nil {
				return nil, err
			}
			if err := self.SetField("_network", network); err != nil {
				return nil, err
			}
			return starlark.None, self.SetField("_loss_fn", lossFn)
		},
		construct: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var data, label starlark.Value
			if err := starlark.UnpackArgs("WithEvalCell", args, kwargs, "data", &data, "label", &label); err != nil {
				return nil, err
			}
			out, err := starlark.Call(thread, attr(self, "_network"), starlark.Tuple{data}, nil)
			if err != nil {
				return nil, err
			}
			loss, err := starlark.Call(thread, attr(self, "_loss_fn"), starlark.Tuple{out, label}, nil)
			if err != nil {
				return nil, err
			}
			return starlark.Tuple{loss, out, label}, nil
		},
	})
	TrainOneStepCell = newCellClass(cellClass{
		name: "TrainOneStepCell",
		doc: `TrainOneStepCell(network, optimizer, sens=1.0)

construct(*inputs) computes loss = network(*inputs), its gradients with
respect to optimizer.parameters (scaled by sens), applies the optimizer
and returns the loss computed before the update.`,
		autoOff: true,
		init: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var network, opt starlark.Value
			sens := 1.0
			if err := starlark.UnpackArgs("TrainOneStepCell", args, kwargs, "network", &network, "optimizer", &opt, "sens?", (*core.Float)(&sens)); err != nil {
				return nil, err
			}
			if _, _, err := StateOf(network); err != nil {
				return nil, core.Errorf("TypeError", "TrainOneStepCell: network must be a Cell, got %s", network.Type())
			}
			st, err := OptimizerOf(opt)
			if err != nil {
				return nil, err
			}
			ensureState(network.(*pyobj.Instance)).RequiresGrad = true
			weights := make(starlark.Tuple, len(st.Params))
			for i, p := range st.Params {
				weights[i] = p
			}
			if err := self.DictSet("weights", weights); err != nil {
				return nil, err
			}
			if err := self.SetField("network", network); err != nil {
				return nil, err
			}
			if err := self.SetField("optimizer", opt); err != nil {
				return nil, err
			}
			if err := setTrainOneStepHelpers(self); err != nil {
				return nil, err
			}
			return starlark.None, self.DictSet("sens", starlark.Float(sens))
		},
		construct: trainOneStep,
	})
}

// NewTrainGrad returns ops.GradOperation(get_by_list=True,
// sens_param=True), which TrainOneStepCell stores as self.grad. The ops
// package sets it, because ops imports nn.
var NewTrainGrad func() starlark.Value

// setTrainOneStepHelpers sets the attributes that MindSpore r1.6's
// TrainOneStepCell.__init__ sets besides network, weights, optimizer and
// sens, so that a subclass's construct can use them: grad,
// reducer_flag (False without data parallelism) and grad_reducer (the
// identity).
func setTrainOneStepHelpers(self *pyobj.Instance) error {
	if NewTrainGrad != nil {
		if err := self.DictSet("grad", NewTrainGrad()); err != nil {
			return err
		}
	}
	if err := self.DictSet("reducer_flag", starlark.False); err != nil {
		return err
	}
	return self.DictSet("grad_reducer", starlark.NewBuiltin("identity", identity))
}

func identity(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("identity", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	return x, nil
}

// backboneNetwork is the getter of the WithLossCell.backbone_network
// property.
func backboneNetwork(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var self starlark.Value
	if err := starlark.UnpackPositionalArgs("backbone_network", args, kwargs, 1, &self); err != nil {
		return nil, err
	}
	inst, ok := self.(*pyobj.Instance)
	if !ok {
		return nil, core.Errorf("TypeError", "backbone_network needs a WithLossCell, got %s", self.Type())
	}
	return attr(inst, "_backbone"), nil
}

// ComputeGrads runs fn (a loss network) on inputs and returns the loss
// and its gradients with respect to params. Under check_nan (see
// core.Env.CheckNaN) a NaN or an infinity in the loss or a gradient is a
// FloatingPointError whose message starts with CheckNaNPrefix.
func ComputeGrads(thread *starlark.Thread, fn starlark.Value, inputs starlark.Tuple, params []*tensor.Parameter, sens float64) (starlark.Value, []*engine.Tensor, error) {
	loss, err := starlark.Call(thread, fn, inputs, nil)
	if err != nil {
		return nil, nil, err
	}
	lossT := loss
	if tup, ok := loss.(starlark.Tuple); ok && len(tup) > 0 {
		lossT = tup[0]
	}
	lt, _, ok := tensor.Of(lossT)
	if !ok {
		return nil, nil, core.Errorf("TypeError", "the loss network returned %s; it must return a Tensor", loss.Type())
	}
	if err := checkLoss(thread, lt); err != nil {
		return nil, nil, err
	}
	wrt := make([]*engine.Tensor, len(params))
	for i, p := range params {
		wrt[i] = p.T
	}
	var s *engine.Tensor
	if sens != 1 || lt.Rank() > 0 {
		s, _ = engine.Full(lt.DType(), sens, lt.Shape()...)
	}
	grads, err := engine.Grad(lt, wrt, s)
	if err != nil {
		return nil, nil, core.EngineError("TrainOneStepCell", err)
	}
	if err := checkGrads(thread, lt, params, grads); err != nil {
		return nil, nil, err
	}
	return loss, grads, nil
}

func trainOneStep(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, core.Errorf("TypeError", "TrainOneStepCell takes positional inputs only")
	}
	opt, err := OptimizerOf(attr(self, "optimizer"))
	if err != nil {
		return nil, err
	}
	sens, _ := starlark.AsFloat(attr(self, "sens"))
	loss, grads, err := ComputeGrads(thread, attr(self, "network"), args, opt.Params, sens)
	if err != nil {
		return nil, err
	}
	if err := opt.Apply(thread, grads); err != nil {
		return nil, err
	}
	return loss, nil
}
