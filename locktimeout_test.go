package migrate_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/revision"
)

// TestLockTimeoutNamesBlocker: a revision that gives up waiting for a lock
// (lock_timeout) says which relation it waited for and which session held
// it: pid, application_name, state and when its query started.
func TestLockTimeoutNamesBlocker(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := pgtest.NewDB(t)
	for _, tc := range []struct {
		name     string
		nonTx    bool
		relation string
	}{{"in a transaction", false, "t_a1"}, {"transaction false", true, "t_a1"}} {
		t.Run(tc.name, func(t *testing.T) {
			project := writeVersions(t, table("a1", ""),
				file{id: "b2", parents: "a1", nonTx: tc.nonTx, up: "ALTER TABLE t_a1 ADD COLUMN IF NOT EXISTS note text;", down: "ALTER TABLE t_a1 DROP COLUMN note;"})
			if _, err := newMigrator(t, url, project, nil).Upgrade(ctx, "a1", migrate.RunOptions{}); err != nil && !strings.Contains(err.Error(), "Nothing") {
				t.Fatal(err)
			}
			cfg, err := pgx.ParseConfig(url)
			if err != nil {
				t.Fatal(err)
			}
			cfg.RuntimeParams["application_name"] = "report-job"
			blocker, err := pgx.ConnectConfig(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer blocker.Close(ctx)
			var pid int
			if err := blocker.QueryRow(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
				t.Fatal(err)
			}
			if _, err := blocker.Exec(ctx, "BEGIN; SELECT count(*) FROM t_a1"); err != nil {
				t.Fatal(err)
			}
			defer blocker.Exec(ctx, "ROLLBACK")

			m, err := migrate.New(ctx, migrate.Options{
				DatabaseURL: url,
				Versions:    []revision.Source{{Dir: "versions", FS: os.DirFS(filepath.Join(project, "versions"))}},
				LockTimeout: 600 * time.Millisecond,
			})
			if err != nil {
				t.Fatal(err)
			}
			defer m.Close()
			_, err = m.Upgrade(ctx, "head", migrate.RunOptions{})
			var se *migrate.StatementError
			if !errors.As(err, &se) || se.PgErr == nil || se.PgErr.Code != "55P03" {
				t.Fatalf("upgrade = %v, want a lock timeout", err)
			}
			if se.LockWait == nil || se.LockWait.Relation != tc.relation || len(se.LockWait.Blockers) != 1 {
				t.Fatalf("lock wait %+v", se.LockWait)
			}
			b := se.LockWait.Blockers[0]
			if b.PID != pid || b.ApplicationName != "report-job" || b.State != "idle in transaction" || b.QueryStart.IsZero() {
				t.Errorf("blocker %+v, want pid %d", b, pid)
			}
			for _, want := range []string{
				"canceling statement due to lock timeout (SQLSTATE 55P03)",
				"it was waiting for AccessExclusiveLock on relation t_a1",
				fmt.Sprintf(`blocked by backend pid %d (application_name "report-job", state "idle in transaction", query started `, pid),
				fmt.Sprintf("pg_terminate_backend(pid) for pid %d", pid),
			} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error lacks %q:\n%s", want, err)
				}
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}
