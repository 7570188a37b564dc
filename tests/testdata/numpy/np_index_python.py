# NumPy integer scalars index Python lists, tuples and strings by name.
import numpy as np

classes = ['cat', 'dog', 'bird']
scores = np.array([0.1, 0.7, 0.2])
print(classes[np.argmax(scores)])
i = np.int32(2)
classes[i] = 'fish'
pair = (1, 2, 3)
word = "abc"
print(classes, classes[-1], pair[np.int64(0)], word[np.int64(1)])
a = np.arange(6).reshape(2, 3)
print(a[np.int64(1)], a[np.True_].shape)
counts = {}
for y in np.array([1, 0, 1, 1]):
    counts[y] = counts.get(y, 0) + 1
print(counts)
