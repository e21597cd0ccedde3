package pgdial

import (
	"context"

	"github.com/jackc/pgx/v5/pgconn"
)

// probe asks the targets for SSL in pgx's order until one answers, records
// every outcome in h, and shapes cfg (a copy of the caller's) so that pgx
// makes no dial the probe has already made.
func (h *handoff) probe(ctx context.Context, cfg *pgconn.Config, targets []target) {
	failed := map[string]bool{}
	for i, t := range targets {
		if failed[dialKey(t.network, t.address)] {
			continue // listed twice: one dial is enough to know
		}
		conn, useTLS, err := askSSL(ctx, cfg, t.network, t.address)
		switch {
		case err != nil:
			h.set(t, nil, err)
			failed[dialKey(t.network, t.address)] = true
		case useTLS:
			// pgx sends its own SSLRequest and runs its TLS handshake with
			// cfg.TLSConfig; the plaintext fallback and later addresses stay
			// as they were, dialed afresh only if TLS fails.
			h.set(t, newAnsweredConn(conn), nil)
			h.pin(targets)
			return
		default:
			// The server waits for a startup message on conn. Later
			// addresses are left out: with TLS off pgx would reach them
			// in plaintext without asking them for SSL first.
			h.set(t, conn, nil)
			h.pin(targets[:i+1])
			cfg.TLSConfig, cfg.Fallbacks = nil, nil
			return
		}
	}
	// No address answered and each has its error: the plaintext fallback
	// would only repeat them.
	h.pin(targets)
	cfg.Fallbacks = nil
}
