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

// Callback classes. Model.train calls the 2.x hook names
// (on_train_begin, on_train_epoch_begin, on_train_step_begin,
// on_train_step_end, on_train_epoch_end, on_train_end); the base class
// forwards each to its 1.x name (begin, epoch_begin, step_begin,
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
	{"on_eval_begin", ""},
	{"on_eval_epoch_begin", ""},
	{"on_eval_step_begin", ""},
	{"on_eval_step_end", ""},
	{"on_eval_epoch_end", ""},
	{"on_eval_end", ""},
}

func noop(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return starlark.None, nil
}

func forward(old string) pyobj.MethodFunc {
	return func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		m, err := self.Attr(old)
		if err != nil || m == nil {
			return starlark.None, err
		}
		return starlark.Call(thread, m, args, kwargs)
	}
}

func init() {
	var methods []pyobj.Method
	for _, p := range hookPairs {
		if p[1] == "" {
			methods = append(methods, pyobj.Method{Name: p[0], Func: noop})
			continue
		}
		methods = append(methods, pyobj.Method{Name: p[0], Func: forward(p[1])}, pyobj.Method{Name: p[1], Func: noop})
	}
	methods = append(methods, pyobj.Method{Name: "__init__", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return starlark.None, starlark.UnpackArgs("Callback", args, kwargs)
	}})
	Callback = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:    "Callback",
		Module:  "mindspore.train.callback",
		Doc:     "Callback()\n\nThe base class of training callbacks. Override step_end(run_context) (or on_train_step_end) and the other hooks; run_context.original_args() returns cb_params.",
		Methods: methods,
	})
	LossMonitor = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   "LossMonitor",
		Module: "mindspore.train.callback",
		Doc: `LossMonitor(per_print_times=1)

Prints "epoch: E step: S, loss is L" every per_print_times steps, where S
counts steps within the epoch and L is the mean of the loss output
printed as a NumPy float32 (the MindSpore r1.x format: 8.328788, nan).
per_print_times=0 prints nothing.`,
		Bases: []*pyobj.Class{Callback},
		Methods: []pyobj.Method{
			{Name: "__init__", Func: lossMonitorInit},
			{Name: "step_end", Func: lossMonitorStepEnd},
		},
	})
	TimeMonitor = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   "TimeMonitor",
		Module: "mindspore.train.callback",
		Doc:    "TimeMonitor(data_size=None)\n\nPrints the epoch time and the time per step at each epoch end.",
		Bases:  []*pyobj.Class{Callback},
		Methods: []pyobj.Method{
			{Name: "__init__", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				var size starlark.Value = starlark.None
				if err := starlark.UnpackArgs("TimeMonitor", args, kwargs, "data_size?", &size); err != nil {
					return nil, err
				}
				return starlark.None, self.DictSet("data_size", size)
			}},
			{Name: "epoch_begin", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				self.Native = time.Now()
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
			{Name: "__init__", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				var orig starlark.Value = starlark.None
				if err := starlark.UnpackArgs("RunContext", args, kwargs, "original_args?", &orig); err != nil {
					return nil, err
				}
				self.Native = &runState{args: orig}
				return starlark.None, nil
			}},
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

func stateOf(self *pyobj.Instance) *runState {
	st, ok := self.Native.(*runState)
	if !ok {
		st = &runState{args: starlark.None}
		self.Native = st
	}
	return st
}

func lossMonitorInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var n starlark.Value = starlark.MakeInt(1)
	if err := starlark.UnpackArgs("LossMonitor", args, kwargs, "per_print_times?", &n); err != nil {
		return nil, err
	}
	var k int
	if _, isInt := n.(starlark.Int); !isInt || starlark.AsInt(n, &k) != nil || k < 0 {
		return nil, core.Errorf("ValueError", "print_step must be int and >= 0.")
	}
	return starlark.None, self.DictSet("_per_print_times", starlark.MakeInt(k))
}

// LossValue reduces a network output to the number LossMonitor prints:
// the first element of a tuple, then the mean of the tensor in float64
// rounded to the tensor's dtype.
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
		var s float64
		for _, v := range t.Floats() {
			s += v
		}
		mean := s / float64(t.Numel())
		d := t.DType().String()
		if d == "float32" {
			mean = float64(float32(mean))
		}
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
	if per == 0 {
		return starlark.None, nil
	}
	params, err := cbParams(thread, rc)
	if err != nil {
		return nil, err
	}
	loss, dtype, ok := LossValue(params.Get("net_outputs"))
	if !ok {
		return starlark.None, nil
	}
	step := intAttr(params.Get("cur_step_num"))
	batches := intAttr(params.Get("batch_num"))
	inEpoch := step
	if batches > 0 {
		inEpoch = (step-1)%batches + 1
	}
	if step%per != 0 {
		return starlark.None, nil
	}
	epoch := intAttr(params.Get("cur_epoch_num"))
	_, err = fmt.Fprintf(core.EnvOf(thread).Stdout, "epoch: %d step: %d, loss is %s\n", epoch, inEpoch, FormatLoss(loss, dtype))
	return starlark.None, err
}

// cbParams calls run_context.original_args().
func cbParams(thread *starlark.Thread, rc starlark.Value) (*core.Namespace, error) {
	inst, ok := rc.(*pyobj.Instance)
	if !ok {
		return nil, core.Errorf("TypeError", "step_end expects a RunContext, got %s", rc.Type())
	}
	ns, ok := stateOf(inst).args.(*core.Namespace)
	if !ok {
		return core.NewNamespace("cb_params"), nil
	}
	return ns, nil
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
	params, err := cbParams(thread, rc)
	if err != nil {
		return nil, err
	}
	ms := float64(time.Since(start).Microseconds()) / 1000
	steps := intAttr(params.Get("batch_num"))
	if v, ok := self.DictGet("data_size"); ok && v != starlark.None {
		steps = intAttr(v)
	}
	per := ms
	if steps > 0 {
		per = ms / float64(steps)
	}
	_, err = fmt.Fprintf(core.EnvOf(thread).Stdout, "epoch time: %s ms, per step time: %s ms\n", core.FormatFloat(math.Round(ms*1000)/1000), core.FormatFloat(math.Round(per*1000)/1000))
	return starlark.None, err
}
