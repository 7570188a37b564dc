package train

import (
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/dataset"
	"github.com/cellscript/cellscript/builtins/nn"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// trainOptions are the arguments of one train or fit call.
type trainOptions struct {
	epochs, initialEpoch int
	callbacks            []starlark.Value
	sink                 bool
	sinkSize             int
	valid                *dataset.Dataset // fit's valid_dataset, or nil
	validEvery           func(epoch int) bool
	hooks                *Hooks
}

func modelTrain(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	m, err := modelOf(self)
	if err != nil {
		return nil, err
	}
	var ds, cbv starlark.Value = nil, starlark.None
	opts := trainOptions{sinkSize: -1}
	if err := starlark.UnpackArgs("Model.train", args, kwargs, "epoch", &opts.epochs, "train_dataset", &ds, "callbacks?", &cbv, "dataset_sink_mode?", &opts.sink, "sink_size?", &opts.sinkSize, "initial_epoch?", &opts.initialEpoch); err != nil {
		return nil, err
	}
	return starlark.None, m.startTraining(thread, "Model.train", ds, cbv, opts)
}

func modelFit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	m, err := modelOf(self)
	if err != nil {
		return nil, err
	}
	var ds, valid, freq, cbv starlark.Value = nil, starlark.None, starlark.MakeInt(1), starlark.None
	opts := trainOptions{sinkSize: -1}
	if err := starlark.UnpackArgs("Model.fit", args, kwargs, "epoch", &opts.epochs, "train_dataset", &ds, "valid_dataset?", &valid, "valid_frequency?", &freq, "callbacks?", &cbv, "dataset_sink_mode?", &opts.sink, "valid_dataset_sink_mode?", new(bool), "sink_size?", &opts.sinkSize, "initial_epoch?", &opts.initialEpoch); err != nil {
		return nil, err
	}
	if valid != starlark.None {
		if opts.valid, err = datasetArg("Model.fit", valid); err != nil {
			return nil, err
		}
		if opts.validEvery, err = validFrequency(freq); err != nil {
			return nil, err
		}
		if m.metrics.Len() == 0 {
			return nil, core.Errorf("ValueError", "Model.fit: valid_dataset needs metrics; pass metrics={'acc'} (or another metric) to Model")
		}
	}
	return starlark.None, m.startTraining(thread, "Model.fit", ds, cbv, opts)
}

// validFrequency converts valid_frequency: an int n evaluates after
// every epoch divisible by n, a list after the epochs it lists.
func validFrequency(v starlark.Value) (func(int) bool, error) {
	if _, isInt := v.(starlark.Int); isInt {
		var n int
		if err := starlark.AsInt(v, &n); err != nil || n <= 0 {
			return nil, core.Errorf("ValueError", "Model.fit: valid_frequency must be a positive int or a list of epochs, got %s", v.String())
		}
		return func(e int) bool { return e%n == 0 }, nil
	}
	list, ok := v.(*starlark.List)
	if !ok {
		return nil, core.Errorf("TypeError", "Model.fit: valid_frequency must be an int or a list of epochs, not %s", v.Type())
	}
	epochs := map[int]bool{}
	for i := 0; i < list.Len(); i++ {
		var e int
		if err := starlark.AsInt(list.Index(i), &e); err != nil {
			return nil, core.Errorf("TypeError", "Model.fit: valid_frequency must list ints, found %s", list.Index(i).Type())
		}
		epochs[e] = true
	}
	return func(e int) bool { return epochs[e] }, nil
}

func (m *modelState) startTraining(thread *starlark.Thread, call string, ds, cbv starlark.Value, opts trainOptions) error {
	if opts.epochs <= 0 {
		return core.Errorf("ValueError", "%s: epoch must be a positive int, but got %d", call, opts.epochs)
	}
	if opts.initialEpoch < 0 || opts.initialEpoch >= opts.epochs {
		return core.Errorf("ValueError", "%s: initial_epoch must be in [0, epoch), but got %d", call, opts.initialEpoch)
	}
	data, err := datasetArg(call, ds)
	if err != nil {
		return err
	}
	if opts.callbacks, err = callbackList(cbv); err != nil {
		return err
	}
	opts.hooks = scriptHooks(thread)
	return m.train(thread, data, opts)
}

// session is the state of one training call.
type session struct {
	m       *modelState
	thread  *starlark.Thread
	opts    trainOptions
	data    *dataset.Dataset
	lossNet starlark.Value
	opt     *nn.OptState
	params  *Params
	rc      starlark.Value
	run     *runState
	step    int
	pass    int // dataset passes opened, for the shuffle of each
	pull    dataset.Pull
	batches int
	stopped bool
}

// train is the loop behind Model.train, Model.fit and RunModel.
func (m *modelState) train(thread *starlark.Thread, data *dataset.Dataset, opts trainOptions) (err error) {
	s, err := m.newSession(thread, data, opts)
	if err != nil {
		return err
	}
	defer opts.hooks.TrainEnd()
	if err := opts.hooks.TrainBegin(opts.epochs, s.batches); err != nil {
		if s.stopped, err = stopOrErr(err); err != nil {
			return err
		}
	}
	if err := callHook(thread, opts.callbacks, "on_train_begin", s.rc); err != nil {
		return err
	}
	for e := opts.initialEpoch + 1; e <= opts.epochs && !s.stopped; e++ {
		if err := s.epoch(e); err != nil {
			return err
		}
	}
	return callHook(thread, opts.callbacks, "on_train_end", s.rc)
}

func (m *modelState) newSession(thread *starlark.Thread, data *dataset.Dataset, opts trainOptions) (*session, error) {
	s := &session{m: m, thread: thread, opts: opts, data: data}
	var err error
	if s.lossNet, err = m.trainNetwork(thread); err != nil {
		return nil, err
	}
	if m.optimizer != starlark.None {
		if s.opt, err = nn.OptimizerOf(m.optimizer); err != nil {
			return nil, err
		}
	}
	if err := setTrain(thread, m.network, true); err != nil {
		return nil, err
	}
	if s.batches, err = data.Size(thread); err != nil {
		return nil, err
	}
	s.params = NewParams()
	for _, kv := range []struct {
		name string
		v    starlark.Value
	}{
		{"train_network", s.lossNet}, {"network", m.network}, {"loss_fn", m.lossFn},
		{"optimizer", m.optimizer}, {"epoch_num", starlark.MakeInt(opts.epochs)},
		{"batch_num", starlark.MakeInt(s.batches)}, {"train_dataset", starlark.None},
		{"parallel_mode", starlark.String("stand_alone")}, {"device_number", starlark.MakeInt(1)},
		{"list_callback", starlark.NewList(append([]starlark.Value(nil), opts.callbacks...))},
		{"cur_epoch_num", starlark.MakeInt(opts.initialEpoch)}, {"cur_step_num", starlark.MakeInt(0)},
		{"dataset_sink_mode", starlark.Bool(s.sinking())}, {"net_outputs", starlark.None},
		{"mode", starlark.String("train")}, {"last_save_ckpt_step", starlark.None},
		{"latest_ckpt_file", starlark.None},
	} {
		s.params.Set(kv.name, kv.v)
	}
	if s.rc, err = starlark.Call(thread, RunContext, starlark.Tuple{s.params}, nil); err != nil {
		return nil, err
	}
	s.run = stateOf(s.rc.(*pyobj.Instance))
	return s, nil
}

// sinking reports whether steps run in dataset sink mode: requested,
// and on a device other than the CPU, where MindSpore has no sink mode.
func (s *session) sinking() bool {
	return s.opts.sink && core.EnvOf(s.thread).Device != "CPU"
}

func (s *session) epoch(e int) error {
	s.params.Set("cur_epoch_num", starlark.MakeInt(e))
	if err := callHook(s.thread, s.opts.callbacks, "on_train_epoch_begin", s.rc); err != nil {
		return err
	}
	var err error
	if s.sinking() {
		err = s.sinkEpoch(e)
	} else {
		err = s.plainEpoch(e)
	}
	if err != nil {
		return err
	}
	if s.opts.valid != nil && s.opts.validEvery(e) {
		res, err := s.m.evaluate(s.thread, s.opts.valid, nil, true)
		if err != nil {
			return err
		}
		s.params.Set("eval_results", res)
		if err := setTrain(s.thread, s.m.network, true); err != nil {
			return err
		}
	}
	if err := callHook(s.thread, s.opts.callbacks, "on_train_epoch_end", s.rc); err != nil {
		return err
	}
	if err := s.opts.hooks.EpochEnd(e); err != nil {
		stop, err := stopOrErr(err)
		if err != nil {
			return err
		}
		s.stopped = s.stopped || stop
	}
	s.stopped = s.stopped || s.run.stop
	return nil
}

// plainEpoch runs one pass over the dataset with callbacks per step.
func (s *session) plainEpoch(e int) error {
	pull, err := s.data.Open(s.thread, s.pass)
	if err != nil {
		return err
	}
	s.pass++
	for !s.stopped && !s.run.stop {
		if err := core.CheckCancel(s.thread); err != nil {
			return err
		}
		row, ok, err := pull()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if err := callHook(s.thread, s.opts.callbacks, "on_train_step_begin", s.rc); err != nil {
			return err
		}
		if err := s.runStep(e, row); err != nil {
			return err
		}
		if err := callHook(s.thread, s.opts.callbacks, "on_train_step_end", s.rc); err != nil {
			return err
		}
	}
	return nil
}

// sinkEpoch runs sink_size steps (the dataset size when sink_size is
// -1), drawing rows continuously across epochs, with one step_begin and
// one step_end callback around them, as MindSpore's sink mode does.
func (s *session) sinkEpoch(e int) error {
	steps := s.batches
	if s.opts.sinkSize > 0 {
		steps = s.opts.sinkSize
	}
	if err := callHook(s.thread, s.opts.callbacks, "on_train_step_begin", s.rc); err != nil {
		return err
	}
	for k := 0; k < steps && !s.stopped; k++ {
		if err := core.CheckCancel(s.thread); err != nil {
			return err
		}
		row, ok, err := s.nextSinkRow()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		if err := s.runStep(e, row); err != nil {
			return err
		}
	}
	return callHook(s.thread, s.opts.callbacks, "on_train_step_end", s.rc)
}

func (s *session) nextSinkRow() (dataset.Row, bool, error) {
	for tries := 0; tries < 2; tries++ {
		if s.pull == nil {
			pull, err := s.data.Open(s.thread, s.pass)
			if err != nil {
				return nil, false, err
			}
			s.pull = pull
			s.pass++
		}
		row, ok, err := s.pull()
		if err != nil || ok {
			return row, ok, err
		}
		s.pull = nil
	}
	return nil, false, nil
}

// runStep trains on one batch and updates cb_params.
func (s *session) runStep(e int, row dataset.Row) error {
	inputs := rowArgs(row)
	loss, err := trainStep(s.thread, s.lossNet, s.opt, inputs)
	if err != nil {
		return withStep(err, e, s.step+1)
	}
	s.step++
	s.params.Set("cur_step_num", starlark.MakeInt(s.step))
	s.params.Set("net_outputs", loss)
	s.params.Set("train_dataset_element", starlark.NewList(append([]starlark.Value(nil), inputs...)))
	v, _, _ := LossValue(loss)
	if err := s.opts.hooks.StepEnd(e, s.step, v); err != nil {
		stop, err := stopOrErr(err)
		if err != nil {
			return err
		}
		s.stopped = stop
	}
	return nil
}

// withStep adds the epoch and the global step to the error that
// check_nan raises, so that it reports where training stopped.
func withStep(err error, epoch, step int) error {
	typ, msg := pyobj.Classify(err)
	rest, ok := strings.CutPrefix(msg, nn.CheckNaNPrefix)
	if typ != "FloatingPointError" || !ok {
		return err
	}
	return core.Errorf(typ, "%sepoch %d step %d: %s", nn.CheckNaNPrefix, epoch, step, rest)
}

// trainStep runs one step. With an optimizer, the loss network's
// gradients update the optimizer's parameters, and the loss from before
// the update is returned. Without one, lossNet is a training cell that
// does its own update.
func trainStep(thread *starlark.Thread, lossNet starlark.Value, opt *nn.OptState, inputs starlark.Tuple) (starlark.Value, error) {
	if opt == nil {
		return starlark.Call(thread, lossNet, inputs, nil)
	}
	loss, grads, err := nn.ComputeGrads(thread, lossNet, inputs, opt.Params, 1)
	if err != nil {
		return nil, err
	}
	return loss, opt.Apply(thread, grads)
}
