package tests

import (
	"regexp"
	"strconv"
	"testing"
)

var accuracyLine = regexp.MustCompile(`held-out accuracy: ([0-9.]+)`)

func TestDigitsProgram(t *testing.T) {
	out := runScript(t, "scripts/digits.py")
	checkGolden(t, "digits", out)
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
}
