package cli_test

// What a newcomer and a CI job trip over (issue 17), one test per item,
// each with its transcript under testdata/newcomer (-update rewrites them).

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/internal/pgtest"
)

// sqlTargetToml reads the database from $DATABASE_URL and the target from
// schema/*.sql.
const sqlTargetToml = "[versions]\ndirs = [\"versions\"]\n[target]\nsql = [\"schema/*.sql\"]\n"

// TestNewcomerPsql: migrate psql opens psql on the configured database,
// with the -x env= overlay applied, and passes arguments after --.
func TestNewcomerPsql(t *testing.T) {
	t.Parallel()
	p := newRunProject(t, pgtest.NewDB(t))
	other := pgtest.NewDB(t)
	p.env["OTHER_URL"] = other
	p.write("migrate.toml", "[versions]\ndirs = [\"versions\"]\n[env.other]\ndatabase.url = \"${OTHER_URL}\"\n")
	p.linear(1)
	p.mustRun(0, "upgrade", "head")
	p.mustRun(0, "psql", "--", "-X", "-At", "-c", "SELECT count(*) FROM migrate_version")
	p.mustRun(0, "-x", "env=other", "psql", "--", "-X", "-At", "-c", "SELECT count(*) FROM pg_tables WHERE tablename = 'migrate_version'")
	// psql's exit status is migrate's.
	p.mustRun(1, "psql", "--", "-X", "-c", "SELECT no_such_column FROM migrate_version")
	p.mustRun(2, "psql", "-c", "SELECT 1")
	p.mustRun(2, "psql", "SELECT")
	p.goldenAt("newcomer", "psql")
}

// TestNewcomerPsqlPassword: the password reaches psql through its
// environment, never its command line (a stand-in psql records both).
func TestNewcomerPsqlPassword(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	record := filepath.Join(dir, "record")
	fake := filepath.Join(dir, "psql")
	script := "#!/bin/sh\nprintf 'args:%s\\n' \"$*\" > " + record + "\nprintf 'PGPASSWORD=%s\\n' \"$PGPASSWORD\" >> " + record + "\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, url, wantArg string }{
		{"url", "postgres://app:s3cr%2Ft-pw@db.invalid:5432/app?sslmode=disable&password=other-pw",
			"--dbname=postgres://app@db.invalid:5432/app?sslmode=disable -c SELECT 1"},
		{"dsn", "host=db.invalid user=app password='s3cr/t-pw' dbname='my app'",
			"--dbname=host=db.invalid user=app dbname='my app' -c SELECT 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newRunProject(t, tc.url)
			p.env["MIGRATE_PSQL"] = fake
			out := p.mustRun(0, "psql", "--", "-c", "SELECT 1")
			if strings.Contains(out, "s3cr") {
				t.Errorf("the output shows the password: %s", out)
			}
			got, err := os.ReadFile(record)
			if err != nil {
				t.Fatal(err)
			}
			want := "args:" + tc.wantArg + "\nPGPASSWORD=s3cr/t-pw\n"
			if string(got) != want {
				t.Errorf("psql got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// TestNewcomerDatabaseLine: a command that touches the database names it
// on stderr, password removed, with where the setting came from; one that
// does not (history, an offline script) prints no such line.
func TestNewcomerDatabaseLine(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		t.Fatal(err)
	}
	p := newRunProject(t, url)
	p.linear(1)
	p.mustRun(0, "current")
	p.mustRun(0, "history")
	p.mustRun(0, "upgrade", "--sql", "base:head")
	p.goldenAt("newcomer", "database_line")
	// A password in the URL never shows (the server trusts the socket, so
	// the password is not even checked).
	withPassword := strings.Replace(url, "postgres://"+cfg.User+"@", "postgres://"+cfg.User+":hunter2-secret@", 1)
	p.write("migrate.toml", "[database]\nurl = \"${PROD_URL}\"\n[versions]\ndirs = [\"versions\"]\n")
	p.env["PROD_URL"] = withPassword
	out := p.mustRun(0, "current")
	if strings.Contains(out, "hunter2") || !strings.Contains(out, ":xxxxx@") {
		t.Errorf("the database line does not hide the password: %s", out)
	}
	if !strings.Contains(out, "(database.url from migrate.toml:2)") {
		t.Errorf("the database line does not say where the URL came from: %s", out)
	}
}

// TestNewcomerInitComment: init's migrate.toml says that url = "embedded"
// wins over $DATABASE_URL, and how to prefer the variable; that
// alternative loads and picks $DATABASE_URL.
func TestNewcomerInitComment(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if r := cfgRun(t, dir, nil, "init"); r.code != 0 {
		t.Fatalf("init: %s", r.stderr)
	}
	toml, err := os.ReadFile(filepath.Join(dir, "migrate.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`wins over $DATABASE_URL`, `url = "${DATABASE_URL:-embedded}"`, `names it on stderr`} {
		if !strings.Contains(string(toml), want) {
			t.Errorf("migrate.toml lacks %q", want)
		}
	}
	env := map[string]string{"DATABASE_URL": "postgres://app@db.invalid/app"}
	r := cfgRun(t, dir, env, "config")
	if !strings.Contains(r.stdout, `database.url                  = "embedded"`) {
		t.Errorf("as written, url = \"embedded\" should win over $DATABASE_URL:\n%s", r.stdout)
	}
	alt := strings.Replace(string(toml), "\nurl = \"embedded\"\n", "\nurl = \"${DATABASE_URL:-embedded}\"\n", 1)
	cfgWriteFile(t, filepath.Join(dir, "migrate.toml"), alt)
	r = cfgRun(t, dir, env, "config")
	if r.code != 0 || !strings.Contains(r.stdout, `database.url                  = "postgres://app@db.invalid/app"`) {
		t.Errorf("the alternative does not pick $DATABASE_URL: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestNewcomerConcurrentIndexes: --concurrent-indexes keeps the other
// changes in one transaction and writes the CONCURRENTLY statements as
// revisions of their own, before (drops) and after (builds); upgrade,
// check and downgrade work through all of them, rows included.
func TestNewcomerConcurrentIndexes(t *testing.T) {
	t.Parallel()
	p, url := newSQLTargetProject(t, `CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, nickname text);
CREATE INDEX users_nickname_idx ON users (nickname);
`)
	p.mustRun(0, "revision", "--autogenerate", "-m", "users", "--rev-id", "aaaaaaaaaaaa")
	p.mustRun(0, "upgrade", "head")
	execSQL(t, url, "INSERT INTO users SELECT g, 'u' || g || '@example.com', 'n' || g FROM generate_series(1, 500) g")
	p.write("schema/01.sql", `CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, display_name text);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_display_name_idx ON users (display_name);
COMMENT ON INDEX users_display_name_idx IS 'for the search page';
`)
	p.mustRun(0, "plan", "--concurrent-indexes")
	p.mustRun(0, "plan", "--concurrent-indexes", "--downgrade")
	p.mustRun(0, "revision", "--autogenerate", "--verify", "--concurrent-indexes", "-m", "display names", "--rev-id", "bbbbbbbbbbbb")
	files, err := filepath.Glob(filepath.Join(p.dir, "versions", "*.sql"))
	if err != nil || len(files) != 4 {
		t.Fatalf("want 4 revision files, got %v (%v)", files, err)
	}
	for _, f := range files {
		if strings.HasPrefix(filepath.Base(f), "aaaa") {
			continue
		}
		text := p.read(filepath.Join("versions", filepath.Base(f)))
		notx := strings.Contains(text, "-- migrate:transaction false")
		conc := strings.Contains(text, "CONCURRENTLY")
		if notx != conc {
			t.Errorf("%s: transaction false = %v but CONCURRENTLY = %v:\n%s", filepath.Base(f), notx, conc, text)
		}
	}
	p.log.WriteString(p.read(filepath.Join("versions", "bbbbbbbbbbbb_display_names.sql")) + "\n")
	p.mustRun(0, "upgrade", "head")
	p.mustRun(0, "check")
	if n := queryInt(t, url, "SELECT count(*) FROM users WHERE email LIKE 'u%@example.com'"); n != 500 {
		t.Errorf("after upgrade: %d rows, want 500", n)
	}
	p.mustRun(0, "downgrade", "aaaaaaaaaaaa")
	if n := queryInt(t, url, "SELECT count(*) FROM users WHERE nickname IS NULL"); n != 500 {
		t.Errorf("after downgrade: %d rows with the re-added nickname column, want 500", n)
	}
	p.mustRun(0, "upgrade", "head")
	p.goldenAt("newcomer", "concurrent_indexes")
}

// TestNewcomerHints: hints that lead somewhere. Several heads: upgrade
// heads or merge heads. A deleted applied file: check exits 2 with the
// stamp hint, like upgrade. upgrade -1 points at downgrade. history -r
// current: mentions -i. A password that breaks the URL: percent-encode.
func TestNewcomerHints(t *testing.T) {
	t.Parallel()
	p, _ := newSQLTargetProject(t, "CREATE TABLE a (id int);\n")
	p.revision("aaaa00000001", "", "create a", "CREATE TABLE a (id int);", "DROP TABLE a;")
	p.revision("bbbb00000002", "aaaa00000001", "branch one", "SELECT 1;", "SELECT 1;")
	p.revision("cccc00000003", "aaaa00000001", "branch two", "SELECT 2;", "SELECT 2;")
	p.mustRun(0, "upgrade", "aaaa00000001")
	p.mustRun(1, "check")
	p.mustRun(2, "revision", "--autogenerate", "-m", "more")
	p.mustRun(2, "upgrade", "head")
	p.mustRun(0, "upgrade", "heads")
	p.mustRun(0, "merge", "heads", "-m", "join", "--rev-id", "dddd00000004")
	p.mustRun(0, "upgrade", "head")
	p.mustRun(0, "check")
	if err := os.Remove(filepath.Join(p.dir, "versions", "dddd00000004_join.sql")); err != nil {
		t.Fatal(err)
	}
	p.mustRun(2, "check")
	p.mustRun(2, "check", "--json")
	p.mustRun(2, "upgrade", "head")
	p.mustRun(2, "upgrade", "-1")
	p.mustRun(2, "history", "-r", "current:")
	p.mustRun(2, "history", "-r", "-1:")
	p.env["DATABASE_URL"] = "postgres://app:pa/ss@db.invalid:5432/app"
	p.mustRun(2, "current")
	p.goldenAt("newcomer", "hints")
}

// TestNewcomerJSONErrors: every --json command answers a failure with a
// JSON error object on stdout as well as the line on stderr.
func TestNewcomerJSONErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfgWriteFile(t, filepath.Join(dir, "migrate.toml"), "[versions]\ndirs = [\"versions\"]\n[target]\nsql = [\"schema.sql\"]\n")
	cfgWriteFile(t, filepath.Join(dir, "versions/a.sql"), "-- migrate:revision aaaa00000001\n-- migrate:parents ffff00000000\n-- migrate:upgrade\n-- migrate:downgrade\n")
	env := map[string]string{"DATABASE_URL": "postgres://app@db.invalid/app"}
	for _, args := range [][]string{
		{"current", "--json"}, {"heads", "--json"}, {"branches", "--json"}, {"history", "--json"},
		{"show", "head", "--json"}, {"check", "--json"}, {"inspect", "--json", "--no-such-flag"},
		{"config", "--json", "-x", "env=nope"},
	} {
		r := cfgRun(t, dir, env, args...)
		if r.code != 2 || !errorStdout(args, r.stdout, r.stderr) {
			t.Errorf("migrate %s: exit %d, stdout %q, stderr %q; want exit 2 and the JSON error object", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
	}
}

// TestNewcomerSmallOnes: revision --autogenerate needs -m like revision;
// branches says when there are none; a drop and an add of the same shape
// suggest the --rename that keeps the data.
func TestNewcomerSmallOnes(t *testing.T) {
	t.Parallel()
	p, _ := newSQLTargetProject(t, "CREATE TABLE customers (id int PRIMARY KEY, name text, born date);\n")
	p.mustRun(2, "revision", "--autogenerate")
	p.mustRun(0, "branches")
	p.mustRun(0, "revision", "--autogenerate", "-m", "customers", "--rev-id", "aaaaaaaaaaaa")
	p.mustRun(0, "branches")
	p.mustRun(0, "upgrade", "head")
	p.write("schema/01.sql", "CREATE TABLE clients (id int PRIMARY KEY, name text, born date);\n")
	p.mustRun(0, "plan")
	p.write("schema/01.sql", "CREATE TABLE customers (id int PRIMARY KEY, full_name text, born date);\n")
	p.mustRun(0, "revision", "--autogenerate", "-m", "full name", "--rev-id", "bbbbbbbbbbbb")
	p.goldenAt("newcomer", "small_ones")
}

// newSQLTargetProject is a project on a new database whose target is
// schema/01.sql, holding schemaSQL.
func newSQLTargetProject(t *testing.T, schemaSQL string) (*runProject, string) {
	t.Helper()
	url := pgtest.NewDB(t)
	p := newRunProject(t, url)
	p.write("migrate.toml", sqlTargetToml)
	p.write("schema/01.sql", schemaSQL)
	return p, url
}

func queryInt(t *testing.T, url, sql string) int {
	t.Helper()
	conn, err := pgx.Connect(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(t.Context())
	var n int
	if err := conn.QueryRow(t.Context(), sql).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// TestNotManaged: nothing declared is silently dropped. Objects of kinds
// migrate does not model are listed as "not managed" by check, plan and
// revision --autogenerate (stderr, and check --json), and a schema outside
// [target] schemas is named, until schemas = ["*"] compares it. Operators
// are compared like any other object.
func TestNotManaged(t *testing.T) {
	t.Parallel()
	p, _ := newSQLTargetProject(t, `CREATE TABLE points (id int PRIMARY KEY, x int NOT NULL, y int NOT NULL, label text);
ALTER TABLE points ALTER COLUMN label SET STORAGE EXTERNAL;
ALTER TABLE points ALTER COLUMN x SET STATISTICS 500;
ALTER TABLE points REPLICA IDENTITY FULL;
CREATE STATISTICS points_xy ON x, y FROM points;
CREATE RULE points_no_delete AS ON DELETE TO points DO INSTEAD NOTHING;
CREATE FUNCTION below(a int, b int) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT a < b $$;
CREATE OPERATOR public.~<< (FUNCTION = below, LEFTARG = integer, RIGHTARG = integer);
CREATE AGGREGATE total(integer) (SFUNC = int4pl, STYPE = integer);
CREATE TYPE floatrange AS RANGE (SUBTYPE = float8);
CREATE DOMAIN email AS text;
CREATE CAST (text AS email) WITH INOUT;
CREATE TEXT SEARCH CONFIGURATION plain (COPY = pg_catalog.simple);
CREATE SCHEMA audit;
CREATE TABLE audit.log (id bigint, note text);
CREATE VIEW audit.recent AS SELECT id FROM audit.log;
`)
	p.mustRun(1, "check")
	p.mustRun(0, "plan")
	p.mustRun(0, "revision", "--autogenerate", "-m", "points", "--rev-id", "aaaaaaaaaaaa")
	p.mustRun(0, "upgrade", "head")
	p.mustRun(0, "check")
	p.mustRun(0, "check", "--json")
	// With every schema compared, audit is no longer left out.
	p.write("migrate.toml", "[versions]\ndirs = [\"versions\"]\n[target]\nsql = [\"schema/*.sql\"]\nschemas = [\"*\"]\n")
	p.mustRun(1, "check")
	p.mustRun(0, "revision", "--autogenerate", "-m", "audit", "--rev-id", "bbbbbbbbbbbb")
	p.mustRun(0, "upgrade", "head")
	p.mustRun(0, "check")
	// Excluding the schema is a choice, not something to warn about.
	p.write("migrate.toml", "[versions]\ndirs = [\"versions\"]\n[target]\nsql = [\"schema/*.sql\"]\nschemas = [\"public\"]\nexclude = [\"audit.*\"]\n")
	p.mustRun(0, "check")
	p.goldenAt("newcomer", "not_managed")
}

// errorStdout reports whether stdout is what a failed command prints: the
// JSON error object repeating stderr's line for a --json command, nothing
// otherwise.
func errorStdout(args []string, stdout, stderr string) bool {
	if !slices.Contains(args, "--json") {
		return stdout == ""
	}
	var got struct {
		Error struct {
			Message  string `json:"message"`
			ExitCode int    `json:"exit_code"`
		} `json:"error"`
	}
	return json.Unmarshal([]byte(stdout), &got) == nil &&
		"migrate: "+got.Error.Message+"\n" == stderr && got.Error.ExitCode == 2
}
