"""GeneratorDataset from a generator function (not shuffled: a plain
generator has no random access), its size, columns and first batch,
before and after batch(4)."""
import numpy as np
import mindspore.dataset as ds


def get_data(num, w=2.0, b=3.0):
    for i in range(num):
        x = i * 0.5
        yield np.array([x]).astype(np.float32), np.array([x * w + b]).astype(np.float32)


dataset = ds.GeneratorDataset(lambda: get_data(10), column_names=['data', 'label'])
print(dataset.get_dataset_size(), dataset.get_col_names())
batched = dataset.batch(4)
print(batched.get_dataset_size(), batched.get_batch_size())
for batch in batched.create_dict_iterator():
    print(batch['data'].shape, batch['label'].dtype)
first = next(batched.create_tuple_iterator(output_numpy=True))
print(first[0])
print(first[1].T)
last = list(batched.create_dict_iterator(output_numpy=True))[-1]
print(last['data'].ravel(), last['label'].ravel())
