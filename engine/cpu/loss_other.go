//go:build noasm || !amd64

package cpu

func lossVector(c *lossConsts, x, y, dx []float32) float64 { return lossGo(c, x, y, dx) }
