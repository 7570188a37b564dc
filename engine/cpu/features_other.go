//go:build noasm || !amd64

package cpu

func detect() ISA { return Generic }
