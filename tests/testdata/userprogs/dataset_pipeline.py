"""GeneratorDataset with column_names, map with a Python callable and
TypeCast, batch with drop_remainder, repeat, and both iterators."""
import numpy as np
import mindspore as ms
import mindspore.dataset as ds
import mindspore.dataset.transforms.c_transforms as C
import mindspore.common.dtype as mstype


def generator():
    for i in range(5):
        yield (np.array([i, i + 1], np.float32), np.array(i % 2, np.int64))


dataset = ds.GeneratorDataset(generator, column_names=["data", "label"], shuffle=False)
print(dataset.get_dataset_size(), dataset.get_col_names())
dataset = dataset.map(operations=lambda x: x * 2, input_columns=["data"])
dataset = dataset.map(operations=C.TypeCast(mstype.int32), input_columns=["label"])
dataset = dataset.batch(2, drop_remainder=True)
print(dataset.get_dataset_size())
for item in dataset.create_dict_iterator():
    print(item["data"].shape, item["data"].dtype, item["label"].dtype)
    print(item["data"])
    print(item["label"])
dataset = dataset.repeat(2)
print(dataset.get_dataset_size())
for data, label in dataset.create_tuple_iterator():
    print(data.asnumpy().tolist(), label)
for item in dataset.create_dict_iterator(num_epochs=1, output_numpy=True):
    print(type(item["data"]).__name__, item["label"])
    break
