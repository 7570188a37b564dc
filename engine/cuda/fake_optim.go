package cuda

import (
	"math"

	"github.com/cellscript/cellscript/engine"
)

// The fake driver's reference kernels of the optim and divmod modules,
// step for step the CUDA source's.

func init() {
	references[kernelName("optim", tF32)] = refOptim[float32]
	references[kernelName("optim", tF64)] = refOptim[float64]
	references[kernelName("divmod", tF32)] = refDivMod(engine.FloorDivMod[float32])
	references[kernelName("divmod", tF64)] = refDivMod(engine.FloorDivMod[float64])
	references[kernelName("divmod", tI32)] = refDivMod(intDivMod[int32])
	references[kernelName("divmod", tI64)] = refDivMod(intDivMod[int64])
}

func sqrtRounded[T float32 | float64](x T) T { return T(math.Sqrt(float64(x))) }

func refOptim[T float32 | float64](f *fakeDriver, _ launchGeometry, a []any) {
	rule, flags := i32(a[0]), i32(a[1])
	w, g := span[T](f, ptr(a[2])), span[T](f, ptr(a[3]))
	s0, s1, s2 := span[T](f, ptr(a[4])), span[T](f, ptr(a[5])), span[T](f, ptr(a[6]))
	lr, decay, scale := a[7].(T), a[8].(T), a[9].(T)
	h0, h1, h2, h3 := a[10].(T), a[11].(T), a[12].(T), a[13].(T)
	n := i64(a[14])
	for k := range n {
		wk, gk := w[k], g[k]
		if decay > 0 {
			gk = T(wk*decay) + gk
		}
		gk = T(gk * scale)
		switch rule {
		case 1:
			v := T(s0[k]*h0) + gk
			s0[k] = v
			if flags&optNesterov != 0 {
				wk -= T(gk*lr) + T(T(v*h0)*lr)
			} else {
				wk -= T(lr * v)
			}
		case 2:
			if h0 > 0 {
				gk += T(wk * h0)
			}
			if h1 > 0 {
				var acc T
				if s1[k] > 0 {
					acc, s1[k] = gk, 0
				} else {
					acc = T(s0[k]*h1) + T((1-h2)*gk)
				}
				s0[k] = acc
				if flags&optNesterov != 0 {
					gk += T(acc * h1)
				} else {
					gk = acc
				}
			}
			wk -= T(lr * gk)
		case 3:
			m := s0[k] + T((gk-s0[k])*(1-h0))
			v := s1[k] + T((T(gk*gk)-s1[k])*(1-h1))
			s0[k], s1[k] = m, v
			den := sqrtRounded(v) + h2
			num := m
			if flags&optNesterov != 0 {
				num = T(m*h0) + T((1-h0)*gk)
			}
			wk -= T(lr*num) / den
		case 4:
			m := T(h0*s0[k]) + T((1-h0)*gk)
			v := T(h1*s1[k]) + T((1-h1)*T(gk*gk))
			s0[k], s1[k] = m, v
			upd := m / (h2 + sqrtRounded(v))
			if flags&optDecayUpdate != 0 {
				upd = T(h3*wk) + upd
			}
			wk -= T(lr * upd)
		case 5:
			ms := s0[k] + T((T(gk*gk)-s0[k])*(1-h0))
			s0[k] = ms
			denom := ms + h2
			if flags&optCentered != 0 {
				mg := s2[k] + T((gk-s2[k])*(1-h0))
				s2[k] = mg
				denom = (ms - T(mg*mg)) + h2
				if !(denom > 0) {
					break
				}
			}
			mom := T(s1[k]*h1) + T(gk*lr)/sqrtRounded(denom)
			s1[k] = mom
			wk -= mom
		case 6:
			if flags&optUpdateSlots != 0 {
				s0[k] += T(gk * gk)
			}
			wk -= T(T(lr*gk) * (1 / sqrtRounded(s0[k]+h0)))
		}
		w[k] = wk
	}
}

func refDivMod[T elem](divmod func(T, T) (T, T)) refKernel {
	return func(f *fakeDriver, _ launchGeometry, a []any) {
		wantMod, out := i32(a[0]), span[T](f, ptr(a[1]))
		x, y := span[T](f, ptr(a[2])), span[T](f, ptr(a[3]))
		xv, yv, d, n := a[4].(T), a[5].(T), a[6].(*dims), i64(a[7])
		for i := range n {
			q, r := divmod(at(x, xv, d, 0, i), at(y, yv, d, 1, i))
			if wantMod != 0 {
				out[i] = r
			} else {
				out[i] = q
			}
		}
	}
}

func intDivMod[T int32 | int64](x, y T) (T, T) {
	switch y {
	case 0:
		return 0, 0
	case -1:
		return -x, 0
	}
	q, r := x/y, x%y
	if r != 0 && (r < 0) != (y < 0) {
		q--
		r += y
	}
	return q, r
}
