package cli_test

// The bad-input contract of the command line, checked case by case: a
// broken revision file, graph, configuration, target or database gets exit 2
// (1 only for check's drift), exactly one line on stderr that starts with
// "migrate: ", names the place (file:line, revision, key) and says what to
// do, never a password, and changes nothing. The messages are kept in
// testdata/badinput/*.txt (go test ./cli -run BadInput -update rewrites them).

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/cli"
)

// badCase is one invocation expected to fail (or, with code 0, to work
// despite something missing) without side effects.
type badCase struct {
	name  string
	toml  string            // migrate.toml; the default versions-only file when empty
	files map[string]string // more files, relative to the project
	env   map[string]string // the whole environment
	args  []string
	code  int
	// where must appear in the message: the file:line, revision or key
	// the problem is at.
	where string
	// writes is true for cases allowed to change the project (none of
	// the failing ones).
	writes bool
}

// defaultToml reads revisions from versions/ and no database.
const defaultToml = "[versions]\ndirs = [\"versions\"]\n"

// revText is a revision file; parents is space-separated ("" for a base).
func revText(id, parents, message, up, down string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "-- migrate:revision %s\n", id)
	if parents != "" {
		fmt.Fprintf(&b, "-- migrate:parents %s\n", parents)
	}
	fmt.Fprintf(&b, "-- migrate:message %s\n-- migrate:created 2026-01-02T03:04:05Z\n\n", message)
	fmt.Fprintf(&b, "-- migrate:upgrade\n%s\n\n-- migrate:downgrade\n%s\n", up, down)
	return b.String()
}

// badTranscript collects the runs of one test for its golden file.
type badTranscript struct {
	t   *testing.T
	buf bytes.Buffer
}

// badResult is one in-process run.
type badResult struct {
	code           int
	stdout, stderr string
}

// runIn runs migrate in dir with env as the whole environment and records
// the run (stdout only when it is short) in the transcript.
func (tr *badTranscript) runIn(ctx context.Context, name, dir string, env map[string]string, args ...string) badResult {
	var stdout, stderr bytes.Buffer
	app := &cli.App{Stdout: &stdout, Stderr: &stderr, WorkDir: dir, Getenv: func(k string) string { return env[k] }}
	code := app.Run(ctx, args)
	r := badResult{code: code, stdout: stdout.String(), stderr: stderr.String()}
	fmt.Fprintf(&tr.buf, "# %s\n$ migrate %s\n", name, strings.Join(args, " "))
	for _, line := range strings.SplitAfter(scrubEnv(r.stderr, env), "\n") {
		if line != "" {
			fmt.Fprintf(&tr.buf, "stderr: %s", strings.ReplaceAll(line, dir, "$DIR"))
		}
	}
	fmt.Fprintf(&tr.buf, "[exit %d]\n\n", code)
	return r
}

// withoutDatabaseLine returns stderr without the line naming the database
// a command touches, which comes first when there is one.
func withoutDatabaseLine(t *testing.T, stderr string) string {
	t.Helper()
	first, rest, _ := strings.Cut(stderr, "\n")
	if !strings.HasPrefix(first, "Database: ") {
		if strings.Contains(stderr, "Database: ") {
			t.Errorf("the database line is not the first line of stderr: %q", stderr)
		}
		return stderr
	}
	if strings.Contains(rest, "Database: ") {
		t.Errorf("the database line shows twice: %q", stderr)
	}
	return rest
}

// checkOneLine asserts the error contract on r: the exit code, one line on
// stderr starting with "migrate: " that contains where, and none of the
// secrets anywhere in the output.
func checkOneLine(t *testing.T, r badResult, code int, where string, secrets ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, code, r.stdout, r.stderr)
	}
	for _, s := range secrets {
		if s != "" && strings.Contains(r.stdout+r.stderr, s) {
			t.Errorf("the output shows the secret %q:\n%s%s", s, r.stdout, r.stderr)
		}
	}
	r.stderr = withoutDatabaseLine(t, r.stderr)
	if code == 0 {
		if r.stderr != "" {
			t.Errorf("stderr of a successful run: %q", r.stderr)
		}
		return
	}
	if strings.Count(r.stderr, "\n") != 1 || !strings.HasSuffix(r.stderr, "\n") {
		t.Errorf("stderr is not exactly one line: %q", r.stderr)
	}
	if !strings.HasPrefix(r.stderr, "migrate: ") {
		t.Errorf("stderr does not start with \"migrate: \": %q", r.stderr)
	}
	if where != "" && !strings.Contains(r.stderr, where) {
		t.Errorf("stderr does not name %q: %q", where, r.stderr)
	}
	// Go runtime and driver wording that means nothing to a user.
	for _, leak := range []string{"context canceled", "context deadline exceeded", "EOF", "panic", "goroutine", "%!",
		"failed to connect to `", "tls error", "\t", "migrate: migrate: "} {
		if strings.Contains(r.stderr, leak) {
			t.Errorf("stderr leaks %q: %q", leak, r.stderr)
		}
	}
}

var goldenTimes = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)`)

// golden compares the transcript with testdata/badinput/<name>.txt after
// replacing the parts that change from run to run with placeholders.
func (tr *badTranscript) golden(name string, replace ...string) {
	tr.t.Helper()
	got := goldenTimes.ReplaceAllString(tr.buf.String(), "<time>")
	got = strings.NewReplacer(replace...).Replace(got)
	path := filepath.Join("testdata", "badinput", name+".txt")
	if cfgUpdate() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tr.t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tr.t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tr.t.Fatalf("%v (run go test ./cli -run %s -update)", err, tr.t.Name())
	}
	if string(want) != got {
		tr.t.Errorf("%s differs from the output (run go test ./cli -run %s -update to accept):\n--- want\n%s\n--- got\n%s", path, tr.t.Name(), want, got)
	}
}

// snapshot maps every file under dir to its content, to prove a failing
// command changed nothing.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			files[rel+"/"] = ""
			return nil
		}
		data, err := os.ReadFile(path)
		files[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func diffSnapshots(before, after map[string]string) []string {
	var diffs []string
	for k, v := range before {
		if w, ok := after[k]; !ok {
			diffs = append(diffs, "removed "+k)
		} else if w != v {
			diffs = append(diffs, "changed "+k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			diffs = append(diffs, "added "+k)
		}
	}
	sort.Strings(diffs)
	return diffs
}

// runCases runs each case in a fresh project directory and checks the
// contract and that the project is unchanged.
func runCases(t *testing.T, tr *badTranscript, cases []badCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			toml := tc.toml
			if toml == "" {
				toml = defaultToml
			}
			cfgWriteFile(t, filepath.Join(dir, "migrate.toml"), toml)
			for name, text := range tc.files {
				if strings.HasSuffix(name, "/") {
					if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
						t.Fatal(err)
					}
					continue
				}
				cfgWriteFile(t, filepath.Join(dir, name), text)
			}
			before := snapshot(t, dir)
			r := tr.runIn(context.Background(), tc.name, dir, tc.env, tc.args...)
			checkOneLine(t, r, tc.code, tc.where, secretsIn(tc)...)
			if !tc.writes {
				if d := diffSnapshots(before, snapshot(t, dir)); len(d) > 0 {
					t.Errorf("a failing command changed the project: %s", strings.Join(d, ", "))
				}
			}
		})
	}
}

// secret is the password the cases put into URLs; it must never be printed.
const secret = "Pa55w0rdSecret"

func secretsIn(tc badCase) []string {
	var all []string
	text := tc.toml + strings.Join(tc.args, " ")
	for _, v := range tc.env {
		text += v
	}
	if strings.Contains(text, secret) {
		all = append(all, secret)
	}
	return all
}

// graphFiles is a linear graph a -> b -> c whose first two ids share the
// prefix aaaa.
func graphFiles() map[string]string {
	return map[string]string{
		"versions/a.sql": revText("aaaa00000001", "", "create a", "CREATE TABLE a (id int);", "DROP TABLE a;"),
		"versions/b.sql": revText("aaaa00000002", "aaaa00000001", "create b", "CREATE TABLE b (id int);", "DROP TABLE b;"),
		"versions/c.sql": revText("cccc00000003", "aaaa00000002", "create c", "CREATE TABLE c (id int);", "DROP TABLE c;"),
	}
}

// with returns graphFiles plus the given files.
func with(kv ...string) map[string]string {
	files := graphFiles()
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			delete(files, kv[i])
			continue
		}
		files[kv[i]] = kv[i+1]
	}
	return files
}

// TestBadInputRevisionFiles: broken revision files and graphs, reported
// with file:line by every command that reads them, without a database.
func TestBadInputRevisionFiles(t *testing.T) {
	t.Parallel()
	tr := &badTranscript{t: t}
	cyclic := revText("aaaa00000001", "cccc00000003", "create a", "CREATE TABLE a (id int);", "DROP TABLE a;")
	runCases(t, tr, []badCase{
		{name: "unknown header key", files: with("versions/d.sql", "-- migrate:revision dddd00000004\n-- migrate:parents cccc00000003\n-- migrate:mesage typo\n\n-- migrate:upgrade\n\n-- migrate:downgrade\n"),
			args: []string{"heads"}, code: 2, where: "versions/d.sql:3"},
		{name: "no revision line", files: with("versions/d.sql", "-- migrate:message lost\n\n-- migrate:upgrade\nSELECT 1;\n\n-- migrate:downgrade\n"),
			args: []string{"history"}, code: 2, where: "versions/d.sql"},
		{name: "bad revision id", files: with("versions/d.sql", revText("not-hex!", "cccc00000003", "bad id", "", "")),
			args: []string{"heads"}, code: 2, where: "versions/d.sql:1"},
		{name: "duplicate id", files: with("versions/d.sql", revText("aaaa00000002", "aaaa00000001", "again", "", "")),
			args: []string{"heads"}, code: 2, where: "aaaa00000002"},
		{name: "dangling parent", files: with("versions/d.sql", revText("dddd00000004", "ffff00000000", "orphan", "", "")),
			args: []string{"history"}, code: 2, where: "versions/d.sql:2"},
		{name: "dangling parent on upgrade --sql", files: with("versions/d.sql", revText("dddd00000004", "ffff00000000", "orphan", "", "")),
			args: []string{"upgrade", "--sql", "base:head"}, code: 2, where: "versions/d.sql:2"},
		{name: "dangling depends-on", files: with("versions/d.sql", "-- migrate:revision dddd00000004\n-- migrate:parents cccc00000003\n-- migrate:depends-on ffff00000000\n\n-- migrate:upgrade\n\n-- migrate:downgrade\n"),
			args: []string{"heads"}, code: 2, where: "versions/d.sql:3"},
		{name: "cycle", files: with("versions/a.sql", cyclic),
			args: []string{"heads"}, code: 2, where: "cycle"},
		{name: "cycle on show", files: with("versions/a.sql", cyclic),
			args: []string{"show", "cccc00000003"}, code: 2, where: "cycle"},
		{name: "parent is itself", files: with("versions/d.sql", revText("dddd00000004", "dddd00000004", "self", "", "")),
			args: []string{"branches"}, code: 2, where: "versions/d.sql"},
		{name: "SQL syntax error in upgrade", files: with("versions/d.sql", revText("dddd00000004", "cccc00000003", "typo", "CREATE TABLE d (id int);\nCREAT TABLE e (id int);", "DROP TABLE d;")),
			args: []string{"upgrade", "--sql", "base:head"}, code: 2, where: "versions/d.sql:8:1"},
		{name: "SQL syntax error on show", files: with("versions/d.sql", revText("dddd00000004", "cccc00000003", "typo", "CREATE TABLE d (id int);\nCREAT TABLE e (id int);", "DROP TABLE d;")),
			args: []string{"show", "head"}, code: 2, where: "versions/d.sql:8:1"},
		{name: "SQL syntax error in downgrade", files: with("versions/d.sql", revText("dddd00000004", "cccc00000003", "typo", "CREATE TABLE d (id int);", "DROP TABLE d\n  WHERE x;")),
			args: []string{"downgrade", "--sql", "head:base"}, code: 2, where: "versions/d.sql:11"},
		{name: "unterminated string", files: with("versions/d.sql", revText("dddd00000004", "cccc00000003", "quote", "INSERT INTO c VALUES ('x);", "")),
			args: []string{"upgrade", "--sql", "base:head"}, code: 2, where: "versions/d.sql:7"},
		{name: "no downgrade section", files: with("versions/d.sql", "-- migrate:revision dddd00000004\n-- migrate:parents cccc00000003\n\n-- migrate:upgrade\nCREATE TABLE d (id int);\n"),
			args: []string{"upgrade", "--sql", "base:head"}, code: 2, where: "versions/d.sql"},
		{name: "irreversible downgrade", files: with("versions/d.sql", "-- migrate:revision dddd00000004\n-- migrate:parents cccc00000003\n\n-- migrate:upgrade\nDROP TABLE a;\n\n-- migrate:irreversible the rows are gone\n"),
			args: []string{"downgrade", "--sql", "head:base"}, code: 2, where: "versions/d.sql:7"},
		{name: "missing versions directory", files: map[string]string{},
			args: []string{"heads"}, code: 2, where: "versions"},
		{name: "missing versions directory on upgrade --sql", files: map[string]string{},
			args: []string{"upgrade", "--sql", "base:head"}, code: 2, where: "versions directory versions"},
	})
	tr.golden("revision_files")
}

// TestBadInputTargets: revision specifications that name nothing, several
// things, or a step past the end of the graph; invalid offline ranges.
func TestBadInputTargets(t *testing.T) {
	t.Parallel()
	tr := &badTranscript{t: t}
	g := graphFiles()
	runCases(t, tr, []badCase{
		{name: "unknown revision", files: g, args: []string{"show", "ffff"}, code: 2, where: `"ffff"`},
		{name: "unknown full id", files: g, args: []string{"upgrade", "--sql", "base:ffff00000000"}, code: 2, where: "ffff00000000"},
		{name: "ambiguous prefix", files: g, args: []string{"show", "aaaa"}, code: 2, where: "aaaa00000001, aaaa00000002"},
		{name: "too short prefix", files: g, args: []string{"show", "aa"}, code: 2, where: `"aa"`},
		{name: "past head", files: g, args: []string{"show", "head+1"}, code: 2, where: `"head+1"`},
		{name: "past base", files: g, args: []string{"show", "head-5"}, code: 2, where: `"head-5"`},
		{name: "upgrade past head offline", files: g, args: []string{"upgrade", "--sql", "aaaa00000002:+5"}, code: 2, where: `"+5"`},
		{name: "downgrade past base offline", files: g, args: []string{"downgrade", "--sql", "head:-5"}, code: 2, where: `"-5"`},
		{name: "upgrade range that goes down", files: g, args: []string{"upgrade", "--sql", "head:base"}, code: 2, where: "head:base"},
		{name: "upgrade range to an ancestor", files: g, args: []string{"upgrade", "--sql", "cccc00000003:aaaa00000001"}, code: 2, where: "cccc00000003:aaaa00000001"},
		{name: "downgrade range that goes up", files: g, args: []string{"downgrade", "--sql", "base:head"}, code: 2, where: `"head"`},
		{name: "range without start", files: g, args: []string{"upgrade", "--sql", ":head"}, code: 2, where: ":head"},
		{name: "range without end", files: g, args: []string{"downgrade", "--sql", "head:"}, code: 2, where: "head:"},
		{name: "unknown range start", files: g, args: []string{"upgrade", "--sql", "ffff:head"}, code: 2, where: `"ffff"`},
		{name: "range without --sql", files: g, args: []string{"upgrade", "base:head"}, code: 2, where: "--sql"},
		{name: "stamp range without --sql", files: g, args: []string{"stamp", "base:head"}, code: 2, where: "--sql"},
		{name: "stamp range with more revisions", files: g, args: []string{"stamp", "--sql", "base:head", "aaaa00000001"}, code: 2, where: "base:head"},
		{name: "stamp unknown offline", files: g, args: []string{"stamp", "--sql", "base:ffff00000000"}, code: 2, where: "ffff00000000"},
		{name: "positive downgrade", files: g, args: []string{"downgrade", "--sql", "base:+1"}, code: 2, where: `"+1"`},
		{name: "history range", files: g, args: []string{"history", "-r", "a:b:c"}, code: 2, where: "a:b:c"},
		{name: "history unknown bound", files: g, args: []string{"history", "-r", "ffff:"}, code: 2, where: `"ffff"`},
		{name: "revision without message", files: g, args: []string{"revision"}, code: 2, where: "-m"},
		{name: "revision with blank message", files: g, args: []string{"revision", "-m", "  "}, code: 2, where: "-m"},
		{name: "revision bad id", files: g, args: []string{"revision", "-m", "x", "--rev-id", "BAD-ID"}, code: 2, where: "--rev-id"},
		{name: "revision existing id", files: g, args: []string{"revision", "-m", "x", "--rev-id", "aaaa00000001"}, code: 2, where: "versions/a.sql"},
		{name: "revision unknown head", files: g, args: []string{"revision", "-m", "x", "--head", "ffff"}, code: 2, where: `"ffff"`},
		{name: "revision on a non-head", files: g, args: []string{"revision", "-m", "x", "--head", "aaaa00000001"}, code: 2, where: "--splice"},
		{name: "revision unknown dependency", files: g, args: []string{"revision", "-m", "x", "--depends-on", "ffff"}, code: 2, where: "--depends-on"},
		{name: "revision unknown version path", files: g, args: []string{"revision", "-m", "x", "--version-path", "elsewhere"}, code: 2, where: "elsewhere"},
		{name: "revision bad branch label", files: g, args: []string{"revision", "-m", "x", "--branch-label", "bad label"}, code: 2, where: "--branch-label"},
		{name: "autogenerate flag without --autogenerate", files: g, args: []string{"revision", "-m", "x", "--verify"}, code: 2, where: "--verify"},
		{name: "rename without --autogenerate", files: g, args: []string{"revision", "-m", "x", "--rename", "a=b"}, code: 2, where: "--rename"},
		{name: "merge one revision", files: g, args: []string{"merge", "cccc00000003"}, code: 2, where: "cccc00000003"},
		{name: "merge unknown", files: g, args: []string{"merge", "ffff", "heads"}, code: 2, where: `"ffff"`},
	})
	tr.golden("targets")
}

// TestBadInputUsage: wrong arguments and flags say what the command takes.
func TestBadInputUsage(t *testing.T) {
	t.Parallel()
	tr := &badTranscript{t: t}
	g := graphFiles()
	runCases(t, tr, []badCase{
		{name: "upgrade without target", files: g, args: []string{"upgrade"}, code: 2, where: "usage: migrate upgrade TARGET"},
		{name: "downgrade with two targets", files: g, args: []string{"downgrade", "-1", "-2"}, code: 2, where: "usage: migrate downgrade TARGET"},
		{name: "stamp without revision", files: g, args: []string{"stamp"}, code: 2, where: "usage: migrate stamp REV..."},
		{name: "show two revisions", files: g, args: []string{"show", "head", "base"}, code: 2, where: "usage: migrate show REV"},
		{name: "heads with an argument", files: g, args: []string{"heads", "extra"}, code: 2, where: `"extra"`},
		{name: "init with two dirs", files: g, args: []string{"init", "a", "b"}, code: 2, where: "usage: migrate init"},
		{name: "unknown command", files: g, args: []string{"upgrad", "head"}, code: 2, where: `"upgrad"`},
		{name: "unknown flag", files: g, args: []string{"heads", "--nope"}, code: 2, where: "--nope"},
		{name: "unknown flag on stamp", files: g, args: []string{"stamp", "--nope", "head"}, code: 2, where: "--nope"},
		{name: "flag without value", files: g, args: []string{"history", "-r"}, code: 2, where: "-r"},
		{name: "bad transaction mode", files: g, args: []string{"upgrade", "--sql", "base:head", "--transaction", "some"}, code: 2, where: "--transaction"},
		{name: "exclusive flags", files: g, args: []string{"inspect", "--json", "--sql"}, code: 2, where: "--json and --sql"},
		{name: "help on an unknown command", files: g, args: []string{"help", "nope"}, code: 2, where: `"nope"`},
		{name: "completion for an unknown shell", files: g, args: []string{"completion", "nosh"}, code: 2, where: `"nosh"`},
		{name: "bad -x", files: g, args: []string{"-x", "novalue", "heads"}, code: 2, where: "novalue"},
	})
	tr.golden("usage")
}

// TestBadInputConfig: migrate.toml problems name file:line and the key.
func TestBadInputConfig(t *testing.T) {
	t.Parallel()
	tr := &badTranscript{t: t}
	g := graphFiles()
	closed := "postgres://app:" + secret + "@127.0.0.1:1/app?connect_timeout=5"
	runCases(t, tr, []badCase{
		{name: "unknown key", toml: "[versions]\ndirs = [\"versions\"]\nfolders = [\"x\"]\n", files: g, args: []string{"heads"}, code: 2, where: "migrate.toml:3"},
		{name: "unknown table", toml: "[version]\ndirs = [\"versions\"]\n", files: g, args: []string{"heads"}, code: 2, where: "migrate.toml:1"},
		{name: "wrong type", toml: "[database]\nurl = 5\n", files: g, args: []string{"heads"}, code: 2, where: "migrate.toml:2"},
		{name: "string for a list", toml: "[versions]\ndirs = \"versions\"\n", files: g, args: []string{"heads"}, code: 2, where: "migrate.toml:2"},
		{name: "bad duration", toml: defaultToml + "[env.prod]\nlock_timeout = \"3 sec\"\n", files: g, args: []string{"-x", "env=prod", "heads"}, code: 2, where: "migrate.toml:4"},
		{name: "invalid TOML", toml: "[versions\ndirs = [\"versions\"]\n", files: g, args: []string{"heads"}, code: 2, where: "migrate.toml:1"},
		{name: "unknown env", toml: defaultToml + "[env.prod]\n", files: g, args: []string{"-x", "env=staging", "heads"}, code: 2, where: "env.staging"},
		{name: "missing config file", files: g, args: []string{"-c", "other.toml", "heads"}, code: 2, where: "other.toml"},
		{name: "missing $MIGRATE_CONFIG", files: g, env: map[string]string{"MIGRATE_CONFIG": "gone.toml"}, args: []string{"heads"}, code: 2, where: "gone.toml"},
		{name: "unset variable in dirs", toml: "[versions]\ndirs = [\"${VDIR}\"]\n", files: g, args: []string{"heads"}, code: 2, where: "migrate.toml:2"},
		{name: "unset variable in url: config", toml: "[database]\nurl = \"${PROD_URL}\"\n" + defaultToml, files: g, args: []string{"config"}, code: 2, where: "migrate.toml:2"},
		{name: "unset variable in url: upgrade", toml: "[database]\nurl = \"${PROD_URL}\"\n" + defaultToml, files: g, args: []string{"upgrade", "head"}, code: 2, where: "migrate.toml:2"},
		// The variable is unset but a database is not needed.
		{name: "unset variable in url: heads", toml: "[database]\nurl = \"${PROD_URL}\"\n" + defaultToml, files: g, args: []string{"heads"}, code: 0},
		{name: "unset variable in url: offline script", toml: "[database]\nurl = \"${PROD_URL}\"\n" + defaultToml, files: g, args: []string{"upgrade", "--sql", "base:head"}, code: 0},
		// An unset database.url must not fall back to $DATABASE_URL: that
		// would be another database.
		{name: "unset variable does not fall back", toml: "[database]\nurl = \"${PROD_URL}\"\n" + defaultToml, files: g,
			env: map[string]string{"DATABASE_URL": closed}, args: []string{"current"}, code: 2, where: "PROD_URL"},
		{name: "not a URL", toml: "[database]\nurl = \"localhost\"\n" + defaultToml, files: g, args: []string{"current"}, code: 2, where: "migrate.toml:2"},
		{name: "broken URL with password", toml: "[database]\nurl = \"postgres://app:" + secret + "@[::1/app\"\n" + defaultToml, files: g, args: []string{"current"}, code: 2, where: "migrate.toml:2"},
		{name: "bad sslmode with password", files: g, env: map[string]string{"DATABASE_URL": "postgres://app:" + secret + "@127.0.0.1:1/app?sslmode=bogus"},
			args: []string{"upgrade", "head"}, code: 2, where: "sslmode"},
		{name: "no database", files: g, args: []string{"current"}, code: 2, where: "database.url"},
	})
	tr.golden("config")
}
