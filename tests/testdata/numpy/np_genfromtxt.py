import os
import numpy as np
base = "testdata/numpy" if os.path.exists("testdata/numpy") else "tests/testdata/numpy"
csv_path = base + "/np_genfromtxt.csv"
data = np.genfromtxt(csv_path, delimiter=",", skip_header=2)
print(data, data.dtype, data.shape)
print(np.genfromtxt(csv_path, delimiter=",", skip_header=2, usecols=(1, 3)))
print(np.genfromtxt(csv_path, delimiter=",", skip_header=2, usecols=1, dtype=float))
print(np.genfromtxt(csv_path, delimiter=",", skip_header=2, usecols=[0, -1]))
print(np.isnan(np.genfromtxt(csv_path, delimiter=",", skip_header=2)).sum())
print(np.genfromtxt(base + "/np_genfromtxt_ws.txt"), np.genfromtxt(base + "/np_genfromtxt_ws.txt", skip_header=1))
print(np.genfromtxt(csv_path, delimiter=",", skip_header=1)[0])
