package tests

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/cellscript/cellscript/engine/cpu"
)

var accuracyLine = regexp.MustCompile(`held-out accuracy: ([0-9.]+)`)

// TestDigitsProgram trains the digits program on every kernel path this
// machine and build support. The losses it prints depend on each path's
// rounding (fused multiply-adds, vector exp and log), so each path has
// its own golden: digits.out for AVX-512, digits.avx2.out and
// digits.generic.out for the others.
func TestDigitsProgram(t *testing.T) {
	for isa := cpu.Generic; isa <= cpu.Best(); isa++ {
		t.Run(isa.String(), func(t *testing.T) {
			prev := cpu.SetISA(isa)
			defer cpu.SetISA(prev)
			out := runScript(t, "scripts/digits.py")
			name := "digits"
			if isa != cpu.AVX512 {
				name += "." + isa.String()
			}
			checkGolden(t, name, out)
			m := accuracyLine.FindStringSubmatch(out)
			if m == nil {
				t.Fatalf("no accuracy line in output:\n%s", out)
			}
			acc, err := strconv.ParseFloat(m[1], 64)
			if err != nil {
				t.Fatal(err)
			}
			if acc < 0.95 {
				t.Errorf("held-out accuracy %.4f is below 0.95", acc)
			}
		})
	}
}
