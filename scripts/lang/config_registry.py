"""Model configurations in a registry filled by decorators, the pattern
MindSpore model zoos use to build networks from a config file."""
import copy
import json
from functools import partial

MODELS = {}


def register(name=None, **defaults):
    def deco(builder):
        key = name or builder.__name__
        if key in MODELS:
            raise KeyError("model %r is already registered" % key)
        MODELS[key] = partial(builder, **defaults) if defaults else builder
        return builder
    return deco


class LayerSpec:
    kinds = {"dense", "relu", "dropout"}

    def __init__(self, kind, *args, **options):
        if kind not in LayerSpec.kinds:
            raise ValueError(f"unknown layer kind {kind!r}; choose from {sorted(LayerSpec.kinds)}")
        self.kind, self.args, self.options = kind, args, options

    @classmethod
    def dense(cls, n_in, n_out, **options):
        return cls("dense", n_in, n_out, **options)

    @staticmethod
    def describe(specs):
        return " -> ".join(s.kind for s in specs)

    def __repr__(self):
        opts = "".join(", %s=%r" % kv for kv in sorted(self.options.items()))
        return "%s(%s%s)" % (self.kind, ", ".join(map(str, self.args)), opts)


@register("mlp", hidden=(64, 32), dropout=0.1)
def build_mlp(n_in, n_out, hidden=(), dropout=0.0):
    sizes = [n_in, *hidden, n_out]
    layers = []
    for a, b in zip(sizes, sizes[1:]):
        layers += [LayerSpec.dense(a, b, has_bias=True), LayerSpec("relu")]
        if dropout:
            layers.append(LayerSpec("dropout", keep_prob=1 - dropout))
    return layers[:-2] if dropout else layers[:-1]


@register()
def linear(n_in, n_out):
    return [LayerSpec.dense(n_in, n_out)]


config_text = '{"model": "mlp", "n_in": 784, "n_out": 10, "train": {"lr": 0.01, "epochs": 5}}'
config = json.loads(config_text)
print(sorted(MODELS), config["train"])
layers = MODELS[config["model"]](config["n_in"], config["n_out"])
print(LayerSpec.describe(layers))
print(layers)
print(MODELS["linear"](4, 2), MODELS["mlp"](8, 2, hidden=(4,)))

base = {"lr": 0.01, "schedule": {"warmup": 2, "milestones": [3, 6]}}
variants = []
for lr in (0.1, 0.01):
    cfg = copy.deepcopy(base)
    cfg["lr"] = lr
    cfg["schedule"]["milestones"].append(9)
    variants.append({**cfg, "name": f"lr{lr:g}"})
print(json.dumps(variants[0], sort_keys=True))
print(base["schedule"]["milestones"], [v["name"] for v in variants])

for bad in [lambda: register("linear")(linear), lambda: LayerSpec("conv")]:
    try:
        bad()
    except (KeyError, ValueError) as e:
        print(type(e).__name__ + ":", e)
