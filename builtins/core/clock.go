package core

import "time"

// Now returns the time that scripts see: Env.Clock when the host set
// one, else the wall clock. time.time(), time.perf_counter(),
// TimeMonitor and ModelCheckpoint's time-based saving read it, so a
// host that must not reveal the clock, or that wants reproducible
// output, sets Clock to a fixed or simulated clock.
func (e *Env) Now() time.Time {
	if e.Clock != nil {
		return e.Clock()
	}
	return time.Now()
}
