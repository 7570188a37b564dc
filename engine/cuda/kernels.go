package cuda

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cellscript/cellscript/engine"
)

// kernel is one extern "C" entry point of a module. Its C signature is
// generated from params, so the packed arguments, the fake driver's
// decoding and the CUDA source cannot disagree.
type kernel struct {
	name   string
	module string
	// params are the C parameter declarations, such as "const float* x".
	params []string
	kinds  []param
	// call is the body of the entry point: a call of the module's
	// implementation.
	call string
	// block is the block size the implementation requires, or 0 when
	// any size works.
	block int
}

// ctype is the C view of a dtype: its name suffix, element type and
// accumulator type.
type ctype struct {
	tag string // name suffix: f32, f64, i32, i64, b8
	c   string // element type
	acc string // accumulator of sums and products
}

var (
	tF32 = ctype{"f32", "float", "double"}
	tF64 = ctype{"f64", "double", "double"}
	tI32 = ctype{"i32", "int", "int"}
	tI64 = ctype{"i64", "long long", "long long"}
	tB8  = ctype{"b8", "unsigned char", "int"}

	allTypes    = []ctype{tF32, tF64, tI32, tI64, tB8}
	numberTypes = []ctype{tF32, tF64, tI32, tI64}
	floatTypes  = []ctype{tF32, tF64}
	intTypes    = []ctype{tI32, tI64}
	// sizeTypes are the unsigned types that move elements of 1, 4 and
	// 8 bytes without looking at them.
	sizeTypes = []ctype{{"s1", "unsigned char", ""}, {"s4", "unsigned int", ""}, {"s8", "unsigned long long", ""}}
)

// ctypeOf returns the C view of an engine dtype.
func ctypeOf(d engine.DType) ctype {
	switch d {
	case engine.Float32:
		return tF32
	case engine.Float64:
		return tF64
	case engine.Int32:
		return tI32
	case engine.Int64:
		return tI64
	}
	return tB8
}

// sizeTypeOf returns the unsigned type of d's element size.
func sizeTypeOf(d engine.DType) ctype {
	switch d.Size() {
	case 1:
		return sizeTypes[0]
	case 4:
		return sizeTypes[1]
	}
	return sizeTypes[2]
}

// The module names; each compiles and loads on first use.
const (
	modElementwise = "elementwise"
	modLayout      = "layout"
	modReduce      = "reduce"
	modMatmul      = "matmul"
	modLoss        = "loss"
)

// moduleBodies holds each module's implementation source (see the
// source_*.go files); the prelude comes first in every module.
var moduleBodies = map[string]string{}

var kernels = map[string]*kernel{}

// define adds a kernel; "T", "A" and "U" in params and call stand for
// the element, accumulator and size types of t.
func define(module, base string, t ctype, block int, params []string, call string) {
	name := "cs_" + base
	if t.tag != "" {
		name += "_" + t.tag
	}
	r := strings.NewReplacer("T", t.c, "A", t.acc, "U", t.c)
	k := &kernel{name: name, module: module, call: r.Replace(call), block: block}
	for _, p := range params {
		decl := r.Replace(p)
		kind, err := paramOf(decl)
		if err != nil {
			panic(err)
		}
		k.params = append(k.params, decl)
		k.kinds = append(k.kinds, kind)
	}
	if kernels[name] != nil {
		panic("cuda: kernel " + name + " defined twice")
	}
	kernels[name] = k
}

// kernelFor returns the kernel named cs_<base>_<tag>.
func kernelFor(base string, t ctype) *kernel {
	return kernels["cs_"+base+"_"+t.tag]
}

// moduleSource returns the complete CUDA C source of a module: the
// prelude, the implementation and one extern "C" entry per kernel.
func moduleSource(module string) string {
	var b strings.Builder
	b.WriteString(prelude)
	b.WriteString(moduleBodies[module])
	var names []string
	for name, k := range kernels {
		if k.module == module {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		k := kernels[name]
		fmt.Fprintf(&b, "\nextern \"C\" __global__ void %s(%s) {\n\t%s\n}\n", k.name, strings.Join(k.params, ", "), k.call)
	}
	return b.String()
}

// moduleNames returns every module, sorted.
func moduleNames() []string {
	seen := map[string]bool{}
	for _, k := range kernels {
		seen[k.module] = true
	}
	var names []string
	for m := range seen {
		names = append(names, m)
	}
	sort.Strings(names)
	return names
}

// blockSize is the block of the kernels that reduce within a block;
// their shared arrays have this many elements.
const blockSize = 256

func init() {
	defineElementwise()
	defineLayout()
	defineReduce()
	defineLoss()
}

func defineElementwise() {
	for _, t := range allTypes {
		define(modElementwise, "fill", t, 0, []string{"T* out", "T v", "long long n"}, "fill_impl(out, v, n);")
		define(modElementwise, "compare", t, 0, []string{"int op", "unsigned char* out", "const T* a", "const T* b", "T av", "T bv", "Dims d", "long long n"}, "compare_impl(op, out, a, b, av, bv, d, n);")
		define(modElementwise, "onehot", t, 0, []string{"T* out", "const long long* idx", "T on", "T off", "long long depth", "long long n"}, "onehot_impl(out, idx, on, off, depth, n);")
		for _, to := range allTypes {
			if to != t {
				r := strings.NewReplacer("TO", to.c, "FROM", t.c)
				define(modElementwise, "cast_"+t.tag, to, 0, []string{r.Replace("TO* out"), r.Replace("const FROM* x"), "long long n"}, "cast_impl(out, x, n);")
			}
		}
	}
	for _, t := range numberTypes {
		define(modElementwise, "unary", t, 0, []string{"int op", "T* out", "const T* x", "long long n"}, "unary_impl(op, out, x, n);")
		define(modElementwise, "binary", t, 0, []string{"int op", "T* out", "const T* a", "const T* b", "T av", "T bv", "Dims d", "long long n"}, "binary_impl(op, out, a, b, av, bv, d, n);")
		define(modElementwise, "clip", t, 0, []string{"T* out", "const T* x", "T lo", "T hi", "long long n"}, "clip_impl(out, x, lo, hi, n);")
	}
	for _, t := range sizeTypes {
		define(modElementwise, "select", t, 0, []string{"U* out", "const unsigned char* c", "const U* a", "const U* b", "unsigned char cv", "U av", "U bv", "Dims d", "long long n"}, "select_impl(out, c, a, b, cv, av, bv, d, n);")
	}
}

func defineLayout() {
	for _, t := range sizeTypes {
		define(modLayout, "strided", t, 0, []string{"U* out", "const U* x", "Dims d", "long long n"}, "strided_impl(out, x, d, n);")
		define(modLayout, "copyrows", t, 0, []string{"U* dst", "long long dstStride", "const U* src", "long long srcStride", "long long rows", "long long cols"}, "copyrows_impl(dst, dstStride, src, srcStride, rows, cols);")
		define(modLayout, "gather", t, 0, []string{"U* out", "const U* x", "const long long* idx", "long long n"}, "gather_impl(out, x, idx, n);")
	}
	for _, t := range numberTypes {
		define(modLayout, "scatter_add", t, 0, []string{"T* out", "const T* g", "const long long* idx", "long long n"}, "scatter_add_impl(out, g, idx, n);")
	}
	for _, t := range intTypes {
		define(modMatmul, "matmul", t, 0, []string{"T* out", "const T* a", "const T* b", "long long m", "long long n", "long long k", "long long lda", "long long ldb", "int ta", "int tb"}, "matmul_impl(out, a, b, m, n, k, lda, ldb, ta, tb);")
	}
}

func defineReduce() {
	for _, t := range allTypes {
		define(modReduce, "reduce_rows", t, blockSize, []string{"int op", "T* out", "const T* x", "long long rows", "long long inner"}, "reduce_rows_impl(op, out, x, rows, inner);")
		define(modReduce, "reduce_part", t, blockSize, []string{"int op", "A* part", "const T* x", "long long rows", "long long inner", "long long chunk", "long long chunks"}, "reduce_part_impl(op, part, x, rows, inner, chunk, chunks);")
		define(modReduce, "reduce_fin", t, blockSize, []string{"int op", "T* out", "const A* part", "long long rows", "long long chunks", "long long inner"}, "reduce_fin_impl(op, out, part, rows, chunks, inner);")
		define(modReduce, "reduce_cols", t, 0, []string{"int op", "T* out", "const T* x", "long long outer", "long long inner", "long long post"}, "reduce_cols_impl(op, out, x, outer, inner, post);")
		define(modReduce, "argreduce", t, blockSize, []string{"int isMax", "long long* out", "const T* x", "long long rows", "long long inner"}, "argreduce_impl(isMax, out, x, rows, inner);")
	}
	for _, t := range floatTypes {
		define(modReduce, "logsoftmax", t, blockSize, []string{"T* out", "const T* x", "long long rows", "long long cols"}, "logsoftmax_impl(out, x, rows, cols);")
		define(modReduce, "softmax", t, blockSize, []string{"T* out", "const T* x", "long long rows", "long long cols"}, "softmax_impl(out, x, rows, cols);")
		define(modReduce, "logsumexp", t, blockSize, []string{"T* out", "const T* x", "long long rows", "long long cols"}, "logsumexp_impl(out, x, rows, cols);")
		define(modReduce, "prodgrad", t, 0, []string{"T* out", "double* work", "const T* x", "const T* g", "long long outer", "long long inner"}, "prodgrad_impl(out, work, x, g, outer, inner);")
	}
}

func defineLoss() {
	for _, t := range floatTypes {
		define(modLoss, "loss", t, blockSize, []string{"int kind", "T* dx", "double* part", "const T* x", "const T* y", "T scale", "T beta", "T halfBeta", "T quadGrad", "long long n"}, "loss_impl(kind, dx, part, x, y, scale, beta, halfBeta, quadGrad, n);")
		define(modLoss, "loss_fin", t, blockSize, []string{"T* out", "const double* part", "int mean", "long long parts", "long long n"}, "loss_fin_impl(out, part, mean, parts, n);")
	}
	define(modLoss, "bce", tF32, blockSize, []string{"float* dx", "double* part", "const float* x", "const float* y", "float scale", "long long n"}, "bce_impl(dx, part, x, y, scale, n);")
	define(modLoss, "xent", tF32, blockSize, []string{"float* loss", "float* grad", "const float* x", "const long long* labels", "const float* scales", "float scale", "long long rows", "long long cols"}, "xent_impl(loss, grad, x, labels, scales, scale, rows, cols);")
}
