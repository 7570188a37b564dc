"""map with column_order selecting and ordering the output columns, the
ValueError r1.6 raises without it, and the in-place layout when
input_columns and output_columns have the same length."""
import numpy as np
import mindspore.dataset as ds

d = ds.NumpySlicesDataset((np.arange(2), np.arange(2) * 5), column_names=["a", "b"], shuffle=False)
m = d.map(operations=lambda x: (x, x * 10), input_columns=["a"], output_columns=["a", "a10"],
          column_order=["a10", "b"])
print(m.get_col_names())
print(m.output_shapes(), m.output_types())
for row in m.create_dict_iterator(output_numpy=True):
    print(row["a10"], row["b"])
for a10, b in m.batch(2).create_tuple_iterator(output_numpy=True):
    print(a10, b)

try:
    d.map(operations=lambda x: (x, x * 10), input_columns=["a"], output_columns=["a", "a10"])
except ValueError as e:
    print(type(e).__name__, "When length of input_columns and output_columns are not equal" in str(e))

r = d.map(operations=lambda x: x + 1, input_columns=["a"], output_columns=["c"])
print(r.get_col_names())
print([row[0].tolist() for row in r.create_tuple_iterator(output_numpy=True)])
