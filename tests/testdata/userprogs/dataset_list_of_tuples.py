"""GeneratorDataset over a list of tuples with shuffle=False, with one
and with two columns, batched with and without drop_remainder, and the
tutorial's list(...) source with its default shuffling, of which only
the order-free facts are printed."""
import numpy as np
import mindspore.dataset as ds

pairs = [(np.array([i], np.float32), np.array([10 * i], np.int32)) for i in range(5)]
dataset = ds.GeneratorDataset(pairs, column_names=["x", "y"], shuffle=False)
print(dataset.get_dataset_size(), dataset.get_col_names())
for x, y in dataset.batch(2).create_tuple_iterator(output_numpy=True):
    print(x.ravel(), y.ravel(), y.dtype)
singles = [(np.array([i, -i], np.float32),) for i in range(4)]
single = ds.GeneratorDataset(singles, column_names=["x"], shuffle=False).batch(3, drop_remainder=True)
print(single.get_dataset_size(), single.get_col_names())
for row in single.create_dict_iterator():
    print(row["x"])
shuffled = ds.GeneratorDataset(pairs, column_names=["x", "y"])
values = sorted(int(row["y"].asnumpy()[0]) for row in shuffled.create_dict_iterator())
print(values, shuffled.get_dataset_size())
