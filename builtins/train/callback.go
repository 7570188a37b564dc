// Package train is mindspore.train: Model, the training callbacks and
// the metrics.
package train

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/ndformat"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

// Callback classes. Model calls the 2.x hook names (on_train_begin,
// on_train_epoch_begin, on_train_step_begin, on_train_step_end,
// on_train_epoch_end, on_train_end and the on_eval_ ones); the base
// class forwards each to its 1.x name (begin, epoch_begin, step_begin,
// step_end, epoch_end, end), so a script may override either.
var (
	Callback    *pyobj.Class
	LossMonitor *pyobj.Class
	TimeMonitor *pyobj.Class
	RunContext  *pyobj.Class
)

var hookPairs = [][2]string{
	{"on_train_begin", "begin"},
	{"on_train_epoch_begin", "epoch_begin"},
	{"on_train_step_begin", "step_begin"},
	{"on_train_step_end", "step_end"},
	{"on_train_epoch_end", "epoch_end"},
	{"on_train_end", "end"},
	{"on_eval_begin", "begin"},
	{"on_eval_epoch_begin", "epoch_begin"},
	{"on_eval_step_begin", "step_begin"},
	{"on_eval_step_end", "step_end"},
	{"on_eval_epoch_end", "epoch_end"},
	{"on_eval_end", "end"},
}

func noop(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return starlark.None, nil
}

func forward(old string) pyobj.MethodFunc {
	return func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return pyobj.CallMethod(thread, self, old, args, kwargs)
	}
}

func callbackMethods() []pyobj.Method {
	var methods []pyobj.Method
	for _, old := range []string{"begin", "epoch_begin", "step_begin", "step_end", "epoch_end", "end"} {
		methods = append(methods, pyobj.Method{Name: old, Func: noop})
	}
	for _, p := range hookPairs {
		methods = append(methods, pyobj.Method{Name: p[0], Func: forward(p[1])})
	}
	methods = append(methods,
		pyobj.Method{Name: "__init__", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return starlark.None, starlark.UnpackArgs("Callback", args, kwargs)
		}},
		pyobj.Method{Name: "__enter__", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return self, nil
		}},
		pyobj.Method{Name: "__exit__", Func: noop},
	)
	return methods
}

func init() {
	Callback = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:    "Callback",
		Module:  "mindspore.train.callback",
		Doc:     "Callback()\n\nThe base class of training callbacks. Override step_end(run_context) (or on_train_step_end) and the other hooks; run_context.original_args() returns cb_params.",
		Methods: callbackMethods(),
	})
	LossMonitor = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   "LossMonitor",
		Module: "mindspore.train.callback",
		Doc: `LossMonitor(per_print_times=1)

Prints "epoch: E step: S, loss is L" at the end of every step whose
global step number is a multiple of per_print_times, where S counts steps
within the epoch and L is the mean of the loss output printed as a NumPy
float32 (the MindSpore r1.x format: 8.328788, nan). per_print_times=0
prints nothing.`,
		Bases: []*pyobj.Class{Callback},
		Methods: []pyobj.Method{
			{Name: "__init__", Func: lossMonitorInit},
			{Name: "step_end", Func: lossMonitorStepEnd},
		},
	})
	TimeMonitor = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   "TimeMonitor",
		Module: "mindspore.train.callback",
		Doc: `TimeMonitor(data_size=None)

Prints "epoch time: T ms, per step time: P ms" (three decimals) at each
epoch end. The steps per epoch are cb_params.batch_num, or data_size when
batch_num is not a positive int.`,
		Bases: []*pyobj.Class{Callback},
		Methods: []pyobj.Method{
			{Name: "__init__", Func: timeMonitorInit},
			{Name: "epoch_begin", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				self.Native = core.EnvOf(thread).Now()
				return starlark.None, nil
			}},
			{Name: "epoch_end", Func: timeMonitorEpochEnd},
		},
	})
	RunContext = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   "RunContext",
		Module: "mindspore.train.callback",
		Doc:    "RunContext(original_args)\n\nPassed to callbacks: original_args() returns cb_params; request_stop() ends training after the current step.",
		Methods: []pyobj.Method{
			{Name: "__init__", Func: runContextInit},
			{Name: "original_args", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				return stateOf(self).args, nil
			}},
			{Name: "request_stop", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				stateOf(self).stop = true
				return starlark.None, nil
			}},
			{Name: "get_stop_requested", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				return starlark.Bool(stateOf(self).stop), nil
			}},
		},
	})
}

type runState struct {
	args starlark.Value
	stop bool
}

func runContextInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var orig starlark.Value
	if err := starlark.UnpackArgs("RunContext", args, kwargs, "original_args", &orig); err != nil {
		return nil, err
	}
	switch orig.(type) {
	case *Params, *starlark.Dict:
	default:
		return nil, core.Errorf("TypeError", "RunContext: original_args should be a dict, but got %s", orig.Type())
	}
	self.Native = &runState{args: orig}
	return starlark.None, nil
}

func stateOf(self *pyobj.Instance) *runState {
	st, ok := self.Native.(*runState)
	if !ok {
		st = &runState{args: NewParams()}
		self.Native = st
	}
	return st
}

// cbParams returns the cb_params of a RunContext argument.
func cbParams(rc starlark.Value) (*Params, error) {
	inst, ok := rc.(*pyobj.Instance)
	if !ok || !inst.Class().IsSubclass(RunContext) {
		return nil, core.Errorf("TypeError", "expected a RunContext, got %s", rc.Type())
	}
	return paramsOf(stateOf(inst).args), nil
}

func lossMonitorInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var n starlark.Value = starlark.MakeInt(1)
	if err := starlark.UnpackArgs("LossMonitor", args, kwargs, "per_print_times?", &n); err != nil {
		return nil, err
	}
	var k int
	if _, isInt := n.(starlark.Int); !isInt || starlark.AsInt(n, &k) != nil || k < 0 {
		return nil, core.Errorf("ValueError", "LossMonitor: per_print_times must be an int >= 0, but got %s", n.String())
	}
	return starlark.None, self.DictSet("_per_print_times", starlark.MakeInt(k))
}

// LossValue reduces a network output to the number LossMonitor prints:
// the first element of a tuple or list, then the mean of the tensor as
// numpy.mean computes it (in float32 for a float32 tensor). It returns
// the NumPy dtype name to print it with.
func LossValue(out starlark.Value) (float64, string, bool) {
	if tup, ok := out.(starlark.Tuple); ok && len(tup) > 0 {
		out = tup[0]
	}
	if l, ok := out.(*starlark.List); ok && l.Len() > 0 {
		out = l.Index(0)
	}
	if t, _, ok := tensor.Of(out); ok {
		if t.Numel() == 0 {
			return math.NaN(), t.DType().String(), true
		}
		d := t.DType().String()
		if d == "float32" {
			return float64(meanFloat32(t.Floats())), d, true
		}
		var s float64
		for _, v := range t.Floats() {
			s += v
		}
		mean := s / float64(t.Numel())
		if !t.DType().IsFloat() {
			d = "float64"
		}
		return mean, d, true
	}
	if f, ok := starlark.AsFloat(out); ok {
		return f, "float64", true
	}
	return 0, "", false
}

// FormatLoss prints a loss as NumPy prints a scalar of that dtype.
func FormatLoss(v float64, dtype string) string {
	s, err := ndformat.ScalarStr(dtype, v)
	if err != nil {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return s
}

func intAttr(v starlark.Value) int {
	var i int
	_ = starlark.AsInt(v, &i)
	return i
}

func lossMonitorStepEnd(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var rc starlark.Value
	if err := starlark.UnpackArgs("step_end", args, kwargs, "run_context", &rc); err != nil {
		return nil, err
	}
	per := 1
	if v, ok := self.DictGet("_per_print_times"); ok {
		per = intAttr(v)
	}
	params, err := cbParams(rc)
	if err != nil {
		return nil, err
	}
	step := intAttr(params.Lookup("cur_step_num"))
	if per == 0 || step%per != 0 {
		return starlark.None, nil
	}
	loss, dtype, ok := LossValue(params.Lookup("net_outputs"))
	if !ok {
		return starlark.None, nil
	}
	inEpoch := step
	if batches := intAttr(params.Lookup("batch_num")); batches > 0 {
		inEpoch = (step-1)%batches + 1
	}
	epoch := intAttr(params.Lookup("cur_epoch_num"))
	_, err = fmt.Fprintf(core.EnvOf(thread).Stdout, "epoch: %d step: %d, loss is %s\n", epoch, inEpoch, FormatLoss(loss, dtype))
	return starlark.None, err
}

func timeMonitorInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var size starlark.Value = starlark.None
	if err := starlark.UnpackArgs("TimeMonitor", args, kwargs, "data_size?", &size); err != nil {
		return nil, err
	}
	if size != starlark.None {
		var n int
		if _, isInt := size.(starlark.Int); !isInt || starlark.AsInt(size, &n) != nil || n <= 0 {
			return nil, core.Errorf("ValueError", "TimeMonitor: data_size must be a positive int, but got %s", size.String())
		}
	}
	return starlark.None, self.DictSet("data_size", size)
}

func timeMonitorEpochEnd(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var rc starlark.Value
	if err := starlark.UnpackArgs("epoch_end", args, kwargs, "run_context", &rc); err != nil {
		return nil, err
	}
	start, ok := self.Native.(time.Time)
	if !ok {
		return starlark.None, nil
	}
	params, err := cbParams(rc)
	if err != nil {
		return nil, err
	}
	ms := float64(core.EnvOf(thread).Now().Sub(start).Nanoseconds()) / 1e6
	steps := 0
	if v, ok := self.DictGet("data_size"); ok && v != starlark.None {
		steps = intAttr(v)
	}
	if b := intAttr(params.Lookup("batch_num")); b > 0 {
		steps = b
	}
	if steps < 1 {
		return starlark.None, nil
	}
	_, err = fmt.Fprintf(core.EnvOf(thread).Stdout, "epoch time: %5.3f ms, per step time: %5.3f ms\n", ms, ms/float64(steps))
	return starlark.None, err
}
