package migrate

import (
	"context"
	"fmt"
	"sync"
)

// background is work started in a goroutine while the caller does other
// work (reading the version table, the live schema): round trips to
// different connections, servers and files overlap instead of adding up.
type background[T any] struct {
	cancel context.CancelFunc
	done   chan struct{}
	v      T
	err    error
}

// inBackground starts f(ctx) in a goroutine of its own.
func inBackground[T any](ctx context.Context, f func(context.Context) (T, error)) *background[T] {
	ctx, cancel := context.WithCancel(ctx)
	b := &background[T]{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(b.done)
		b.v, b.err = f(ctx)
	}()
	return b
}

// wait returns what f returned.
func (b *background[T]) wait() (T, error) {
	<-b.done
	b.cancel()
	return b.v, b.err
}

// stop cancels f and waits for it to return, discarding its result.
func (b *background[T]) stop() {
	b.cancel()
	<-b.done
}

// heldLines collects progress lines until release, then passes them and
// every later one on.
type heldLines struct {
	mu       sync.Mutex
	out      func(string, ...any)
	lines    []string
	released bool
}

func (h *heldLines) logf(format string, args ...any) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.released {
		h.out(format, args...)
		return
	}
	h.lines = append(h.lines, fmt.Sprintf(format, args...))
}

func (h *heldLines) release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.out != nil {
		for _, line := range h.lines {
			h.out("%s", line)
		}
	}
	h.lines, h.released = nil, true
}
