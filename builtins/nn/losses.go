package nn

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// The loss Cells are native subclasses of LossBase that script classes
// can subclass in turn. Each is built from a Go function on engine
// tensors (L1, BinaryCrossEntropy, CrossEntropy, ...) that records
// gradients; the Cell validates its constructor arguments as MindSpore
// does and keeps them as attributes.

// LossCatalogue returns the loss Cells in MindSpore's documentation
// order, without LossBase.
func LossCatalogue() []*pyobj.Class {
	return []*pyobj.Class{
		L1Loss, MAELoss, MSELoss, RMSELoss, SmoothL1Loss, HuberLoss,
		SoftMarginLoss, SoftmaxCrossEntropyWithLogits, SampledSoftmaxLoss,
		BCELoss, BCEWithLogitsLoss, CosineEmbeddingLoss, FocalLoss,
		DiceLoss, MultiClassDiceLoss, TripletMarginLoss, MultiMarginLoss,
		MultiLabelSoftMarginLoss, MultilabelMarginLoss, NLLLoss,
		CrossEntropyLoss, KLDivLoss, PoissonNLLLoss, GaussianNLLLoss,
		MarginRankingLoss, HingeEmbeddingLoss, CTCLoss,
	}
}

// FunctionalLosses returns the functional losses of mindspore.ops by
// name (ops.l1_loss, ops.cross_entropy, ...). They share the formulas
// and checks of the Cells; ops.ctc_loss returns (loss, log_alpha).
func FunctionalLosses() starlark.StringDict {
	fns := regressionFunctions()
	fns = append(fns, binaryFunctions()...)
	fns = append(fns, classFunctions()...)
	fns = append(fns, marginFunctions()...)
	fns = append(fns, multiMarginFunctions()...)
	fns = append(fns, probFunctions()...)
	fns = append(fns, ctcFunction())
	out := starlark.StringDict{}
	for _, f := range fns {
		out[f.Name()] = f
	}
	return out
}
