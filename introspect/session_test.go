package introspect

import (
	"context"
	"testing"

	"github.com/migrate-tool/migrate/internal/pgtest"
)

func TestVersionNum(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"15.10 (Debian 15.10-1.pgdg120+1)", 150010},
		{"13.0", 130000},
		{"17.2", 170002},
		{"16beta1", 0},
		{"16rc1 (Ubuntu)", 0},
		{"9.6.24", 0}, // two-part major: ask the server
		{"", 0},
		{"15.-1", 0},
		{"x.1", 0},
	} {
		if got := versionNum(c.in); got != c.want {
			t.Errorf("versionNum(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

// TestReportedVersionAgrees proves the version taken from the connection
// is the one the server gives when asked, on a connection and in a
// transaction.
func TestReportedVersionAgrees(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	conn := connect(t, pgtest.NewDB(t), nil)
	var asked int
	if err := conn.QueryRow(ctx, "SELECT current_setting('server_version_num')::integer").Scan(&asked); err != nil {
		t.Fatal(err)
	}
	if got := reportedVersion(pgConnOf(conn)); got != asked {
		t.Fatalf("reported %d, server_version_num %d", got, asked)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if got, err := serverVersion(ctx, tx); err != nil || got != asked {
		t.Fatalf("serverVersion in a transaction = %d, %v; want %d", got, err, asked)
	}
}
