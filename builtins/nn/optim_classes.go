package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// The built-in optimizers, native subclasses of Optimizer.
var (
	Momentum        *pyobj.Class
	SGD             *pyobj.Class
	Adam            *pyobj.Class
	AdamWeightDecay *pyobj.Class
	RMSProp         *pyobj.Class
	Adagrad         *pyobj.Class
)

func optimizerClass(name, doc string, init pyobj.MethodFunc) *pyobj.Class {
	return newCellClass(cellClass{
		name:      name,
		base:      baseOptimizer(),
		doc:       doc,
		init:      init,
		construct: optConstruct,
		methods:   optMethods(),
		autoOff:   true,
	})
}

func init() {
	Momentum = optimizerClass("Momentum", `Momentum(params, learning_rate, momentum, weight_decay=0.0, loss_scale=1.0, use_nesterov=False)

Per step, for each parameter w with gradient g: g = (g + weight_decay*
loss_scale*w) / loss_scale, the decay where it applies; v = momentum*v +
g; w -= learning_rate*v. v starts at zero, so the first step is plain
SGD. With use_nesterov, w -= g*lr + v*momentum*lr.
NOTE: MindSpore's CPU kernel ignores use_nesterov; cellscript applies it.`, momentumInit)
	SGD = optimizerClass("SGD", `SGD(params, learning_rate=0.1, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False, loss_scale=1.0)

g = g/loss_scale + weight_decay*w for every parameter (no beta/gamma
exception, and group weight decays are not used); with momentum,
v = g on the first step and momentum*v + (1-dampening)*g after it, and
w -= lr*(g + momentum*v if nesterov else v); without momentum,
w -= lr*g. nesterov needs momentum > 0 and dampening 0.`, sgdInit)
	Adam = optimizerClass("Adam", `Adam(params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False, use_nesterov=False, weight_decay=0.0, loss_scale=1.0)

After weight decay and loss scaling as in Momentum:
m += (g-m)*(1-beta1); v += (g*g-v)*(1-beta2);
w -= lr*sqrt(1-beta2**t)/(1-beta1**t) * m/(sqrt(v)+eps) at step t.`, adamInit)
	AdamWeightDecay = optimizerClass("AdamWeightDecay", `AdamWeightDecay(params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-6, weight_decay=0.0)

m = beta1*m + (1-beta1)*g; v = beta2*v + (1-beta2)*g*g;
update = m/(eps + sqrt(v)) + weight_decay*w (the decay where it
applies); w -= lr*update. No bias correction and no loss scale.`, adamWeightDecayInit)
	RMSProp = optimizerClass("RMSProp", `RMSProp(params, learning_rate=0.1, decay=0.9, momentum=0.0, epsilon=1e-10, use_locking=False, centered=False, loss_scale=1.0, weight_decay=0.0)

After weight decay and loss scaling: ms = decay*ms + (1-decay)*g*g (ms
starts at 1); mom = momentum*mom + lr*g/sqrt(ms + epsilon); w -= mom.
centered also tracks mg = decay*mg + (1-decay)*g and divides by
sqrt(ms - mg*mg + epsilon).`, rmspropInit)
	Adagrad = optimizerClass("Adagrad", `Adagrad(params, accum=0.1, learning_rate=0.001, update_slots=True, loss_scale=1.0, weight_decay=0.0)

After weight decay and loss scaling: h += g*g (h starts at accum, and
is kept when update_slots is False); w -= lr*g/sqrt(h + 1e-6), with the
1e-6 of MindSpore's CPU kernel.`, adagradInit)
}

// hyperFloat checks a float hyperparameter: a float, or also an int when
// intOK, as MindSpore's optimizers check each one.
func hyperFloat(kind, name string, v starlark.Value, intOK bool) (float64, error) {
	f, isNum := starlark.AsFloat(v)
	_, isFloat := v.(starlark.Float)
	_, isBool := v.(starlark.Bool)
	if !isNum || isBool || (!isFloat && !intOK) {
		want := "float"
		if intOK {
			want = "int or float"
		}
		return 0, core.Errorf("TypeError", "For '%s', the '%s' must be %s, but got %s", kind, name, want, v.Type())
	}
	return f, nil
}

// optArgs are the arguments every optimizer constructor shares.
type optArgs struct {
	params, lr, weightDecay, lossScale starlark.Value
}

func defaultOptArgs(lr float64) optArgs {
	return optArgs{lr: starlark.Float(lr), weightDecay: starlark.Float(0), lossScale: starlark.Float(1)}
}

// finish converts the shared arguments and builds the optimizer state.
func (a optArgs) finish(self *pyobj.Instance, kind string) (*OptState, error) {
	if a.lr == nil {
		return nil, core.Errorf("TypeError", "%s() missing required argument 'learning_rate'", kind)
	}
	wd, err := hyperFloat(kind, "weight_decay", a.weightDecay, true)
	if err != nil {
		return nil, err
	}
	ls, err := hyperFloat(kind, "loss_scale", a.lossScale, true)
	if err != nil {
		return nil, err
	}
	return newOptState(self, kind, a.params, a.lr, wd, ls)
}

func momentumInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a := optArgs{weightDecay: starlark.Float(0), lossScale: starlark.Float(1)}
	var momentumV starlark.Value
	nesterov := false
	if err := starlark.UnpackArgs("Momentum", args, kwargs, "params", &a.params, "learning_rate", &a.lr, "momentum", &momentumV, "weight_decay?", &a.weightDecay, "loss_scale?", &a.lossScale, "use_nesterov?", &nesterov); err != nil {
		return nil, err
	}
	momentum, err := hyperFloat("Momentum", "momentum", momentumV, false)
	if err != nil {
		return nil, err
	}
	if momentum < 0 {
		return nil, core.Errorf("ValueError", "For 'Momentum', the argument 'momentum' must be at least 0.0, but got %s", core.FormatFloat(momentum))
	}
	st, err := a.finish(self, "Momentum")
	if err != nil {
		return nil, err
	}
	st.Hyper["momentum"] = momentum
	st.Flags["use_nesterov"] = nesterov
	return starlark.None, setAttrs(self, []pyobj.NamedValue{{Name: "momentum", Value: starlark.Float(momentum)}, {Name: "use_nesterov", Value: starlark.Bool(nesterov)}})
}

func sgdInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a := defaultOptArgs(0.1)
	var momentumV, dampeningV starlark.Value = starlark.Float(0), starlark.Float(0)
	nesterov := false
	if err := starlark.UnpackArgs("SGD", args, kwargs, "params", &a.params, "learning_rate?", &a.lr, "momentum?", &momentumV, "dampening?", &dampeningV, "weight_decay?", &a.weightDecay, "nesterov?", &nesterov, "loss_scale?", &a.lossScale); err != nil {
		return nil, err
	}
	momentum, err := hyperFloat("SGD", "momentum", momentumV, true)
	if err != nil {
		return nil, err
	}
	dampening, err := hyperFloat("SGD", "dampening", dampeningV, true)
	if err != nil {
		return nil, err
	}
	if momentum < 0 || dampening < 0 {
		return nil, core.Errorf("ValueError", "For 'SGD', the 'momentum' and 'dampening' must be at least 0.0, but got %s and %s", core.FormatFloat(momentum), core.FormatFloat(dampening))
	}
	if nesterov && (momentum <= 0 || dampening != 0) {
		return nil, core.Errorf("ValueError", "For 'SGD', if 'nesterov' is true, 'momentum' must be > 0.0 and 'dampening' must equal 0.0, but got 'momentum' %s, 'dampening' %s", core.FormatFloat(momentum), core.FormatFloat(dampening))
	}
	st, err := a.finish(self, "SGD")
	if err != nil {
		return nil, err
	}
	st.Hyper["momentum"], st.Hyper["dampening"] = momentum, dampening
	st.Flags["nesterov"] = nesterov
	return starlark.None, setAttrs(self, []pyobj.NamedValue{{Name: "momentum", Value: starlark.Float(momentum)}, {Name: "dampening", Value: starlark.Float(dampening)}, {Name: "nesterov", Value: starlark.Bool(nesterov)}})
}

// betas checks Adam's beta1, beta2 (each in (0, 1)) and eps (> 0).
func betas(kind string, b1V, b2V, epsV starlark.Value) (b1, b2, eps float64, err error) {
	if b1, err = hyperFloat(kind, "beta1", b1V, false); err != nil {
		return
	}
	if b2, err = hyperFloat(kind, "beta2", b2V, false); err != nil {
		return
	}
	if eps, err = hyperFloat(kind, "eps", epsV, false); err != nil {
		return
	}
	for _, b := range []struct {
		name string
		v    float64
	}{{"beta1", b1}, {"beta2", b2}} {
		if !(b.v > 0 && b.v < 1) {
			err = core.Errorf("ValueError", "For '%s', the '%s' must be in range (0.0, 1.0), but got %s", kind, b.name, core.FormatFloat(b.v))
			return
		}
	}
	if !(eps > 0) {
		err = core.Errorf("ValueError", "For '%s', the 'eps' must be greater than 0, but got %s", kind, core.FormatFloat(eps))
	}
	return
}

func adamInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a := defaultOptArgs(1e-3)
	var b1V, b2V, epsV starlark.Value = starlark.Float(0.9), starlark.Float(0.999), starlark.Float(1e-8)
	useLocking, nesterov := false, false
	if err := starlark.UnpackArgs("Adam", args, kwargs, "params", &a.params, "learning_rate?", &a.lr, "beta1?", &b1V, "beta2?", &b2V, "eps?", &epsV, "use_locking?", &useLocking, "use_nesterov?", &nesterov, "weight_decay?", &a.weightDecay, "loss_scale?", &a.lossScale); err != nil {
		return nil, err
	}
	b1, b2, eps, err := betas("Adam", b1V, b2V, epsV)
	if err != nil {
		return nil, err
	}
	st, err := a.finish(self, "Adam")
	if err != nil {
		return nil, err
	}
	st.Hyper["beta1"], st.Hyper["beta2"], st.Hyper["eps"] = b1, b2, eps
	st.Flags["use_nesterov"] = nesterov
	return starlark.None, setAttrs(self, []pyobj.NamedValue{{Name: "beta1", Value: b1V}, {Name: "beta2", Value: b2V}, {Name: "eps", Value: epsV}, {Name: "use_nesterov", Value: starlark.Bool(nesterov)}})
}

func adamWeightDecayInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a := defaultOptArgs(1e-3)
	var b1V, b2V, epsV starlark.Value = starlark.Float(0.9), starlark.Float(0.999), starlark.Float(1e-6)
	if err := starlark.UnpackArgs("AdamWeightDecay", args, kwargs, "params", &a.params, "learning_rate?", &a.lr, "beta1?", &b1V, "beta2?", &b2V, "eps?", &epsV, "weight_decay?", &a.weightDecay); err != nil {
		return nil, err
	}
	b1, b2, eps, err := betas("AdamWeightDecay", b1V, b2V, epsV)
	if err != nil {
		return nil, err
	}
	st, err := a.finish(self, "AdamWeightDecay")
	if err != nil {
		return nil, err
	}
	st.Hyper["beta1"], st.Hyper["beta2"], st.Hyper["eps"] = b1, b2, eps
	return starlark.None, setAttrs(self, []pyobj.NamedValue{{Name: "beta1", Value: b1V}, {Name: "beta2", Value: b2V}, {Name: "eps", Value: epsV}})
}

func rmspropInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a := defaultOptArgs(0.1)
	var decayV, momentumV, epsV starlark.Value = starlark.Float(0.9), starlark.Float(0), starlark.Float(1e-10)
	useLocking, centered := false, false
	if err := starlark.UnpackArgs("RMSProp", args, kwargs, "params", &a.params, "learning_rate?", &a.lr, "decay?", &decayV, "momentum?", &momentumV, "epsilon?", &epsV, "use_locking?", &useLocking, "centered?", &centered, "loss_scale?", &a.lossScale, "weight_decay?", &a.weightDecay); err != nil {
		return nil, err
	}
	vals := map[string]float64{}
	for _, h := range []struct {
		name string
		v    starlark.Value
	}{{"decay", decayV}, {"momentum", momentumV}, {"epsilon", epsV}} {
		f, err := hyperFloat("RMSProp", h.name, h.v, false)
		if err != nil {
			return nil, err
		}
		if h.name == "epsilon" && !(f > 0) {
			return nil, core.Errorf("ValueError", "For 'RMSProp', the 'epsilon' must be greater than 0, but got %s", core.FormatFloat(f))
		}
		if f < 0 {
			return nil, core.Errorf("ValueError", "For 'RMSProp', the '%s' must be at least 0.0, but got %s", h.name, core.FormatFloat(f))
		}
		vals[h.name] = f
	}
	st, err := a.finish(self, "RMSProp")
	if err != nil {
		return nil, err
	}
	for k, v := range vals {
		st.Hyper[k] = v
	}
	st.Flags["centered"] = centered
	return starlark.None, setAttrs(self, []pyobj.NamedValue{{Name: "decay", Value: decayV}, {Name: "momentum", Value: momentumV}, {Name: "epsilon", Value: epsV}, {Name: "centered", Value: starlark.Bool(centered)}})
}

func adagradInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a := defaultOptArgs(0.001)
	var accumV starlark.Value = starlark.Float(0.1)
	updateSlots := true
	if err := starlark.UnpackArgs("Adagrad", args, kwargs, "params", &a.params, "accum?", &accumV, "learning_rate?", &a.lr, "update_slots?", &updateSlots, "loss_scale?", &a.lossScale, "weight_decay?", &a.weightDecay); err != nil {
		return nil, err
	}
	accum, err := hyperFloat("Adagrad", "accum", accumV, false)
	if err != nil {
		return nil, err
	}
	if accum < 0 {
		return nil, core.Errorf("ValueError", "For 'Adagrad', the 'accum' must be at least 0.0, but got %s", core.FormatFloat(accum))
	}
	st, err := a.finish(self, "Adagrad")
	if err != nil {
		return nil, err
	}
	st.Hyper["accum"] = accum
	st.Flags["update_slots"] = updateSlots
	return starlark.None, setAttrs(self, []pyobj.NamedValue{{Name: "accum", Value: accumV}, {Name: "update_slots", Value: starlark.Bool(updateSlots)}})
}
