package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// defaultMemoryFraction is the share of the machine's memory that live
// tensors may use when --max-memory is not given. Half leaves room for
// the Go heap outside tensors and for the rest of the system.
const defaultMemoryFraction = 0.5

// defaultMaxMemory returns the default --max-memory: a fraction of the
// physical memory, or of the cgroup limit when that is lower. It returns
// 0 (no limit) when neither can be read, as on systems without /proc.
func defaultMaxMemory() int64 {
	total := physicalMemory()
	if limit := cgroupMemoryLimit(); limit > 0 && (total == 0 || limit < total) {
		total = limit
	}
	return int64(float64(total) * defaultMemoryFraction)
}

// physicalMemory reads MemTotal from /proc/meminfo, in bytes.
func physicalMemory() int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "MemTotal:" {
			kib, err := strconv.ParseInt(fields[1], 10, 64)
			if err != nil {
				return 0
			}
			return kib << 10
		}
	}
	return 0
}

// cgroupMemoryLimit reads the cgroup v2 memory limit of the process, in
// bytes, or returns 0 when there is none.
func cgroupMemoryLimit() int64 {
	data, err := os.ReadFile("/sys/fs/cgroup/memory.max")
	if err != nil {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
	if err != nil {
		return 0 // "max": no limit
	}
	return n
}

// memoryFlag is the value of --max-memory: a byte count with an optional
// K, M, G or T suffix (powers of 1024), or 0 for no limit.
type memoryFlag struct{ bytes int64 }

func (m *memoryFlag) String() string {
	if m == nil || m.bytes == 0 {
		return "0"
	}
	return strconv.FormatInt(m.bytes, 10)
}

func (m *memoryFlag) Set(s string) error {
	s = strings.TrimSpace(strings.ToUpper(s))
	shift := 0
	for i, suffix := range []string{"K", "M", "G", "T"} {
		if rest, ok := strings.CutSuffix(strings.TrimSuffix(s, "B"), suffix); ok {
			s, shift = rest, 10*(i+1)
			break
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n < 0 {
		return fmt.Errorf("want a byte count such as 4G, 512M or 0 for no limit")
	}
	m.bytes = int64(n * float64(int64(1)<<shift))
	return nil
}
