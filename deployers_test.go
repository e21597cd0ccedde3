package migrate_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/internal/pgtest"
)

// concurrentIndexHistory is a history whose "transaction false" revisions
// build indexes CONCURRENTLY on a table of rows: the case where waiting
// deployers used to deadlock with the holder (a waiter blocked in
// pg_advisory_lock holds a snapshot the index build waits for).
func concurrentIndexHistory(rows int) []file {
	return []file{
		{id: "a1", up: fmt.Sprintf("CREATE TABLE t_a1 (id int PRIMARY KEY, x int, y text);\nINSERT INTO t_a1 SELECT g, g %% 1000, md5(g::text) FROM generate_series(1, %d) g;", rows),
			down: "DROP TABLE t_a1;"},
		{id: "b2", parents: "a1", nonTx: true, up: "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_a1_x ON t_a1 (x);", down: "DROP INDEX CONCURRENTLY t_a1_x;"},
		table("c3", "b2"),
		{id: "d4", parents: "c3", nonTx: true, up: "CREATE INDEX CONCURRENTLY t_a1_y ON t_a1 (y);\nCREATE INDEX CONCURRENTLY t_a1_xy ON t_a1 (x, y);",
			down: "DROP INDEX CONCURRENTLY t_a1_xy;\nDROP INDEX CONCURRENTLY t_a1_y;"},
		table("e5", "d4"),
	}
}

// TestDeployersConcurrentIndex: 4 and 16 deployers upgrade at once, again
// and again, over a history with CREATE INDEX CONCURRENTLY on a large
// table: every run succeeds and each revision is applied exactly once.
func TestDeployersConcurrentIndex(t *testing.T) {
	t.Parallel()
	project := writeVersions(t, concurrentIndexHistory(200_000)...)
	for _, tc := range []struct{ deployers, rounds int }{{4, 3}, {16, 2}} {
		for round := range tc.rounds {
			t.Run(fmt.Sprintf("%d deployers round %d", tc.deployers, round+1), func(t *testing.T) {
				url := pgtest.NewDB(t)
				logs := make([]*syncEvents, tc.deployers)
				errs := make([]error, tc.deployers)
				var wg sync.WaitGroup
				for i := range tc.deployers {
					logs[i] = &syncEvents{}
					m := newMigrator(t, url, project, logs[i])
					wg.Add(1)
					go func() {
						defer wg.Done()
						ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
						defer cancel()
						_, errs[i] = m.Upgrade(ctx, "head", migrate.RunOptions{})
					}()
				}
				wg.Wait()
				started, waited := 0, 0
				for i := range tc.deployers {
					if errs[i] != nil {
						t.Errorf("deployer %d: %v", i, errs[i])
					}
					for _, e := range logs[i].all() {
						switch e := e.(type) {
						case migrate.RevisionStarted:
							started++
						case migrate.LockWaiting:
							waited++
							if e.Holder == nil || e.Holder.ApplicationName != "migrate" {
								t.Errorf("deployer %d waits without naming the holder: %+v", i, e)
							}
						}
					}
				}
				if started != 5 {
					t.Errorf("%d revisions started, want 5", started)
				}
				if waited == 0 {
					t.Error("no deployer waited for the lock")
				}
				c := connect(t, url)
				equal(t, "audit", strs(t, c, "SELECT direction || ' ' || version_num FROM migrate_history ORDER BY id"),
					[]string{"upgrade a1", "upgrade b2", "upgrade c3", "upgrade d4", "upgrade e5"})
				equal(t, "version table", versionRows(t, c), []string{"e5"})
				equal(t, "indexes", strs(t, c, `SELECT indexrelid::regclass::text || ' ' || indisvalid FROM pg_index
					WHERE indrelid = 't_a1'::regclass ORDER BY 1`),
					[]string{"t_a1_pkey true", "t_a1_x true", "t_a1_xy true", "t_a1_y true"})
			})
		}
	}
}

// syncEvents collects events from a deployer's goroutine.
type syncEvents struct {
	mu   sync.Mutex
	list []migrate.Event
}

func (e *syncEvents) Log(ev migrate.Event) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.list = append(e.list, ev)
}

func (e *syncEvents) all() []migrate.Event {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]migrate.Event(nil), e.list...)
}
