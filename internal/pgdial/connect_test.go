package pgdial

import (
	"context"
	"crypto/tls"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// connectFunc is pgx.ConnectConfig or Connect.
type connectFunc func(context.Context, *pgx.ConnConfig) (*pgx.Conn, error)

// outcome is what one connect did, from both ends.
type outcome struct {
	err    error
	ssl    bool // session encrypted, per pg_stat_ssl
	tlsNet bool // pgx's net.Conn is a *tls.Conn
	dials  int  // dials the client made
	served int  // connections the server received
}

// connectOnce connects to s with url; resolvesTo, when set, is what the
// host resolves to: "closed" (a port nothing listens on) or "server".
func connectOnce(t *testing.T, s *testServer, connect connectFunc, url string, resolvesTo []string) outcome {
	t.Helper()
	cfg := parseConfig(t, url)
	if resolvesTo != nil {
		closed := closedPort(t)
		var addrs []string
		for _, a := range resolvesTo {
			port := s.port
			if a == "closed" {
				port = closed
			}
			addrs = append(addrs, fmt.Sprintf("127.0.0.1:%d", port))
		}
		cfg.LookupFunc = func(context.Context, string) ([]string, error) { return addrs, nil }
	}
	dials := countDials(cfg)
	off := s.logSize(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := connect(ctx, cfg)
	out := outcome{err: err, dials: int(dials.Load())}
	if err == nil {
		out.ssl = sessionSSL(t, conn)
		_, out.tlsNet = conn.PgConn().Conn().(*tls.Conn)
		conn.Close(ctx)
	}
	out.served = s.connectionsSince(t, off)
	return out
}

func TestConnect(t *testing.T) {
	refusedFirst := []string{"closed", "server"}
	tests := []struct {
		name       string
		server     *lazyServer
		sslmode    string   // "" is pgx's default, prefer
		resolvesTo []string // see connectOnce
		wantSSL    bool
		wantErr    bool
		dials      int // by Connect; the server receives one of them
		pgxDials   int // by pgx.ConnectConfig, for comparison
	}{
		{name: "no SSL, prefer", server: plainServer, dials: 1, pgxDials: 2},
		{name: "SSL, prefer", server: sslServer, wantSSL: true, dials: 1, pgxDials: 1},
		{name: "SSL, require", server: sslServer, sslmode: "require", wantSSL: true, dials: 1, pgxDials: 1},
		{name: "no SSL, disable", server: plainServer, sslmode: "disable", dials: 1, pgxDials: 1},
		{name: "SSL, disable", server: sslServer, sslmode: "disable", dials: 1, pgxDials: 1},
		{name: "no SSL, require", server: plainServer, sslmode: "require", wantErr: true, dials: 1, pgxDials: 1},
		// Like "localhost" resolving to ::1 and 127.0.0.1 for a server
		// that listens only on the latter.
		{name: "no SSL, prefer, first address refuses", server: plainServer, resolvesTo: refusedFirst, dials: 2, pgxDials: 4},
		{name: "SSL, prefer, first address refuses", server: sslServer, resolvesTo: refusedFirst, wantSSL: true, dials: 2, pgxDials: 2},
		{name: "no SSL, prefer, refusing address listed twice", server: plainServer, resolvesTo: []string{"closed", "closed", "server"}, dials: 2, pgxDials: 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.server.get(t)
			url := s.url(tt.sslmode)
			base := connectOnce(t, s, pgx.ConnectConfig, url, tt.resolvesTo)
			got := connectOnce(t, s, Connect, url, tt.resolvesTo)
			t.Logf("dials: pgx.ConnectConfig %d, Connect %d", base.dials, got.dials)

			if (got.err != nil) != tt.wantErr {
				t.Fatalf("Connect error = %v, want error: %v", got.err, tt.wantErr)
			}
			if (base.err != nil) != tt.wantErr {
				t.Fatalf("pgx.ConnectConfig error = %v, want error: %v", base.err, tt.wantErr)
			}
			if tt.wantErr && got.err.Error() != base.err.Error() {
				t.Errorf("Connect error:\n%v\npgx.ConnectConfig error:\n%v", got.err, base.err)
			}
			if got.ssl != tt.wantSSL || got.tlsNet != tt.wantSSL || base.ssl != tt.wantSSL {
				t.Errorf("encrypted: Connect %v (tls.Conn %v), pgx.ConnectConfig %v, want %v", got.ssl, got.tlsNet, base.ssl, tt.wantSSL)
			}
			if got.dials != tt.dials || got.served != 1 {
				t.Errorf("Connect: %d dials, server received %d connections; want %d and 1", got.dials, got.served, tt.dials)
			}
			// pgx's own counts show that what the test measures is real.
			if base.dials != tt.pgxDials {
				t.Errorf("pgx.ConnectConfig: %d dials, want %d", base.dials, tt.pgxDials)
			}
			if tt.resolvesTo == nil && base.served != base.dials {
				t.Errorf("pgx.ConnectConfig: %d dials, server received %d connections", base.dials, base.served)
			}
		})
	}
}
