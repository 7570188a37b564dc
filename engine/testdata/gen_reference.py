"""Write the NumPy reference values that the engine's Go tests compare against.

Run with Debian's python3 and NumPy 1.24 from the engine folder:

    /usr/bin/python3 testdata/gen_reference.py

Floats are stored as float.hex() strings, so values round-trip exactly and
NaN, infinities and -0.0 survive JSON.
"""

import gzip
import json
import os
import warnings

import numpy as np

warnings.simplefilter("ignore")  # NumPy warns on the division-by-zero cases
HERE = os.path.dirname(os.path.abspath(__file__))
DTYPES = ["float32", "float64", "int32", "int64", "bool", "float16"]


def hexes(a):
    return [float(v).hex() for v in np.asarray(a, dtype=np.float64).ravel()]


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


def array(a):
    a = np.asarray(a)
    values = ints(a) if a.dtype.kind in "iub" else hexes(a)
    return {"shape": list(a.shape), "dtype": str(a.dtype), "values": values}


def write(name, data):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")


def broadcast_cases():
    shapes = [(), (1,), (0,), (3,), (1, 0), (0, 1), (2, 0), (2, 1), (1, 3), (2, 3),
              (4, 1, 3), (4, 2, 1), (0, 2, 3), (1, 1, 1), (3, 0, 1), (2, 3, 0)]
    out = []
    for a in shapes:
        for b in shapes:
            try:
                r = list(np.broadcast_shapes(a, b))
            except ValueError:
                r = None
            out.append({"a": list(a), "b": list(b), "out": r})
    return out


def promote_cases():
    return [[a, b, str(np.result_type(np.dtype(a), np.dtype(b)))]
            for a in DTYPES for b in DTYPES]


def slice_cases():
    bounds = [None, -100, -6, -5, -4, -1, 0, 1, 3, 4, 5, 6, 100]
    out = []
    for n in [0, 1, 2, 5]:
        for step in [-3, -1, 1, 2]:
            for start in bounds:
                for stop in bounds:
                    r = range(*slice(start, stop, step).indices(n))
                    out.append([start, stop, step, n, len(r), r[0] if len(r) else 0])
    return out


def divmod_cases():
    rng = np.random.default_rng(11)
    special = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 7.0, -7.0, 1e-300, 1e300,
               np.inf, -np.inf, np.nan, 0.1, 3.0, -0.75]
    a = [x for x in special for _ in special] + list(rng.normal(0, 10, 200))
    b = [y for _ in special for y in special] + list(rng.normal(0, 3, 200))
    out = {}
    for dt in ["float64", "float32"]:
        x, y = np.array(a, dt), np.array(b, dt)
        out[dt] = {"a": array(x), "b": array(y),
                   "floordiv": array(np.floor_divide(x, y)), "mod": array(np.remainder(x, y))}
    ia = np.array([7, -7, 7, -7, 0, 1, -1, 2**62, -2**62, 5, -5, 123456789012, -2**63], np.int64)
    ib = np.array([2, 2, -2, -2, 3, 5, 5, 3, 7, -1, 1, -987654321, 1], np.int64)
    for dt in ["int64", "int32"]:
        x, y = ia.astype(dt), ib.astype(dt)
        out[dt] = {"a": array(x), "b": array(y),
                   "floordiv": array(np.floor_divide(x, y)), "mod": array(np.remainder(x, y))}
    return out


def pow_cases():
    out = {}
    a = np.array([3, -3, 2, 0, 0, 1, -1, 7, 12345, -2, 5], np.int64)
    b = np.array([40, 41, 62, 0, 5, 1000, 1001, 23, 7, 63, 0], np.int64)
    for dt in ["int64", "int32"]:
        x, y = a.astype(dt), b.astype(dt)
        out[dt] = {"a": array(x), "b": array(y), "pow": array(np.power(x, y))}
    return out


def conv_reference(x, w, stride, pad, dil, groups):
    """Direct 2-D cross-correlation by its definition, one tap at a time."""
    n, c, h, wd = x.shape
    cout, cg, kh, kw = w.shape
    og = cout // groups
    xp = np.pad(x, ((0, 0), (0, 0), (pad[0], pad[1]), (pad[2], pad[3])))
    oh = (h + pad[0] + pad[1] - dil[0] * (kh - 1) - 1) // stride[0] + 1
    ow = (wd + pad[2] + pad[3] - dil[1] * (kw - 1) - 1) // stride[1] + 1
    out = np.zeros((n, cout, oh, ow))
    for o in range(cout):
        g = o // og
        for ci in range(cg):
            for i in range(kh):
                for j in range(kw):
                    rows = slice(i * dil[0], i * dil[0] + stride[0] * (oh - 1) + 1, stride[0])
                    cols = slice(j * dil[1], j * dil[1] + stride[1] * (ow - 1) + 1, stride[1])
                    out[:, o] += w[o, ci, i, j] * xp[:, g * cg + ci, rows, cols]
    return out


def conv_cases():
    rng = np.random.default_rng(12)
    configs = [
        ((2, 3, 6, 7), (4, 3, 3, 3), (1, 1), (0, 0, 0, 0), (1, 1), 1),
        ((1, 2, 7, 6), (3, 2, 3, 2), (2, 3), (1, 2, 0, 1), (1, 1), 1),
        ((1, 4, 9, 8), (4, 2, 2, 3), (1, 2), (2, 1, 1, 2), (2, 3), 2),
        ((2, 3, 5, 5), (6, 1, 3, 3), (2, 2), (1, 1, 1, 1), (1, 1), 3),
    ]
    out = []
    for xs, ws, stride, pad, dil, groups in configs:
        x, w = rng.normal(size=xs), rng.normal(size=ws)
        out.append({"x": array(x), "w": array(w), "stride": stride, "pad": pad,
                    "dilation": dil, "groups": groups,
                    "out": array(conv_reference(x, w, stride, pad, dil, groups))})
    return out


def pool_reference(x, k, s, p):
    n, c, h, w = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (p[0], p[0]), (p[1], p[1])), constant_values=-np.inf)
    oh, ow = (h + 2 * p[0] - k[0]) // s[0] + 1, (w + 2 * p[1] - k[1]) // s[1] + 1
    out = np.empty((n, c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            win = xp[:, :, i * s[0]:i * s[0] + k[0], j * s[1]:j * s[1] + k[1]]
            out[:, :, i, j] = win.max(axis=(2, 3))
    return out


def pool_cases():
    rng = np.random.default_rng(13)
    configs = [((2, 2, 6, 6), (2, 2), (2, 2), (0, 0)), ((1, 3, 7, 5), (3, 3), (2, 1), (1, 1)),
               ((1, 1, 5, 8), (2, 4), (1, 3), (1, 2))]
    out = []
    for xs, k, s, p in configs:
        x = rng.normal(size=xs)
        out.append({"x": array(x), "kernel": k, "stride": s, "pad": p,
                    "out": array(pool_reference(x, k, s, p))})
    return out


def logsumexp(x, axis):
    m = np.max(x, axis=axis, keepdims=True)
    return np.squeeze(m, axis) + np.log(np.sum(np.exp(x - m), axis=axis))


def op_cases():
    rng = np.random.default_rng(14)
    x = rng.normal(size=(3, 4, 5))
    big = rng.normal(size=(2, 3)) * 300 + 800
    idx = rng.integers(-4, 4, size=(2, 4, 3))
    clip_in = np.array([-3, -1, -0.5, 0, 0.5, 1, 2, np.nan, np.inf, -np.inf])
    sums = rng.normal(size=(5, 400)) * 1e3
    return {
        "x": array(x),
        "big": array(big),
        "norm2_all": array(np.sqrt(np.sum(x * x))),
        "norm2_axis1": array(np.linalg.norm(x, ord=2, axis=1)),
        "norm1_axes02": array(np.sum(np.abs(x), axis=(0, 2))),
        "logsumexp_axis1": array(logsumexp(x, 1)),
        "logsumexp_big_axis0": array(logsumexp(big, 0)),
        "softmax_axis1": array(np.exp(x - logsumexp(x, 1)[:, None, :])),
        "logsoftmax_axis_last": array(x - logsumexp(x, 2)[:, :, None]),
        "gather_index": array(idx.astype(np.int64)),
        "gather_axis1": array(np.take_along_axis(x[:2, :, :3], idx, axis=1)),
        "clip_in": array(clip_in),
        "clip_lo_hi": array(np.clip(clip_in, -1, 0.75)),
        "clip_hi_lt_lo": array(np.clip(clip_in, 1, -1)),
        "clip_int": array(np.clip(np.array([-5, -2, 0, 2, 5], np.int64), -1.5, 2.5).astype(np.int64)),
        "sum_rows": array(sums),
        "sum_rows_axis1": array(np.sum(sums, axis=1)),
        "prod_rows_axis0": array(np.prod(x, axis=0)),
        "mean_axes01": array(np.mean(x, axis=(0, 1))),
        "max_axis2": array(np.max(x, axis=2)),
    }


def write_gz(name, raw):
    # mtime=0 keeps the file identical across runs.
    with open(os.path.join(HERE, name), "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0) as z:
            z.write(raw)


def float16_values():
    """Return the float32 value of every binary16 bit pattern 0..65535, as
    little-endian uint32 float32 bit patterns."""
    h = np.arange(65536, dtype=np.uint16).view(np.float16)
    return h.astype(np.float32).view("<u4").tobytes()


def float16_round32():
    """Return float32 inputs and NumPy's float16 rounding of them, as records of
    a little-endian uint32 float32 bit pattern and a uint16 float16 bit
    pattern. The inputs are every midpoint between adjacent positive
    finite binary16 values, their float32 neighbours, and random float32
    values of either sign over the whole range. The Go test checks the
    negative midpoints by symmetry."""
    pos = np.arange(0, 0x7c00, dtype=np.uint16).view(np.float16).astype(np.float32)
    nxt = np.arange(1, 0x7c01, dtype=np.uint16).view(np.float16).astype(np.float32)
    nxt[-1] = 65536.0  # the midpoint above 65504 is 65520, which overflows
    mid = ((pos.astype(np.float64) + nxt) / 2).astype(np.float32)
    up = np.nextafter(mid, np.float32(np.inf))
    down = np.nextafter(mid, np.float32(0))
    rng = np.random.default_rng(16)
    rand = rng.integers(0, 2**32, 5000, dtype=np.uint64).astype(np.uint32).view(np.float32)
    special = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, -np.nan, 1e-8, 3e-8, 6e-8,
                        65519.996, 65520.0, 1e10, -1e10, 2.0**-25, 2.0**-24], np.float32)
    x = np.concatenate([mid, up, down, rand, special])
    rec = np.zeros(len(x), dtype=[("x", "<u4"), ("h", "<u2")])
    rec["x"] = x.view("<u4")
    rec["h"] = x.astype(np.float16).view("<u2")
    return rec.tobytes()


def float16_round64():
    """Return float64 inputs and NumPy's direct float64-to-float16 rounding, as
    records of a little-endian uint64 and a uint16 bit pattern. Inputs
    just off every fifth binary16 midpoint by less than a float32 ulp
    show rounding once from float64, not twice through float32."""
    pos = np.arange(0, 0x7bff, 5, dtype=np.uint16).view(np.float16).astype(np.float64)
    nxt = np.arange(1, 0x7c00, 5, dtype=np.uint16).view(np.float16).astype(np.float64)
    mid = (pos + nxt) / 2
    eps = np.abs(mid) * 2.0**-40
    rng = np.random.default_rng(61)
    rand = rng.normal(0, 1000, 5000) * np.exp(rng.uniform(-30, 3, 5000))
    x = np.concatenate([mid, mid + eps, mid - eps, -(mid + eps), rand, [np.nan, np.inf, 1e300, 1e-300]])
    rec = np.zeros(len(x), dtype=[("x", "<u8"), ("h", "<u2")])
    rec["x"] = x.view("<u8")
    rec["h"] = x.astype(np.float16).view("<u2")
    return rec.tobytes()


def float16_op_cases():
    """Compute NumPy float16 arithmetic, unary functions and reductions on random
    float16 inputs, which compute in float32 and round each result."""
    rng = np.random.default_rng(1616)
    a = rng.normal(0, 3, (4, 6)).astype(np.float16)
    b = rng.normal(0, 3, (4, 6)).astype(np.float16)
    p = np.abs(a) + np.float16(0.01)
    return {
        "a": array(a), "b": array(b), "p": array(p),
        "add": array(a + b), "sub": array(a - b), "mul": array(a * b),
        "div": array(a / b), "maximum": array(np.maximum(a, b)),
        "neg": array(-a), "abs": array(np.abs(a)), "square": array(np.square(a)),
        "sqrt": array(np.sqrt(p)), "exp": array(np.exp(a)), "log": array(np.log(p)),
        "tanh": array(np.tanh(a)), "sum_axis0": array(np.sum(a, axis=0)),
        "mean_axis1": array(np.mean(a, axis=1)), "sum_all": array(np.sum(a)),
        "mean_all": array(np.mean(a)), "max_axis1": array(np.max(a, axis=1)),
        "matmul": array(a @ b.T), "add_scalar": array(a + np.float16(1.5)),
        "cast_from_f64": array(np.array([0.1, 1 / 3, 65519.0, 65520.0, 1e-8, -2.5e-5, 7e4]).astype(np.float16)),
    }


def main():
    write_gz("float16_values.bin.gz", float16_values())
    write_gz("float16_round32.bin.gz", float16_round32())
    write_gz("float16_round64.bin.gz", float16_round64())
    write("float16_ops.json", float16_op_cases())
    write("broadcast.json", broadcast_cases())
    write("promote.json", promote_cases())
    write("slices.json", slice_cases())
    write("divmod.json", divmod_cases())
    write("pow_int.json", pow_cases())
    write("conv.json", conv_cases())
    write("pool.json", pool_cases())
    write("ops.json", op_cases())


if __name__ == "__main__":
    main()
