package nn

import (
	"fmt"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// extendReprOf returns an extend_repr method that fills layout, a format
// with one %s per name, with str() of the named attributes. The layouts
// below are the ones MindSpore r1.6 writes with str.format, so each value
// prints as Python's str() of the attribute.
func extendReprOf(layout string, names ...string) pyobj.Method {
	fn := func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackArgs("extend_repr", args, kwargs); err != nil {
			return nil, err
		}
		values := make([]any, len(names))
		for i, name := range names {
			s, err := core.Str(thread, attr(self, name))
			if err != nil {
				return nil, err
			}
			values[i] = s
		}
		return starlark.String(fmt.Sprintf(layout, values...)), nil
	}
	return pyobj.Method{Name: "extend_repr", Func: fn}
}

// The extend_repr layouts of MindSpore r1.6 (mindspore/nn/layer). Cells
// that r1.6 gives no extend_repr, such as Flatten and the activations,
// keep Cell's empty one and print as "ReLU<>".
var (
	convExtendRepr = extendReprOf(
		"input_channels=%s, output_channels=%s, kernel_size=%s, stride=%s, pad_mode=%s, padding=%s, dilation=%s, group=%s, has_bias=%s, weight_init=%s, bias_init=%s, format=%s",
		"in_channels", "out_channels", "kernel_size", "stride", "pad_mode", "padding", "dilation", "group", "has_bias", "weight_init", "bias_init", "format")

	batchNormExtendRepr = extendReprOf(
		"num_features=%s, eps=%s, momentum=%s, gamma=%s, beta=%s, moving_mean=%s, moving_variance=%s",
		"num_features", "eps", "momentum", "gamma", "beta", "moving_mean", "moving_variance")

	poolExtendRepr = extendReprOf("kernel_size=%s, stride=%s, pad_mode=%s", "kernel_size", "stride", "pad_mode")

	dropoutExtendRepr = extendReprOf("keep_prob=%s, dtype=%s", "keep_prob", "dtype")

	// r1.6 writes "gamma" with no "=" sign here.
	layerNormExtendRepr = extendReprOf(
		"normalized_shape=%s, begin_norm_axis=%s, begin_params_axis=%s, gamma%s, beta=%s",
		"normalized_shape", "begin_norm_axis", "begin_params_axis", "gamma", "beta")

	embeddingExtendRepr = extendReprOf(
		"vocab_size=%s, embedding_size=%s, use_one_hot=%s, embedding_table=%s, dtype=%s, padding_idx=%s",
		"vocab_size", "embedding_size", "use_one_hot", "embedding_table", "dtype", "padding_idx")
)
