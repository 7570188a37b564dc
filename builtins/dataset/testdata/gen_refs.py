"""Reference values for the dataset tests, computed with NumPy.

Run with Debian's /usr/bin/python3 (NumPy 1.24.2):
    /usr/bin/python3 gen_refs.py > refs.json

Each entry is what the matching test script must print, computed here
independently of cellscript: batches by slicing NumPy arrays, seeded
orders from np.random.RandomState(seed + epoch), split sizes with
Python's round().
"""
import json
import numpy as np

refs = {}

# NumpySlicesDataset(dict, shuffle=False).batch(4): column sums per batch.
x = np.arange(30, dtype=np.float64).reshape(10, 3) * 0.5
y = np.arange(10, dtype=np.int64) % 3
refs["batch_sums"] = [[float(x[i:i + 4].sum()), int(y[i:i + 4].sum())] for i in range(0, 10, 4)]
refs["batch_sums_drop"] = refs["batch_sums"][:2]

# Seeded shuffles: epoch k of a shuffled source of n rows.
refs["seeded_epochs"] = [np.random.RandomState(7 + k).permutation(10).tolist() for k in range(3)]

# RandomSampler(replacement=True, num_samples=6) and the default sampler
# with num_samples, which MindSpore turns into draws with replacement.
refs["replacement"] = np.random.RandomState(11).choice(8, 6, replace=True).tolist()

# SubsetRandomSampler([9, 2, 5, 7]): the indices shuffled.
idx = [9, 2, 5, 7]
np.random.RandomState(3).shuffle(idx)
refs["subset_random"] = idx

# DistributedSampler(num_shards=3, shard_id=s, shuffle=False) over 10
# rows: positions s, s+3, ... wrapping to ceil(10/3) rows each.
refs["shards"] = [[(3 * c + s) % 10 for c in range(4)] for s in range(3)]
perm = np.random.RandomState(5).permutation(10)
refs["shards_shuffled"] = [[int(perm[(3 * c + s) % 10]) for c in range(4)] for s in range(3)]


def shuffle_buffer(rows, buffer, seed):
    """Dataset.shuffle(buffer): draw a slot, emit it, refill the slot."""
    r = np.random.RandomState(seed)
    it = iter(rows)
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) == buffer:
            break
    out = []
    exhausted = len(buf) < buffer
    while buf:
        k = r.randint(0, len(buf))
        out.append(buf[k])
        nxt = None
        if not exhausted:
            nxt = next(it, None)
            exhausted = nxt is None
        if nxt is not None:
            buf[k] = nxt
        else:
            buf[k] = buf[-1]
            buf.pop()
    return out


refs["shuffle_buffer"] = shuffle_buffer(list(range(12)), 4, 21)


def split_sizes(sizes, total):
    """MindSpore's _get_absolute_split_sizes for fractions."""
    out = [int(round(f * total)) for f in sizes]
    diff = total - sum(out)
    if diff > 0:
        out[0] += diff
    else:
        for i in range(len(out)):
            if out[i] + diff > 0:
                out[i] += diff
                break
    return out


refs["split_sizes_7"] = split_sizes([0.5, 0.5], 7)
refs["split_sizes_10"] = split_sizes([0.8, 0.2], 10)
perm = np.random.RandomState(13).permutation(10)
sizes = refs["split_sizes_10"]
refs["split_random"] = [sorted(perm[:sizes[0]].tolist()), sorted(perm[sizes[0]:].tolist())]

# map(lambda a: (a * 2, a + 1), input_columns=['a'], output_columns=['d', 'e'],
#     column_order=['b', 'd', 'e']) over columns a, b.
a = np.array([1.5, 2.5, 4.0])
refs["map_rows"] = [[int(b), float(a[i] * 2), float(a[i] + 1)] for i, b in enumerate([10, 20, 30])]

# repeat(2).skip(3).take(4) over rows 0..4.
rows = list(range(5)) * 2
refs["repeat_skip_take"] = rows[3:7]

print(json.dumps(refs, indent=1, sort_keys=True))
