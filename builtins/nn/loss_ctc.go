package nn

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// CTCOptions are CTC's options.
type CTCOptions struct {
	Blank        int // the blank label, in [0, C)
	Reduction    string
	ZeroInfinity bool // replace infinite losses and their gradients by 0
}

// CTC returns the connectionist temporal classification loss of log
// probabilities (T, N, C), or (T, C) for one unbatched sequence, and the
// forward variables log alpha (N, T, 2*S+1).
//
// targets are int32 or int64: (N, S) padded rows, the concatenation of
// all targets when 1-D with batched input, or (S,) for unbatched input.
// inputLengths[b] <= T and targetLengths[b] <= inputLengths[b] (else
// RuntimeError, as MindSpore raises). A label outside [0, C) raises
// ValueError. 'mean' divides each loss by its target length (at least 1)
// and averages over the batch, as MindSpore's ops.ctc_loss and PyTorch
// do. 'sum' adds, 'none' returns shape (N,), or a 0-d tensor for
// unbatched input. It is nn.CTCLoss and ops.ctc_loss.
func CTC(logProbs, targets *engine.Tensor, inputLengths, targetLengths []int, o CTCOptions) (loss, logAlpha *engine.Tensor, err error) {
	loss, err = runLoss(func() *engine.Tensor {
		const op = "CTCLoss"
		lp := logProbs
		unbatched := lp.Rank() == 2
		if unbatched {
			if targets.Rank() != 1 {
				lossFail("ValueError", op, "for log_probs of shape (T, C) targets must be 1-D, but got shape %s", lossShape(targets))
			}
			lp = eng.Reshape(lp, lp.Shape()[0], 1, lp.Shape()[1])
		}
		if lp.Rank() != 3 {
			lossFail("ValueError", op, "log_probs must be (T, N, C) or (T, C), but got shape %s", lossShape(logProbs))
		}
		seqs := ctcTargets(op, lp, targets, inputLengths, targetLengths, unbatched)
		nll, alpha, err := engine.CTCLoss(lp, seqs, inputLengths, o.Blank, o.ZeroInfinity)
		if err != nil {
			panic(err)
		}
		logAlpha = alpha
		switch o.Reduction {
		case "sum":
			return eng.Sum(nll)
		case "mean":
			lengths := make([]float64, len(targetLengths))
			for i, l := range targetLengths {
				lengths[i] = float64(max(l, 1))
			}
			return eng.Mean(eng.Div(nll, eng.Values(nll, lengths)))
		}
		if unbatched {
			return eng.Reshape(nll)
		}
		return nll
	})
	return loss, logAlpha, err
}

// ctcTargets validates the lengths and returns each element's labels.
func ctcTargets(op string, lp, targets *engine.Tensor, inputLengths, targetLengths []int, unbatched bool) [][]int {
	t, n := lp.Shape()[0], lp.Shape()[1]
	if !targets.DType().IsInt() {
		lossFail("TypeError", op, "targets must be int32 or int64, but got %s", targets.DType())
	}
	if len(inputLengths) != n || len(targetLengths) != n {
		lossFail("ValueError", op, "a batch of %d needs %d input_lengths and target_lengths, but got %d and %d", n, n, len(inputLengths), len(targetLengths))
	}
	concatenated := targets.Rank() == 1 && !unbatched
	if !concatenated && !unbatched && (targets.Rank() != 2 || targets.Shape()[0] != n) {
		lossFail("ValueError", op, "targets must be (N, S) = (%d, S) or 1-D, but got shape %s", n, lossShape(targets))
	}
	width := targets.Numel()
	if targets.Rank() == 2 {
		width = targets.Shape()[1]
	}
	seqs := make([][]int, n)
	offset := 0
	for b := range n {
		if f := inputLengths[b]; f < 0 || f > t {
			lossFail("RuntimeError", op, "input_lengths[%d] = %d must be in [0, %d], the number of frames T", b, f, t)
		}
		l := targetLengths[b]
		if l < 0 || l > inputLengths[b] {
			lossFail("RuntimeError", op, "target_lengths[%d] = %d must be in [0, input_lengths[%d] = %d]", b, l, b, inputLengths[b])
		}
		start := b * width
		if concatenated {
			start = offset
		}
		if (!concatenated && l > width) || start+l > targets.Numel() {
			lossFail("RuntimeError", op, "target_lengths[%d] = %d exceeds the %d labels that targets hold for it", b, l, targets.Numel()-start)
		}
		seqs[b] = make([]int, l)
		for i := range l {
			seqs[b][i] = int(targets.Int(start + i))
		}
		offset += l
	}
	return seqs
}

// CTCLoss is the Cell of this file.
var CTCLoss *pyobj.Class

func parseCTC(call string, v []starlark.Value) (CTCOptions, error) {
	var o CTCOptions
	var err error
	if o.Blank, err = lossArgs.Int(call, "blank", v[0]); err != nil {
		return o, err
	}
	if o.Reduction, err = lossArgs.Reduction(call, v[1]); err != nil {
		return o, err
	}
	o.ZeroInfinity, err = lossArgs.Bool(call, "zero_infinity", v[2])
	return o, err
}

var (
	ctcParams = []lossParam{optionalParam("blank", starlark.MakeInt(0)), optionalParam("reduction", starlark.String("mean")), optionalParam("zero_infinity", starlark.False)}
	ctcInputs = []lossParam{requiredParam("log_probs"), requiredParam("targets"), requiredParam("input_lengths"), requiredParam("target_lengths")}
)

// ctcCall converts the inputs and runs CTC.
func ctcCall(call string, o CTCOptions, in []starlark.Value) (loss, logAlpha *engine.Tensor, err error) {
	lp, err := lossArgs.Tensor(call, "log_probs", in[0])
	if err != nil {
		return nil, nil, err
	}
	tg, err := lossArgs.Tensor(call, "targets", in[1])
	if err != nil {
		return nil, nil, err
	}
	inLen, err := lossArgs.Lengths(call, "input_lengths", in[2])
	if err != nil {
		return nil, nil, err
	}
	tgLen, err := lossArgs.Lengths(call, "target_lengths", in[3])
	if err != nil {
		return nil, nil, err
	}
	return CTC(lp, tg, inLen, tgLen, o)
}

func init() {
	CTCLoss = lossDef[CTCOptions]{
		name: "CTCLoss",
		doc: `CTCLoss(blank=0, reduction='mean', zero_infinity=False)

Call: loss(log_probs, targets, input_lengths, target_lengths).
Connectionist temporal classification loss -log p(target | input) of
log_probs (T, N, C), or (T, C) for one sequence, with int32/int64
targets (N, S) padded, 1-D concatenated, or (S,) for one sequence, and
lengths as Tensors, tuples or ints. 'mean' (the default) divides each
loss by its target length and averages over the batch, as MindSpore's
ops.ctc_loss and PyTorch do; 'sum' adds; 'none' returns shape (N,).
zero_infinity=True replaces the infinite loss of an unalignable target,
and its gradient, by 0. A label outside [0, C) raises ValueError (native
kernels read out of bounds), an input length above T or a target length
above its input length raises RuntimeError. The gradient is the exact
derivative with respect to log_probs.`,
		params: ctcParams, config: parseCTC, inputs: ctcInputs,
		compute: func(thread *starlark.Thread, call string, params []lossParam, o CTCOptions, in []starlark.Value) (starlark.Value, error) {
			loss, _, err := ctcCall(call, o, in)
			return lossResult(call, loss, err)
		},
	}.class()
}

// ctcFunction returns ops.ctc_loss, which returns (loss, log_alpha).
func ctcFunction() *starlark.Builtin {
	return funcDef[CTCOptions]{
		name: "ctc_loss", inputs: ctcInputs, params: ctcParams, config: parseCTC,
		compute: func(thread *starlark.Thread, call string, params []lossParam, o CTCOptions, in []starlark.Value) (starlark.Value, error) {
			loss, alpha, err := ctcCall(call, o, in)
			if err != nil {
				_, err = lossResult(call, nil, err)
				return nil, err
			}
			return starlark.Tuple{tensor.New(loss), tensor.New(alpha)}, nil
		},
	}.builtin()
}
