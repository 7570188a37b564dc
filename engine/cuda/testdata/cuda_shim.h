// Declarations that let a C++ compiler check the syntax and types of the
// backend's CUDA C sources without the CUDA toolkit: the qualifiers,
// built-in variables and intrinsics the sources use, with the
// signatures the CUDA headers give them.
#include <math.h>

#define __global__
#define __device__
#define __forceinline__ inline
#define __shared__ static

struct cs_dim3 {
	unsigned int x, y, z;
};
extern cs_dim3 threadIdx, blockIdx, blockDim, gridDim;

struct float4 {
	float x, y, z, w;
};

void __syncthreads();
double __longlong_as_double(long long x);
float atomicAdd(float* address, float val);
double atomicAdd(double* address, double val);
int atomicAdd(int* address, int val);
unsigned long long atomicAdd(unsigned long long* address, unsigned long long val);
