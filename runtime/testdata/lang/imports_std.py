# Python standard modules that model code uses.
import math
import time
import random
import json
import copy
import sys
import os.path
from functools import partial, reduce
from collections import OrderedDict, namedtuple, defaultdict
import collections as col
from os import path as osp
print(math.sqrt(16), math.log(math.e), math.floor(-2.5), math.ceil(2.1), round(math.pi, 3))
print(math.isnan(float("nan")), math.isinf(math.inf), math.exp(0), math.cos(0), math.pow(2, 3))
start = time.time()
print(time.time() >= start, type(time.perf_counter()).__name__)
print(sys.argv[0], len(sys.argv))
---
# random reproduces CPython's Mersenne Twister stream bit for bit.
import random
random.seed(1234)
print(random.random(), random.random())
print(random.randint(0, 100), random.randrange(10), random.randrange(5, 50, 5))
print(random.uniform(1.0, 2.0), random.choice(["a", "b", "c"]), random.gauss(0, 1))
items = list(range(10))
random.shuffle(items)
print(items)
random.seed(1234)
print(random.random())
---
# json, copy, functools, collections, os.path.
import json, copy
from functools import partial, reduce
from collections import namedtuple, defaultdict
import os.path
text = json.dumps({"epochs": 10, "lr": 1e-05, "layers": [64, 32], "name": "mlp", "ok": True, "none": None})
print(text)
print(json.loads(text)["layers"], json.dumps([1, {"a": 2.5}], indent=2, sort_keys=True))
nested = {"w": [1, 2], "meta": {"k": "v"}}
deep = copy.deepcopy(nested)
shallow = copy.copy(nested)
deep["w"].append(3)
shallow["meta"]["k"] = "changed"
print(nested, deep)
def scale(x, factor=1.0, shift=0.0):
    return x * factor + shift
double = partial(scale, factor=2.0)
print(double(3), double(3, shift=1), reduce(lambda a, b: a * b, [1, 2, 3, 4]))
Sample = namedtuple("Sample", "image label")
s = Sample(image=[0, 1], label=7)
image, label = s
print(s, s.label, s[0], image, label, s._replace(label=8))
groups = defaultdict(list)
for word in ["apple", "avocado", "banana"]:
    groups[word[0]].append(word)
print(sorted(groups.items()))
print(os.path.join("data", "mnist", "train.csv"), os.path.splitext("model.ckpt"), os.path.basename("/tmp/a/b.txt"))
print(os.path.dirname("/tmp/a/b.txt"), os.path.split("x/y"), os.path.join("/abs", "/root", "f"), os.path.normpath("a//b/../c"))
print(os.path.exists("imports_std.py"), os.path.isfile("imports_std.py"), os.path.isdir("."), os.path.exists("no_such_file.txt"))
---
import nonexistent_module ### ModuleNotFoundError: No module named 'nonexistent_module'
---
from json import nonexistent_name ### ImportError: cannot import name 'nonexistent_name' from 'json'
