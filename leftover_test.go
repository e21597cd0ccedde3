package migrate_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/internal/pgtest"
)

// TestConcurrentIndexLeftover: a CREATE INDEX CONCURRENTLY that fails or is
// interrupted leaves an INVALID index. The error says so (never "nothing
// to undo"), and the next run drops it and builds it again, saying so,
// even for IF NOT EXISTS, which would otherwise keep the broken index.
func TestConcurrentIndexLeftover(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		index string
		fail  func(t *testing.T, m *migrate.Migrator, url string) error
	}{
		{"unique violation", "CREATE UNIQUE INDEX CONCURRENTLY t_a1_x ON t_a1 (x);", func(t *testing.T, m *migrate.Migrator, _ string) error {
			_, err := m.Upgrade(context.Background(), "head", migrate.RunOptions{})
			return err
		}},
		{"interrupted, IF NOT EXISTS", "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_a1_x ON t_a1 (x, y);", func(t *testing.T, m *migrate.Migrator, url string) error {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			cancelDuringIndexBuild(t, url, cancel)
			_, err := m.Upgrade(ctx, "head", migrate.RunOptions{})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			url := pgtest.NewDB(t)
			ctx := context.Background()
			files := []file{
				{id: "a1", up: "CREATE TABLE t_a1 (id int PRIMARY KEY, x int, y text);\n" +
					"INSERT INTO t_a1 SELECT g, g % 50000, md5(g::text) FROM generate_series(1, 300000) g;", down: "DROP TABLE t_a1;"},
				{id: "b2", parents: "a1", nonTx: true, up: "CREATE TABLE IF NOT EXISTS t_b2 (id int);\n" + tc.index, down: "DROP INDEX CONCURRENTLY t_a1_x;"},
			}
			project := writeVersions(t, files...)
			if _, err := newMigrator(t, url, project, nil).Upgrade(ctx, "a1", migrate.RunOptions{}); err != nil {
				t.Fatal(err)
			}
			err := tc.fail(t, newMigrator(t, url, project, nil), url)
			var pe *migrate.PartialError
			if !errors.As(err, &pe) {
				t.Fatalf("upgrade = %v, want a PartialError", err)
			}
			msg := err.Error()
			if strings.Contains(msg, "nothing to undo") || strings.Contains(msg, "nothing of it stays") ||
				!strings.Contains(msg, "statement 2 left INVALID index t_a1_x, which the next run drops and builds again") {
				t.Errorf("error does not tell what was left: %s", msg)
			}
			c := connect(t, url)
			equal(t, "index left", strs(t, c, "SELECT indexrelid::regclass || ' ' || indisvalid FROM pg_index WHERE indrelid = 't_a1'::regclass AND NOT indisprimary"),
				[]string{"t_a1_x false"})

			// Make the build possible, run again.
			if _, err := c.Exec(ctx, "UPDATE t_a1 SET x = id"); err != nil {
				t.Fatal(err)
			}
			ev := &events{}
			if _, err := newMigrator(t, url, project, ev).Upgrade(ctx, "head", migrate.RunOptions{}); err != nil {
				t.Fatal(err)
			}
			dropped := 0
			for _, e := range ev.list {
				if d, ok := e.(migrate.LeftoverDropped); ok && d.Index == "t_a1_x" && d.Table == "t_a1" && d.Statement.Line == 9 {
					dropped++
				}
			}
			if dropped != 1 {
				t.Errorf("LeftoverDropped reported %d times: %+v", dropped, ev.list)
			}
			equal(t, "index rebuilt", strs(t, c, "SELECT indexrelid::regclass || ' ' || indisvalid || ' ' || indisready FROM pg_index WHERE indrelid = 't_a1'::regclass AND NOT indisprimary"),
				[]string{"t_a1_x true true"})
			equal(t, "version table", versionRows(t, c), []string{"b2"})
		})
	}
}

// cancelDuringIndexBuild cancels the run (as Ctrl-C does) once its
// CREATE INDEX CONCURRENTLY is running on the server.
func cancelDuringIndexBuild(t *testing.T, url string, cancel func()) {
	c := connect(t, url)
	go func() {
		defer cancel()
		for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			var n int
			if err := c.QueryRow(context.Background(), `SELECT count(*) FROM pg_stat_activity
				WHERE datname = current_database() AND state = 'active' AND query LIKE 'CREATE INDEX CONCURRENTLY%'`).Scan(&n); err != nil || n > 0 {
				time.Sleep(50 * time.Millisecond)
				return
			}
		}
	}()
}
