package pgdial

import (
	"context"
	"net"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/internal/pgcluster"
)

func parseConfig(tb testing.TB, url string) *pgx.ConnConfig {
	tb.Helper()
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		tb.Fatal(err)
	}
	return cfg
}

// countDials makes cfg count the connections it dials: what a connect
// costs, as the client sees it.
func countDials(cfg *pgx.ConnConfig) *atomic.Int32 {
	var n atomic.Int32
	dial := cfg.DialFunc
	cfg.DialFunc = func(ctx context.Context, network, addr string) (net.Conn, error) {
		n.Add(1)
		return dial(ctx, network, addr)
	}
	return &n
}

// sessionSSL reports whether the server sees conn's session as encrypted.
func sessionSSL(tb testing.TB, conn *pgx.Conn) bool {
	tb.Helper()
	var ssl bool
	if err := conn.QueryRow(context.Background(), "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").Scan(&ssl); err != nil {
		tb.Fatal(err)
	}
	return ssl
}

// closedPort is a TCP port on 127.0.0.1 nothing listens on.
func closedPort(tb testing.TB) int {
	tb.Helper()
	port, err := pgcluster.FreePort()
	if err != nil {
		tb.Fatal(err)
	}
	return port
}
