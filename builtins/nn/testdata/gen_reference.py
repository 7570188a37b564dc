#!/usr/bin/python3
"""Write the nn reference cases: cellscript scripts and expected values.

Run with Debian's NumPy 1.24 (/usr/bin/python3 gen_reference.py) from
this directory. Each case is a script in scripts/ that stores results in
a global dict `out`, and an entry in reference.json with the expected
values of out[name] (flattened) and the tolerances. The expected values
are computed here in float64 NumPy from MindSpore's documented formulas.
Random initial values come from numpy.random.RandomState(seed), because
mindspore.set_seed(seed) seeds that same stream in cellscript.
"""

import json
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = {}

HEADER = """import math
import numpy as np
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor, Parameter, ParameterTuple
from mindspore.common.initializer import Normal, Uniform, TruncatedNormal, XavierUniform, XavierNormal, HeUniform, HeNormal, Zero, One, Constant

out = {}
"""


def lit(a):
    """Return a Python literal for an array or number, exact in float64."""
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 0:
        return repr(float(a))
    return "[" + ", ".join(lit(x) for x in a) + "]"


def flat(v):
    return [float(x) for x in np.asarray(v, dtype=np.float64).reshape(-1)]


def case(name, body, expected, rtol, atol=0.0):
    """Record a case: body is the script after HEADER."""
    CASES[name] = {
        "rtol": rtol,
        "atol": atol,
        "outputs": {k: flat(v) for k, v in expected.items()},
    }
    with open(os.path.join(HERE, "scripts", name + ".py"), "w") as f:
        f.write(f"# Reference case {name}; written by gen_reference.py.\n")
        f.write(HEADER + body)


# ---------------------------------------------------------------------------
# Optimizers: fixed gradients applied for several steps.

W0 = np.array([[0.5, -0.3, 0.8], [0.1, 0.7, -0.6]])
B0 = np.array([0.2, -0.1])
GAMMA0 = np.array([1.0, 0.9, 1.1])
NAMES = ["fc.weight", "fc.bias", "bn.gamma"]
STEPS = 4
_rs = np.random.RandomState(1234)
GRADS = {n: [_rs.normal(size=s) for _ in range(STEPS)] for n, s in zip(NAMES, [(2, 3), (2,), (3,)])}


def opt_body(dtype, setup, ctor):
    grads = "{" + ", ".join(f'"{n}": [{", ".join(lit(g) for g in GRADS[n])}]' for n in NAMES) + "}"
    return f"""DT = np.{dtype}
w = Parameter(Tensor(np.array({lit(W0)}, DT)), name="fc.weight")
b = Parameter(Tensor(np.array({lit(B0)}, DT)), name="fc.bias")
gamma = Parameter(Tensor(np.array({lit(GAMMA0)}, DT)), name="bn.gamma")
params = [w, b, gamma]
G = {grads}
{setup}
opt = {ctor}
for step in range({STEPS}):
    grads = tuple([Tensor(np.array(G[p.name][step], DT)) for p in opt.parameters])
    out[f"lr{{step}}"] = opt.get_lr()
    opt(grads)
    out[f"w{{step}}"] = w.asnumpy().copy()
    out[f"b{{step}}"] = b.asnumpy().copy()
    out[f"gamma{{step}}"] = gamma.asnumpy().copy()
out["order"] = [NAMES_INDEX[p.name] for p in opt.parameters]
"""


class Param:
    def __init__(self, name, value, lr, wd, decay):
        self.name, self.w, self.lr, self.wd, self.decay = name, value.copy(), lr, wd, decay
        self.slots = {}

    def slot(self, key, init):
        if key not in self.slots:
            self.slots[key] = np.full_like(self.w, init)
        return self.slots[key]


def run_reference(kind, params, hyper, ls, steps):
    """Apply MindSpore's update rule `kind` in float64; return w per step."""
    history = []
    bp1 = bp2 = 1.0
    for step in range(steps):
        if kind == "Adam":
            bp1 *= hyper["beta1"]
            bp2 *= hyper["beta2"]
        for p in params:
            g = GRADS[p.name][step].copy()
            lr = p.lr(step)
            if kind not in ("SGD", "AdamWeightDecay") and p.decay and p.wd > 0:
                g = p.w * (p.wd * ls) + g
            if kind != "AdamWeightDecay" and ls != 1:
                g = g * (1 / ls)
            if kind == "Momentum":
                v = p.slot("v", 0)
                v[:] = v * hyper["momentum"] + g
                if hyper.get("nesterov"):
                    p.w -= g * lr + v * hyper["momentum"] * lr
                else:
                    p.w -= lr * v
            elif kind == "SGD":
                if hyper["wd"] > 0:
                    g = g + p.w * hyper["wd"]
                m, d = hyper["momentum"], hyper["dampening"]
                if m > 0:
                    acc = p.slot("accum", 0)
                    acc[:] = g if step == 0 else acc * m + (1 - d) * g
                    g = g + acc * m if hyper.get("nesterov") else acc.copy()
                p.w -= lr * g
            elif kind == "Adam":
                b1, b2, eps = hyper["beta1"], hyper["beta2"], hyper["eps"]
                lr_t = lr * math.sqrt(1 - bp2) / (1 - bp1)
                m, v = p.slot("m", 0), p.slot("v", 0)
                m += (g - m) * (1 - b1)
                v += (g * g - v) * (1 - b2)
                num = m * b1 + (1 - b1) * g if hyper.get("nesterov") else m
                p.w -= lr_t * num / (np.sqrt(v) + eps)
            elif kind == "AdamWeightDecay":
                b1, b2, eps = hyper["beta1"], hyper["beta2"], hyper["eps"]
                m, v = p.slot("m", 0), p.slot("v", 0)
                m[:] = b1 * m + (1 - b1) * g
                v[:] = b2 * v + (1 - b2) * g * g
                upd = m / (eps + np.sqrt(v))
                if p.decay:
                    upd = p.wd * p.w + upd
                p.w -= lr * upd
            elif kind == "RMSProp":
                dec, mom_c, eps = hyper["decay"], hyper["momentum"], hyper["epsilon"]
                ms_, mom = p.slot("ms", 1.0), p.slot("mom", 0)
                ms_ += (g * g - ms_) * (1 - dec)
                denom = ms_ + eps
                if hyper.get("centered"):
                    mg = p.slot("mg", 0)
                    mg += (g - mg) * (1 - dec)
                    denom = ms_ - mg * mg + eps
                mom[:] = mom * mom_c + g * lr / np.sqrt(denom)
                p.w -= mom
            elif kind == "Adagrad":
                acc = p.slot("accum", hyper["accum"])
                if hyper["update_slots"]:
                    acc += g * g
                p.w -= lr * g * (1 / np.sqrt(acc + 1e-6))
        history.append({p.name: p.w.copy() for p in params})
    return history


def const(v):
    return lambda step: v


def plain_params(lr, wd, decay_filter=True):
    vals = [W0, B0, GAMMA0]
    return [Param(n, v, lr, wd, (("beta" not in n and "gamma" not in n) if decay_filter else True)) for n, v in zip(NAMES, vals)]


def opt_case(name, kind, ctor, params, hyper, ls=1.0, setup="", dtype="float64", order=NAMES, group_lr=False):
    hist = run_reference(kind, params, hyper, ls, STEPS)
    expected = {}
    for step, h in enumerate(hist):
        expected[f"w{step}"] = h["fc.weight"]
        expected[f"b{step}"] = h["fc.bias"]
        expected[f"gamma{step}"] = h["bn.gamma"]
    expected["order"] = [NAMES.index(n) for n in order]
    # get_lr returns float32: one rate, or one per parameter when a group
    # sets its own.
    by_name = {p.name: p for p in params}
    for step in range(STEPS):
        lrs = [by_name[n].lr(step) for n in order] if group_lr else [params[0].lr(step)]
        expected[f"lr{step}"] = [f32(v) for v in lrs]
    setup = "NAMES_INDEX = {" + ", ".join(f'"{n}": {i}' for i, n in enumerate(NAMES)) + "}\n" + setup
    # float64 parameters follow the float64 reference to rounding; float32
    # parameters round every kernel operation to float32.
    rtol, atol = (1e-12, 1e-14) if dtype == "float64" else (2e-5, 2e-6)
    case(name, opt_body(dtype, setup, ctor), expected, rtol, atol)


def f32(x):
    return float(np.float32(x))


def optimizer_cases():
    opt_case("momentum", "Momentum", "nn.Momentum(params, 0.1, 0.9)", plain_params(const(0.1), 0), {"momentum": 0.9})
    opt_case("momentum_float32", "Momentum", "nn.Momentum(params, 0.1, 0.9)", plain_params(const(0.1), 0), {"momentum": 0.9}, dtype="float32")
    opt_case("momentum_decay_loss_scale", "Momentum", "nn.Momentum(params, 0.1, 0.9, weight_decay=0.01, loss_scale=4.0)",
             plain_params(const(0.1), 0.01), {"momentum": 0.9}, ls=4.0)
    opt_case("momentum_nesterov", "Momentum", "nn.Momentum(params, 0.05, 0.8, use_nesterov=True)",
             plain_params(const(0.05), 0), {"momentum": 0.8, "nesterov": True})
    # Groups: the first group decays (gamma too, since groups ignore the
    # name filter) with its own rate; order_params fixes the order.
    groups = [Param("fc.weight", W0, const(0.05), 0.01, True), Param("bn.gamma", GAMMA0, const(0.05), 0.01, True),
              Param("fc.bias", B0, const(0.1), 0.0, False)]
    setup = 'group_params = [{"params": [w, gamma], "lr": 0.05, "weight_decay": 0.01}, {"params": [b]}, {"order_params": [b, gamma, w]}]'
    opt_case("momentum_groups", "Momentum", "nn.Momentum(group_params, learning_rate=0.1, momentum=0.9)", groups,
             {"momentum": 0.9}, setup=setup, order=["fc.bias", "bn.gamma", "fc.weight"], group_lr=True)
    opt_case("sgd_momentum_dampening", "SGD", "nn.SGD(params, 0.1, momentum=0.9, dampening=0.1, weight_decay=0.01, loss_scale=2.0)",
             plain_params(const(0.1), 0), {"momentum": 0.9, "dampening": 0.1, "wd": 0.01}, ls=2.0)
    opt_case("sgd_nesterov", "SGD", "nn.SGD(params, 0.1, momentum=0.9, nesterov=True)",
             plain_params(const(0.1), 0), {"momentum": 0.9, "dampening": 0.0, "wd": 0.0, "nesterov": True})
    opt_case("sgd_plain_float32", "SGD", "nn.SGD(params, 0.2)", plain_params(const(0.2), 0),
             {"momentum": 0.0, "dampening": 0.0, "wd": 0.0}, dtype="float32")
    adam = {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}
    opt_case("adam", "Adam", "nn.Adam(params, 0.01, weight_decay=0.01, loss_scale=2.0)", plain_params(const(0.01), 0.01), adam, ls=2.0)
    opt_case("adam_float32", "Adam", "nn.Adam(params, 0.01)", plain_params(const(0.01), 0), adam, dtype="float32")
    opt_case("adam_nesterov", "Adam", "nn.Adam(params, 0.02, beta1=0.8, beta2=0.99, eps=1e-6, use_nesterov=True)",
             plain_params(const(0.02), 0), {"beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "nesterov": True})
    opt_case("adam_weight_decay", "AdamWeightDecay", "nn.AdamWeightDecay(params, 0.01, weight_decay=0.1)",
             plain_params(const(0.01), 0.1), {"beta1": 0.9, "beta2": 0.999, "eps": 1e-6})
    opt_case("rmsprop", "RMSProp", "nn.RMSProp(params, 0.01, decay=0.9, momentum=0.5, weight_decay=0.01)",
             plain_params(const(0.01), 0.01), {"decay": 0.9, "momentum": 0.5, "epsilon": 1e-10})
    opt_case("rmsprop_centered", "RMSProp", "nn.RMSProp(params, 0.01, decay=0.8, momentum=0.3, epsilon=1e-6, centered=True)",
             plain_params(const(0.01), 0), {"decay": 0.8, "momentum": 0.3, "epsilon": 1e-6, "centered": True})
    opt_case("adagrad", "Adagrad", "nn.Adagrad(params, accum=0.1, learning_rate=0.1, weight_decay=0.01, loss_scale=8.0)",
             plain_params(const(0.1), 0.01), {"accum": 0.1, "update_slots": True}, ls=8.0)
    opt_case("adagrad_frozen_slots", "Adagrad", "nn.Adagrad(params, accum=0.5, learning_rate=0.1, update_slots=False)",
             plain_params(const(0.1), 0), {"accum": 0.5, "update_slots": False})

    # Learning rates other than a float.
    steps = [0.1, 0.05, 0.025, 0.0125]
    opt_case("lr_list", "Momentum", f"nn.Momentum(params, {lit(steps)}, 0.9)", plain_params(lambda s: steps[s], 0), {"momentum": 0.9})
    opt_case("lr_tensor_1d", "Momentum", f"nn.Momentum(params, Tensor(np.array({lit(steps)}, np.float64)), 0.9)",
             plain_params(lambda s: steps[s], 0), {"momentum": 0.9})
    opt_case("lr_tensor_0d", "Adam", "nn.Adam(params, Tensor(0.01, ms.float32))", plain_params(const(f32(0.01)), 0), adam)
    opt_case("lr_schedule", "SGD", "nn.SGD(params, nn.ExponentialDecayLR(0.1, 0.5, 2), momentum=0.9)",
             plain_params(lambda s: f32(0.1 * 0.5 ** (s / 2)), 0), {"momentum": 0.9, "dampening": 0.0, "wd": 0.0})
    opt_case("lr_warmup_rmsprop", "RMSProp", "nn.RMSProp(params, nn.WarmUpLR(0.1, 2))",
             plain_params(lambda s: f32(0.1 * min(s, 2) / 2), 0), {"decay": 0.9, "momentum": 0.0, "epsilon": 1e-10})
    pw = [0.1, 0.1, 0.01, 0.01]
    opt_case("lr_piecewise", "Momentum", "nn.Momentum(params, nn.piecewise_constant_lr([2, 4], [0.1, 0.01]), 0.9)",
             plain_params(lambda s: pw[s], 0), {"momentum": 0.9})
    groups = [Param("fc.weight", W0, lambda s: steps[s], 0, False), Param("fc.bias", B0, const(0.1), 0, False),
              Param("bn.gamma", GAMMA0, const(0.1), 0, False)]
    setup = f'group_params = [{{"params": [w], "lr": {lit(steps)}}}, {{"params": [b, gamma]}}]'
    opt_case("lr_group_dynamic", "Momentum", "nn.Momentum(group_params, 0.1, 0.9)", groups, {"momentum": 0.9}, setup=setup, group_lr=True)
    centralization_case()


def centralization_case():
    """Grad centralization subtracts each row's mean from gradients of
    rank >= 2 whose second dimension is a multiple of 16."""
    rs = np.random.RandomState(77)
    w16, w3 = rs.normal(size=(2, 16)), rs.normal(size=(2, 3))
    g16, g3 = rs.normal(size=(2, 16)), rs.normal(size=(2, 3))
    body = f"""a = Parameter(Tensor(np.array({lit(w16)})), name="a")
c = Parameter(Tensor(np.array({lit(w3)})), name="c")
opt = nn.Momentum([{{"params": [a, c], "grad_centralization": True}}], 0.1, 0.9)
opt((Tensor(np.array({lit(g16)})), Tensor(np.array({lit(g3)}))))
out["a"] = a.asnumpy().copy()
out["c"] = c.asnumpy().copy()
"""
    expected = {"a": w16 - 0.1 * (g16 - g16.mean(axis=1, keepdims=True)), "c": w3 - 0.1 * g3}
    case("grad_centralization", body, expected, 1e-12, 1e-14)


# ---------------------------------------------------------------------------
# Learning-rate schedules and the dynamic_lr functions.

def schedule_cases():
    steps = range(9)
    specs = {
        "exp": ("nn.ExponentialDecayLR(0.1, 0.9, 4)", lambda s: 0.1 * 0.9 ** (s / 4)),
        "exp_stair": ("nn.ExponentialDecayLR(0.1, 0.9, 4, True)", lambda s: 0.1 * 0.9 ** math.floor(s / 4)),
        "natural": ("nn.NaturalExpDecayLR(0.1, 0.9, 4)", lambda s: 0.1 * math.exp(-0.9 * s)),
        "natural_stair": ("nn.NaturalExpDecayLR(0.1, 0.9, 4, True)", lambda s: 0.1 * math.exp(-0.9 * math.floor(s / 4) * 4)),
        "inverse": ("nn.InverseDecayLR(0.1, 0.5, 2)", lambda s: 0.1 / (1 + 0.5 * s / 2)),
        "inverse_stair": ("nn.InverseDecayLR(0.1, 0.5, 2, True)", lambda s: 0.1 / (1 + 0.5 * math.floor(s / 2))),
        "cosine": ("nn.CosineDecayLR(0.01, 0.1, 4)", lambda s: 0.01 + 0.5 * 0.09 * (1 + math.cos(math.pi * min(s, 4) / 4))),
        "poly": ("nn.PolynomialDecayLR(0.1, 0.01, 4, 0.5)", lambda s: 0.09 * (1 - min(s, 4) / 4) ** 0.5 + 0.01),
        "poly_update": ("nn.PolynomialDecayLR(0.1, 0.01, 4, 0.5, True)",
                        lambda s: 0.09 * (1 - s / (4 * max(math.ceil(s / 4), 1))) ** 0.5 + 0.01),
        "warmup": ("nn.WarmUpLR(0.1, 3)", lambda s: 0.1 * min(s, 3) / 3),
    }
    body = ""
    expected = {}
    for key, (ctor, fn) in specs.items():
        body += f"s = {ctor}\nout[\"{key}\"] = [s(Tensor(i, ms.int32)) for i in range({len(steps)})]\n"
        expected[key] = [fn(s) for s in steps]
    body += 'out["int_step"] = nn.WarmUpLR(0.1, 3)(2)\n'
    expected["int_step"] = [0.1 * 2 / 3]
    # The schedules return float32 scalars: one float32 rounding.
    case("schedules", body, expected, 1e-6)

    def dyn(cur, total, per_epoch):
        return [cur(i // per_epoch) for i in range(total)]

    calls = {
        "piecewise": ("nn.piecewise_constant_lr([2, 5, 10], [0.1, 0.05, 0.01])", [0.1] * 2 + [0.05] * 3 + [0.01] * 5),
        "exponential": ("nn.exponential_decay_lr(0.1, 0.9, 6, 2, 1)", dyn(lambda e: 0.1 * 0.9 ** (e / 1), 6, 2)),
        "exponential_stair": ("nn.exponential_decay_lr(0.1, 0.9, 10, 2, 2, True)", dyn(lambda e: 0.1 * 0.9 ** math.floor(e / 2), 10, 2)),
        "natural_exp": ("nn.natural_exp_decay_lr(0.1, 0.9, 6, 2, 2, True)", dyn(lambda e: 0.1 * math.e ** (-0.9 * (math.floor(e / 2) * 2)), 6, 2)),
        "natural_exp_smooth": ("nn.natural_exp_decay_lr(0.1, 0.9, 6, 2, 2)", dyn(lambda e: 0.1 * math.e ** (-0.9 * e), 6, 2)),
        "inverse": ("nn.inverse_decay_lr(0.1, 0.5, 6, 1, 1, True)", dyn(lambda e: 0.1 / (1 + 0.5 * math.floor(e / 1)), 6, 1)),
        "inverse_smooth": ("nn.inverse_decay_lr(0.1, 0.5, 6, 1, 2)", dyn(lambda e: 0.1 / (1 + 0.5 * e / 2), 6, 1)),
        "cosine": ("nn.cosine_decay_lr(0.01, 0.1, 6, 2, 2)", dyn(lambda e: 0.01 + 0.045 * (1 + math.cos(math.pi * min(e, 2) / 2)), 6, 2)),
        "polynomial": ("nn.polynomial_decay_lr(0.1, 0.01, 6, 2, 2, 0.5)", dyn(lambda e: 0.09 * (1 - min(e, 2) / 2) ** 0.5 + 0.01, 6, 2)),
        "polynomial_update": ("nn.polynomial_decay_lr(0.1, 0.01, 8, 1, 2, 2.0, True)",
                              dyn(lambda e: 0.09 * (1 - e / (2 * max(math.ceil(e / 2), 1))) ** 2.0 + 0.01, 8, 1)),
        "warmup": ("nn.warmup_lr(0.1, 6, 2, 2)", dyn(lambda e: 0.1 * min(e, 2) / 2, 6, 2)),
    }
    body = "".join(f'out["{k}"] = {c}\n' for k, (c, _) in calls.items())
    body += 'out["lengths"] = [len(out[k]) for k in ' + repr(list(calls)) + "]\n"
    expected = {k: v for k, (_, v) in calls.items()}
    expected["lengths"] = [len(v) for _, v in calls.values()]
    case("dynamic_lr", body, expected, 1e-12)


# ---------------------------------------------------------------------------
# Layers.

def relu(x):
    return np.maximum(x, 0)


def softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def dense_cases():
    rs = np.random.RandomState(7)
    w = rs.normal(size=(4, 3))
    b = rs.normal(size=(4,))
    x = rs.normal(size=(2, 3))
    x3 = rs.normal(size=(2, 5, 3))
    body = f"""W = Tensor(np.array({lit(w)}, np.float32))
B = Tensor(np.array({lit(b)}, np.float32))
x = Tensor(np.array({lit(x)}, np.float32))
x3 = Tensor(np.array({lit(x3)}, np.float32))
for act in [None, "relu", "sigmoid", "tanh", "softmax", "logsoftmax", nn.Tanh()]:
    net = nn.Dense(3, 4, weight_init=W, bias_init=B, activation=act)
    key = "cell"
    if act is None:
        key = "none"
    elif isinstance(act, str):
        key = act
    out[key] = net(x)
out["rank3"] = nn.Dense(3, 4, W, B)(x3)
out["no_bias"] = nn.Dense(3, 4, W, has_bias=False)(x)
"""
    # float32 inputs in cellscript, float64 here.
    w32, b32, x32, x332 = (np.float32(a).astype(np.float64) for a in (w, b, x, x3))
    y = x32 @ w32.T + b32
    expected = {
        "none": y, "relu": relu(y), "sigmoid": 1 / (1 + np.exp(-y)), "tanh": np.tanh(y),
        "softmax": softmax(y), "logsoftmax": np.log(softmax(y)), "cell": np.tanh(y),
        "rank3": x332 @ w32.T + b32, "no_bias": x32 @ w32.T,
    }
    case("dense_forward", body, expected, 1e-5, 1e-6)


def init_cases():
    """Dense initializers by name and object, drawn after set_seed(seed)."""
    specs = []  # (label, weight_init expression, function(rs, shape) -> values)
    def normal(sigma, mean=0.0):
        return lambda rs, shape: rs.normal(mean, sigma, shape)

    def uniform(bound):
        return lambda rs, shape: rs.uniform(-bound, bound, shape)

    def truncated(sigma, mean=0.0):
        def draw(rs, shape):
            vals = []
            for _ in range(int(np.prod(shape))):
                z = rs.standard_normal()
                while z < -2 or z > 2:
                    z = rs.standard_normal()
                vals.append(mean + sigma * z)
            return np.array(vals).reshape(shape)
        return draw

    fan_in, fan_out = 6, 5  # weight shape (5, 6)
    specs += [
        ("zeros", "'zeros'", lambda rs, s: np.zeros(s)),
        ("Zero", "Zero()", lambda rs, s: np.zeros(s)),
        ("ones", "'ones'", lambda rs, s: np.ones(s)),
        ("One", "One()", lambda rs, s: np.ones(s)),
        ("Constant", "Constant(0.7)", lambda rs, s: np.full(s, 0.7)),
        ("number", "0.25", lambda rs, s: np.full(s, 0.25)),
        ("normal", "'normal'", normal(0.01)),
        ("Normal", "Normal(0.2, 1.0)", normal(0.2, 1.0)),
        ("uniform", "'uniform'", uniform(0.07)),
        ("Uniform", "Uniform(0.3)", uniform(0.3)),
        ("truncatedNormal", "'truncatedNormal'", truncated(0.01)),
        ("TruncatedNormal", "TruncatedNormal(1.5)", truncated(1.5)),
        ("xavier_uniform", "'xavier_uniform'", uniform(math.sqrt(6 / (fan_in + fan_out)))),
        ("XavierUniform", "XavierUniform(2.0)", uniform(2.0 * math.sqrt(6 / (fan_in + fan_out)))),
        ("xavier_normal", "'xavier_normal'", normal(math.sqrt(2 / (fan_in + fan_out)))),
        ("XavierNormal", "XavierNormal(0.5)", normal(0.5 * math.sqrt(2 / (fan_in + fan_out)))),
        ("he_uniform", "'he_uniform'", uniform(math.sqrt(3) * math.sqrt(2) / math.sqrt(fan_in))),
        ("HeUniform_fan_out", "HeUniform(mode='fan_out')", uniform(math.sqrt(3) * math.sqrt(2) / math.sqrt(fan_out))),
        ("HeUniform_slope", "HeUniform(negative_slope=math.sqrt(5))", uniform(1 / math.sqrt(fan_in))),
        ("he_normal", "'HE_NORMAL'", normal(math.sqrt(2) / math.sqrt(fan_in))),
        ("HeNormal_tanh", "HeNormal(nonlinearity='tanh')", normal(5 / 3 / math.sqrt(fan_in))),
        ("identity", "'identity'", lambda rs, s: np.eye(s[0], s[1])),
    ]
    body = "shape_in, shape_out = 6, 5\n"
    expected = {}
    for i, (label, expr, fn) in enumerate(specs):
        seed = 100 + i
        body += f"ms.set_seed({seed})\nout[\"{label}\"] = nn.Dense(shape_in, shape_out, weight_init={expr}).weight.asnumpy()\n"
        expected[label] = np.float32(fn(np.random.RandomState(seed), (fan_out, fan_in))).astype(np.float64)
    # r2.1+ defaults: weight HeUniform(sqrt(5)) then bias Uniform(1/sqrt(fan_in)).
    body += "ms.set_seed(7)\nd = nn.Dense(6, 5, weight_init=None, bias_init=None)\n"
    body += 'out["none_weight"] = d.weight.asnumpy()\nout["none_bias"] = d.bias.asnumpy()\n'
    rs = np.random.RandomState(7)
    bound = 1 / math.sqrt(fan_in)
    expected["none_weight"] = np.float32(rs.uniform(-bound, bound, (5, 6)))
    expected["none_bias"] = np.float32(rs.uniform(-bound, bound, (5,)))
    # r1.x defaults: 'normal' weight, zero bias.
    body += "ms.set_seed(8)\nd = nn.Dense(6, 5)\nout[\"default_weight\"] = d.weight.asnumpy()\nout[\"default_bias\"] = d.bias.asnumpy()\n"
    expected["default_weight"] = np.float32(np.random.RandomState(8).normal(0, 0.01, (5, 6)))
    expected["default_bias"] = np.zeros(5)
    # Orthogonal through initializer(): q of the QR of a standard normal matrix.
    body += "ms.set_seed(9)\nfrom mindspore.common.initializer import initializer\nout[\"orthogonal\"] = initializer('orthogonal', [3, 5])\n"
    data = np.random.RandomState(9).standard_normal((3, 5)).T
    q, r = np.linalg.qr(data)
    q *= np.sign(np.diag(r))
    expected["orthogonal"] = np.float32(q.T)
    body += "ms.set_seed(10)\nout[\"variance_scaling\"] = initializer('varianceScaling', [5, 6])\n"
    expected["variance_scaling"] = np.float32(truncated(math.sqrt(1 / 6) / 0.87962566103423978)(np.random.RandomState(10), (5, 6)))
    body += "ms.set_seed(11)\nfrom mindspore.common.initializer import Sparse\nout[\"sparse\"] = initializer(Sparse(0.5, 0.2), [4, 3])\n"
    rs = np.random.RandomState(11)
    sparse = rs.normal(0, 0.2, (4, 3))
    for col in range(3):
        sparse[rs.permutation(4)[:2], col] = 0
    expected["sparse"] = np.float32(sparse)
    body += "out[\"dirac\"] = initializer('dirac', [2, 3, 3, 3])\n"
    dirac = np.zeros((2, 3, 3, 3))
    dirac[0, 0, 1, 1] = dirac[1, 1, 1, 1] = 1
    expected["dirac"] = dirac
    case("initializers", body, expected, 1e-7, 1e-7)


def dropout_cases():
    rs = np.random.RandomState(3)
    x = np.arange(1, 13, dtype=np.float64).reshape(3, 4)
    body = f"""x = Tensor(np.array({lit(x)}, np.float32))
d = nn.Dropout(keep_prob=0.8)
out["eval"] = d(x)
ms.set_seed(3)
d.set_train()
out["keep_prob"] = d(x)
ms.set_seed(4)
out["p"] = nn.Dropout(p=0.25).set_train()(x)
out["p_zero"] = nn.Dropout(p=0.0).set_train()(x)
net = nn.SequentialCell([nn.Dropout(0.5)])
net.set_train(True)
net.set_train(False)
out["eval_after_toggle"] = net(x)
"""
    mask = np.random.RandomState(3).random_sample(12).reshape(3, 4) < 0.8
    mask_p = np.random.RandomState(4).random_sample(12).reshape(3, 4) < 0.75
    expected = {
        "eval": x,
        "keep_prob": x * mask * np.float32(1 / 0.8),
        "p": x * mask_p * np.float32(1 / 0.75),
        "p_zero": x,
        "eval_after_toggle": x,
    }
    case("dropout", body, expected, 1e-6)


def batchnorm_cases():
    rs = np.random.RandomState(11)
    x1, x2 = rs.normal(size=(4, 3)), rs.normal(size=(4, 3)) * 2 + 1
    gamma, beta = rs.normal(size=3), rs.normal(size=3)
    x3 = rs.normal(size=(2, 3, 4))
    dy = rs.normal(size=(4, 3))
    body = f"""x1 = Tensor(np.array({lit(x1)}, np.float32))
x2 = Tensor(np.array({lit(x2)}, np.float32))
x3 = Tensor(np.array({lit(x3)}, np.float32))
dy = Tensor(np.array({lit(dy)}, np.float32))
bn = nn.BatchNorm1d(3, momentum=0.9, gamma_init=Tensor(np.array({lit(gamma)}, np.float32)), beta_init=Tensor(np.array({lit(beta)}, np.float32)))
bn.set_train()
out["train1"] = bn(x1)
out["train2"] = bn(x2)
out["moving_mean"] = bn.moving_mean.asnumpy().copy()
out["moving_var"] = bn.moving_variance.asnumpy().copy()
bn.set_train(False)
out["eval"] = bn(x1)
bn.set_train()
def loss(x):
    return (bn(x) * dy).sum()
grads = ms.grad(loss, grad_position=0, weights=[bn.gamma, bn.beta])(x1)
out["dx"] = grads[0]
out["dgamma"] = grads[1][0]
out["dbeta"] = grads[1][1]
out["names"] = [len(p.name) for p in bn.get_parameters()]
out["trainable"] = len(bn.trainable_params())
bn3 = nn.BatchNorm1d(3, momentum=0.5)
bn3.set_train()
out["rank3"] = bn3(x3)
out["rank3_mean"] = bn3.moving_mean.asnumpy().copy()
"""
    f = lambda a: np.float32(a).astype(np.float64)
    x1, x2, x3, gamma, beta, dy = map(f, (x1, x2, x3, gamma, beta, dy))
    eps = 1e-5

    def train(x, mm, mv):
        mean, var = x.mean(0), x.var(0)
        y = (x - mean) / np.sqrt(var + eps) * gamma + beta
        return y, mm * 0.9 + mean * 0.1, mv * 0.9 + var * 0.1

    y1, mm, mv = train(x1, np.zeros(3), np.ones(3))
    y2, mm, mv = train(x2, mm, mv)
    n = x1.shape[0]
    xhat = (x1 - x1.mean(0)) / np.sqrt(x1.var(0) + eps)
    inv = 1 / np.sqrt(x1.var(0) + eps)
    dxhat = dy * gamma
    dx = inv / n * (n * dxhat - dxhat.sum(0) - xhat * (dxhat * xhat).sum(0))
    m3 = x3.mean(axis=(0, 2), keepdims=True)
    v3 = x3.var(axis=(0, 2), keepdims=True)
    expected = {
        "train1": y1, "train2": y2, "moving_mean": mm, "moving_var": mv,
        "eval": (x1 - mm) / np.sqrt(mv + eps) * gamma + beta,
        "dx": dx, "dgamma": (dy * xhat).sum(0), "dbeta": dy.sum(0),
        "names": [len("mean"), len("variance"), len("gamma"), len("beta")],
        "trainable": [2],
        "rank3": (x3 - m3) / np.sqrt(v3 + eps),
        "rank3_mean": 0.5 * m3.reshape(-1),
    }
    case("batchnorm1d", body, expected, 1e-4, 1e-5)


def conv_ref(x, w, stride, pad, dil, groups):
    n, c, h, wd = x.shape
    co, cg, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad[0], pad[1]), (pad[2], pad[3])))
    oh = (h + pad[0] + pad[1] - dil[0] * (kh - 1) - 1) // stride[0] + 1
    ow = (wd + pad[2] + pad[3] - dil[1] * (kw - 1) - 1) // stride[1] + 1
    out = np.zeros((n, co, oh, ow))
    og = co // groups
    for o in range(co):
        g = o // og
        for i in range(oh):
            for j in range(ow):
                patch = xp[:, g * cg:(g + 1) * cg, i * stride[0]:i * stride[0] + dil[0] * (kh - 1) + 1:dil[0],
                           j * stride[1]:j * stride[1] + dil[1] * (kw - 1) + 1:dil[1]]
                out[:, o, i, j] = (patch * w[o]).sum(axis=(1, 2, 3))
    return out


def same_pad(size, k, s, d=1):
    out = -(-size // s)
    need = max(0, (out - 1) * s + d * (k - 1) + 1 - size)
    return need // 2, need - need // 2


def conv_cases():
    rs = np.random.RandomState(21)
    x = rs.normal(size=(2, 2, 5, 6))
    w = rs.normal(size=(4, 2, 3, 3))
    wg = rs.normal(size=(4, 1, 3, 2))
    bias = rs.normal(size=4)
    r = rs.normal(size=(2, 4, 3, 3))
    body = f"""x = Tensor(np.array({lit(x)}, np.float32))
W = Tensor(np.array({lit(w)}, np.float32))
WG = Tensor(np.array({lit(wg)}, np.float32))
BIAS = Tensor(np.array({lit(bias)}, np.float32))
R = Tensor(np.array({lit(r)}, np.float32))
out["same"] = nn.Conv2d(2, 4, 3, weight_init=W)(x)
out["same_stride2_bias"] = nn.Conv2d(2, 4, 3, stride=2, has_bias=True, weight_init=W, bias_init=BIAS)(x)
out["valid_dilation"] = nn.Conv2d(2, 4, 3, pad_mode='valid', dilation=(1, 2), weight_init=W)(x)
out["pad"] = nn.Conv2d(2, 4, 3, pad_mode='pad', padding=(1, 2, 0, 1), stride=(2, 1), weight_init=W)(x)
out["group"] = nn.Conv2d(2, 4, (3, 2), pad_mode='valid', group=2, weight_init=WG)(x)
conv = nn.Conv2d(2, 4, 3, stride=2, weight_init=W)
out["names"] = [p.name for p in conv.get_parameters()] == ["weight"]
def loss(x):
    return (conv(x) * R).sum()
gx, gw = ms.grad(loss, 0, conv.trainable_params())(x)
out["grad_w"] = gw[0]
out["grad_x_sum"] = gx.sum()
"""
    f = lambda a: np.float32(a).astype(np.float64)
    x, w, wg, bias, r = map(f, (x, w, wg, bias, r))
    p = same_pad(5, 3, 1) + same_pad(6, 3, 1)
    p2 = same_pad(5, 3, 2) + same_pad(6, 3, 2)
    # d loss / d w = correlation of x with R over the padded input.
    xp = np.pad(x, ((0, 0), (0, 0), (p2[0], p2[1]), (p2[2], p2[3])))
    gw = np.zeros_like(w)
    for o in range(4):
        for c in range(2):
            for i in range(3):
                for j in range(3):
                    gw[o, c, i, j] = (xp[:, c, i:i + 5:2, j:j + 5:2] * r[:, o]).sum()
    expected = {
        "same": conv_ref(x, w, (1, 1), p, (1, 1), 1),
        "same_stride2_bias": conv_ref(x, w, (2, 2), p2, (1, 1), 1) + bias.reshape(1, 4, 1, 1),
        "valid_dilation": conv_ref(x, w, (1, 1), (0, 0, 0, 0), (1, 2), 1),
        "pad": conv_ref(x, w, (2, 1), (1, 2, 0, 1), (1, 1), 1),
        "group": conv_ref(x, wg, (1, 1), (0, 0, 0, 0), (1, 1), 2),
        "names": [1],
        "grad_w": gw,
        "grad_x_sum": [gx_sum(x, w, r, p2)],
    }
    case("conv2d", body, expected, 1e-4, 1e-4)


def gx_sum(x, w, r, pad):
    """Sum of d loss / d x for loss = sum(conv(x) * r), by finite sums."""
    xp_shape = (x.shape[0], x.shape[1], x.shape[2] + pad[0] + pad[1], x.shape[3] + pad[2] + pad[3])
    g = np.zeros(xp_shape)
    for o in range(w.shape[0]):
        for i in range(r.shape[2]):
            for j in range(r.shape[3]):
                g[:, :, 2 * i:2 * i + 3, 2 * j:2 * j + 3] += r[:, o, i, j][:, None, None, None] * w[o][None]
    return g[:, :, pad[0]:pad[0] + x.shape[2], pad[2]:pad[2] + x.shape[3]].sum()


def pool_ref(x, k, s, pad):
    xp = np.pad(x, ((0, 0), (0, 0), (pad[0], pad[1]), (pad[2], pad[3])), constant_values=-np.inf)
    oh = (xp.shape[2] - k[0]) // s[0] + 1
    ow = (xp.shape[3] - k[1]) // s[1] + 1
    out = np.zeros(x.shape[:2] + (oh, ow))
    for i in range(oh):
        for j in range(ow):
            out[:, :, i, j] = xp[:, :, i * s[0]:i * s[0] + k[0], j * s[1]:j * s[1] + k[1]].max(axis=(2, 3))
    return out


def pool_cases():
    rs = np.random.RandomState(31)
    x = rs.permutation(2 * 5 * 7).reshape(1, 2, 5, 7).astype(np.float64)
    body = f"""x = Tensor(np.array({lit(x)}, np.float32))
out["valid"] = nn.MaxPool2d(2, 2)(x)
out["same"] = nn.MaxPool2d(kernel_size=2, stride=2, pad_mode='same')(x)
out["same_k3"] = nn.MaxPool2d(3, (1, 2), pad_mode='SAME')(x)
out["pad"] = nn.MaxPool2d(3, 1, pad_mode='pad', padding=1)(x)
out["default"] = nn.MaxPool2d()(x)
pool = nn.MaxPool2d(2, 2, pad_mode='same')
g = ms.grad(lambda t: pool(t).sum())(x)
out["grad"] = g
"""
    same = same_pad(5, 2, 2) + same_pad(7, 2, 2)
    same3 = same_pad(5, 3, 1) + same_pad(7, 3, 2)
    gs = np.zeros_like(x)
    xp = np.pad(x, ((0, 0), (0, 0), (same[0], same[1]), (same[2], same[3])), constant_values=-np.inf)
    for c in range(2):
        for i in range(xp.shape[2] // 2):
            for j in range(xp.shape[3] // 2):
                win = xp[0, c, 2 * i:2 * i + 2, 2 * j:2 * j + 2]
                a, b2 = np.unravel_index(np.argmax(win), win.shape)
                gs[0, c, 2 * i + a - same[0], 2 * j + b2 - same[2]] += 1
    expected = {
        "valid": pool_ref(x, (2, 2), (2, 2), (0, 0, 0, 0)),
        "same": pool_ref(x, (2, 2), (2, 2), same),
        "same_k3": pool_ref(x, (3, 3), (1, 2), same3),
        "pad": pool_ref(x, (3, 3), (1, 1), (1, 1, 1, 1)),
        "default": x,
        "grad": gs,
    }
    case("maxpool2d", body, expected, 0, 0)


def embedding_cases():
    rs = np.random.RandomState(41)
    table = rs.normal(size=(5, 3))
    ids = np.array([[0, 2, 4], [4, 1, 1]])
    r = rs.normal(size=(2, 3, 3))
    body = f"""TABLE = Tensor(np.array({lit(table)}, np.float32))
ids = Tensor(np.array({lit(ids)}, np.int32))
R = Tensor(np.array({lit(r)}, np.float32))
emb = nn.Embedding(5, 3, embedding_table=TABLE)
out["lookup"] = emb(ids)
out["lookup_int64"] = emb(Tensor(np.array([3, 0], np.int64)))
g = ms.grad(lambda i: (emb(i) * R).sum(), None, emb.trainable_params())(ids)
out["grad_table"] = g[0]
pad = nn.Embedding(5, 3, embedding_table=TABLE, padding_idx=1)
out["padded"] = pad.embedding_table.asnumpy()
out["table_untouched"] = TABLE
out["name"] = [pad.trainable_params()[0].name == "embedding_table"]
ms.set_seed(12)
out["normal_table"] = nn.Embedding(4, 2).embedding_table.asnumpy()
"""
    t32 = np.float32(table).astype(np.float64)
    r32 = np.float32(r).astype(np.float64)
    gt = np.zeros_like(t32)
    for i in range(2):
        for j in range(3):
            gt[ids[i, j]] += r32[i, j]
    padded = t32.copy()
    padded[1] = 0
    expected = {
        "lookup": t32[ids], "lookup_int64": t32[[3, 0]], "grad_table": gt, "padded": padded, "table_untouched": t32, "name": [1],
        "normal_table": np.float32(np.random.RandomState(12).normal(0, 0.01, (4, 2))),
    }
    case("embedding", body, expected, 1e-6, 1e-7)


def misc_layer_cases():
    rs = np.random.RandomState(51)
    x = rs.normal(size=(2, 3, 4))
    body = f"""x = Tensor(np.array({lit(x)}, np.float32))
out["flatten"] = nn.Flatten()(x)
out["flatten_shape"] = list(nn.Flatten()(x).shape) + list(nn.Flatten(0, 1)(x).shape) + list(nn.Flatten(start_dim=2)(x).shape)
out["softmax_axis0"] = nn.Softmax(axis=0)(x)
out["logsoftmax"] = nn.LogSoftmax()(x)
out["relu"] = nn.ReLU()(x)
out["sigmoid"] = nn.Sigmoid()(x)
out["tanh"] = nn.Tanh()(x)
"""
    x = np.float32(x).astype(np.float64)
    expected = {
        "flatten": x.reshape(2, 12),
        "flatten_shape": [2, 12, 6, 4, 2, 3, 4],
        "softmax_axis0": softmax(x, 0), "logsoftmax": np.log(softmax(x)),
        "relu": relu(x), "sigmoid": 1 / (1 + np.exp(-x)), "tanh": np.tanh(x),
    }
    case("misc_layers", body, expected, 1e-5, 1e-6)


# ---------------------------------------------------------------------------
# Gradient APIs and training wrappers.

def grad_cases():
    x, y, z = np.array([1.0, 2.0]), np.array([-2.0, 3.0]), np.array([0.5, 3.0])
    sens = np.array([2.0, -1.0])
    body = f"""class Net(nn.Cell):
    def construct(self, x, y, z):
        return x * y * z

x = Tensor(np.array({lit(x)}, np.float32))
y = Tensor(np.array({lit(y)}, np.float32))
z = Tensor(np.array({lit(z)}, np.float32))
sens = Tensor(np.array({lit(sens)}, np.float32))
net = Net()
out["first"] = ops.GradOperation()(net)(x, y, z)
out["all"] = ops.GradOperation(get_all=True)(net)(x, y, z)
out["sens"] = ops.GradOperation(sens_param=True)(net)(x, y, z, sens)
out["all_sens"] = ops.GradOperation(get_all=True, sens_param=True)(net)(x, y, z, sens)

class Lin(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor(np.array([3.0, -1.0], np.float32)), name="w")
        self.b = Parameter(Tensor(np.array([0.5, 0.5], np.float32)), name="b")
    def construct(self, x):
        return x * self.w + self.b * self.b

lin = Lin()
weights = ParameterTuple(lin.trainable_params())
out["by_list"] = ops.GradOperation(get_by_list=True)(lin, weights)(x)
both = ops.GradOperation(get_all=True, get_by_list=True)(lin, weights)(x)
out["both_inputs"] = both[0]
out["both_weights"] = both[1]
out["one_param"] = ops.GradOperation(get_by_list=True)(lin, lin.w)(x)

def pair(x, y):
    return x * y, x + y
out["tuple_output"] = ms.grad(pair)(x, y)
out["grad_default"] = ms.grad(net)(x, y, z)
out["grad_positions"] = ms.grad(net, (0, 2))(x, y, z)
out["grad_sens"] = ms.grad(net, 1, sens_param=True)(x, y, z, sens)
def with_aux(x, y):
    return (x * y).sum(), x - y
g, aux = ms.grad(with_aux, 0, has_aux=True)(x, y)
out["aux_grad"] = g
out["aux_len"] = len(aux)
out["aux"] = aux[0]
(value, aux2), g2 = ms.value_and_grad(with_aux, (0, 1), has_aux=True)(x, y)
out["vag_value"] = value
out["vag_aux"] = aux2
out["vag_grads"] = g2
v, (gi, gw) = ms.value_and_grad(lambda t: lin(t).sum(), 0, lin.trainable_params())(x)
out["vag_both_value"] = v
out["vag_both_inputs"] = gi
out["vag_both_weights"] = gw
ids = ms.grad(net, (0, 1), return_ids=True)(x, y, z)
out["ids"] = [ids[0][0], ids[1][0]]
out["ids_grads"] = [ids[0][1], ids[1][1]]
out["stop_gradient"] = ms.grad(lambda t: (t * t + ops.stop_gradient(t * t) * t).sum())(x)
"""
    w, b = np.array([3.0, -1.0]), np.array([0.5, 0.5])
    ones = np.ones(2)
    expected = {
        "first": y * z,
        "all": [y * z, x * z, x * y],
        "sens": sens * y * z,
        "all_sens": [sens * y * z, sens * x * z, sens * x * y],
        "by_list": [x, 2 * b],
        "both_inputs": w,
        "both_weights": [x, 2 * b],
        "one_param": x,
        "tuple_output": y + ones,
        "grad_default": y * z,
        "grad_positions": [y * z, x * y],
        "grad_sens": sens * x * z,
        "aux_grad": y,
        "aux_len": [1],
        "aux": x - y,
        "vag_value": [(x * y).sum()],
        "vag_aux": x - y,
        "vag_grads": [y, x],
        "vag_both_value": [(x * w + b * b).sum()],
        "vag_both_inputs": w,
        "vag_both_weights": [x, 2 * b],
        "ids": [0, 1],
        "ids_grads": [y * z, x * z],
        "stop_gradient": 2 * x + x * x,
    }
    case("grad_apis", body, expected, 1e-6)


def training_cases():
    rs = np.random.RandomState(61)
    w, b = rs.normal(size=(2, 3)), rs.normal(size=2)
    xs = [rs.normal(size=(4, 3)) for _ in range(3)]
    ys = [rs.normal(size=(4, 2)) for _ in range(3)]
    data = "XS = [" + ", ".join(f"Tensor(np.array({lit(a)}, np.float32))" for a in xs) + "]\n"
    data += "YS = [" + ", ".join(f"Tensor(np.array({lit(a)}, np.float32))" for a in ys) + "]\n"
    body = data + f"""W = Tensor(np.array({lit(w)}, np.float32))
B = Tensor(np.array({lit(b)}, np.float32))

net = nn.Dense(3, 2, W, B)
loss_fn = nn.MSELoss()
opt = nn.Momentum(net.trainable_params(), 0.1, 0.9, weight_decay=0.01)
train = nn.TrainOneStepCell(nn.WithLossCell(net, loss_fn), opt)
train.set_train()
out["one_step_losses"] = [train(XS[i], YS[i]) for i in range(3)]
out["one_step_w"] = net.weight.asnumpy().copy()
out["one_step_b"] = net.bias.asnumpy().copy()

net2 = nn.Dense(3, 2, W, B)
opt2 = nn.Momentum(net2.trainable_params(), 0.1, 0.9, weight_decay=0.01)
def forward(x, y):
    logits = net2(x)
    return loss_fn(logits, y), logits
grad_fn = ms.value_and_grad(forward, None, opt2.parameters, has_aux=True)
losses = []
for i in range(3):
    (loss, logits), grads = grad_fn(XS[i], YS[i])
    opt2(grads)
    losses.append(loss)
out["loop_losses"] = losses
out["loop_w"] = net2.weight.asnumpy().copy()

net3 = nn.Dense(3, 2, W, B)
eval_net = nn.WithEvalCell(net3, loss_fn)
l3, o3, y3 = eval_net(XS[0], YS[0])
out["eval_loss"] = l3
out["eval_logits"] = o3
out["backbone"] = [nn.WithLossCell(net3, loss_fn).backbone_network == net3]

class ScaledSGD(nn.Optimizer):
    def __init__(self, params, lr):
        super().__init__(lr, params)
    def construct(self, gradients):
        lr = self.get_lr()
        for p, g in zip(self.parameters, gradients):
            p.set_data(p - lr * g)
        return True

net4 = nn.Dense(3, 2, W, B)
train4 = nn.TrainOneStepCell(nn.WithLossCell(net4, loss_fn), ScaledSGD(net4.trainable_params(), 0.5))
out["custom_loss"] = train4(XS[0], YS[0])
out["custom_w"] = net4.weight.asnumpy().copy()
"""
    f = lambda a: np.float32(a).astype(np.float64)
    w0, b0 = f(w), f(b)
    xs, ys = [f(a) for a in xs], [f(a) for a in ys]

    def grads(w, b, x, y):
        pred = x @ w.T + b
        d = 2 * (pred - y) / pred.size
        return ((pred - y) ** 2).mean(), d.T @ x, d.sum(0)

    w_, b_ = w0.copy(), b0.copy()
    vw, vb = np.zeros_like(w_), np.zeros_like(b_)
    losses = []
    for i in range(3):
        l, gw, gb = grads(w_, b_, xs[i], ys[i])
        losses.append(l)
        gw, gb = gw + 0.01 * w_, gb + 0.01 * b_
        vw, vb = vw * 0.9 + gw, vb * 0.9 + gb
        w_, b_ = w_ - 0.1 * vw, b_ - 0.1 * vb
    l0, gw0, _ = grads(w0, b0, xs[0], ys[0])
    pred0 = xs[0] @ w0.T + b0
    expected = {
        "one_step_losses": losses, "one_step_w": w_, "one_step_b": b_,
        "loop_losses": losses, "loop_w": w_,
        "eval_loss": [l0], "eval_logits": pred0, "backbone": [1],
        "custom_loss": [l0], "custom_w": w0 - 0.5 * gw0,
    }
    case("training", body, expected, 1e-5, 1e-6)


def cell_api_cases():
    body = """class Block(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc = nn.Dense(2, 2)
        self.frozen = Parameter(Tensor(np.array([1.0, 2.0], np.float32)), name="frozen", requires_grad=False)
        self.bn = nn.BatchNorm1d(2)

class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.block = Block()
        self.layers = nn.CellList([nn.Dense(2, 3), nn.Dense(3, 1)])
        self.seq = nn.SequentialCell(nn.ReLU(), nn.Dense(1, 1, has_bias=False))

net = Net()
# A cell's own parameters come before its sub-cells', as in MindSpore.
expected_names = ["block.frozen", "block.fc.weight", "block.fc.bias", "block.bn.moving_mean", "block.bn.moving_variance",
                  "block.bn.gamma", "block.bn.beta", "layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias", "seq.1.weight"]
out["names"] = [p.name for p in net.get_parameters()] == expected_names
out["dict_keys"] = list(net.parameters_dict().keys()) == expected_names
out["paths"] = [n for n, p in net.parameters_and_names()] == expected_names
out["trainable"] = len(net.trainable_params())
out["untrainable"] = len(net.untrainable_params())
out["own_params"] = len(net.block.get_parameters(expand=False))
out["training_default"] = [net.training, net.block.bn.training]
net.set_train()
out["training_on"] = [net.training, net.block.bn.training, net.seq[0].training]
out["set_grad"] = [net.set_grad() == net, net.requires_grad]
p = net.block.frozen
p.set_data(Tensor(np.array([5.0, 6.0], np.float32)))
out["set_data"] = net.block.frozen
p.requires_grad = True
out["trainable_after"] = len(net.trainable_params())
out["cells"] = [len(net.cells()), len(net.layers), len(net.seq)]
"""
    expected = {
        "names": [1], "dict_keys": [1], "paths": [1],
        "trainable": [9], "untrainable": [3], "own_params": [1],
        "training_default": [0, 0], "training_on": [1, 1, 1], "set_grad": [1, 1],
        "set_data": [5.0, 6.0], "trainable_after": [10], "cells": [3, 2, 2],
    }
    case("cell_api", body, expected, 0)


def main():
    os.makedirs(os.path.join(HERE, "scripts"), exist_ok=True)
    optimizer_cases()
    schedule_cases()
    dense_cases()
    init_cases()
    dropout_cases()
    batchnorm_cases()
    conv_cases()
    pool_cases()
    embedding_cases()
    misc_layer_cases()
    grad_cases()
    training_cases()
    cell_api_cases()
    with open(os.path.join(HERE, "reference.json"), "w") as f:
        json.dump(CASES, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
