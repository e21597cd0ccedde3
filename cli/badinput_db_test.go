package cli_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/migrate-tool/migrate/internal/pgtest"
)

// versionRows returns the version table's rows, sorted; nil when the table
// does not exist.
func versionRows(t *testing.T, dbURL string) []string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT to_regclass('public.migrate_version') IS NOT NULL").Scan(&exists); err != nil {
		t.Fatal(err)
	}
	if !exists {
		return nil
	}
	rows, err := conn.Query(ctx, "SELECT version_num FROM public.migrate_version ORDER BY 1")
	if err != nil {
		t.Fatal(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func execSQL(t *testing.T, dbURL, sql string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func tableExists(t *testing.T, dbURL, name string) bool {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var ok bool
	if err := conn.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", name).Scan(&ok); err != nil {
		t.Fatal(err)
	}
	return ok
}

// dbSession is one project on one database, run step by step.
type dbSession struct {
	t   *testing.T
	tr  *badTranscript
	dir string
	url string
	env map[string]string
}

func newDBSession(t *testing.T, files map[string]string) *dbSession {
	dir := t.TempDir()
	url := pgtest.NewDB(t)
	cfgWriteFile(t, filepath.Join(dir, "migrate.toml"), defaultToml)
	for name, text := range files {
		cfgWriteFile(t, filepath.Join(dir, name), text)
	}
	return &dbSession{t: t, tr: &badTranscript{t: t}, dir: dir, url: url, env: map[string]string{"DATABASE_URL": url}}
}

// fail runs args, expects the error contract and an unchanged version
// table.
func (s *dbSession) fail(name, where string, args ...string) badResult {
	s.t.Helper()
	before := versionRows(s.t, s.url)
	r := s.tr.runIn(context.Background(), name, s.dir, s.env, args...)
	checkOneLine(s.t, r, 2, where)
	if after := versionRows(s.t, s.url); !slices.Equal(before, after) {
		s.t.Errorf("%s: the version table changed from %v to %v", name, before, after)
	}
	return r
}

// ok runs args and expects success; its output goes into the transcript.
func (s *dbSession) ok(name string, args ...string) string {
	s.t.Helper()
	r := s.tr.runIn(context.Background(), name, s.dir, s.env, args...)
	if r.code != 0 {
		s.t.Fatalf("%s: migrate %s: exit %d\n%s%s", name, strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	fmt.Fprintf(&s.tr.buf, "stdout:\n%s\n", r.stdout)
	return r.stdout
}

func (s *dbSession) wantRows(want ...string) {
	s.t.Helper()
	if got := versionRows(s.t, s.url); !slices.Equal(got, want) {
		s.t.Errorf("version table = %v, want %v", got, want)
	}
}

// TestBadInputDatabase: targets the database state cannot reach, failing
// statements, irreversible and edited revisions, and a version table that
// names a revision no versions directory has. Every failure leaves the
// version table as it was.
func TestBadInputDatabase(t *testing.T) {
	t.Parallel()
	irreversible := "-- migrate:revision aaaa00000002\n-- migrate:parents aaaa00000001\n-- migrate:message create b\n\n" +
		"-- migrate:upgrade\nCREATE TABLE b (id int);\n\n-- migrate:irreversible b's rows cannot be restored\n"
	failing := revText("cccc00000003", "aaaa00000002", "fill a", "CREATE TABLE c (id int);\nINSERT INTO a\n  SELECT no_such_column FROM b;", "DROP TABLE c;")
	s := newDBSession(t, with("versions/b.sql", irreversible, "versions/c.sql", failing))

	s.fail("downgrade at base", `"-1"`, "downgrade", "-1")
	s.fail("stamp unknown revision", `"ffff00000000"`, "stamp", "ffff00000000")
	s.fail("upgrade past head", `"+5"`, "upgrade", "+5")
	s.fail("downgrade with a positive step", `"+1"`, "downgrade", "+1")
	s.fail("unknown target", `"ffff"`, "upgrade", "ffff")

	s.ok("upgrade to b", "upgrade", "aaaa00000002")
	s.wantRows("aaaa00000002")
	if out := s.ok("upgrade twice", "upgrade", "aaaa00000002"); !strings.Contains(out, "Nothing to do") {
		t.Errorf("second upgrade: %q", out)
	}
	s.wantRows("aaaa00000002")

	// A statement that fails at run time: file:line:col of the bad column
	// and the SQLSTATE; the revision's first statement is rolled back.
	r := s.fail("failing statement", "versions/c.sql:9:10", "upgrade", "head")
	if !strings.Contains(r.stderr, "SQLSTATE 42703") || !strings.Contains(r.stderr, "the database is at aaaa00000002") {
		t.Errorf("failing statement: %q", r.stderr)
	}
	s.fail("failing statement in one transaction", "versions/c.sql:9:10", "upgrade", "head", "--transaction=all")
	if tableExists(t, s.url, "c") {
		t.Error("table c of the failed revision exists")
	}

	s.fail("irreversible downgrade", "versions/b.sql:8", "downgrade", "-1")
	s.fail("irreversible downgrade to base", "versions/b.sql:8", "downgrade", "base")
	if !tableExists(t, s.url, "b") {
		t.Error("table b was dropped by a refused downgrade")
	}

	// An applied revision edited since: upgrade refuses and names it.
	cfgWriteFile(t, filepath.Join(s.dir, "versions/a.sql"), revText("aaaa00000001", "", "create a", "CREATE TABLE a (id bigint);", "DROP TABLE a;"))
	s.fail("edited revision", "versions/a.sql", "upgrade", "head")
	cfgWriteFile(t, filepath.Join(s.dir, "versions/a.sql"), graphFiles()["versions/a.sql"])

	// The version table names a revision no versions directory has.
	execSQL(t, s.url, "UPDATE public.migrate_version SET version_num = 'ffff00000000'")
	for _, args := range [][]string{{"upgrade", "head"}, {"downgrade", "-1"}, {"stamp", "head"}, {"history", "--indicate-current"}, {"upgrade", "--sql", "head"}} {
		r := s.fail("unknown row: "+strings.Join(args, " "), "ffff00000000", args...)
		if !strings.Contains(r.stderr, "stamp --purge") {
			t.Errorf("%s: the message does not say how to repair: %q", args, r.stderr)
		}
	}
	if out := s.ok("unknown row: current", "current"); out != "ffff00000000 (unknown)\n" {
		t.Errorf("current = %q", out)
	}
	s.ok("unknown row: current --json", "current", "--json")
	s.ok("unknown row: stamp --purge", "stamp", "--purge", "aaaa00000002")
	s.wantRows("aaaa00000002")

	// stamp takes relative steps as its help says.
	s.ok("stamp -1", "stamp", "-1")
	s.wantRows("aaaa00000001")
	s.ok("stamp +1", "stamp", "+1")
	s.wantRows("aaaa00000002")
	s.tr.golden("database")
}

// freePort returns a TCP port on 127.0.0.1 nothing listens on.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return port
}

// pwRole is a role that must log in with a password, on the test server.
const pwRole = "migrate_badinput_pw"

// passwordURL makes the test server ask pwRole for a password (a rule at the
// top of pg_hba.conf) and returns a URL for it with password pw. It skips
// when the server's pg_hba.conf cannot be edited from here (an external
// $MIGRATE_TEST_DATABASE_URL).
func passwordURL(t *testing.T, dbURL, pw string) string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.AdminURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var hba string
	if err := conn.QueryRow(ctx, "SHOW hba_file").Scan(&hba); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(hba)
	if err != nil {
		t.Skipf("cannot edit the server's pg_hba.conf: %v", err)
	}
	rules := fmt.Sprintf("local all %[1]s scram-sha-256\nhost all %[1]s 127.0.0.1/32 scram-sha-256\n", pwRole)
	if !strings.Contains(string(data), rules) {
		if err := os.WriteFile(hba, append([]byte(rules), data...), 0o600); err != nil {
			t.Skipf("cannot edit the server's pg_hba.conf: %v", err)
		}
	}
	if _, err := conn.Exec(ctx, "SELECT pg_reload_conf()"); err != nil {
		t.Fatal(err)
	}
	_, err = conn.Exec(ctx, fmt.Sprintf("CREATE ROLE %s LOGIN PASSWORD 'the-right-one'", pwRole))
	var pe *pgconn.PgError
	if err != nil && !(errors.As(err, &pe) && pe.Code == "42710") { // duplicate_object
		t.Fatal(err)
	}
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(pwRole, pw)
	// The reload is asynchronous: wait until the server asks for the
	// password.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		c, err := pgx.Connect(ctx, u.String())
		if err == nil {
			c.Close(ctx)
		}
		if errors.As(err, &pe) && pe.Code == "28P01" {
			return u.String()
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server does not ask %s for a password: %v", pwRole, err)
		}
	}
}

// TestBadInputUnreachable: a closed port, an unknown host, a wrong password
// and a missing database give one line naming the server and what to check,
// for every command that connects, and never the password.
func TestBadInputUnreachable(t *testing.T) {
	t.Parallel()
	dbURL := pgtest.NewDB(t)
	port := freePort(t)
	missing, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	missing.Path = "/no_such_database"
	missing.User = url.UserPassword("postgres", secret)
	servers := []struct {
		name, url, where string
		golden           bool
	}{
		{"closed port", fmt.Sprintf("postgres://app:%s@127.0.0.1:%d/app?connect_timeout=10", secret, port), "connection refused", true},
		{"closed port DSN", fmt.Sprintf("host=127.0.0.1 port=%d user=app password=%s dbname=app connect_timeout=10", port, secret), "connection refused", true},
		{"unknown host", "postgres://app:" + secret + "@nonexistent.invalid:5432/app?connect_timeout=10", "nonexistent.invalid", false},
		{"wrong password", passwordURL(t, dbURL, secret), "SQLSTATE 28P01", true},
		{"missing database", missing.String(), "SQLSTATE 3D000", true},
	}
	tr := &badTranscript{t: t}
	dir := t.TempDir()
	cfgWriteFile(t, filepath.Join(dir, "migrate.toml"), defaultToml+"[target]\nsql = [\"schema.sql\"]\n")
	cfgWriteFile(t, filepath.Join(dir, "schema.sql"), "CREATE TABLE a (id int);\n")
	for name, text := range graphFiles() {
		cfgWriteFile(t, filepath.Join(dir, name), text)
	}
	commands := [][]string{
		{"upgrade", "head"}, {"downgrade", "-1"}, {"stamp", "head"}, {"current"}, {"current", "--json"},
		{"history", "-i"}, {"upgrade", "--sql", "head"}, {"-v", "upgrade", "head"}, {"inspect"}, {"check"},
	}
	golden := &badTranscript{t: t}
	for _, srv := range servers {
		t.Run(srv.name, func(t *testing.T) {
			env := map[string]string{"DATABASE_URL": srv.url}
			for _, args := range commands {
				out := tr
				if srv.golden && args[0] == "upgrade" && len(args) == 2 {
					out = golden
				}
				r := out.runIn(context.Background(), srv.name, dir, env, args...)
				checkOneLine(t, r, 2, srv.where, secret)
				if !errorStdout(args, r.stdout, withoutDatabaseLine(t, r.stderr)) {
					t.Errorf("migrate %s: stdout %q", strings.Join(args, " "), r.stdout)
				}
			}
		})
	}
	if !t.Failed() {
		// The right password works: the failure above was the password's.
		ok, err := url.Parse(servers[3].url)
		if err != nil {
			t.Fatal(err)
		}
		ok.User = url.UserPassword(pwRole, "the-right-one")
		r := tr.runIn(context.Background(), "right password", dir, map[string]string{"DATABASE_URL": ok.String()}, "current")
		checkOneLine(t, r, 0, "")
	}
	pg, err := pgx.ParseConfig(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	golden.golden("unreachable",
		fmt.Sprintf("127.0.0.1:%d", port), "127.0.0.1:$PORT",
		fmt.Sprintf("socket %s/.s.PGSQL.%d", pg.Host, pg.Port), "socket $SOCKET",
		fmt.Sprintf("%s:%d", pg.Host, pg.Port), "$SOCKET",
		`"`+pg.Database+`"`, `"$DB"`)
}
