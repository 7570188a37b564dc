# Times a float32 matrix product on the GPU with PyTorch, TF32 off so
# that it computes what cuBLAS's sgemm computes, and prints
# "torch_sgemm VALUE TFLOP/s": the median of ten products after three
# warm-ups.
import sys
import time

import torch

size = int(sys.argv[1]) if len(sys.argv) > 1 else 8192
torch.backends.cuda.matmul.allow_tf32 = False
a = torch.rand(size, size, device="cuda", dtype=torch.float32)
b = torch.rand(size, size, device="cuda", dtype=torch.float32)
times = []
for i in range(13):
    torch.cuda.synchronize()
    start = time.perf_counter()
    torch.matmul(a, b)
    torch.cuda.synchronize()
    if i >= 3:
        times.append(time.perf_counter() - start)
times.sort()
print("torch_sgemm %.1f TFLOP/s" % (2 * size**3 / times[len(times) // 2] / 1e12))
