package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"

	"github.com/cellscript/cellscript/builtins/mindspore"
	"github.com/cellscript/cellscript/builtins/train/lossplot"
	"github.com/cellscript/cellscript/runtime"
	"github.com/cellscript/cellscript/scripts"
	"go.starlark.net/starlark"
)

// runFlags are the flags of `cellrepl run`.
type runFlags struct {
	interactive bool
	device      string
	seed        uint
	plot        string
	checkNaN    bool
	maxMemory   memoryFlag
}

// errUsagePrinted is the error of parseRunFlags when the flag package
// has already printed an invalid flag's error and the usage.
var errUsagePrinted = errors.New("invalid flags of cellrepl run")

func parseRunFlags(args []string, stderr io.Writer) (runFlags, []string, error) {
	var f runFlags
	fs := flag.NewFlagSet("cellrepl run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&f.interactive, "i", false, "open the REPL with the script's globals after it ends")
	fs.StringVar(&f.device, "device", "CPU", "device: CPU or GPU")
	fs.UintVar(&f.seed, "seed", 0, "seed of numpy.random, random and the MindSpore initialisers")
	fs.StringVar(&f.plot, "plot", "", "write the loss curve of every Model.train to this PNG `file`")
	fs.BoolVar(&f.checkNaN, "check-nan", false, "stop training at the first NaN or infinity in a loss or a gradient, naming the step, the op and the parameter")
	f.maxMemory.bytes = defaultMaxMemory()
	fs.Var(&f.maxMemory, "max-memory", "limit live tensor memory to this many `bytes` (suffixes K, M, G, T; 0 for no limit); the default is half of the machine's memory")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: cellrepl run [flags] [FILE [ARGS...]]")
		fmt.Fprintln(stderr, "\nFlags (before FILE):")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return f, nil, err
		}
		// The flag package has printed the error and the usage.
		return f, nil, errUsagePrinted
	}
	if f.seed > 1<<32-1 {
		return f, nil, fmt.Errorf("cellrepl run: --seed must be at most 4294967295, got %d", f.seed)
	}
	return f, fs.Args(), nil
}

// checkDevice returns the exit status and message for a device that
// cannot run: 2 for a name other than CPU and GPU, 1 for a GPU whose
// CUDA backend does not start (no driver, for one).
func checkDevice(device string) (int, string) {
	switch device {
	case "CPU":
		return 0, ""
	case "GPU":
		if err := mindspore.EnableGPU(); err != nil {
			return 1, "RuntimeError: " + err.Error() + "; use --device CPU"
		}
		return 0, ""
	}
	return 2, fmt.Sprintf("cellrepl run: --device must be CPU or GPU, not %q", device)
}

// checkScriptPath returns the message for a script path that cannot be
// run, or "" for a file that exists.
func checkScriptPath(path string) string {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Sprintf("cellrepl run: cannot open file '%s': %v", path, errors.Unwrap(err))
	}
	if info.IsDir() {
		return fmt.Sprintf("cellrepl run: '%s' is a directory; give the path of a script file", path)
	}
	return ""
}

func runScript(args []string, stdout, stderr io.Writer) int {
	flags, rest, err := parseRunFlags(args, stderr)
	if err != nil {
		switch {
		case errors.Is(err, flag.ErrHelp):
			return 0
		case !errors.Is(err, errUsagePrinted):
			fmt.Fprintln(stderr, err)
		}
		return 2
	}
	var files fs.FS // nil: the working directory
	if len(rest) == 0 {
		// The default program and its data come from the binary.
		files = scripts.Default()
		rest = []string{scripts.DefaultProgram}
	}
	if code, msg := checkDevice(flags.device); code != 0 {
		fmt.Fprintln(stderr, msg)
		return code
	}
	host := newHost(hostOptions{
		Device:    flags.device,
		Seed:      uint32(flags.seed),
		Argv:      rest,
		Plot:      flags.plot,
		CheckNaN:  flags.checkNaN,
		MaxMemory: flags.maxMemory.bytes,
		Files:     files,
	}, stdout, stderr)
	defer host.rt.Close() // releases the process-wide tensor memory limit

	if files == nil {
		if msg := checkScriptPath(rest[0]); msg != "" {
			fmt.Fprintln(stderr, msg)
			return 2
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	var globals starlark.StringDict
	switch {
	case files != nil && flags.interactive:
		globals = starlark.StringDict{}
		var src []byte
		if src, err = fs.ReadFile(files, rest[0]); err == nil {
			err = host.rt.ExecInto(ctx, rest[0], src, globals)
		}
	case files != nil:
		_, err = host.rt.ExecFS(ctx, files, rest[0])
	case flags.interactive:
		globals, err = host.rt.RunGlobals(ctx, rest[0])
	default:
		_, err = host.rt.ExecFile(ctx, rest[0])
	}
	interrupted := ctx.Err() != nil
	stop()
	status := 0
	if err != nil {
		host.printError(err, interrupted)
		status = 1
		if interrupted {
			status = 130
		}
	}
	if flags.interactive {
		status = startREPL(replOptions{host: host, globals: globals}, host.stdout, host.stderr)
	}
	if err := host.writePlot(); err != nil {
		fmt.Fprintln(host.stderr, err)
		if status == 0 {
			status = 1
		}
	}
	return status
}

// hostOptions configure the runtime that cellrepl hosts.
type hostOptions struct {
	Device string
	Seed   uint32
	Argv   []string
	Plot   string // PNG path for the loss curves; empty for none
	// CheckNaN turns on set_context(check_nan=True) for every script.
	CheckNaN bool
	// MaxMemory bounds live tensor memory in bytes; 0 means no limit.
	MaxMemory int64
	// Files, when set, is the file system scripts read in place of the
	// working directory.
	Files fs.FS
}

// host is a runtime with cellrepl's terminal output: the progress bar
// and the loss plot recorder.
type host struct {
	rt       *runtime.Runtime
	opts     hostOptions
	stdout   io.Writer
	stderr   io.Writer
	recorder *lossplot.Recorder
}

// newHost creates the runtime. Scripts read and write files in the
// working directory. When stderr is a terminal, a progress bar follows
// Model.train and the output streams clear it before they write.
func newHost(opts hostOptions, stdout, stderr io.Writer) *host {
	h := &host{opts: opts, stdout: stdout, stderr: stderr}
	var bar *progressBar
	if isTerminalWriter(stderr) {
		bar = newProgressBar(stderr, terminalWidth)
		h.stdout = bar.guard(stdout)
		h.stderr = bar.guard(stderr)
	}
	wd, err := os.Getwd()
	if err != nil {
		wd = "."
	}
	files := opts.Files
	if files == nil {
		files = os.DirFS(wd)
	}
	h.rt = runtime.New(runtime.Options{
		Stdout: h.stdout,
		Stderr: h.stderr,
		Device: opts.Device,
		Seed:   opts.Seed,
		Argv:   opts.Argv,
		Files:  files,
		Dir:    wd,

		MaxTensorBytes: opts.MaxMemory,
	})
	if opts.CheckNaN {
		h.rt.Env().SetFlag("check_nan", starlark.True)
	}
	if bar != nil {
		h.rt.Env().AddTrainObserver(bar)
	}
	if opts.Plot != "" {
		h.recorder = &lossplot.Recorder{}
		h.rt.Env().AddTrainObserver(h.recorder)
	}
	return h
}

// printError prints err as Python prints an uncaught exception. After
// Ctrl-C the exception is KeyboardInterrupt, whatever the interrupted
// code reported.
func (h *host) printError(err error, interrupted bool) {
	var re *runtime.Error
	if interrupted && errors.As(err, &re) {
		copied := *re
		copied.Type, copied.Message = "KeyboardInterrupt", ""
		err = &copied
	}
	fmt.Fprint(h.stderr, h.rt.FormatError(err))
}

// writePlot writes the --plot image of the Model.train calls so far.
func (h *host) writePlot() error {
	if h.recorder == nil {
		return nil
	}
	err := lossplot.WriteFile(h.opts.Plot, h.recorder.Runs())
	if errors.Is(err, lossplot.ErrNoLoss) {
		return fmt.Errorf("cellrepl: --plot: no Model.train step recorded a loss, so %s was not written", h.opts.Plot)
	}
	if err != nil {
		return fmt.Errorf("cellrepl: --plot: %v", err)
	}
	return nil
}
