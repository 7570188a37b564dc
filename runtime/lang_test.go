package runtime

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The language tests run each testdata/lang/*.py file in chunks
// separated by "---" lines, as go.starlark.net's own test scripts do.
// A chunk whose line carries "### Type: message" must stop at that line
// with an exception of that type whose message contains the text. Every
// other chunk must succeed. What the chunks print, in order, must equal
// the file's .out golden. Goldens were recorded from CPython 3.11 by
// testdata/lang/record.py, except for files that start with
// "# golden: hand-checked", which need MindSpore and were checked line
// by line.

// langChunk is one chunk of a language test file.
type langChunk struct {
	src      string // the file with every other chunk's lines blanked
	markLine int    // 1-based line of the ### mark, or 0
	markType string
	markText string
}

var markPattern = regexp.MustCompile(`###\s*(\w+)(?::\s*(.*))?$`)

// splitChunks splits a test file at "---" lines. Each chunk keeps the
// file's line numbers, so errors report the lines the file shows.
func splitChunks(src string) []langChunk {
	lines := strings.Split(src, "\n")
	var chunks []langChunk
	start := 0
	for i := 0; i <= len(lines); i++ {
		if i < len(lines) && strings.TrimSpace(lines[i]) != "---" {
			continue
		}
		blank := make([]string, len(lines))
		chunk := langChunk{}
		for k := start; k < i; k++ {
			blank[k] = lines[k]
			if m := markPattern.FindStringSubmatch(lines[k]); m != nil && chunk.markLine == 0 {
				chunk.markLine, chunk.markType, chunk.markText = k+1, m[1], strings.TrimSpace(m[2])
			}
		}
		chunk.src = strings.Join(blank, "\n")
		chunks = append(chunks, chunk)
		start = i + 1
	}
	return chunks
}

func TestLanguage(t *testing.T) {
	files, err := filepath.Glob("testdata/lang/*.py")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no test files in testdata/lang")
	}
	for _, path := range files {
		if filepath.Base(path) == "record.py" {
			continue
		}
		t.Run(strings.TrimSuffix(filepath.Base(path), ".py"), func(t *testing.T) {
			runLanguageFile(t, path)
		})
	}
}

func runLanguageFile(t *testing.T, path string) {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(strings.TrimSuffix(path, ".py") + ".out")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := filepath.Abs("testdata/lang")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	for _, chunk := range splitChunks(string(src)) {
		rt := New(Options{Stdout: &out, Stderr: &out, Dir: dir, Argv: []string{filepath.Base(path)}})
		_, err := rt.ExecSource(context.Background(), filepath.Base(path), []byte(chunk.src))
		checkChunkError(t, chunk, err)
	}
	if got := out.String(); got != string(want) {
		t.Errorf("output differs from %s.out\n%s", strings.TrimSuffix(filepath.Base(path), ".py"), lineDiff(string(want), got))
	}
}

// checkChunkError checks a chunk's error against its ### mark.
func checkChunkError(t *testing.T, chunk langChunk, err error) {
	t.Helper()
	if chunk.markLine == 0 {
		if err != nil {
			t.Errorf("unexpected error:\n%s", formatAny(err))
		}
		return
	}
	var re *Error
	if !errors.As(err, &re) {
		t.Errorf("line %d: got %v, want %s: %s", chunk.markLine, err, chunk.markType, chunk.markText)
		return
	}
	if re.Type != chunk.markType || !strings.Contains(re.Message, chunk.markText) {
		t.Errorf("line %d: got %s: %s, want %s: %s", chunk.markLine, re.Type, re.Message, chunk.markType, chunk.markText)
	}
	if n := len(re.Traceback); n == 0 || re.Traceback[n-1].Line != chunk.markLine {
		t.Errorf("error at %v, want line %d\n%s", re.Traceback, chunk.markLine, re.Format())
	}
}

func formatAny(err error) string {
	var re *Error
	if errors.As(err, &re) {
		return re.Format()
	}
	return err.Error()
}

// lineDiff shows the first line where got departs from want.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return "(same lines)"
}
