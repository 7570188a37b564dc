"""GeneratorDataset from a generator function and a random-access source,
then batch, shuffle and the iterators."""
import numpy as np
import mindspore.dataset as ds


def generator_multidimensional():
    for i in range(5):
        yield (np.array([i, i + 1], np.float32), np.array([i % 2], np.int32))


dataset = ds.GeneratorDataset(generator_multidimensional, ["data", "label"], shuffle=False)
print(dataset.get_dataset_size())
print(dataset.get_col_names())
for item in dataset.create_dict_iterator(output_numpy=True):
    print(item["data"], item["label"])

batched = dataset.batch(2)
print(batched.get_dataset_size())
for data, label in batched.create_tuple_iterator(output_numpy=True):
    print(data.shape, label.shape, data.dtype, label.dtype)

dropped = ds.GeneratorDataset(generator_multidimensional, ["data", "label"], shuffle=False).batch(2, drop_remainder=True)
print(dropped.get_dataset_size())
for item in dropped.create_dict_iterator():
    print(type(item["data"]).__name__, item["data"].shape)


class Source:
    def __init__(self):
        self.x = np.arange(10, dtype=np.float32).reshape(10, 1)

    def __getitem__(self, index):
        return (self.x[index], self.x[index] * 2)

    def __len__(self):
        return len(self.x)


ds.config.set_seed(58)
shuffled = ds.GeneratorDataset(Source(), column_names=["x", "y"], shuffle=True)
seen = sorted(int(row[0][0]) for row in shuffled.create_tuple_iterator(output_numpy=True))
print(seen)
print(shuffled.get_dataset_size())
