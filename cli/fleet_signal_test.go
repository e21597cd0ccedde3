package cli

import (
	"context"
	"testing"
	"time"
)

// TestFleetInterruptsFirstIsGraceful: the command's context ending (main's
// first SIGINT) only closes stop; the databases' context lives on until a
// second signal or done.
func TestFleetInterruptsFirstIsGraceful(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	notices := make(chan string, 4)
	runCtx, stop, done := fleetInterrupts(ctx, func(s string) { notices <- s })
	select {
	case <-stop:
		t.Fatal("stop closed before any interrupt")
	default:
	}
	cancel()
	select {
	case <-stop:
	case <-time.After(5 * time.Second):
		t.Fatal("stop not closed after the context ended")
	}
	if n := <-notices; n == "" {
		t.Error("no notice for the interrupt")
	}
	if runCtx.Err() != nil {
		t.Fatal("the running databases' context ended on the first interrupt")
	}
	done()
	if runCtx.Err() == nil {
		t.Error("done did not release the databases' context")
	}
}
