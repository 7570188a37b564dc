// Command cellrepl runs MindSpore-style Python scripts on cellscript and
// offers an interactive REPL.
//
// Usage:
//
//	cellrepl                              start the REPL
//	cellrepl run [flags] FILE [ARGS...]   run a script
//	cellrepl run [flags]                  run the built-in digits program
//	cellrepl version                      print the version
//	cellrepl help                         print the usage
//
// The REPL edits lines with github.com/chzyer/readline: history is kept
// in $XDG_CONFIG_HOME/cellscript/history (~/.config when unset), Ctrl-R
// searches it, Tab completes, Ctrl-C interrupts running code and Ctrl-D
// exits. When standard input is not a terminal, the REPL reads plain
// lines and prints its prompts to standard error, as python -i does.
package main

import (
	"fmt"
	"io"
	"os"
	goruntime "runtime"
)

// version is the cellscript release this binary reports.
const version = "0.1.0"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line args and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return startREPL(replOptions{}, stdout, stderr)
	}
	switch args[0] {
	case "run":
		return runScript(args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintf(stdout, "cellrepl %s (cellscript, %s %s/%s)\n", version, goruntime.Version(), goruntime.GOOS, goruntime.GOARCH)
		return 0
	case "help", "-h", "--help":
		usage(stdout)
		return 0
	}
	fmt.Fprintf(stderr, "cellrepl: unknown command %q; run 'cellrepl help' for the usage\n", args[0])
	return 2
}

func usage(w io.Writer) {
	io.WriteString(w, `cellrepl runs MindSpore-style Python model scripts on cellscript.

Usage:
  cellrepl                              start the interactive REPL
  cellrepl run [flags] FILE [ARGS...]   run a script; sys.argv is FILE ARGS
  cellrepl run [flags]                  run the built-in default program,
                                        scripts/digits.py with its data: a
                                        digits classifier, from any directory
  cellrepl version                      print the version
  cellrepl help                         print this help

Flags of run (before FILE):
  -i              open the REPL with the script's globals after it ends
  --device NAME   CPU (default) or GPU
  --seed N        seed of numpy.random, random and the MindSpore
                  initialisers (default 0)
  --plot FILE     write the loss curve of every Model.train to FILE, a
                  PNG image of 800x500 pixels
  --check-nan     stop training at the first NaN or infinity in a loss
                  or a gradient, naming the step, the op and the
                  parameter
  --max-memory N  limit live tensor memory to N bytes (suffixes K, M,
                  G, T; 0 for no limit); the default is half of the
                  machine's memory, or of the cgroup limit when lower

run exits with status 0, or 1 after an uncaught exception, whose
traceback goes to standard error (130 after Ctrl-C). During Model.train,
a progress bar on standard error shows the epoch, the step, the steps per
second and the last loss when standard error is a terminal.

In the REPL, help() explains help and dir, obj? prints help(obj), Tab
completes, Ctrl-C interrupts running code and Ctrl-D exits. Commands:
  %run FILE [ARGS...]   run a script in the session's globals
  %time STATEMENT       run a statement and print its wall time
  %who                  list the names you defined
  %reset [-f]           delete the names you defined
`)
}
