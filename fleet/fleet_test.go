package fleet_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jackc/pgx/v5"
	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/fleet"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/revision"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

const (
	rev1 = "f1ee70000001"
	rev2 = "f1ee70000002"
)

// revText is a revision file; parent "" makes a base.
func revText(id, parent, up, down string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "-- migrate:revision %s\n", id)
	if parent != "" {
		fmt.Fprintf(&b, "-- migrate:parents %s\n", parent)
	}
	fmt.Fprintf(&b, "-- migrate:message %s\n-- migrate:created 2026-01-02T03:04:05Z\n\n", id)
	fmt.Fprintf(&b, "-- migrate:upgrade\n%s\n\n-- migrate:downgrade\n%s\n", up, down)
	return b.String()
}

// versions are two revisions over an accounts table that exists before
// migrate runs (a tenant's data): add a column, then a check constraint.
// upgrade2 replaces the second revision's upgrade when not empty.
func versions(upgrade2 string) migrate.Options {
	if upgrade2 == "" {
		upgrade2 = "ALTER TABLE accounts ADD CONSTRAINT balance_nonneg CHECK (balance >= 0);"
	}
	fs := fstest.MapFS{
		"1_currency.sql": {Data: []byte(revText(rev1, "",
			"ALTER TABLE accounts ADD COLUMN currency text NOT NULL DEFAULT 'EUR';",
			"ALTER TABLE accounts DROP COLUMN currency;"))},
		"2_nonneg.sql": {Data: []byte(revText(rev2, rev1, upgrade2,
			"ALTER TABLE accounts DROP CONSTRAINT balance_nonneg;"))},
	}
	return migrate.Options{Versions: []revision.Source{{Dir: "versions", FS: fs}}}
}

// tenants creates n databases, each with an accounts table of three rows.
func tenants(t *testing.T, n int) []string {
	t.Helper()
	out := make([]string, n)
	for i := range out {
		out[i] = pgtest.NewDB(t)
		execSQL(t, out[i], `CREATE TABLE accounts (id int PRIMARY KEY, balance numeric NOT NULL);
			INSERT INTO accounts VALUES (1, 10.50), (2, 0), (3, 99999.99);`)
	}
	return out
}

// query runs sql on a connection of its own and scans the one value it
// returns into dst, unless dst is nil.
func query(t *testing.T, url, sql string, dst any) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if dst == nil {
		_, err = conn.Exec(ctx, sql)
	} else {
		err = conn.QueryRow(ctx, sql).Scan(dst)
	}
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func execSQL(t *testing.T, url, sql string) {
	t.Helper()
	query(t, url, sql, nil)
}

func queryString(t *testing.T, url, sql string) string {
	t.Helper()
	var s string
	query(t, url, sql, &s)
	return s
}

// versionRows returns the version table's rows, "none" without a table.
func versionRows(t *testing.T, url string) string {
	t.Helper()
	if queryString(t, url, "SELECT coalesce(to_regclass('public.migrate_version')::text, 'none')") == "none" {
		return "none"
	}
	return queryString(t, url, "SELECT coalesce(string_agg(version_num, ',' ORDER BY version_num), 'base') FROM public.migrate_version")
}

// accounts renders the accounts rows, which no revision may change.
func accounts(t *testing.T, url string) string {
	return queryString(t, url, "SELECT string_agg(id || ':' || balance, ' ' ORDER BY id) FROM accounts")
}

func newFleet(t *testing.T, o fleet.Options) *fleet.Fleet {
	t.Helper()
	f, err := fleet.New(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func statuses(rep *fleet.Report) []fleet.Status {
	var out []fleet.Status
	for _, r := range rep.Results {
		out = append(out, r.Status)
	}
	return out
}

func all(n int, s fleet.Status) []fleet.Status {
	out := make([]fleet.Status, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// TestFleetOperations runs every operation on a small fleet and checks
// each database the way the single-database path leaves it: version rows,
// audit rows, the tenants' rows untouched.
func TestFleetOperations(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dbs := tenants(t, 4)
	var mu sync.Mutex
	revisionsRun := 0
	o := versions("")
	f := newFleet(t, fleet.Options{Databases: dbs, Migrate: o, Parallel: 2, Logger: fleet.LoggerFunc(func(e fleet.Event) {
		if p, ok := e.(fleet.DatabaseProgress); ok {
			if _, ok := p.Event.(migrate.RevisionStarted); ok {
				mu.Lock()
				revisionsRun++
				mu.Unlock()
			}
		}
	})})
	step := func(name string, rep *fleet.Report, err error, want fleet.Status, rows string) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := statuses(rep); !slices.Equal(got, all(len(dbs), want)) {
			t.Fatalf("%s: statuses %v, want all %s (%v)", name, got, want, rep.Err())
		}
		for _, db := range dbs {
			if got := versionRows(t, db); got != rows {
				t.Errorf("%s: version rows %s, want %s", name, got, rows)
			}
			if got := accounts(t, db); got != "1:10.50 2:0 3:99999.99" {
				t.Errorf("%s: accounts changed: %s", name, got)
			}
		}
	}

	rep, err := f.Upgrade(ctx, "head", migrate.RunOptions{})
	step("upgrade head", rep, err, fleet.StatusApplied, rev2)
	if r := rep.Results[0]; len(r.From) != 0 || !slices.Equal(r.To, []string{rev2}) || r.Steps != 2 {
		t.Errorf("upgrade result = from %v to %v, %d steps", r.From, r.To, r.Steps)
	}
	if revisionsRun != 8 {
		t.Errorf("%d RevisionStarted events, want 8", revisionsRun)
	}
	for _, db := range dbs {
		if n := queryString(t, db, "SELECT count(*)::text FROM migrate_history WHERE direction = 'upgrade'"); n != "2" {
			t.Errorf("%d upgrade audit rows, want 2", len(n))
		}
	}
	rep, err = f.Upgrade(ctx, "head", migrate.RunOptions{})
	step("upgrade again", rep, err, fleet.StatusUpToDate, rev2)

	rep, err = f.Downgrade(ctx, "-1", migrate.RunOptions{})
	step("downgrade -1", rep, err, fleet.StatusApplied, rev1)

	rep, err = f.Current(ctx)
	step("current behind", rep, err, fleet.StatusPending, rev1)
	if rep.Results[2].Current == nil || len(rep.Results[2].Current.Heads) != 1 {
		t.Errorf("current result carries no status: %+v", rep.Results[2])
	}

	rep, err = f.Stamp(ctx, []string{"head"}, migrate.StampOptions{})
	step("stamp head", rep, err, fleet.StatusApplied, rev2)
	rep, err = f.Stamp(ctx, []string{"head"}, migrate.StampOptions{})
	step("stamp head again", rep, err, fleet.StatusUpToDate, rev2)

	rep, err = f.Current(ctx)
	step("current at head", rep, err, fleet.StatusUpToDate, rev2)
	if !rep.OK() || rep.Err() != nil {
		t.Errorf("report not OK: %v", rep.Err())
	}
}

// TestFleetFailedDatabaseStaysAtPreviousRevision: a database whose second
// revision fails keeps the first, with its rows, and reports the runner's
// typed error; a rerun after the fix continues from there.
func TestFleetFailedDatabaseStaysAtPreviousRevision(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dbs := tenants(t, 3)
	execSQL(t, dbs[1], "INSERT INTO accounts VALUES (4, -5)")
	f := newFleet(t, fleet.Options{Databases: dbs, Migrate: versions(""), ContinueOnError: true})
	rep, err := f.Upgrade(ctx, "head", migrate.RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []fleet.Status{fleet.StatusApplied, fleet.StatusFailed, fleet.StatusApplied}
	if got := statuses(rep); !slices.Equal(got, want) {
		t.Fatalf("statuses %v, want %v", got, want)
	}
	failed := rep.Results[1]
	var se *migrate.StatementError
	if !errors.As(failed.Err, &se) || se.PgErr == nil || se.PgErr.Code != "23514" {
		t.Fatalf("error = %v, want a check violation StatementError", failed.Err)
	}
	if !slices.Equal(failed.To, []string{rev1}) || failed.Steps != 1 {
		t.Errorf("failed result: to %v, %d steps; want [%s], 1", failed.To, failed.Steps, rev1)
	}
	if got := versionRows(t, dbs[1]); got != rev1 {
		t.Errorf("failed database at %s, want %s", got, rev1)
	}
	if got := accounts(t, dbs[1]); got != "1:10.50 2:0 3:99999.99 4:-5" {
		t.Errorf("failed database rows: %s", got)
	}
	if err := rep.Err(); err == nil || !strings.Contains(err.Error(), "23514") {
		t.Errorf("report error = %v", err)
	}

	execSQL(t, dbs[1], "UPDATE accounts SET balance = 5 WHERE id = 4")
	rep, err = f.Upgrade(ctx, "head", migrate.RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want = []fleet.Status{fleet.StatusUpToDate, fleet.StatusApplied, fleet.StatusUpToDate}
	if got := statuses(rep); !slices.Equal(got, want) {
		t.Fatalf("rerun statuses %v, want %v", got, want)
	}
	if r := rep.Results[1]; !slices.Equal(r.From, []string{rev1}) || r.Steps != 1 {
		t.Errorf("rerun went from %v with %d steps, want from %s with 1", r.From, r.Steps, rev1)
	}
}

// TestFleetInterrupt: a graceful stop lets the running databases finish
// their run; canceling the context interrupts them the single-database
// way (the running revision rolled back, the lock released), so they stay
// at the previous revision and a rerun completes them.
func TestFleetInterrupt(t *testing.T) {
	t.Parallel()
	slow := "SELECT pg_sleep(0.4);\nALTER TABLE accounts ADD CONSTRAINT balance_nonneg CHECK (balance >= 0);"
	for _, hard := range []bool{false, true} {
		t.Run(fmt.Sprintf("hard=%v", hard), func(t *testing.T) {
			t.Parallel()
			dbs := tenants(t, 6)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			stop := make(chan struct{})
			var once sync.Once
			logger := fleet.LoggerFunc(func(e fleet.Event) {
				p, ok := e.(fleet.DatabaseProgress)
				if !ok {
					return
				}
				if rs, ok := p.Event.(migrate.RevisionStarted); ok && rs.Step.Revision.ID == rev2 {
					once.Do(func() {
						if hard {
							cancel()
						} else {
							close(stop)
						}
					})
				}
			})
			f := newFleet(t, fleet.Options{Databases: dbs, Migrate: versions(slow), Parallel: 2, Logger: logger, Stop: stop})
			rep, err := f.Upgrade(ctx, "head", migrate.RunOptions{})
			if err != nil {
				t.Fatal(err)
			}
			ran := 0
			for i, r := range rep.Results {
				switch {
				case r.Status == fleet.StatusSkipped:
					if got := versionRows(t, dbs[i]); got != "none" {
						t.Errorf("skipped database %d has version rows %s", i, got)
					}
				case hard:
					// Interrupted wherever it was: at the last revision it
					// committed, the running one rolled back.
					ran++
					if r.Status != fleet.StatusFailed || !errors.Is(r.Err, context.Canceled) {
						t.Errorf("database %d: %s %v, want failed: interrupted", i, r.Status, r.Err)
					}
					got, want := versionRows(t, dbs[i]), strings.Join(r.To, ",")
					if got == "none" {
						got = "base"
					}
					if want == "" {
						want = "base"
					}
					if got != want {
						t.Errorf("interrupted database %d at %s, its result says %q", i, got, want)
					}
					if got := versionRows(t, dbs[i]); got == rev2 {
						t.Errorf("interrupted database %d completed its run", i)
					}
				default:
					ran++
					if r.Status != fleet.StatusApplied {
						t.Errorf("database %d: %s %v, want applied", i, r.Status, r.Err)
					}
				}
			}
			if ran == 0 || ran > 2 || rep.Count(fleet.StatusSkipped) != len(dbs)-ran {
				t.Fatalf("%d ran, %d skipped: want 1 or 2 run (parallel 2), the rest skipped", ran, rep.Count(fleet.StatusSkipped))
			}
			// Nothing is left locked or half-done: a rerun completes all.
			rep, err = newFleet(t, fleet.Options{Databases: dbs, Migrate: versions(slow), Parallel: 6}).Upgrade(context.Background(), "head", migrate.RunOptions{})
			if err != nil || !rep.OK() {
				t.Fatalf("rerun: %v %v", err, rep.Err())
			}
			for _, db := range dbs {
				if got := accounts(t, db); got != "1:10.50 2:0 3:99999.99" {
					t.Errorf("accounts changed: %s", got)
				}
			}
		})
	}
}

// TestFleetClosesConnections: no more than parallel databases hold a
// connection at any time, and none is left once the run is over.
func TestFleetClosesConnections(t *testing.T) {
	t.Parallel()
	dbs := tenants(t, 10)
	names := make([]string, len(dbs))
	for i, db := range dbs {
		names[i] = queryString(t, db, "SELECT current_database()")
	}
	monitor, err := pgx.Connect(context.Background(), pgtest.AdminURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer monitor.Close(context.Background())
	count := func() int {
		var n int
		if err := monitor.QueryRow(context.Background(),
			"SELECT count(*) FROM pg_stat_activity WHERE datname = ANY($1) AND application_name = 'migrate'", names).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	peak := 0
	logger := fleet.LoggerFunc(func(e fleet.Event) {
		if _, ok := e.(fleet.DatabaseProgress); ok {
			peak = max(peak, count())
		}
	})
	f := newFleet(t, fleet.Options{Databases: dbs, Migrate: versions(""), Parallel: 3, Logger: logger})
	rep, err := f.Upgrade(context.Background(), "head", migrate.RunOptions{})
	if err != nil || !rep.OK() {
		t.Fatalf("%v %v", err, rep.Err())
	}
	if peak == 0 || peak > 3 {
		t.Errorf("%d migrate connections at once with parallel 3", peak)
	}
	// A backend leaves pg_stat_activity shortly after its client closed.
	for deadline := time.Now().Add(10 * time.Second); count() != 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d migrate connections left after the run", count())
		}
	}
}

// TestQuery: the URLs of a fleet from a query, in its order; the query
// runs read-only and its result's shape is checked.
func TestQuery(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.NewDB(t)
	execSQL(t, db, `CREATE TABLE tenants (id int, url text, active bool);
		INSERT INTO tenants VALUES (2, 'postgres://app@db/b', true), (1, 'postgres://app@db/a', true), (3, NULL, false);`)
	got, err := fleet.Query(ctx, db, "SELECT url FROM tenants WHERE active ORDER BY id")
	if err != nil || !slices.Equal(got, []string{"postgres://app@db/a", "postgres://app@db/b"}) {
		t.Fatalf("Query = %v, %v", got, err)
	}
	for _, tc := range []struct{ sql, want string }{
		{"SELECT url FROM tenants ORDER BY id", "row 3 is NULL"},
		{"SELECT id, url FROM tenants", "returns 2 columns: want one"},
		{"SELECT url FROM tenant", `relation "tenant" does not exist (SQLSTATE 42P01)`},
		{"DELETE FROM tenants RETURNING url", "read-only transaction"},
	} {
		if _, err := fleet.Query(ctx, db, tc.sql); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Query(%q) error = %v, want %q", tc.sql, err, tc.want)
		}
	}
	if n := queryString(t, db, "SELECT count(*)::text FROM tenants"); n != "3" {
		t.Errorf("the query wrote: %s rows left", n)
	}
}
