"""NumpySlicesDataset from a dict, a list and a tuple of arrays."""
import numpy as np
import mindspore.dataset as ds

data = {"a": [1, 2, 3, 4, 5], "b": [6, 7, 8, 9, 10]}
dataset = ds.NumpySlicesDataset(data=data, shuffle=False)
print(dataset.get_col_names(), dataset.get_dataset_size())
for item in dataset.create_dict_iterator(output_numpy=True):
    print(item["a"], item["b"])

dataset = ds.NumpySlicesDataset([1, 2, 3], column_names=["col_1"], shuffle=False)
for item in dataset.create_tuple_iterator(output_numpy=True):
    print(item)

features, labels = np.arange(12, dtype=np.float32).reshape(6, 2), np.arange(6, dtype=np.int32)
dataset = ds.NumpySlicesDataset((features, labels), column_names=["x", "y"], shuffle=False)
dataset = dataset.batch(4)
print(dataset.get_dataset_size())
for x, y in dataset.create_tuple_iterator():
    print(x.shape, y)
