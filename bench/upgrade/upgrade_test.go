// Package upgrade benchmarks `migrate upgrade head` through 1,000 small
// revisions against psql -1 -f of the same SQL, in the same run:
//
//	go test ./bench/upgrade -run '^$' -bench . -benchtime 3x
//
// Each iteration uses fresh databases on the test cluster (see
// internal/pgtest; $MIGRATE_TEST_DATABASE_URL points it at another server).
// The x-psql metric is migrate's time divided by psql's.
package upgrade

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/revision"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

const revisions = 1000

// writeRevisions writes a linear history of small revisions and returns the
// versions directory and the same upgrade SQL as one script.
func writeRevisions(b *testing.B) (dir, script string) {
	dir = b.TempDir()
	var all strings.Builder
	parent := ""
	for i := 1; i <= revisions; i++ {
		id := fmt.Sprintf("%012x", i)
		up := fmt.Sprintf("CREATE TABLE t%d (id int NOT NULL, n int);\nINSERT INTO t%d VALUES (%d, 0);", i, i, i)
		var f strings.Builder
		fmt.Fprintf(&f, "-- migrate:revision %s\n", id)
		if parent != "" {
			fmt.Fprintf(&f, "-- migrate:parents %s\n", parent)
		}
		fmt.Fprintf(&f, "-- migrate:message table %d\n\n-- migrate:upgrade\n%s\n\n-- migrate:downgrade\nDROP TABLE t%d;\n", i, up, i)
		if err := os.WriteFile(filepath.Join(dir, id+".sql"), []byte(f.String()), 0o644); err != nil {
			b.Fatal(err)
		}
		all.WriteString(up + "\n")
		parent = id
	}
	return dir, all.String()
}

func BenchmarkUpgrade1000(b *testing.B) {
	dir, script := writeRevisions(b)
	scriptPath := filepath.Join(b.TempDir(), "all.sql")
	if err := os.WriteFile(scriptPath, []byte(script), 0o644); err != nil {
		b.Fatal(err)
	}
	psql := filepath.Join(pgtest.BinDir(b), "psql")
	ctx := context.Background()
	run := func(mode migrate.TxMode) time.Duration {
		url := pgtest.NewDB(b)
		m, err := migrate.New(ctx, migrate.Options{DatabaseURL: url, Versions: []revision.Source{{Dir: "versions", FS: os.DirFS(dir)}}})
		if err != nil {
			b.Fatal(err)
		}
		defer m.Close()
		start := time.Now()
		res, err := m.Upgrade(ctx, "head", migrate.RunOptions{Transaction: mode})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Plan.Steps) != revisions {
			b.Fatalf("%d steps", len(res.Plan.Steps))
		}
		return time.Since(start)
	}
	var perRev, all, bare time.Duration
	b.ResetTimer()
	for range b.N {
		perRev += run(migrate.PerRevision)
		all += run(migrate.AllInOne)

		url := pgtest.NewDB(b)
		start := time.Now()
		if out, err := exec.Command(psql, "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", scriptPath).CombinedOutput(); err != nil {
			b.Fatalf("psql: %v\n%s", err, out)
		}
		bare += time.Since(start)
	}
	b.StopTimer()
	n := float64(b.N)
	b.ReportMetric(perRev.Seconds()/n, "s-migrate")
	b.ReportMetric(all.Seconds()/n, "s-migrate-all")
	b.ReportMetric(bare.Seconds()/n, "s-psql")
	b.ReportMetric(perRev.Seconds()/bare.Seconds(), "x-psql")
	b.ReportMetric(all.Seconds()/bare.Seconds(), "x-psql-all")
}
