// Command migrate is the PostgreSQL schema-migration tool. All behaviour
// lives in package cli; this file only wires the process to it.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/migrate-tool/migrate/cli"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		// The first SIGINT or SIGTERM cancels the command, which rolls
		// back and stops cleanly; a second one ends the process at once,
		// whatever it is stuck in.
		<-sigs
		cancel()
		sig := <-sigs
		fmt.Fprintf(os.Stderr, "migrate: %v again: stopping now\n", sig)
		os.Exit(130)
	}()
	code := cli.Main(ctx, os.Args[1:])
	signal.Stop(sigs)
	cancel()
	os.Exit(code)
}
