package migrate_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/internal/pgcluster"
	"github.com/migrate-tool/migrate/revision"
)

// The torture test: deployers run `migrate upgrade head` at once on one
// database while some are killed (SIGKILL) at random moments and the
// server is stopped with pg_ctl stop -m immediate (a crash, as far as the
// database is concerned) and started again, over a history with CREATE
// INDEX CONCURRENTLY revisions. After the chaos one more deployer runs
// undisturbed, and the final state must hold: every revision applied
// exactly once (one audit row each, rows inserted by transactional
// revisions present once), the version table at the head, no revision
// missing or edited, no INVALID index left.
//
// It runs for two minutes by default; MIGRATE_TORTURE=long runs it for 15
// minutes, MIGRATE_TORTURE_DURATION=5m for any duration, and
// MIGRATE_TORTURE_SEED=N repeats a run's random choices (its seed is
// logged).

// tortureHistory: transactional revisions log themselves in a table with a
// primary key (a second application would fail); "transaction false"
// revisions build indexes CONCURRENTLY, written to be safe to repeat as
// such revisions must be (IF NOT EXISTS).
func tortureHistory() []file {
	return []file{
		{id: "a1", up: "CREATE TABLE t_big (id int PRIMARY KEY, x int, y text, z int NOT NULL DEFAULT 0);\n" +
			"INSERT INTO t_big (id, x, y) SELECT g, g % 1000, md5(g::text) FROM generate_series(1, 100000) g;\n" +
			"CREATE TABLE t_log (rev text PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());\nINSERT INTO t_log (rev) VALUES ('a1');",
			down: "DROP TABLE t_log;\nDROP TABLE t_big;"},
		{id: "b2", parents: "a1", nonTx: true, up: "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_big_x ON t_big (x);\nCREATE INDEX CONCURRENTLY IF NOT EXISTS t_big_y ON t_big (y);",
			down: "DROP INDEX CONCURRENTLY t_big_y;\nDROP INDEX CONCURRENTLY t_big_x;"},
		{id: "c3", parents: "b2", up: "INSERT INTO t_log (rev) VALUES ('c3');\nUPDATE t_big SET z = 1 WHERE id % 7 = 0;",
			down: "UPDATE t_big SET z = 0;\nDELETE FROM t_log WHERE rev = 'c3';"},
		{id: "d4", parents: "c3", nonTx: true, up: "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_big_xy ON t_big (x, y);\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_big_yid ON t_big (y, id);",
			down: "DROP INDEX CONCURRENTLY t_big_yid;\nDROP INDEX CONCURRENTLY t_big_xy;"},
		{id: "e5", parents: "d4", up: "INSERT INTO t_log (rev) VALUES ('e5');\nCREATE TABLE t_e5 AS SELECT id, x FROM t_big WHERE z = 1;",
			down: "DROP TABLE t_e5;\nDELETE FROM t_log WHERE rev = 'e5';"},
		{id: "f6", parents: "e5", nonTx: true, up: "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_big_z ON t_big (z) WHERE z = 1;", down: "DROP INDEX CONCURRENTLY t_big_z;"},
		{id: "g7", parents: "f6", up: "INSERT INTO t_log (rev) VALUES ('g7');", down: "DELETE FROM t_log WHERE rev = 'g7';"},
	}
}

// transient are the ways a deployer may fail when its connection or the
// server goes away under it; anything else is a failure of the tool.
var transient = regexp.MustCompile(`connection to the server was lost|cannot connect to database|` +
	`SQLSTATE 57P0[1-3]|SQLSTATE 08|the database system is (starting up|shutting down|in recovery mode|not yet accepting)|` +
	`no server socket there|connection refused|terminating connection`)

type tortureStats struct {
	trials, runs, kills, restarts, transient int
	// rebuilt counts INVALID indexes of interrupted builds that a later
	// run dropped and built again (and said so).
	rebuilt int
	// buildCrashes counts server crashes during an index build.
	buildCrashes int
	failures     []string
}

// syncBuffer is an output buffer the test reads while the process writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func tortureDuration(t *testing.T) time.Duration {
	if s := os.Getenv("MIGRATE_TORTURE_DURATION"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			t.Fatalf("MIGRATE_TORTURE_DURATION: %v", err)
		}
		return d
	}
	if os.Getenv("MIGRATE_TORTURE") == "long" {
		return 15 * time.Minute
	}
	return 2 * time.Minute
}

func TestTorture(t *testing.T) {
	if testing.Short() {
		t.Skip("the torture test runs for minutes")
	}
	budget := tortureDuration(t)
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("MIGRATE_TORTURE_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("MIGRATE_TORTURE_SEED: %v", err)
		}
	}
	t.Logf("seed %d (MIGRATE_TORTURE_SEED=%d repeats it), budget %s", seed, seed, budget)
	rng := rand.New(rand.NewPCG(seed, seed>>1))

	srv := startTortureServer(t)
	project := writeVersions(t, tortureHistory()...)
	writeFile(t, filepath.Join(project, "migrate.toml"), projectConfig)
	st := &tortureStats{}
	end := time.Now().Add(budget)
	for time.Now().Before(end) {
		st.trials++
		tortureTrial(t, srv, project, rng, st)
		if t.Failed() {
			break
		}
	}
	t.Logf("torture: %d trials, %d deployer runs, %d SIGKILLs, %d server restarts (pg_ctl stop -m immediate; %d during an index build), "+
		"%d transient deployer errors, %d INVALID indexes dropped and rebuilt, %d failures",
		st.trials, st.runs, st.kills, st.restarts, st.buildCrashes, st.transient, st.rebuilt, len(st.failures))
	for _, f := range st.failures {
		t.Error(f)
	}
}

// tortureServer is a cluster of the torture test's own, which it crashes
// and restarts.
type tortureServer struct {
	mu  sync.Mutex
	dir string
	c   *pgcluster.Cluster
}

func startTortureServer(t *testing.T) *tortureServer {
	dir, err := pgcluster.TempDir("migrate-torture-")
	if err != nil {
		t.Fatal(err)
	}
	s := &tortureServer{dir: dir}
	if s.c, err = pgcluster.Start(context.Background(), pgcluster.Options{Dir: dir, Throwaway: true}); err != nil {
		os.RemoveAll(dir)
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if err := s.c.Stop(); err != nil {
			t.Error(err)
		}
		os.RemoveAll(dir)
	})
	// A throwaway cluster acknowledges commits before their WAL is
	// written; a crash would then lose committed work, which a real server
	// does not. (fsync stays off: the machine itself does not crash.)
	s.exec(t, "postgres", "ALTER SYSTEM SET synchronous_commit = on")
	s.exec(t, "postgres", "SELECT pg_reload_conf()")
	return s
}

// url is the connection URL of database db; it changes with each restart
// (a new port).
func (s *tortureServer) url(db string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.c.URL(db)
}

// crash stops the server the way pg_ctl stop -m immediate does (no
// checkpoint: crash recovery at the next start), waits pause, and starts
// it again.
func (s *tortureServer) crash(t *testing.T, pause time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cmd := exec.Command(filepath.Join(s.c.BinDir, "pg_ctl"), "stop", "-m", "immediate", "-w", "-D", s.c.DataDir)
	cmd.Dir = "/"
	if err := pgcluster.RunAsServerUser(cmd); err != nil {
		t.Fatal(err)
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pg_ctl stop -m immediate: %v\n%s", err, out)
	}
	s.c.Stop() // reaps the postmaster and removes a short socket directory
	time.Sleep(pause)
	c, err := pgcluster.Start(context.Background(), pgcluster.Options{Dir: s.dir, Throwaway: true})
	if err != nil {
		t.Fatalf("restart after an immediate stop: %v", err)
	}
	s.c = c
}

// waitForIndexBuild returns once a CREATE INDEX runs in db, or after d.
func (s *tortureServer) waitForIndexBuild(db string, d time.Duration) bool {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	c, err := pgx.Connect(ctx, s.url(db))
	if err != nil {
		return false
	}
	defer c.Close(context.Background())
	for ctx.Err() == nil {
		var n int
		if err := c.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
			AND state = 'active' AND query LIKE 'CREATE%INDEX CONCURRENTLY%'`).Scan(&n); err != nil {
			return false
		}
		if n > 0 {
			return true
		}
		time.Sleep(5 * time.Millisecond)
	}
	return false
}

func (s *tortureServer) exec(t *testing.T, db, sql string) {
	for attempt := 0; ; attempt++ {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		c, err := pgx.Connect(ctx, s.url(db))
		if err == nil {
			_, err = c.Exec(ctx, sql)
			c.Close(ctx)
		}
		cancel()
		if err == nil {
			return
		}
		if attempt == 20 {
			t.Fatalf("%s: %v", sql, err)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// tortureTrial runs one trial on a new database.
func tortureTrial(t *testing.T, srv *tortureServer, project string, rng *rand.Rand, st *tortureStats) {
	db := fmt.Sprintf("torture_%d", st.trials)
	srv.exec(t, "postgres", "CREATE DATABASE "+db)
	defer srv.exec(t, "postgres", "DROP DATABASE IF EXISTS "+db+" WITH (FORCE)")

	const deployers = 4
	chaos := time.Duration(2000+rng.IntN(3000)) * time.Millisecond
	stop := time.Now().Add(chaos)
	type proc struct {
		cmd  *exec.Cmd
		out  *syncBuffer
		done chan struct{}
	}
	var mu sync.Mutex
	running := map[int]*proc{}
	killed := map[int]bool{}
	next := 0
	var wg sync.WaitGroup
	launch := func() {
		mu.Lock()
		defer mu.Unlock()
		id := next
		next++
		cmd := migrateProcess(t, project, srv.url(db), "upgrade", "head")
		out := &syncBuffer{}
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Errorf("start deployer: %v", err)
			return
		}
		st.runs++
		p := &proc{cmd: cmd, out: out, done: make(chan struct{})}
		running[id] = p
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd.Wait()
			close(p.done)
			mu.Lock()
			defer mu.Unlock()
			delete(running, id)
			st.rebuilt += strings.Count(out.String(), "Dropped INVALID index")
			switch code := cmd.ProcessState.ExitCode(); {
			case killed[id]:
			case code == 0:
			case transient.MatchString(out.String()):
				st.transient++
			default:
				st.failures = append(st.failures, fmt.Sprintf("trial %d deployer %d: exit %d: %s", st.trials, id, code, strings.TrimSpace(out.String())))
			}
		}()
	}
	for range deployers {
		launch()
	}
	restarts := 0
	for time.Now().Before(stop) {
		time.Sleep(time.Duration(50+rng.IntN(400)) * time.Millisecond)
		switch r := rng.IntN(100); {
		case r < 55:
			// Mostly the deployer that is applying revisions (it has
			// printed "Running"), sometimes one that waits.
			mu.Lock()
			var victims, active []int
			for id, p := range running {
				if !killed[id] {
					victims = append(victims, id)
					if strings.Contains(p.out.String(), "Running upgrade") {
						active = append(active, id)
					}
				}
			}
			slices.Sort(victims)
			slices.Sort(active)
			if len(active) > 0 && rng.IntN(4) > 0 {
				victims = active
			}
			if len(victims) > 0 {
				id := victims[rng.IntN(len(victims))]
				killed[id] = true
				running[id].cmd.Process.Signal(syscall.SIGKILL)
				st.kills++
			}
			mu.Unlock()
		case r < 67 && restarts < 2:
			// Half the crashes wait for an index build to be under way:
			// the case that leaves an INVALID index behind.
			if rng.IntN(2) == 0 && srv.waitForIndexBuild(db, 3*time.Second) {
				st.buildCrashes++
			}
			restarts++
			st.restarts++
			srv.crash(t, time.Duration(rng.IntN(300))*time.Millisecond)
		}
		mu.Lock()
		n := len(running)
		mu.Unlock()
		for ; n < deployers; n++ {
			launch()
		}
	}
	wg.Wait()

	// Undisturbed now: one more deployer finishes the job.
	final := migrateProcess(t, project, srv.url(db), "upgrade", "head")
	var out bytes.Buffer
	final.Stdout, final.Stderr = &out, &out
	err := final.Run()
	st.rebuilt += strings.Count(out.String(), "Dropped INVALID index")
	if err != nil {
		st.failures = append(st.failures, fmt.Sprintf("trial %d final upgrade: %v: %s", st.trials, err, out.String()))
		return
	}
	verifyTorture(t, srv.url(db), project, st)
}

// verifyTorture checks the final state of a trial's database.
func verifyTorture(t *testing.T, url, project string, st *tortureStats) {
	c := connect(t, url)
	fail := func(format string, args ...any) {
		st.failures = append(st.failures, fmt.Sprintf("trial %d: ", st.trials)+fmt.Sprintf(format, args...))
	}
	if got := strings.Join(versionRows(t, c), " "); got != "g7" {
		fail("version table %q, want g7", got)
	}
	if got := strings.Join(strs(t, c, "SELECT direction || ' ' || version_num FROM migrate_history ORDER BY id"), ", "); got !=
		"upgrade a1, upgrade b2, upgrade c3, upgrade d4, upgrade e5, upgrade f6, upgrade g7" {
		fail("audit rows %s: want one upgrade row per revision, in order", got)
	}
	if got := strings.Join(strs(t, c, "SELECT rev FROM t_log ORDER BY rev"), " "); got != "a1 c3 e5 g7" {
		fail("transactional revisions logged %q, want each once", got)
	}
	if got := strings.Join(strs(t, c, "SELECT count(*)::text FROM t_e5"), ""); got != "14285" {
		fail("t_e5 has %s rows, want 14285", got)
	}
	if got := strs(t, c, "SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid OR NOT indisready"); len(got) > 0 {
		fail("INVALID indexes left: %q", got)
	}
	if got := strings.Join(strs(t, c, `SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = 't_big'::regclass ORDER BY 1`), " "); got !=
		"t_big_pkey t_big_x t_big_xy t_big_y t_big_yid t_big_z" {
		fail("indexes on t_big: %s", got)
	}
	m, err := migrate.New(context.Background(), migrate.Options{DatabaseURL: url,
		Versions: []revision.Source{{Dir: "versions", FS: os.DirFS(filepath.Join(project, "versions"))}}})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if s, err := m.Current(context.Background()); err != nil || len(s.Missing)+len(s.Edited) > 0 {
		fail("current: %+v %v", s, err)
	}
}
