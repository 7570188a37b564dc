# Turns the JSON lines that run.sh collects into the Markdown table of
# BENCHMARKS.md: one line per row and thread count, with each target
# and whether cellscript meets it.
#
# usage: table.py RESULTS
import json
import sys

ROWS = [
    ("sgemm1024", "sgemm 1024, float32"),
    ("sgemm2048", "sgemm 2048, float32"),
    ("l1", "L1Loss 16M, fwd+bwd"),
    ("mse", "MSELoss 16M, fwd+bwd"),
    ("smoothl1", "SmoothL1Loss 16M, fwd+bwd"),
    ("bce", "BCELoss 16384x1000, fwd+bwd"),
    ("softmaxce", "softmax CE 16384x1000, fwd+bwd"),
    ("cosine", "CosineEmbedding 65536x256, fwd+bwd"),
    ("mlp128", "MLP step, batch 128"),
    ("mlp1024", "MLP step, batch 1024"),
    ("eager", "eager (a-b).abs().mean(), per op"),
    ("linearfit", "linear-fit program, whole process"),
]

# Bandwidth bound of the elementwise losses: x and y read, the gradient
# written, 192 MiB, at the rates measured on the benchmark machine.
BOUND_MS = {1: 12.0, 2: 5.0}


def target(row, threads, tuned):
    """Returns (limit in ms or None, description) for cellscript."""
    if row.startswith("sgemm"):
        return tuned, "<= tuned torch time"
    if row in ("l1", "mse", "smoothl1"):
        b = BOUND_MS[threads] * 1.3
        return b, "<= %.1f ms (1.3x bound)" % b
    if row in ("bce", "softmaxce"):
        return tuned and tuned / 3, "<= tuned / 3"
    if row == "cosine":
        return tuned and tuned / 5, "<= tuned / 5"
    if row.startswith("mlp"):
        return tuned, "< tuned torch"
    if row == "eager":
        return 1.0, "<= 1 us"
    return 20.0, "< 20 ms"


def fmt(v, row):
    if v is None:
        return "-"
    if row.startswith("sgemm"):
        n = 1024 if row == "sgemm1024" else 2048
        return "%.2f ms (%.0f GFLOP/s)" % (v, 2 * n ** 3 / v / 1e6)
    if row == "eager":
        return "%.2f us" % v
    return "%.2f ms" % v


def main():
    res = {}
    for line in open(sys.argv[1]):
        d = json.loads(line)
        res[(d["row"], d["impl"], d["threads"])] = d["ms"]
    print("| row | threads | cellscript | torch as installed | torch tuned | tuned / cellscript | target | met |")
    print("|---|---|---|---|---|---|---|---|")
    for row, title in ROWS:
        for threads in (1, 2):
            cs = res.get((row, "cellscript", threads))
            if cs is None:
                continue
            inst = res.get((row, "torch-installed", threads))
            tuned = res.get((row, "torch-tuned", threads))
            limit, desc = target(row, threads, tuned)
            if limit is None:
                met = "-"
            elif cs <= limit:
                met = "met"
            else:
                met = "not met"
            ratio = "-" if not tuned else "%.2fx" % (tuned / cs)
            print("| %s | %d | %s | %s | %s | %s | %s | %s |" % (
                title, threads, fmt(cs, row), fmt(inst, row), fmt(tuned, row), ratio, desc, met))


main()
