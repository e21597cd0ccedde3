package pgdial

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
)

// A query cancelled by its context is cancelled by a cancel request, which
// pgx sends on a connection of its own, dialed through the config Connect
// built: that DialFunc must dial afresh once Connect has returned.
func TestCancelRequest(t *testing.T) {
	for _, tt := range []struct {
		name    string
		server  *lazyServer
		wantSSL bool
	}{
		{"no SSL", plainServer, false},
		{"SSL", sslServer, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.server.get(t)
			cfg := parseConfig(t, s.url(""))
			cfg.BuildContextWatcherHandler = func(c *pgconn.PgConn) ctxwatch.Handler {
				// The deadline comes 5s late: a prompt return is the
				// cancel request's doing.
				return &pgconn.CancelRequestContextWatcherHandler{Conn: c, DeadlineDelay: 5 * time.Second}
			}
			dials := countDials(cfg)
			off := s.logSize(t)
			conn, err := Connect(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close(context.Background())
			if got := sessionSSL(t, conn); got != tt.wantSSL {
				t.Errorf("encrypted = %v, want %v", got, tt.wantSSL)
			}

			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			start := time.Now()
			_, err = conn.Exec(ctx, "SELECT pg_sleep(10)")
			elapsed := time.Since(start)
			t.Logf("%v after %v", err, elapsed)
			var pgErr *pgconn.PgError
			if !errors.As(err, &pgErr) || pgErr.Code != "57014" { // query_canceled
				t.Errorf("error = %v, want query_canceled", err)
			}
			if elapsed > 3*time.Second {
				t.Errorf("cancelled query returned after %v", elapsed)
			}
			if n, served := dials.Load(), s.connectionsSince(t, off); n != 2 || served != 2 {
				t.Errorf("%d dials, server received %d connections; want 2 (connect, cancel request)", n, served)
			}
			// The cancel hit the query, not the session.
			if err := conn.Ping(context.Background()); err != nil {
				t.Errorf("connection unusable after the cancel: %v", err)
			}
		})
	}
}
