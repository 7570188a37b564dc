package ops_test

import (
	"strings"
	"testing"
)

// TestBatchOpsPrintDepend compares BatchMatMul and ArgMaxWithValue
// with np.matmul, argmax and max under NumPy 1.24.2, and checks Print
// and depend.
func TestBatchOpsPrintDepend(t *testing.T) {
	prelude := "x = Tensor(np.arange(12).reshape(2, 2, 3), ms.float32)\ny = Tensor(np.arange(12).reshape(2, 3, 2) - 5, ms.float32)\n"
	cases := []struct{ name, code, want string }{
		{"batch matmul", "print(ops.BatchMatMul()(x, y))",
			"[[[ -5.  -2.]\n  [-32. -20.]]\n\n [[ 67.  88.]\n  [ 94. 124.]]]\n"},
		{"batch matmul transpose_b", "print(ops.BatchMatMul(transpose_b=True)(x, x))",
			"[[[  5.  14.]\n  [ 14.  50.]]\n\n [[149. 212.]\n  [212. 302.]]]\n"},
		{"batch matmul gradient", "dx, dy = ops.GradOperation(get_all=True)(lambda a, b: ops.ReduceSum()(ops.BatchMatMul()(a, b)))(x, y)\nprint(dx)\nprint(dy)",
			"[[[-9. -5. -1.]\n  [-9. -5. -1.]]\n\n [[ 3.  7. 11.]\n  [ 3.  7. 11.]]]\n" +
				"[[[ 3.  3.]\n  [ 5.  5.]\n  [ 7.  7.]]\n\n [[15. 15.]\n  [17. 17.]\n  [19. 19.]]]\n"},
		{"argmax with value", "i, v = ops.ArgMaxWithValue(axis=1)(Tensor(np.array([[3, 9, 9], [7, 1, 2]]), ms.float32))\nprint(i, i.dtype, v)",
			"[1 0] Int32 [9. 7.]\n"},
		{"argmax with value keep_dims", "i, v = ops.ArgMaxWithValue(axis=1, keep_dims=True)(Tensor(np.array([[3, 9, 9], [7, 1, 2]]), ms.float32))\nprint(i.shape, v.shape)",
			"(2, 1) (2, 1)\n"},
		{"print", "ops.Print()('x:', Tensor(np.array([[1, 2]]), ms.int32))",
			"x:\nTensor(shape=[1, 2], dtype=Int32, value=\n[[1 2]])\n"},
		{"depend", "print(ops.depend(Tensor(2.0, ms.float32), print('first')))", "first\n2.0\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := runOps(t, prelude+c.code)
			if err != nil {
				t.Fatalf("%s: %v", c.code, err)
			}
			if got != c.want {
				t.Errorf("%s printed\n%s\nwant\n%s", c.code, got, c.want)
			}
		})
	}
}

// TestBatchMatMulShapeErrors checks the ValueError of MindSpore r1.6's
// BatchMatMul for inputs below rank 3 and unequal batch shapes.
func TestBatchMatMulShapeErrors(t *testing.T) {
	cases := []string{
		"ops.BatchMatMul()(Tensor(np.ones((2, 3)), ms.float32), Tensor(np.ones((3, 2)), ms.float32))",
		"ops.BatchMatMul()(Tensor(np.ones((2, 2, 3)), ms.float32), Tensor(np.ones((3, 3, 2)), ms.float32))",
		"ops.BatchMatMul()(Tensor(np.ones((2, 2, 3)), ms.float32), Tensor(np.ones((2, 4, 2)), ms.float32))",
	}
	for _, code := range cases {
		_, err := runOps(t, code)
		if err == nil || !strings.Contains(err.Error(), "ValueError") {
			t.Errorf("%s: got error %v, want a ValueError", code, err)
		}
	}
}
