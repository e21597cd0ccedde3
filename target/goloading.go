package target

import (
	"context"

	"github.com/migrate-tool/migrate/schema"
)

// goLoading is loadGoCached running in the background. Evaluating a Go
// target is the longest step of an edit's autogenerate and needs neither
// server, so it starts before the caller connects.
type goLoading struct {
	cancel context.CancelFunc
	done   chan struct{}
	s      *schema.Schema
	err    error
}

// startGoLoading starts loadGoCached with its own copy of opts; trees is
// the loading's until wait or stop returns.
func startGoLoading(ctx context.Context, dir, pkg string, key []byte, ok bool, trees treeDigests, opts Options) *goLoading {
	ctx, cancel := context.WithCancel(ctx)
	g := &goLoading{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(g.done)
		g.s, g.err = loadGoCached(ctx, dir, pkg, key, ok, trees, opts)
	}()
	return g
}

// wait returns the loaded declaration; when ctx ends first it stops the
// loading and returns ctx's error.
func (g *goLoading) wait(ctx context.Context) (*schema.Schema, error) {
	select {
	case <-g.done:
	case <-ctx.Done():
		g.stop()
		return nil, ctx.Err()
	}
	g.cancel()
	return g.s, g.err
}

// stop cancels the loading and waits for it to end.
func (g *goLoading) stop() {
	g.cancel()
	<-g.done
}
