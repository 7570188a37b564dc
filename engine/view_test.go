package engine

import "testing"

func TestViewSharesStorage(t *testing.T) {
	base, _ := FromFloat32([]float32{0, 1, 2, 3, 4, 5}, 2, 3)
	row, err := View(base, 3, []int{3})
	if err != nil {
		t.Fatal(err)
	}
	row.F32()[1] = 40
	if got := base.F32()[4]; got != 40 {
		t.Errorf("write through the view left base[1][1] = %v, want 40", got)
	}
	base.F32()[5] = 50
	if got := row.F32()[2]; got != 50 {
		t.Errorf("write to base shows %v through the view, want 50", got)
	}
}

func TestViewOutOfRange(t *testing.T) {
	base, _ := FromFloat32(make([]float32, 6), 2, 3)
	_, err := View(base, 4, []int{3})
	want := "View: elements 4 to 7 lie outside a tensor of shape (2, 3)"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}
