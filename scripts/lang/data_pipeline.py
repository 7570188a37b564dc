"""A dataset pipeline built from generators, as MindSpore's dataset
tutorials chain GeneratorDataset, shuffle, map and batch."""
import random
from collections import namedtuple

Sample = namedtuple("Sample", ["image", "label"])


class ToyDigits:
    """A random-access source: __getitem__ and __len__, like a dataset class."""

    def __init__(self, n, seed=7):
        random.seed(seed)
        self.items = [Sample([random.randint(0, 9) for _ in range(4)], i % 3) for i in range(n)]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, index):
        if not 0 <= index < len(self):
            raise IndexError("sample %d out of range" % index)
        return self.items[index]


def shuffled(source, buffer_size):
    """Yield the source's samples through a shuffle buffer."""
    buffer = []
    for i in range(len(source)):
        buffer.append(source[i])
        if len(buffer) == buffer_size:
            j = random.randrange(len(buffer))
            yield buffer.pop(j)
    random.shuffle(buffer)
    yield from buffer


def mapped(samples, *transforms):
    for sample in samples:
        image, label = sample
        for fn in transforms:
            image = fn(image)
        yield sample._replace(image=image)


def batched(samples, size, drop_remainder=False):
    batch = []
    for sample in samples:
        batch.append(sample)
        if len(batch) == size:
            yield tuple(zip(*batch))
            batch = []
    if batch and not drop_remainder:
        yield tuple(zip(*batch))


def normalize(image):
    return [round(p / 9.0, 3) for p in image]


def flip(image):
    return image[::-1]


def repeat(make, epochs):
    for epoch in range(epochs):
        yield from ((epoch, b) for b in make())


source = ToyDigits(10)
print("dataset size:", len(source), "first:", source[0])
try:
    source[10]
except IndexError as e:
    print("IndexError:", e)

pipeline = lambda: batched(mapped(shuffled(source, 4), flip, normalize), 4)
for epoch, (images, labels) in repeat(pipeline, 2):
    print(f"epoch {epoch} labels={list(labels)} first={images[0]}")

counts = {}
for _, (_, labels) in repeat(pipeline, 1):
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
print("label counts:", dict(sorted(counts.items())))


def endless():
    n = 0
    while True:
        yield n
        n += 1


steps = [f"{i}:{n}" for i, n in zip(range(3), endless())]
head = [n for _, n in zip("abc", endless())]
evens = (n for n in range(20) if n % 2 == 0)
first_even = next(n for n in evens if n > 4)
print(steps, head, first_even)
