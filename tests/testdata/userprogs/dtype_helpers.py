"""The dtype conversion helpers that mindspore exports from
mindspore.common.dtype."""
import mindspore

print(mindspore.pytype_to_dtype(int))
print(mindspore.pytype_to_dtype(float))
print(mindspore.dtype_to_nptype(mindspore.float32))
