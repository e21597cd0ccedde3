package pgdial

import (
	"context"
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"testing"
)

// A probed connection pgx never took is closed when Connect returns, and
// from then on every dial, from any goroutine, goes to the original
// DialFunc, for the probed address too.
func TestHandoffFinish(t *testing.T) {
	var dialed atomic.Int32
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		dialed.Add(1)
		return nil, errors.New("dialed")
	}
	h := newHandoff(dial, nil, "db")
	probed, peer := net.Pipe()
	defer peer.Close()
	tgt := target{raw: "192.0.2.1", network: "tcp", address: "192.0.2.1:5432"}
	h.set(tgt, probed, nil)
	h.finish()

	if _, err := probed.Write([]byte{0}); !errors.Is(err, io.ErrClosedPipe) {
		t.Errorf("untaken probe connection not closed: write error %v", err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if _, err := h.dial(context.Background(), tgt.network, tgt.address); err == nil || err.Error() != "dialed" {
				t.Errorf("dial after finish: %v, want the original DialFunc's error", err)
			}
		})
	}
	wg.Wait()
	if n := dialed.Load(); n != 4 {
		t.Errorf("original DialFunc called %d times, want 4", n)
	}
}

// During Connect a probed address gives its connection once; a second
// attempt at it (pgx's plaintext fallback after a failed TLS handshake)
// dials afresh, and a failed address gives its error every time.
func TestHandoffTake(t *testing.T) {
	var dialed atomic.Int32
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		dialed.Add(1)
		return nil, errors.New("dialed")
	}
	h := newHandoff(dial, nil, "db")
	defer h.finish()
	probed, peer := net.Pipe()
	defer peer.Close()
	defer probed.Close()
	good := target{raw: "192.0.2.1", network: "tcp", address: "192.0.2.1:5432"}
	bad := target{raw: "192.0.2.2", network: "tcp", address: "192.0.2.2:5432"}
	refused := errors.New("refused")
	h.set(good, probed, nil)
	h.set(bad, nil, refused)

	if c, err := h.dial(context.Background(), good.network, good.address); c != probed || err != nil {
		t.Errorf("first dial = %v, %v; want the probed connection", c, err)
	}
	if _, err := h.dial(context.Background(), good.network, good.address); err == nil || err.Error() != "dialed" {
		t.Errorf("second dial: %v, want a fresh dial", err)
	}
	for range 2 {
		if _, err := h.dial(context.Background(), bad.network, bad.address); err != refused {
			t.Errorf("dial of the failed address: %v, want %v", err, refused)
		}
	}
	if n := dialed.Load(); n != 1 {
		t.Errorf("original DialFunc called %d times, want 1", n)
	}
}
