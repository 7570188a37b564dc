"""shuffle=True with a seed: the order depends on MindSpore's sampler, so
the program prints only what every order shares."""
import numpy as np
import mindspore.dataset as ds

ds.config.set_seed(58)


def generator():
    for i in range(6):
        yield (np.array(i, np.int32),)


dataset = ds.GeneratorDataset(generator, column_names=["n"], shuffle=True)
values = [int(item["n"].asnumpy()) for item in dataset.create_dict_iterator()]
print(sorted(values), len(values))
dataset = ds.NumpySlicesDataset({"n": np.arange(6)}, shuffle=True).batch(3)
batches = [item["n"].shape for item in dataset.create_dict_iterator()]
print(batches)
dataset = ds.GeneratorDataset(generator, ["n"]).shuffle(buffer_size=4).batch(4, drop_remainder=False)
print(dataset.get_dataset_size(), sum(b[0].shape[0] for b in dataset.create_tuple_iterator()))
