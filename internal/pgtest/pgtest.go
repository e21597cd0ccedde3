// Package pgtest is the test harness for code that needs a real PostgreSQL
// database. Every test binary shares one server; every test gets its own
// fresh, empty database on it, dropped when the test ends.
//
// Use it from a package's tests like this:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
//
//	func TestSomething(t *testing.T) {
//		t.Parallel()               // safe: each test has its own database
//		url := pgtest.NewDB(t)     // postgres://postgres@/mt_...?host=...&port=...
//		conn, err := pgx.Connect(ctx, url)
//		...
//	}
//
// The server is, by default, a throwaway cluster started from the local
// PostgreSQL binaries (see internal/pgcluster) the first time a test calls
// NewDB or AdminURL, with durability turned off, and stopped and deleted by
// Main after the tests; a binary whose tests never ask for a database starts
// nothing. The cluster also dies with the test binary if it is killed.
//
// When $MIGRATE_TEST_DATABASE_URL is set (a URL or key=value DSN of a role
// allowed to CREATE DATABASE on PostgreSQL 13 or later), the databases are
// created on that server instead and no cluster is started.
//
// URLs returned by NewDB and AdminURL work with pgx and with psql/pg_dump
// (see BinDir).
package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/internal/pgcluster"
)

// EnvURL names the environment variable that points the tests at an
// existing server instead of a throwaway cluster.
const EnvURL = "MIGRATE_TEST_DATABASE_URL"

// dirPrefix names the temporary directories of throwaway clusters; stale
// ones left by killed test binaries are removed on the next start.
const dirPrefix = "migrate-pgtest-"

// server is the one database server of this test binary. It is package
// state because Main and NewDB are called from code that cannot pass it
// around (TestMain and every test).
type server struct {
	mu      sync.Mutex
	started bool
	err     error
	cluster *pgcluster.Cluster
	dir     string
	admin   string // URL of the maintenance database
	seq     atomic.Int64
}

var srv server

// Main runs the tests and then stops and removes the throwaway cluster if
// one was started. Use it as os.Exit(pgtest.Main(m)) in TestMain. An
// interrupt (SIGINT, SIGTERM) also stops the cluster before exiting.
func Main(m *testing.M) int {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			srv.shutdown()
			fmt.Fprintf(os.Stderr, "pgtest: %v: test cluster stopped\n", sig)
			os.Exit(130)
		case <-done:
		}
	}()
	code := m.Run()
	signal.Stop(sigs)
	close(done)
	if err := srv.shutdown(); err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: %v\n", err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

// NewDB creates a fresh empty database (from template0, UTF8) and returns
// its connection URL. The database is dropped WITH (FORCE) when the test
// and its subtests finish, so open connections do not block the drop.
func NewDB(t testing.TB) string {
	t.Helper()
	s := srv.get(t)
	name := s.dbName(t.Name())
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := s.admin1(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" TEMPLATE template0 ENCODING 'UTF8'"); err != nil {
		t.Fatalf("pgtest: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := s.admin1(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
			t.Errorf("pgtest: drop database %s: %v", name, err)
		}
	})
	return s.dbURL(name)
}

// AdminURL returns the URL of the maintenance database of the server NewDB
// creates databases on (the postgres database of the throwaway cluster, or
// $MIGRATE_TEST_DATABASE_URL as given). Tests must not leave objects there.
func AdminURL(t testing.TB) string {
	t.Helper()
	return srv.get(t).admin
}

// BinDir returns the directory of the local PostgreSQL programs (psql,
// pg_dump, ...) for tests that run them; the test fails when there are none.
func BinDir(t testing.TB) string {
	t.Helper()
	dir, err := pgcluster.FindBinDir(nil)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	return dir
}

// get returns the started server, starting it on first use. A failed start
// is remembered so that every test reports the same cause quickly.
func (s *server) get(t testing.TB) *server {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.started {
		s.started = true
		s.err = s.start()
	}
	if s.err != nil {
		t.Fatalf("pgtest: %v", s.err)
	}
	return s
}

func (s *server) start() error {
	if u := os.Getenv(EnvURL); u != "" {
		if _, err := pgx.ParseConfig(u); err != nil {
			return fmt.Errorf("%s: %w", EnvURL, err) // pgconn redacts the password
		}
		s.admin = u
		return nil
	}
	dir, err := pgcluster.TempDir(dirPrefix)
	if err != nil {
		return err
	}
	removeStale(filepath.Dir(dir))
	if err := os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		os.RemoveAll(dir)
		return err
	}
	c, err := pgcluster.Start(context.Background(), pgcluster.Options{Dir: dir, Throwaway: true})
	if err != nil {
		os.RemoveAll(dir)
		return fmt.Errorf("start test cluster: %w (or set %s to use an existing server)", err, EnvURL)
	}
	s.cluster, s.dir, s.admin = c, dir, c.URL("postgres")
	return nil
}

// shutdown stops and removes the throwaway cluster, if any.
func (s *server) shutdown() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cluster == nil {
		return nil
	}
	err := s.cluster.Stop()
	s.cluster = nil
	if err == nil {
		err = os.RemoveAll(s.dir)
	}
	return err
}

// admin1 runs one statement in the maintenance database.
func (s *server) admin1(ctx context.Context, sql string) error {
	conn, err := pgx.Connect(ctx, s.admin)
	if err != nil {
		return fmt.Errorf("connect: %w", err) // pgconn errors carry no password
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, sql)
	return err
}

// dbName makes a database name unique across the parallel test binaries
// that may share one server, readable enough to spot in pg_database.
func (s *server) dbName(testName string) string {
	var slug strings.Builder
	for _, r := range strings.ToLower(testName) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			slug.WriteRune(r)
		default:
			if str := slug.String(); str != "" && !strings.HasSuffix(str, "_") {
				slug.WriteByte('_')
			}
		}
	}
	name := fmt.Sprintf("mt_%d_%d_%s", os.Getpid(), s.seq.Add(1), slug.String())
	if len(name) > 63 { // NAMEDATALEN - 1
		name = name[:63]
	}
	return strings.TrimRight(name, "_")
}

// dbURL is the admin URL pointed at database name.
func (s *server) dbURL(name string) string {
	if s.cluster != nil {
		return s.cluster.URL(name)
	}
	if u, err := url.Parse(s.admin); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		u.Path, u.RawPath = "/"+name, ""
		return u.String()
	}
	// key=value DSN: a later dbname overrides an earlier one.
	return s.admin + " dbname=" + name
}
