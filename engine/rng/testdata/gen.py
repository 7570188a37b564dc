#!/usr/bin/python3
"""Write the reference streams that the engine/rng tests compare against.

Run by hand from this folder with Debian's Python, which has NumPy 1.24.2:

    /usr/bin/python3 gen.py

It writes numpy.json, python.json and libm.json. Floats are stored as
base64 of packed little-endian float64 values, and integers of up to 64 bits
as JSON numbers, so every bit round-trips.

NumPy and CPython compute Gaussian and exponential variates with the C
library's log, sin and cos. glibc misrounds those in about 0.1% of inputs,
while the Go package rounds them correctly. For each such stream this script
reruns the algorithm in Python twice: once with the math module, which must
reproduce NumPy or CPython exactly, and once with correctly rounded
functions computed by the decimal module. Draws where the two runs differ
are listed in "cr" with the correctly rounded result.
"""

import base64
import json
import math
import random
import struct
import sys
from decimal import Decimal, localcontext

import numpy as np

assert np.__version__ == "1.24.2", np.__version__
assert sys.version_info[:2] == (3, 11), sys.version

SEEDS = [0, 1, 42, 2**32 - 1]


def pack_floats(values):
    return base64.b64encode(struct.pack("<%dd" % len(values), *values)).decode()


def pack_uint32(values):
    return base64.b64encode(struct.pack("<%dI" % len(values), *values)).decode()


# Correctly rounded libm functions. 60 significant digits, about 200 bits,
# are assumed to be enough to round every input here correctly.

def cr_log(x):
    if x == 1.0:
        return 0.0
    with localcontext() as ctx:
        ctx.prec = 60
        return float(Decimal(x).ln())


def cr_sin_cos(x):
    with localcontext() as ctx:
        ctx.prec = 70
        d = Decimal(x)
        term = Decimal(1)
        sin = Decimal(0)
        cos = Decimal(0)
        n = 0
        while True:
            if n % 4 == 0:
                cos += term
            elif n % 4 == 1:
                sin += term
            elif n % 4 == 2:
                cos -= term
            else:
                sin -= term
            n += 1
            term = term * d / n
            if n > 10 and abs(term) < Decimal("1e-75"):
                break
        return float(sin), float(cos)


GLIBC = {"log": math.log, "sin_cos": lambda x: (math.sin(x), math.cos(x))}
CORRECT = {"log": cr_log, "sin_cos": cr_sin_cos}


def float_stream(actual, glibc_model, cr_model):
    """Check a model run against NumPy or CPython and list the draws where
    correctly rounded libm functions change the result."""
    assert len(actual) == len(glibc_model) == len(cr_model)
    for i, (a, m) in enumerate(zip(actual, glibc_model)):
        assert struct.pack("<d", a) == struct.pack("<d", m), (i, a, m)
    cr = {}
    for i, (a, c) in enumerate(zip(actual, cr_model)):
        if struct.pack("<d", a) != struct.pack("<d", c):
            cr[str(i)] = pack_floats([c])
    return {"values": pack_floats(actual), "cr": cr}


# NumPy legacy RandomState.

class NumpyModel:
    """The legacy distributions rewritten in Python on top of a
    RandomState's random_sample, with a pluggable log."""

    def __init__(self, seed, libm):
        self.rs = np.random.RandomState(seed)
        self.log = libm["log"]
        self.has_gauss = False
        self.gauss = 0.0

    def seed(self, seed):
        self.rs.seed(seed)
        self.has_gauss = False
        self.gauss = 0.0

    def uniform(self, low, high):
        return low + (high - low) * self.rs.random_sample()

    def standard_normal(self):
        if self.has_gauss:
            self.has_gauss = False
            return self.gauss
        while True:
            x1 = 2.0 * self.rs.random_sample() - 1.0
            x2 = 2.0 * self.rs.random_sample() - 1.0
            r2 = x1 * x1 + x2 * x2
            if r2 < 1.0 and r2 != 0.0:
                break
        f = math.sqrt(-2.0 * self.log(r2) / r2)
        self.gauss = f * x1
        self.has_gauss = True
        return f * x2

    def normal(self, loc, scale):
        return loc + scale * self.standard_normal()

    def standard_exponential(self):
        return -self.log(1.0 - self.rs.random_sample())


def mt_state(bit_generator_state):
    return {
        "key": pack_uint32([int(k) for k in bit_generator_state["state"]["key"]]),
        "pos": int(bit_generator_state["state"]["pos"]),
    }


def numpy_seeding():
    cases = []
    for seed in SEEDS:
        rs = np.random.RandomState(seed)
        cases.append({"seed": [seed], "int": True, **mt_state(rs.get_state(legacy=False))})
        # A one-element array squeezes to an int seed.
        same = np.random.RandomState(np.array([seed], dtype=np.int64))
        assert (same.get_state()[1] == rs.get_state()[1]).all()
    for key in [[0], [1], [42], [1, 2, 3], [2**32 - 1, 0, 7], list(range(700))]:
        rs = np.random.RandomState(key)
        cases.append({"seed": key, "int": False, **mt_state(rs.get_state(legacy=False))})
    return cases


def numpy_raw():
    out = {}
    for seed in SEEDS:
        rs = np.random.RandomState(seed)
        out[str(seed)] = pack_uint32([int(v) for v in rs._bit_generator.random_raw(1300)])
    return out


def numpy_floats():
    out, streams = {}, {}
    for seed in SEEDS:
        n = 3000 if seed == 42 else 1000
        rs = np.random.RandomState(seed)
        out["random_sample/%d" % seed] = pack_floats(rs.random_sample(300).tolist())

        rs = np.random.RandomState(seed)
        out["uniform/%d" % seed] = pack_floats(rs.uniform(-10.0, 10.0, size=n).tolist())

        rs = np.random.RandomState(seed)
        actual = [float(rs.standard_normal()) for _ in range(n)]
        runs = []
        for libm in (GLIBC, CORRECT):
            m = NumpyModel(seed, libm)
            runs.append([m.standard_normal() for _ in range(n)])
        streams["standard_normal/%d" % seed] = float_stream(actual, *runs)

    rs = np.random.RandomState(7)
    out["uniform_reversed/7"] = pack_floats(rs.uniform(5.0, 1.0, size=200).tolist())
    rs = np.random.RandomState(7)
    out["uniform_wide/7"] = pack_floats(rs.uniform(-1e300, 1e300, size=200).tolist())

    rs = np.random.RandomState(3)
    actual = rs.normal(3.0, 2.5, size=2001).tolist()
    runs = []
    for libm in (GLIBC, CORRECT):
        m = NumpyModel(3, libm)
        runs.append([m.normal(3.0, 2.5) for _ in range(2001)])
    streams["normal_3_2.5/3"] = float_stream(actual, *runs)

    for seed in (1, 42):
        rs = np.random.RandomState(seed)
        actual = rs.standard_exponential(2000).tolist()
        runs = []
        for libm in (GLIBC, CORRECT):
            m = NumpyModel(seed, libm)
            runs.append([m.standard_exponential() for _ in range(2000)])
        streams["standard_exponential/%d" % seed] = float_stream(actual, *runs)
    return out, streams


def numpy_mixed():
    """uniform, normal, normal, ...: the cached Gaussian survives uniform
    draws and is cleared by seeding. ops has one letter per call: u for
    uniform(-1, 1), n for normal(0, 1), s for seed(12)."""
    ops = ""
    for i in range(1500):
        ops += "unnun"[i % 5]
        if i in (500, 1001):
            ops += "s"
    results = []
    for libm in (None, GLIBC, CORRECT):
        if libm is None:
            rs = np.random.RandomState(11)
            draw = {
                "u": lambda: float(rs.uniform(-1.0, 1.0)),
                "n": lambda: float(rs.normal(0.0, 1.0)),
                "s": lambda: rs.seed(12),
            }
        else:
            m = NumpyModel(11, libm)
            draw = {
                "u": lambda m=m: m.uniform(-1.0, 1.0),
                "n": lambda m=m: m.normal(0.0, 1.0),
                "s": lambda m=m: m.seed(12),
            }
        values = []
        for op in ops:
            v = draw[op]()
            if op != "s":
                values.append(v)
        results.append(values)
    return {"seed": 11, "reseed": 12, "ops": ops, **float_stream(*results)}


def numpy_state():
    rs = np.random.RandomState(5)
    rs.standard_normal()  # leaves a cached Gaussian
    state = rs.get_state()
    after = [float(rs.standard_normal()) for _ in range(5)]
    assert state[3] == 1
    return {
        "seed": 5,
        "key": pack_uint32([int(k) for k in state[1]]),
        "pos": int(state[2]),
        "has_gauss": bool(state[3]),
        "cached_gaussian": pack_floats([state[4]]),
        "after": pack_floats(after),
    }


RANDINT_RANGES = [
    (0, 10), (0, 1), (5, 6), (-3, 3), (0, 2**8), (0, 2**8 + 1), (-100, 1000),
    (0, 2**31), (-2**31, 2**31 - 1), (0, 2**32 - 1), (0, 2**32), (0, 2**32 + 1),
    (0, 2**40), (1, 2**40 + 3), (0, 2**63 - 1), (-2**63, 2**63 - 1),
]


def numpy_ints():
    out = {"randint": [], "random_integers": [], "int32": []}
    for low, high in RANDINT_RANGES:
        rs = np.random.RandomState(42)
        values = rs.randint(low, high, size=300)
        # Scalar draws take the same values as one size=300 call.
        rs2 = np.random.RandomState(42)
        assert [int(rs2.randint(low, high)) for _ in range(300)] == values.tolist()
        out["randint"].append({"low": low, "high": high, "values": values.tolist()})
    for low, high in [(1, 6), (0, 0), (-2**63, 2**63 - 1), (0, 2**32 - 1)]:
        rs = np.random.RandomState(9)
        values = [int(rs.random_integers(low, high)) for _ in range(100)]
        out["random_integers"].append({"low": low, "high": high, "values": values})
    for low, high in [(0, 10), (-5, 2**31 - 1)]:
        rs = np.random.RandomState(42)
        values = rs.randint(low, high, size=100, dtype=np.int32).tolist()
        out["int32"].append({"low": low, "high": high, "values": values})
    rs = np.random.RandomState(1)
    out["example"] = {"seed": 1, "values": rs.randint(0, 10, size=5).tolist()}
    return out


def numpy_shuffles():
    out = {"shuffle": [], "permutation": [], "choice": []}
    for n in [0, 1, 2, 3, 10, 100, 1000]:
        rs = np.random.RandomState(42)
        x = list(range(n))
        rs.shuffle(x)
        arr = np.arange(n)
        np.random.RandomState(42).shuffle(arr)
        assert arr.tolist() == x
        after = int(rs.randint(0, 1000))
        out["shuffle"].append({"n": n, "values": x, "next_randint_1000": after})
    for seed, n in [(0, 5), (1, 10), (42, 52), (2**32 - 1, 300)]:
        rs = np.random.RandomState(seed)
        out["permutation"].append({"seed": seed, "n": n, "values": rs.permutation(n).tolist()})
    for n, size, replace in [(10, 5, True), (10, 5, False), (10, 1, False), (10, 1, True),
                             (1000, 20, False), (7, 0, False), (7, 7, False), (3, 50, True)]:
        rs = np.random.RandomState(42)
        values = rs.choice(n, size, replace=replace).tolist()
        after = int(rs.randint(0, 1000))
        out["choice"].append({"n": n, "size": size, "replace": replace, "values": values,
                              "next_randint_1000": after})
    rs = np.random.RandomState(42)
    scalar = int(rs.choice(10))
    rs = np.random.RandomState(42)
    assert scalar == rs.choice(10, 1)[0]
    return out


# CPython random.Random.

class PythonModel:
    """random.gauss and random.normalvariate rewritten on top of a Random's
    random(), with pluggable log, sin and cos."""

    def __init__(self, seed, libm):
        self.r = random.Random(seed)
        self.log = libm["log"]
        self.sin_cos = libm["sin_cos"]
        self.gauss_next = None

    def seed(self, seed):
        self.r.seed(seed)
        self.gauss_next = None

    def gauss(self, mu, sigma):
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = self.r.random() * random.TWOPI
            g2rad = math.sqrt(-2.0 * self.log(1.0 - self.r.random()))
            s, c = self.sin_cos(x2pi)
            z = c * g2rad
            self.gauss_next = s * g2rad
        return mu + z * sigma

    def normalvariate(self, mu, sigma):
        while True:
            u1 = self.r.random()
            u2 = 1.0 - self.r.random()
            z = random.NV_MAGICCONST * (u1 - 0.5) / u2
            zz = z * z / 4.0
            if zz <= -self.log(u2):
                break
        return mu + z * sigma


PY_SEEDS = SEEDS + [-5, 2**32, 2**63 - 1, -2**63]
PY_BIG_SEEDS = [2**64 + 5, 2**100 + 7, -(2**200 + 3), 3**500]


def python_seeding():
    cases = []
    for seed in PY_SEEDS + PY_BIG_SEEDS:
        version, internal, gauss_next = random.Random(seed).getstate()
        assert version == 3
        assert gauss_next is None
        cases.append({"seed": str(seed), "key": pack_uint32(list(internal[:624])),
                      "pos": internal[624]})
    return cases


def python_floats():
    out, streams = {}, {}
    for seed in SEEDS:
        n = 3000 if seed == 42 else 1000
        r = random.Random(seed)
        out["random/%d" % seed] = pack_floats([r.random() for _ in range(300)])

        r = random.Random(seed)
        out["uniform/%d" % seed] = pack_floats([r.uniform(-10.0, 10.0) for _ in range(300)])

        r = random.Random(seed)
        actual = [r.gauss(0.0, 1.0) for _ in range(n)]
        runs = []
        for libm in (GLIBC, CORRECT):
            m = PythonModel(seed, libm)
            runs.append([m.gauss(0.0, 1.0) for _ in range(n)])
        streams["gauss/%d" % seed] = float_stream(actual, *runs)

    for seed in (1, 42):
        r = random.Random(seed)
        actual = [r.normalvariate(2.0, 3.0) for _ in range(1000)]
        runs = []
        for libm in (GLIBC, CORRECT):
            m = PythonModel(seed, libm)
            runs.append([m.normalvariate(2.0, 3.0) for _ in range(1000)])
        streams["normalvariate/%d" % seed] = float_stream(actual, *runs)
    return out, streams


def python_mixed():
    """gauss, random, gauss, ...: the cached value survives other draws and
    is cleared by seeding. ops has one letter per call: g for gauss(1, 2),
    r for random(), u for uniform(3, -3), s for seed(12)."""
    ops = ""
    for i in range(1500):
        ops += "grggu"[i % 5]
        if i in (499, 1000):
            ops += "s"
    results = []
    for libm in (None, GLIBC, CORRECT):
        if libm is None:
            r = random.Random(11)
            draw = {"g": lambda: r.gauss(1.0, 2.0), "r": r.random,
                    "u": lambda: r.uniform(3.0, -3.0), "s": lambda: r.seed(12)}
        else:
            m = PythonModel(11, libm)
            draw = {"g": lambda m=m: m.gauss(1.0, 2.0), "r": m.r.random,
                    "u": lambda m=m: m.r.uniform(3.0, -3.0),
                    "s": lambda m=m: m.seed(12)}
        values = []
        for op in ops:
            v = draw[op]()
            if op != "s":
                values.append(v)
        results.append(values)
    return {"seed": 11, "reseed": 12, "ops": ops, **float_stream(*results)}


def python_state():
    r = random.Random(5)
    r.gauss(0.0, 1.0)  # leaves gauss_next set
    version, internal, gauss_next = r.getstate()
    assert gauss_next is not None
    after = [r.gauss(0.0, 1.0) for _ in range(5)]
    return {"seed": 5, "key": pack_uint32(list(internal[:624])), "pos": internal[624],
            "gauss_next": pack_floats([gauss_next]), "after": pack_floats(after)}


def python_ints():
    out = {"getrandbits": [], "randbelow": [], "randrange": [], "randint": []}
    r = random.Random(42)
    for k in [0, 1, 5, 31, 32, 33, 63, 64, 65, 96, 100, 128, 200, 1000]:
        out["getrandbits"].append({"k": k, "values": [str(r.getrandbits(k)) for _ in range(5)]})
    for n in [1, 2, 3, 7, 10, 2**31, 2**31 + 1, 2**32, 2**32 + 1, 2**53 + 1, 2**63 - 1]:
        r = random.Random(42)
        out["randbelow"].append({"n": n, "values": [r._randbelow(n) for _ in range(100)]})
    for n in [2**64, 2**64 + 1, 3**50]:
        r = random.Random(42)
        out["randbelow"].append({"n_big": str(n),
                                 "values_big": [str(r._randbelow(n)) for _ in range(20)]})
    for start, stop, step in [(0, 10, 1), (5, 6, 1), (-10, 10, 3), (10, -10, -3),
                              (0, 100, 7), (100, 0, -1), (-2**63, 2**63 - 1, 1),
                              (-2**63, 2**63 - 1, 2**62), (2**63 - 1, -2**63, -3),
                              (0, 2**63 - 1, 1), (1, 2, 5)]:
        r = random.Random(42)
        out["randrange"].append({"start": start, "stop": stop, "step": step,
                                 "values": [r.randrange(start, stop, step) for _ in range(100)]})
    for a, b in [(1, 6), (0, 0), (-5, 5), (0, 2**32), (-2**63, 2**63 - 1), (0, 2**63 - 1),
                 (-2**63, 0), (2**63 - 2, 2**63 - 1)]:
        r = random.Random(42)
        out["randint"].append({"a": a, "b": b, "values": [r.randint(a, b) for _ in range(100)]})
    return out


def python_sequences():
    out = {"shuffle": [], "choice": [], "sample": []}
    for n in [0, 1, 2, 3, 10, 100, 1000]:
        r = random.Random(42)
        x = list(range(n))
        r.shuffle(x)
        out["shuffle"].append({"n": n, "values": x, "next_random": pack_floats([r.random()])})
    for n in [1, 5, 1000, 2**40]:
        r = random.Random(42)
        out["choice"].append({"n": n, "values": [r.choice(range(n)) for _ in range(50)]})
    for n, k in [(10, 0), (10, 3), (10, 10), (50, 6), (85, 10), (86, 10), (100, 5),
                 (100, 50), (1000, 10), (10**6, 100), (5, 5), (21, 2), (22, 2)]:
        r = random.Random(42)
        values = r.sample(range(n), k)
        out["sample"].append({"n": n, "k": k, "values": values,
                              "next_random": pack_floats([r.random()])})
    return out


# libm reference values.

def libm_cases():
    r = random.Random(2024)
    logs, misrounded = [], []
    while len(misrounded) < 40:
        u = 1.0 - r.random()
        if math.log(u) != cr_log(u):
            misrounded.append(u)
    for _ in range(1000):
        logs.append(1.0 - r.random())
    for _ in range(400):
        x1, x2 = 2 * r.random() - 1, 2 * r.random() - 1
        if 0 < x1 * x1 + x2 * x2 < 1:
            logs.append(x1 * x1 + x2 * x2)
    logs += [5e-324, 2.2250738585072014e-308, 1.0 + 2**-52, 1.0 - 2**-53, 2.0, 1e300]
    logs += misrounded

    angles, trig_misrounded = [], []
    while len(trig_misrounded) < 40:
        x = r.random() * random.TWOPI
        if (math.sin(x), math.cos(x)) != cr_sin_cos(x):
            trig_misrounded.append(x)
    for _ in range(1000):
        angles.append(r.random() * random.TWOPI)
    angles += [0.0, 2**-30, math.pi / 4, math.pi / 2, math.pi, 3 * math.pi / 2, random.TWOPI]
    angles += trig_misrounded

    sin_cos = [cr_sin_cos(x) for x in angles]
    return {
        "log": {
            "x": pack_floats(logs),
            "correct": pack_floats([cr_log(x) for x in logs]),
            "glibc": pack_floats([math.log(x) for x in logs]),
        },
        "sin_cos": {
            "x": pack_floats(angles),
            "sin": pack_floats([s for s, _ in sin_cos]),
            "cos": pack_floats([c for _, c in sin_cos]),
            "glibc_sin": pack_floats([math.sin(x) for x in angles]),
            "glibc_cos": pack_floats([math.cos(x) for x in angles]),
        },
    }


def write(name, data):
    """Write one top-level key per line, each value as compact JSON."""
    lines = ["  %s: %s" % (json.dumps(k), json.dumps(v, sort_keys=True, separators=(",", ":")))
             for k, v in sorted(data.items())]
    with open(name, "w") as f:
        f.write("{\n" + ",\n".join(lines) + "\n}\n")


def main():
    floats, streams = numpy_floats()
    write("numpy.json", {
        "seeding": numpy_seeding(),
        "raw": numpy_raw(),
        "floats": floats,
        "streams": streams,
        "mixed": numpy_mixed(),
        "state": numpy_state(),
        "ints": numpy_ints(),
        "shuffles": numpy_shuffles(),
    })
    floats, streams = python_floats()
    write("python.json", {
        "seeding": python_seeding(),
        "floats": floats,
        "streams": streams,
        "mixed": python_mixed(),
        "state": python_state(),
        "ints": python_ints(),
        "sequences": python_sequences(),
    })
    write("libm.json", libm_cases())


if __name__ == "__main__":
    main()
