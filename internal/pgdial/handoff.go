package pgdial

import (
	"context"
	"net"
	"sync"

	"github.com/jackc/pgx/v5/pgconn"
)

// handoff passes what the probe found for one Connect to pgx through the
// config's DialFunc and LookupFunc. It is goroutine-safe: the config lives
// on in the connection, and pgx dials through it from any goroutine to send
// a cancel request.
type handoff struct {
	dialFunc   pgconn.DialFunc
	lookupFunc pgconn.LookupFunc
	host       string

	mu        sync.Mutex
	done      bool              // Connect has returned: delegate everything
	lookups   []string          // the addresses pgx is to try for host
	lookupErr error             // or why host did not resolve
	probed    map[string]*probe // by dialKey
}

// probe is what asking one address for SSL gave: a connection for pgx to
// take (once), or the error every dial of that address gets.
type probe struct {
	conn net.Conn
	err  error
}

func newHandoff(dial pgconn.DialFunc, lookup pgconn.LookupFunc, host string) *handoff {
	return &handoff{dialFunc: dial, lookupFunc: lookup, host: host, probed: map[string]*probe{}}
}

func dialKey(network, address string) string { return network + " " + address }

// dial is the DialFunc pgx gets. During Connect a probed address yields its
// connection the first time and its error every time, so that no address is
// dialed twice; later dials of a taken address, and every dial after
// Connect, go to the original DialFunc.
func (h *handoff) dial(ctx context.Context, network, address string) (net.Conn, error) {
	if p, ok := h.take(network, address); ok {
		return p.conn, p.err
	}
	return h.dialFunc(ctx, network, address)
}

func (h *handoff) take(network, address string) (probe, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	p := h.probed[dialKey(network, address)]
	if h.done || p == nil || (p.conn == nil && p.err == nil) {
		return probe{}, false
	}
	taken := *p
	p.conn = nil
	return taken, true
}

// lookup is the LookupFunc pgx gets: during Connect the host resolves to
// the addresses the probe chose, so that pgx dials exactly those, in the
// order probed, with no second DNS query.
func (h *handoff) lookup(ctx context.Context, host string) ([]string, error) {
	h.mu.Lock()
	if !h.done && host == h.host {
		addrs, err := append([]string(nil), h.lookups...), h.lookupErr
		h.mu.Unlock()
		return addrs, err
	}
	h.mu.Unlock()
	return h.lookupFunc(ctx, host)
}

// set records the outcome of one probe.
func (h *handoff) set(t target, conn net.Conn, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.probed[dialKey(t.network, t.address)] = &probe{conn: conn, err: err}
}

// pin sets the addresses pgx is to try.
func (h *handoff) pin(targets []target) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.lookups = h.lookups[:0]
	for _, t := range targets {
		h.lookups = append(h.lookups, t.raw)
	}
}

// failLookup makes pgx's lookups of the host fail with err.
func (h *handoff) failLookup(err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.lookupErr = err
}

// finish ends the handoff when Connect returns: a probed connection pgx
// did not take is closed, and from now on every call is delegated.
func (h *handoff) finish() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.done = true
	for _, p := range h.probed {
		if p.conn != nil {
			p.conn.Close()
			p.conn = nil
		}
	}
}
