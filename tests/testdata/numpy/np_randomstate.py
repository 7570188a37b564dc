# numpy.random.RandomState draws its own MT19937 stream, equal to the
# global one seeded the same way.
import numpy as np
rs = np.random.RandomState(0)
print(rs.rand(3))
print(rs.randn(2, 2))
print(rs.randint(0, 10, size=5), rs.uniform(1, 2, 2), rs.normal(0, 1, 2))
print(rs.choice(5, 3, replace=False), rs.permutation(5), rs.random_sample(2))
a = np.arange(6)
rs.shuffle(a)
print(a)
np.random.seed(0)
print(np.random.rand(3))
r2 = np.random.RandomState(42)
np.random.seed(1)
print(r2.rand(2), np.random.rand(2))
r2.seed(42)
print(r2.rand(2))
