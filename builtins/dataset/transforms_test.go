package dataset_test

import (
	"strings"
	"testing"
)

// TestTypeCastInMap checks c_transforms.TypeCast as a map operation and
// called on its own, against the dtypes NumPy's astype gives.
func TestTypeCastInMap(t *testing.T) {
	got := run(t, `import mindspore.common.dtype as mstype
import mindspore.dataset.transforms.c_transforms as C
d = ds.NumpySlicesDataset({"x": np.array([1.7, -2.5, 3.0], np.float32)}, shuffle=False)
d = d.map(operations=C.TypeCast(mstype.int32), input_columns=["x"]).batch(3)
for row in d.create_dict_iterator():
    print(row["x"], row["x"].dtype)
out = C.TypeCast(mstype.float16)(np.array([1, 2], np.int64))
print(out.dtype, type(out).__name__)
`)
	want := "[ 1 -2  3] Int32\nfloat16 ndarray\n"
	if got != want {
		t.Errorf("printed\n%s\nwant\n%s", got, want)
	}
}

// TestTypeCastRejectsNonDtype checks that TypeCast raises TypeError for
// an argument that is not a dtype.
func TestTypeCastRejectsNonDtype(t *testing.T) {
	_, err := runErr("import mindspore.dataset.transforms.c_transforms as C\nC.TypeCast(3)\n")
	if err == nil || !strings.Contains(err.Error(), "TypeError") {
		t.Fatalf("TypeCast(3) raised %v, want a TypeError", err)
	}
}
