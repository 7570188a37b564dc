// Command cellprof runs a cellscript program with CPU profiling, for
// finding where a benchmark row spends its time.
//
// Usage:
//
//	go run ./scripts/bench/cellprof -cpuprofile cpu.prof [-memprofile mem.prof] FILE [ARGS...]
//	go tool pprof -top cpu.prof
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	goruntime "runtime"
	"runtime/pprof"

	"github.com/cellscript/cellscript/runtime"
)

func main() {
	profile := flag.String("cpuprofile", "cpu.prof", "write the CPU profile to this file")
	memProfile := flag.String("memprofile", "", "write an allocation profile, sampling every allocation, to this file")
	flag.Parse()
	if *memProfile != "" {
		goruntime.MemProfileRate = 1
	}
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "cellprof: missing FILE; usage: cellprof [-cpuprofile FILE] PROGRAM [ARGS...]")
		os.Exit(2)
	}
	if err := run(*profile, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "cellprof:", err)
		os.Exit(1)
	}
	if *memProfile != "" {
		if err := writeHeapProfile(*memProfile); err != nil {
			fmt.Fprintln(os.Stderr, "cellprof:", err)
			os.Exit(1)
		}
	}
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return pprof.Lookup("allocs").WriteTo(f, 0)
}

func run(profile string, args []string) error {
	dir, err := filepath.Abs(filepath.Dir(args[0]))
	if err != nil {
		return err
	}
	out, err := os.Create(profile)
	if err != nil {
		return err
	}
	defer out.Close()
	rt := runtime.New(runtime.Options{Stdout: os.Stdout, Files: os.DirFS(dir), Dir: dir, Argv: args})
	if err := pprof.StartCPUProfile(out); err != nil {
		return err
	}
	defer pprof.StopCPUProfile()
	if _, err := rt.ExecFile(context.Background(), args[0]); err != nil {
		return fmt.Errorf("%s", rt.FormatError(err))
	}
	return nil
}
