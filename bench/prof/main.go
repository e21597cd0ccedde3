// Command prof is migrate with a CPU profile: it runs the same command line
// (package cli, in-process) under runtime/pprof, so the benchmarks can say
// where the time of a slow command goes without the tool itself carrying a
// profiling flag.
//
//	prof -o cpu.pprof -- -c migrate.toml check
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/migrate-tool/migrate/cli"
)

func main() {
	out := flag.String("o", "cpu.pprof", "CPU profile to write")
	flag.Parse()
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "prof:", err)
		os.Exit(2)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "prof:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, flag.Args())
	stop()
	pprof.StopCPUProfile()
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "prof:", err)
		os.Exit(2)
	}
	os.Exit(code)
}
