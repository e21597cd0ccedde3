package pgdial

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Connect is pgx.ConnectConfig, except that an sslmode=prefer
// connection costs one dial whether or not the server does SSL.
//
// Only configurations of the prefer shape are handled here: TLS first and
// one plaintext fallback to the same host and port, negotiated with an
// SSLRequest. Everything else (sslmode disable, allow, require, verify-*,
// unix sockets, several hosts, sslnegotiation=direct) goes to
// pgx.ConnectConfig unchanged.
//
// Differences from pgx, all in the prefer case:
//   - When the host name resolves to several addresses, each is asked in
//     turn and the first that answers the SSLRequest is used, with TLS when
//     it said 'S', in plaintext on the same connection when it said 'N'
//     (libpq's order; pgx tries TLS on every address before plaintext on
//     any). After 'N' the later addresses are not tried.
//   - An address that cannot be dialed, or that fails the SSLRequest or
//     answers it with anything but 'S' or 'N', fails this connect without
//     being dialed again for the plaintext fallback.
//   - After 'N' the connection's Config has no TLSConfig and no Fallbacks:
//     it describes the plaintext session it is.
//   - connect_timeout bounds the SSLRequest exchange, then pgx's attempt on
//     the connection: a server slow at both can take up to twice as long
//     to fail. An address that does not answer in time fails after one.
func Connect(ctx context.Context, cfg *pgx.ConnConfig) (*pgx.Conn, error) {
	if !preferShape(cfg) {
		return pgx.ConnectConfig(ctx, cfg)
	}
	raws, lookupErr := cfg.LookupFunc(ctx, cfg.Host)
	targets, err := targetsOf(raws, cfg.Port)
	if err != nil {
		// A LookupFunc answer pgx will reject: let it say so.
		return pgx.ConnectConfig(ctx, cfg)
	}
	c := cfg.Copy()
	h := newHandoff(cfg.DialFunc, cfg.LookupFunc, cfg.Host)
	// Closes a probed connection pgx did not take, and sends pgx's later
	// dials (cancel requests) to the original DialFunc.
	defer h.finish()
	if lookupErr != nil {
		// pgx reports it in its usual form without waiting for a second
		// lookup.
		h.failLookup(lookupErr)
	} else {
		h.probe(ctx, &c.Config, targets)
	}
	c.DialFunc, c.LookupFunc = h.dial, h.lookup
	return pgx.ConnectConfig(ctx, c)
}

// preferShape reports whether cfg is what pgconn.ParseConfig makes of
// sslmode=prefer for one TCP host: a TLS attempt negotiated with an
// SSLRequest, then a plaintext attempt to the same host and port.
func preferShape(cfg *pgx.ConnConfig) bool {
	if cfg.TLSConfig == nil || cfg.SSLNegotiation == "direct" || len(cfg.Fallbacks) != 1 ||
		cfg.DialFunc == nil || cfg.LookupFunc == nil {
		return false
	}
	if network, _ := pgconn.NetworkAddress(cfg.Host, cfg.Port); network != "tcp" {
		return false
	}
	fb := cfg.Fallbacks[0]
	return fb != nil && fb.Host == cfg.Host && fb.Port == cfg.Port && fb.TLSConfig == nil
}

// ConnectString is pgx.Connect through Connect.
func ConnectString(ctx context.Context, connString string) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(connString)
	if err != nil {
		return nil, err
	}
	return Connect(ctx, cfg)
}
