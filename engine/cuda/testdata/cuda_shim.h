// Declarations that let a C++ compiler check the syntax and types of the
// backend's CUDA C sources without the CUDA toolkit: the qualifiers,
// built-in variables and intrinsics the sources use, with the
// signatures the CUDA headers give them.
#include <math.h>

#define __global__
#define __device__
#define __forceinline__ inline
#define __shared__ static

// The built-in index variables: uint3 for the thread and block index,
// dim3 for the sizes, as in CUDA's vector_types.h.
struct uint3 {
	unsigned int x, y, z;
};
struct dim3 {
	unsigned int x, y, z;
};
extern const uint3 threadIdx, blockIdx;
extern const dim3 blockDim, gridDim;

// float4 is 16-byte aligned, so a float4 load needs a 16-byte aligned
// address.
struct alignas(16) float4 {
	float x, y, z, w;
};
static_assert(sizeof(float4) == 16 && alignof(float4) == 16, "float4 is 16 bytes");

void __syncthreads();
double __longlong_as_double(long long x);
float atomicAdd(float* address, float val);
double atomicAdd(double* address, double val);
int atomicAdd(int* address, int val);
unsigned long long atomicAdd(unsigned long long* address, unsigned long long val);
