// Command host is a Go program that trains a breast-cancer classifier
// with its own training loop while taking the loss from a Python
// script, loss.py, that the user edits without rebuilding the program.
//
// Usage:
//
//	go run ./examples/host [-loss FILE] [-epochs N] [-lr RATE] [-watch]
//
// With -watch the host trains again each time the loss file changes,
// until interrupted with Ctrl-C. See README.md beside this file.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/cellscript/cellscript/runtime"
)

func main() {
	lossPath := flag.String("loss", "", "the loss script (default: loss.py in the current directory, else examples/host/loss.py)")
	epochs := flag.Int("epochs", 100, "training epochs, each one full-batch gradient step")
	lr := flag.Float64("lr", 0.1, "learning rate of SGD with momentum 0.9")
	watch := flag.Bool("watch", false, "train again whenever the loss file changes, until Ctrl-C")
	flag.Parse()

	path, err := findLoss(*lossPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "host:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cfg := config{epochs: *epochs, lr: *lr, momentum: 0.9, every: max(*epochs/10, 1)}

	if !*watch {
		if err := runOnce(ctx, path, cfg, os.Stdout, os.Stderr); err != nil {
			os.Exit(1)
		}
		return
	}
	watchLoss(ctx, path, cfg)
}

// findLoss returns the loss script to use: the flag's value, or the
// default locations for running from this directory or the repository
// root.
func findLoss(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	for _, p := range []string{"loss.py", "examples/host/loss.py"} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no loss.py in the current directory or in examples/host; pass -loss FILE")
}

// newRuntime returns the runtime the loss runs in: no file access,
// imports limited to the MindSpore and NumPy surface, and a bound on
// live tensor memory.
func newRuntime(stdout, stderr io.Writer) *runtime.Runtime {
	return runtime.New(runtime.Options{
		Stdout:         stdout,
		Stderr:         stderr,
		Seed:           1,
		Modules:        []string{"mindspore", "numpy", "math"},
		MaxTensorBytes: 512 << 20,
	})
}

// runOnce loads the loss script, trains and reports. A script error is
// printed as Python prints a traceback and returned.
func runOnce(ctx context.Context, path string, cfg config, stdout, stderr io.Writer) error {
	rt := newRuntime(stdout, stderr)
	defer rt.Close()
	trainSet, testSet, err := loadSplits(breastCancerCSV)
	if err != nil {
		fmt.Fprintln(stderr, "host:", err)
		return err
	}
	fmt.Fprintf(stdout, "training on %d tumours, testing on %d, loss from %s\n", trainSet.rows, testSet.rows, path)
	err = func() error {
		mod, err := rt.ExecFile(ctx, path)
		if err != nil {
			return err
		}
		loss, err := mod.New(ctx, "Loss", nil, nil)
		if err != nil {
			return err
		}
		res, err := train(ctx, loss, trainSet, testSet, cfg, stdout)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "final test accuracy %.1f%%\n", 100*res.accuracy)
		return nil
	}()
	if err != nil {
		fmt.Fprint(stderr, rt.FormatError(err))
	}
	return err
}

// watchLoss trains, then waits for the loss file to change and trains
// again, until ctx ends.
func watchLoss(ctx context.Context, path string, cfg config) {
	for {
		modified := modTime(path)
		runOnce(ctx, path, cfg, os.Stdout, os.Stderr)
		fmt.Printf("watching %s for changes (Ctrl-C to quit)\n", path)
		for modTime(path).Equal(modified) {
			select {
			case <-ctx.Done():
				return
			case <-time.After(300 * time.Millisecond):
			}
		}
		fmt.Println()
	}
}

func modTime(path string) time.Time {
	info, err := os.Stat(path)
	if err != nil {
		return time.Time{}
	}
	return info.ModTime()
}
