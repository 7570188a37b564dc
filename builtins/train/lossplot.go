package train

import (
	"bytes"
	"errors"
	"fmt"
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/train/lossplot"
	"go.starlark.net/starlark"
)

// LossPlot is mindspore.train.callback.LossPlot, a cellscript callback
// that MindSpore does not have.
var LossPlot *pyobj.Class

func init() {
	LossPlot = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   "LossPlot",
		Module: "mindspore.train.callback",
		Doc: `LossPlot(path)

Draws the training loss as a PNG image at path (800x500 pixels) when
Model.train ends: the loss of every step as a thin line and the mean loss
of every epoch as a thick line with points. Each Model.train call that
uses the same LossPlot adds a curve and rewrites the file. The path is
relative to the directory the script may write to.`,
		Bases: []*pyobj.Class{Callback},
		Methods: []pyobj.Method{
			{Name: "__init__", Func: lossPlotInit},
			{Name: "begin", Func: lossPlotBegin},
			{Name: "step_end", Func: lossPlotStepEnd},
			{Name: "epoch_end", Func: lossPlotEpochEnd},
			{Name: "end", Func: lossPlotEnd},
		},
	})
}

type lossPlotState struct {
	path     string
	recorder lossplot.Recorder
}

func lossPlotOf(self *pyobj.Instance) (*lossPlotState, error) {
	st, ok := self.Native.(*lossPlotState)
	if !ok {
		return nil, core.Errorf("RuntimeError", "LossPlot.__init__ was not called; a subclass must call super().__init__(path)")
	}
	return st, nil
}

func lossPlotInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var path string
	if err := starlark.UnpackArgs("LossPlot", args, kwargs, "path", &path); err != nil {
		return nil, err
	}
	if path == "" {
		return nil, core.Errorf("ValueError", "LossPlot: path must name a PNG file such as 'loss.png', got ''")
	}
	self.Native = &lossPlotState{path: path}
	return starlark.None, nil
}

func lossPlotBegin(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	st, err := lossPlotOf(self)
	if err != nil {
		return nil, err
	}
	st.recorder.TrainBegin(0, -1)
	return starlark.None, nil
}

func lossPlotStepEnd(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var rc starlark.Value
	if err := starlark.UnpackArgs("step_end", args, kwargs, "run_context", &rc); err != nil {
		return nil, err
	}
	st, err := lossPlotOf(self)
	if err != nil {
		return nil, err
	}
	params, err := cbParams(rc)
	if err != nil {
		return nil, err
	}
	loss, _, ok := LossValue(params.Lookup("net_outputs"))
	if !ok {
		loss = math.NaN()
	}
	st.recorder.StepEnd(0, 0, loss)
	return starlark.None, nil
}

func lossPlotEpochEnd(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	st, err := lossPlotOf(self)
	if err != nil {
		return nil, err
	}
	st.recorder.EpochEnd(0)
	return starlark.None, nil
}

// lossPlotEnd writes the image. A run without a finite loss draws no
// image and prints a warning instead of failing the training.
func lossPlotEnd(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	st, err := lossPlotOf(self)
	if err != nil {
		return nil, err
	}
	var png bytes.Buffer
	err = lossplot.WritePNG(&png, st.recorder.Runs())
	if errors.Is(err, lossplot.ErrNoLoss) {
		fmt.Fprintf(core.EnvOf(thread).Stderr, "LossPlot: no finite loss was recorded, so %s was not written\n", st.path)
		return starlark.None, nil
	}
	if err != nil {
		return nil, core.Errorf("RuntimeError", "LossPlot: %v", err)
	}
	return starlark.None, core.WriteFile(thread, "LossPlot", st.path, png.Bytes())
}
