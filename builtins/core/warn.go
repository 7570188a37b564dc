package core

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
)

// warningKey identifies a warning as Python's default filter action
// does: the same text and category at the same source line print once.
type warningKey struct {
	file     string
	line     int32
	category string
	message  string
}

// Warn prints a Python warning of class category (such as
// "RuntimeWarning") to the environment's Stderr as CPython 3.11's
// default filter does: "FILE:LINE: CATEGORY: MESSAGE", then the source
// line stripped and indented by two spaces when Env.SourceLine finds it.
// It names the innermost script line of the thread's call stack, and it
// prints a given message, category and line only once per Env.
func Warn(thread *starlark.Thread, category, message string) {
	file, line := "sys", int32(1)
	for depth := 0; thread != nil && depth < thread.CallStackDepth(); depth++ {
		pos := thread.CallFrame(depth).Pos
		if pos.Line > 0 {
			file, line = pos.Filename(), pos.Line
			break
		}
	}

	env := EnvOf(thread)
	key := warningKey{file, line, category, message}
	env.mu.Lock()
	if env.warned[key] {
		env.mu.Unlock()
		return
	}
	if env.warned == nil {
		env.warned = map[warningKey]bool{}
	}
	env.warned[key] = true
	env.mu.Unlock()

	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d: %s: %s\n", file, line, category, message)
	if env.SourceLine != nil {
		if src := strings.TrimSpace(env.SourceLine(file, int(line))); src != "" {
			fmt.Fprintf(&b, "  %s\n", src)
		}
	}
	fmt.Fprint(env.Stderr, b.String())
}
