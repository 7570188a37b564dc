"""Generate numpy_cases.json, the expected NumPy 1.24 output for ndformat.

Run by hand with a Python that has NumPy 1.24 (Debian's /usr/bin/python3):

    /usr/bin/python3 testdata/gen.py > testdata/numpy_cases.json

Each case records a dtype, a shape, the values and optional print options,
and under "want" the text NumPy printed for each operation checked: "str",
"repr", "scalar_str" or "scalar_repr". Float values are stored as repr() of the
exact value as a Python float, "nan", "inf" and "-inf" included, because
strconv.ParseFloat reads that back bit for bit. Integers are decimal strings
so that uint64 values above 2**63 survive JSON.
"""

import json
import sys

import numpy as np

assert np.__version__.startswith("1.24"), np.__version__

FLOATS = ["float16", "float32", "float64"]
INTS = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
DEFAULTS = dict(precision=8, threshold=1000, edgeitems=3, linewidth=75, suppress=False)

cases = []


def encode(dtype, flat):
    if dtype == "bool":
        return [bool(v) for v in flat]
    if dtype in FLOATS:
        return [repr(float(v)) for v in flat]
    return [str(int(v)) for v in flat]


def add_array(name, array, options=None, ops=("str", "repr")):
    opts = dict(DEFAULTS)
    opts.update(options or {})
    want = {}
    for op in ops:
        with np.printoptions(**opts):
            want[op] = str(array) if op == "str" else repr(array)
    case = {
        "name": name,
        "dtype": str(array.dtype),
        "shape": list(array.shape),
        "values": encode(str(array.dtype), array.ravel().tolist()),
        "want": want,
    }
    if options:
        case["options"] = opts
    cases.append(case)


def add_scalar(name, dtype, value):
    with np.errstate(over="ignore"):
        scalar = np.dtype(dtype).type(value)
    cases.append({
        "name": name,
        "dtype": dtype,
        "shape": [],
        "values": encode(dtype, [scalar]),
        "want": {"scalar_str": str(scalar), "scalar_repr": repr(scalar)},
    })


def arr(values, dtype):
    with np.errstate(over="ignore"):
        return np.array(values, dtype=dtype)


rng = np.random.default_rng(20240124)

# Scalars: layout rules, special values and random magnitudes.
special = [0.0, -0.0, 1.0, -1.0, 1234567.0, 0.1, 1 / 3, 2 / 3, 1e16, 9.999e15,
           1e15, 1e-4, 9.9999e-5, 1e-5, 9.536743e-07, 1e23, 2.0 ** -12, 65504.0,
           6e-8, 5e-324, 1.7976931348623157e308, 1e300, -1.5e-7, 123456.789,
           0.30000000000000004, 1048576.25, 2.5, 100.0, 1e8, 3.4028235e38,
           float("nan"), float("inf"), float("-inf")]
for dtype in FLOATS:
    for i, v in enumerate(special):
        add_scalar(f"scalar/{dtype}/special{i}", dtype, v)
    for i in range(12):
        v = rng.standard_normal() * 10.0 ** rng.integers(-12, 20)
        add_scalar(f"scalar/{dtype}/random{i}", dtype, v)
for dtype in INTS:
    info = np.iinfo(dtype)
    for i, v in enumerate([0, 1, info.max if info.max < 2 ** 53 else 2 ** 53,
                           info.min if info.min > -2 ** 53 else -2 ** 53]):
        add_scalar(f"scalar/{dtype}/{i}", dtype, v)
add_scalar("scalar/bool/true", "bool", True)
add_scalar("scalar/bool/false", "bool", False)

# 0-d arrays: str is the scalar, repr uses the array layout.
for dtype in FLOATS:
    for i, v in enumerate([1.5, 1 / 3, 1e-5, 1e20, -0.0, 100.0, float("nan"), float("-inf")]):
        add_array(f"0d/{dtype}/{i}", arr(v, dtype))
for dtype in INTS:
    add_array(f"0d/{dtype}", arr(7, dtype))
add_array("0d/bool", arr(True, "bool"))

# One-dimensional floats, hand-picked.
hand = {
    "integral": [0, 1, 2],
    "mixed_digits": [0.98759997, 0.0, 2.7003999],
    "scientific_ratio": [46.051701, 14.000047, 6.1989022e-06],
    "ratio_1000": [1.0, 1000.5],
    "ratio_exactly_1000": [1.0, 1000.0],
    "max_1e8": [1e8, 1.5],
    "max_1e16": [1e16, 2.0],
    "min_1e-4": [1e-4, 1.0],
    "just_above_1e-4": [1.0001e-4, 0.01],
    "eight_digits": [0.12345678, 1.23456789, 12.3456789],
    "negative": [-1.5, 2.25, -0.125],
    "negative_zero": [-0.0, 1.0],
    "nan_inf": [float("nan"), 1.0, float("inf"), -2.5],
    "neg_inf_only": [float("-inf"), float("nan")],
    "nan_in_scientific": [float("nan"), 1e-7, 3.0],
    "zeros": [0.0, 0.0],
    "thirds": [1 / 3, 2 / 3, 1.0],
    "tenths": [0.1, 0.2, 0.3],
    "tie_even": [1048576.25, 0.5],
    "power_of_two": [2.0 ** -12, 2.0 ** -3],
    "big_integral": [67108872.0, 1.0],
    "float16_max": [65504.0, 2050.0, 4000.0],
    "large_integral": [99999992.0, 12345678.0],
    "tiny_and_zero": [0.0, 1e-30],
    "rounding_carry": [0.999999999, 9.9999999999],
    "ratio_rounds_to_1000": [1.0000001, 1000.0001],
    "subnormal": [6e-8, 1e-40, 1e-310, 1.0],
    "rounded_at_precision": [0.123456785, 0.5],
}
for name, values in hand.items():
    for dtype in FLOATS:
        add_array(f"1d/{name}/{dtype}", arr(values, dtype))

# One-dimensional floats, random magnitudes and signs.
for dtype in FLOATS:
    for i in range(10):
        n = int(rng.integers(1, 12))
        scale = 10.0 ** rng.integers(-6, 9, size=n) if i % 2 else 10.0 ** rng.integers(-2, 3)
        values = rng.standard_normal(n) * scale
        add_array(f"1d/random/{dtype}/{i}", arr(values, dtype))

# Integers and bools.
for dtype in INTS:
    info = np.iinfo(dtype)
    values = rng.integers(info.min, info.max, size=6, dtype=dtype, endpoint=True)
    add_array(f"1d/int/{dtype}", values)
    add_array(f"2d/int/{dtype}", rng.integers(info.min, info.max, size=(3, 4), dtype=dtype, endpoint=True))
    add_array(f"1d/int/{dtype}/limits", np.array([info.min, 0, info.max], dtype=dtype))
add_array("1d/int/padded", arr([1, -20], "int64"))
add_array("1d/bool", arr([True, False, True], "bool"))
add_array("2d/bool", arr([[True, False], [False, False]], "bool"))

# Nested shapes from 2-D to 4-D.
shapes = [(2, 3), (3, 1), (1, 4), (2, 2, 2), (2, 3, 4), (1, 1, 1), (2, 1, 2, 3), (2, 2, 2, 2)]
for dtype in FLOATS:
    for shape in shapes:
        values = rng.standard_normal(shape) * 10.0 ** rng.integers(-3, 4)
        add_array(f"nd/{dtype}/{'x'.join(map(str, shape))}", arr(values, dtype))
add_array("nd/brief_example", arr([[0, 1, 2], [0, 0, 1]], "float32"))
add_array("nd/int32/2x2x3", rng.integers(-50, 50, size=(2, 2, 3)).astype("int32"))
add_array("nd/int64/2x2x2x2", rng.integers(-5, 500, size=(2, 2, 2, 2)).astype("int64"))
add_array("nd/bool/2x2x2", rng.random((2, 2, 2)) > 0.5)

# Line wrapping of long rows and repr's dtype placement.
for dtype in FLOATS:
    add_array(f"wrap/{dtype}/40", arr(rng.standard_normal(40), dtype))
    add_array(f"wrap/{dtype}/3x25", arr(rng.standard_normal((3, 25)) * 100, dtype))
    add_array(f"wrap/{dtype}/scientific", arr(rng.standard_normal(20) * 1e-6, dtype))
add_array("wrap/int64/100", np.arange(100, dtype="int64"))
add_array("wrap/int32/100", np.arange(100, dtype="int32"))
add_array("wrap/bool/40", rng.random(40) > 0.5)
for n in range(5, 13):
    add_array(f"wrap/dtype_line/float32/{n}", arr(np.arange(n) + 0.5, "float32"), ops=("repr",))
    add_array(f"wrap/dtype_line/int8/{n * 3}", np.arange(n * 3, dtype="int8"), ops=("repr",))
    add_array(f"wrap/dtype_line/sevenths/{n}", arr(np.arange(n) / 7, "float32"), ops=("repr",))
    add_array(f"wrap/dtype_line/int32/{n + 5}", np.arange(n + 5, dtype="int32") * 1000, ops=("repr",))

# Summarisation above the threshold.
add_array("summary/float64/1001", arr(rng.standard_normal(1001), "float64"))
add_array("summary/float32/1001", arr(np.arange(1001) / 7, "float32"))
add_array("summary/float16/2000", arr(np.linspace(-3, 3, 2000), "float16"))
add_array("summary/int64/2000", np.arange(2000, dtype="int64"))
add_array("summary/uint8/1500", (np.arange(1500) % 256).astype("uint8"))
add_array("summary/bool/1200", rng.random(1200) > 0.5)
add_array("summary/float32/40x40", arr(rng.standard_normal((40, 40)), "float32"))
add_array("summary/float64/12x12x12", arr(rng.standard_normal((12, 12, 12)) * 1e3, "float64"))
add_array("summary/int32/6x6x6x6", np.arange(6 ** 4, dtype="int32").reshape(6, 6, 6, 6))
add_array("summary/float32/3x500", arr(rng.standard_normal((3, 500)), "float32"))
hidden = np.ones(2000)
hidden[1000] = 1e20
add_array("summary/hidden_large_value", hidden)
add_array("summary/exactly_1000", arr(np.arange(1000) / 3, "float32"))

# Empty arrays and zero-length dimensions.
for dtype in ["float64", "float32", "int64", "int32", "bool"]:
    for shape in [(0,), (2, 0), (0, 3), (2, 0, 3)]:
        add_array(f"empty/{dtype}/{'x'.join(map(str, shape))}", np.zeros(shape, dtype=dtype))

# Print options.
add_array("options/precision3", arr([1 / 3, 2 / 3, 10.0], "float64"), {"precision": 3})
add_array("options/precision4/scientific", arr([1.0, 1000.5, 1e-6], "float32"), {"precision": 4})
add_array("options/precision0", arr([1.5, 2.5, 3.25], "float64"), {"precision": 0})
add_array("options/threshold10", np.arange(11, dtype="int64"), {"threshold": 10})
add_array("options/threshold5/2d", arr(rng.standard_normal((4, 4)), "float32"), {"threshold": 5})
add_array("options/edgeitems1", np.arange(30, dtype="int32"), {"threshold": 10, "edgeitems": 1})
add_array("options/edgeitems2/3d", arr(rng.standard_normal((6, 6, 6)), "float64"), {"threshold": 50, "edgeitems": 2})
add_array("options/edgeitems0", np.arange(30, dtype="int64"), {"threshold": 10, "edgeitems": 0})
add_array("options/edgeitems0/width_from_all", np.array(list(range(100, 130)) + [5]), {"threshold": 10, "edgeitems": 0})
add_array("options/linewidth40", arr(rng.standard_normal(20), "float32"), {"linewidth": 40})
add_array("options/linewidth120", arr(rng.standard_normal((3, 20)), "float64"), {"linewidth": 120})
add_array("options/suppress", arr([1e-10, 1.0, 2.5], "float64"), {"suppress": True})
add_array("options/suppress_large", arr([1e9, 1.0], "float64"), {"suppress": True})
add_array("options/suppress_ratio", arr([1e-3, 1e4], "float32"), {"suppress": True})
add_array("options/precision2/float16", arr([0.333, 1.5, -2.75], "float16"), {"precision": 2})
add_array("options/summary_repr_dtype", np.arange(40, dtype="int16").reshape(4, 10), {"threshold": 20, "edgeitems": 2})
add_array("options/linewidth20/3d", arr(rng.standard_normal((2, 2, 5)), "float32"), {"linewidth": 20})

# One case per line keeps diffs of regenerated output readable.
sys.stdout.write("[\n")
sys.stdout.write(",\n".join(json.dumps(case, ensure_ascii=False) for case in cases))
sys.stdout.write("\n]\n")
checks = sum(len(case["want"]) for case in cases)
print(f"{len(cases)} cases, {checks} checks", file=sys.stderr)
