package cli

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// fleetInterrupts gives a fleet run its two-step interrupt. The first
// interrupt (the command's context ending, as main's does on SIGINT or
// SIGTERM) closes stop: no new database starts, the running ones finish
// their run. A second signal cancels runCtx: each running database is
// interrupted the way a single run is (its statement canceled, its
// revision rolled back). notice reports each step; done releases
// everything.
func fleetInterrupts(ctx context.Context, notice func(string)) (runCtx context.Context, stop <-chan struct{}, done func()) {
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stopCh := make(chan struct{})
	// main's signal.NotifyContext turns the first signal into ctx's end;
	// counting the signals here as well tells the second one apart.
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	finished := make(chan struct{})
	go func() {
		signals, soft := 0, false
		ctxDone := ctx.Done()
		for {
			select {
			case <-finished:
				return
			case <-ctxDone:
				ctxDone = nil
			case <-sigs:
				signals++
			}
			if !soft {
				soft = true
				close(stopCh)
				notice("interrupted: starting no new database; the running ones finish (interrupt again to stop them now)")
			}
			if signals >= 2 {
				notice("interrupted again: stopping the running databases (each rolls back its current revision)")
				cancel()
				return
			}
		}
	}()
	return runCtx, stopCh, func() {
		signal.Stop(sigs)
		close(finished)
		cancel()
	}
}
