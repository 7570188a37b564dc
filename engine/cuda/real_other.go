//go:build !linux

package cuda

// openReal reports that this platform has no supported CUDA driver.
func openReal() (driver, error) { return nil, ErrNoDriver }
