package cuda_test

import (
	"reflect"
	"testing"

	"github.com/cellscript/cellscript/engine"
)

// TestToDeviceRoundTrip moves every dtype, an empty tensor and a 0-d one
// to the GPU and back.
func TestToDeviceRoundTrip(t *testing.T) {
	backend(t)
	empty, _ := engine.Zeros(engine.Float64, 0, 3)
	inputs := []*engine.Tensor{
		f32([]float32{1.5, -2, 3}, 3),
		randF64(rng(1), -1, 1, 2, 2),
		randInt(rng(2), engine.Int32, -5, 5, 4),
		randInt(rng(3), engine.Int64, -5, 5, 1, 3),
		randBool(rng(4), 5),
		empty,
		engine.Scalar(engine.Float32, 7),
	}
	for _, in := range inputs {
		dev, err := engine.ToDevice(in, engine.GPU)
		if err != nil {
			t.Fatalf("%v to GPU: %v", in, err)
		}
		if dev.Device() != engine.GPU || dev.DType() != in.DType() || !reflect.DeepEqual(dev.Shape(), in.Shape()) {
			t.Errorf("%v on the GPU is %s %v %s", in, dev.Device(), dev.Shape(), dev.DType())
		}
		back, err := engine.ToDevice(dev, engine.CPU)
		if err != nil {
			t.Fatal(err)
		}
		if back.Device() != engine.CPU || !reflect.DeepEqual(back.Data(), in.Data()) {
			t.Errorf("%v came back as %v", in.Data(), back.Data())
		}
	}
}

// TestHostWriteReachesDevice checks that writes through Data, as
// optimizers make them, reach the next op on the device.
func TestHostWriteReachesDevice(t *testing.T) {
	backend(t)
	p, _ := engine.ToDevice(f32([]float32{1, 2, 3}, 3), engine.GPU)
	if got := p.Float(1); got != 2 {
		t.Fatalf("Float(1) = %v, want 2", got)
	}
	p.Data().([]float32)[1] = 20
	sum, err := engine.Sum(p, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := sum.Float(0); got != 24 {
		t.Errorf("sum after the write = %v, want 24", got)
	}
	p.F32()[0] = 10
	sum, _ = engine.Sum(p, nil, false)
	if got := sum.Float(0); got != 33 {
		t.Errorf("sum after the second write = %v, want 33", got)
	}
}

// TestCopyFromAcrossDevices covers CopyFrom between the two devices,
// which Parameter.set_data and checkpoint loading use.
func TestCopyFromAcrossDevices(t *testing.T) {
	backend(t)
	dst, _ := engine.ToDevice(f32([]float32{0, 0}, 2), engine.GPU)
	if dst.Float(0) != 0 {
		t.Fatal("fresh tensor is not zero")
	}
	if err := dst.CopyFrom(f32([]float32{4, 5}, 2)); err != nil {
		t.Fatal(err)
	}
	if dst.Float(0) != 4 || dst.Float(1) != 5 {
		t.Errorf("after copying from the CPU: %v", dst.Floats())
	}
	src, _ := engine.ToDevice(f32([]float32{6, 7}, 2), engine.GPU)
	if err := dst.CopyFrom(src); err != nil {
		t.Fatal(err)
	}
	if dst.Float(1) != 7 {
		t.Errorf("after copying on the GPU: %v", dst.Floats())
	}
	host := f32([]float32{0, 0}, 2)
	if err := host.CopyFrom(dst); err != nil {
		t.Fatal(err)
	}
	if host.Float(0) != 6 {
		t.Errorf("after copying to the CPU: %v", host.Floats())
	}
	if err := dst.CopyFrom(f32([]float32{1}, 1)); err == nil {
		t.Error("copying a different shape succeeded")
	}
}

// TestMoveToKeepsIdentity moves a parameter-like leaf in place.
func TestMoveToKeepsIdentity(t *testing.T) {
	backend(t)
	w := f32([]float32{1, 2}, 2).SetRequiresGrad(true)
	if err := w.MoveTo(engine.GPU); err != nil {
		t.Fatal(err)
	}
	if w.Device() != engine.GPU || !w.RequiresGrad() {
		t.Fatalf("after MoveTo: %s, requires grad %v", w.Device(), w.RequiresGrad())
	}
	y, _ := engine.Mul(w, w)
	l, _ := engine.Sum(y, nil, false)
	g, err := engine.Grad(l, []*engine.Tensor{w}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if g[0].Device() != engine.GPU || g[0].Float(1) != 4 {
		t.Errorf("gradient %v on %s, want [2 4] on GPU", g[0].Floats(), g[0].Device())
	}
	c := w.Clone()
	if c.Device() != engine.GPU || c.Float(0) != 1 {
		t.Errorf("clone %v on %s", c.Floats(), c.Device())
	}
	if err := w.MoveTo(engine.CPU); err != nil || w.Device() != engine.CPU || w.Float(1) != 2 {
		t.Errorf("moving back: %v, %s %v", err, w.Device(), w.Floats())
	}
}

// TestGradientOfUnusedInput checks that the zero gradient of an input
// the output does not depend on lives on that input's device.
func TestGradientOfUnusedInput(t *testing.T) {
	backend(t)
	a, _ := engine.ToDevice(f32([]float32{1, 2}, 2), engine.GPU)
	b, _ := engine.ToDevice(f32([]float32{3}, 1), engine.GPU)
	a.SetRequiresGrad(true)
	b.SetRequiresGrad(true)
	l, _ := engine.Sum(a, nil, false)
	g, err := engine.Grad(l, []*engine.Tensor{a, b}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if g[1].Device() != engine.GPU || g[1].Float(0) != 0 {
		t.Errorf("unused input's gradient %v on %s, want [0] on GPU", g[1].Floats(), g[1].Device())
	}
}
