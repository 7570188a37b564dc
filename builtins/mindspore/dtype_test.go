package mindspore_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// TestDTypeHelpers checks the str() of each conversion against what
// MindSpore r1.6 with NumPy prints for it.
func TestDTypeHelpers(t *testing.T) {
	cases := []struct{ expr, want string }{
		{"mindspore.pytype_to_dtype(int)", "Int64"},
		{"mindspore.pytype_to_dtype(float)", "Float64"},
		{"mindspore.pytype_to_dtype(bool)", "Bool"},
		{"mindspore.pytype_to_dtype(np.float32)", "Float32"},
		{"mindspore.pytype_to_dtype(mstype.int32)", "Int32"},
		{"mindspore.dtype_to_nptype(mindspore.float32)", "<class 'numpy.float32'>"},
		{"mstype.dtype_to_nptype(mstype.int64)", "<class 'numpy.int64'>"},
		{"mindspore.dtype_to_nptype(mstype.bool_)", "<class 'numpy.bool_'>"},
		{"mindspore.dtype_to_nptype(mstype.float16)(1.5)", "1.5"},
		{"np.ones(2).astype(mindspore.dtype_to_nptype(mstype.int32)).dtype", "int32"},
		{"mindspore.dtype_to_pytype(mstype.float32)", "<class 'float'>"},
		{"mindspore.dtype_to_pytype(mstype.int32)", "<class 'int'>"},
		{"mindspore.dtype_to_pytype(mstype.bool_)", "<class 'bool'>"},
		{"mstype.number", "Number"},
		{"(mstype.half, mstype.single, mstype.double)", "(Float16, Float32, Float64)"},
		{"(mstype.intc, mstype.intp)", "(Int32, Int64)"},
		{"mstype.float32 in mstype.float_type", "True"},
		{"mstype.int32 in mstype.float_type", "False"},
	}
	for _, c := range cases {
		src := "import numpy as np\nimport mindspore\nimport mindspore.common.dtype as mstype\nprint(" + c.expr + ")\n"
		var out bytes.Buffer
		if _, err := runtime.New(runtime.Options{Stdout: &out}).ExecSource(context.Background(), "dtypes.py", []byte(src)); err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		if got := strings.TrimSuffix(out.String(), "\n"); got != c.want {
			t.Errorf("%s printed %q, want %q", c.expr, got, c.want)
		}
	}
}

// TestDTypeHelperErrors checks the exception types that MindSpore r1.6
// raises for arguments its helpers do not convert.
func TestDTypeHelperErrors(t *testing.T) {
	cases := []struct{ expr, want string }{
		{"mindspore.pytype_to_dtype('float32')", "TypeError"},
		{"mindspore.pytype_to_dtype(str)", "NotImplementedError"},
		{"mindspore.dtype_to_nptype(np.float32)", "KeyError"},
		{"mindspore.dtype_to_pytype(mstype.number)", "KeyError"},
	}
	for _, c := range cases {
		src := "import numpy as np\nimport mindspore\nimport mindspore.common.dtype as mstype\n" + c.expr + "\n"
		_, err := runtime.New(runtime.Options{}).ExecSource(context.Background(), "dtypes.py", []byte(src))
		var re *runtime.Error
		if !errors.As(err, &re) {
			t.Errorf("%s: got %v, want a Python %s", c.expr, err, c.want)
			continue
		}
		if re.Type != c.want {
			t.Errorf("%s raised %s (%s), want %s", c.expr, re.Type, re.Message, c.want)
		}
	}
}
