// Command cellrepl runs MindSpore-style Python scripts on cellscript and
// offers an interactive REPL.
//
// Usage:
//
//	cellrepl                      start the REPL
//	cellrepl run [flags] FILE [ARGS...]
//	cellrepl version
//	cellrepl help
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/cellscript/cellscript/runtime"
)

// version is the cellscript release this binary reports.
const version = "0.1.0"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return repl(replOptions{}, stdout, stderr)
	}
	switch args[0] {
	case "run":
		return runScript(args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintf(stdout, "cellrepl %s (cellscript)\n", version)
		return 0
	case "help", "-h", "--help":
		usage(stdout)
		return 0
	}
	fmt.Fprintf(stderr, "cellrepl: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprint(w, `cellrepl runs MindSpore-style Python model scripts on cellscript.

Usage:
  cellrepl                              start the interactive REPL
  cellrepl run [flags] FILE [ARGS...]   run a script; sys.argv is FILE ARGS
  cellrepl version                      print the version
  cellrepl help                         print this help

Flags of run:
  -i              open the REPL with the script's globals after it finishes
  --device NAME   CPU (default) or GPU
  --seed N        seed of numpy.random, random and MindSpore initialisers (default 0)
`)
}

type runFlags struct {
	interactive bool
	device      string
	seed        uint
}

func parseRunFlags(args []string, stderr io.Writer) (runFlags, []string, error) {
	var f runFlags
	fs := flag.NewFlagSet("cellrepl run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&f.interactive, "i", false, "open the REPL after the script finishes")
	fs.StringVar(&f.device, "device", "CPU", "device: CPU or GPU")
	fs.UintVar(&f.seed, "seed", 0, "seed of the random generators")
	if err := fs.Parse(args); err != nil {
		return f, nil, err
	}
	return f, fs.Args(), nil
}

func runScript(args []string, stdout, stderr io.Writer) int {
	flags, rest, err := parseRunFlags(args, stderr)
	if err != nil {
		return 2
	}
	if len(rest) == 0 {
		fmt.Fprintln(stderr, "cellrepl run: missing FILE; usage: cellrepl run [flags] FILE [ARGS...]")
		return 2
	}
	if flags.device != "CPU" && flags.device != "GPU" {
		fmt.Fprintf(stderr, "cellrepl run: --device must be CPU or GPU, not %q\n", flags.device)
		return 2
	}
	if flags.device == "GPU" {
		fmt.Fprintln(stderr, "RuntimeError: device_target GPU requested but no CUDA driver was found (libcuda.so.1)")
		return 1
	}
	wd, _ := os.Getwd()
	rt := runtime.New(runtime.Options{
		Stdout: stdout,
		Stderr: stderr,
		Device: flags.device,
		Seed:   uint32(flags.seed),
		Argv:   rest,
		Files:  os.DirFS(wd),
		Dir:    wd,
	})
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if flags.interactive {
		globals, err := rt.RunGlobals(ctx, rest[0])
		if err != nil {
			fmt.Fprint(stderr, rt.FormatError(err))
		}
		stop()
		return repl(replOptions{rt: rt, globals: globals}, stdout, stderr)
	}
	if _, err := rt.ExecFile(ctx, rest[0]); err != nil {
		var re *runtime.Error
		if errors.As(err, &re) {
			fmt.Fprint(stderr, rt.FormatError(err))
		} else {
			fmt.Fprintln(stderr, err)
		}
		return 1
	}
	return 0
}
