import numpy as np
r = round(np.float64(2.71828), 2)
print(r, type(r))
r = round(np.float32(2.71828), 2)
print(r, type(r))
print(round(np.float64(2.5)), type(round(np.float64(2.5))), round(np.float64(3.5)))
print(type(round(np.float32(2.5))), round(np.int64(17), -1), type(round(np.int64(17))), type(round(np.int64(17), -1)))
print(round(np.float64(2.675), 2), round(np.float32(0.125), 2), round(np.float64(1234.5), -2), round(np.int64(25), -1))
