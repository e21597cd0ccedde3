package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/migrate-tool/migrate/cli"
	"github.com/migrate-tool/migrate/revision"
)

// The -update flag rewrites golden files; other test files of this binary
// may register it first.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func graphUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// graphProject is a project directory with migrate.toml and two versions
// directories, for the database-free graph commands.
type graphProject struct {
	t   *testing.T
	dir string
}

func newGraphProject(t *testing.T) *graphProject {
	t.Helper()
	p := &graphProject{t: t, dir: t.TempDir()}
	p.write("migrate.toml", "[versions]\ndirs = [\"versions\", \"more\"]\n")
	for _, d := range []string{"versions", "more"} {
		if err := os.MkdirAll(filepath.Join(p.dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func (p *graphProject) write(name, text string) {
	p.t.Helper()
	if err := os.WriteFile(filepath.Join(p.dir, name), []byte(text), 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// add writes r into versions dir d under its conventional name.
func (p *graphProject) add(d string, r *revision.Revision) {
	p.t.Helper()
	p.write(filepath.Join(d, revision.FileName(r)), string(revision.Format(r)))
}

func (p *graphProject) run(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	app := &cli.App{Stdout: &out, Stderr: &errb, WorkDir: p.dir, Getenv: func(string) string { return "" }}
	code = app.Run(context.Background(), args)
	return code, out.String(), errb.String()
}

func (p *graphProject) mustRun(args ...string) string {
	p.t.Helper()
	code, out, errs := p.run(args...)
	if code != 0 {
		p.t.Fatalf("migrate %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

func graphGolden(t *testing.T, name, dir, got string) {
	t.Helper()
	got = strings.ReplaceAll(got, dir, "$DIR")
	path := filepath.Join("testdata", "graph", name)
	if graphUpdate() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cli -run %s -update)", err, t.Name())
	}
	if string(want) != got {
		t.Errorf("%s differs (run go test ./cli -run %s -update to accept):\n--- want\n%s\n--- got\n%s", path, t.Name(), want, got)
	}
}

// sampleGraph writes a graph with a branch point, a merge, a second base
// with a label in another directory, a cross-branch dependency, a
// non-transactional revision and an irreversible downgrade.
func sampleGraph(p *graphProject) {
	t0 := time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)
	at := func(h int) time.Time { return t0.Add(time.Duration(h) * time.Hour) }
	sec := revision.NewSection
	p.add("versions", &revision.Revision{ID: "1a2b3c4d5e6f", Message: "create users", Created: at(0), Transactional: true,
		Upgrade:   sec("CREATE TABLE users (id bigint PRIMARY KEY);"),
		Downgrade: sec("DROP TABLE users;")})
	p.add("versions", &revision.Revision{ID: "2b3c4d5e6f70", Parents: []string{"1a2b3c4d5e6f"},
		Message: "add email to users\n\nBackfilled from the legacy table.", Created: at(1), Transactional: true,
		Upgrade:   sec("ALTER TABLE users ADD COLUMN email text;\nUPDATE users SET email = '';"),
		Downgrade: sec("ALTER TABLE users DROP COLUMN email;")})
	p.add("versions", &revision.Revision{ID: "3c4d5e6f7081", Parents: []string{"2b3c4d5e6f70"}, Message: "index email",
		Created: at(2), Transactional: false,
		Upgrade:   sec("CREATE INDEX CONCURRENTLY users_email ON users (email);"),
		Downgrade: sec("DROP INDEX CONCURRENTLY users_email;")})
	p.add("versions", &revision.Revision{ID: "4d5e6f708192", Parents: []string{"2b3c4d5e6f70"}, Message: "add avatar",
		Created: at(3), Transactional: true,
		Upgrade:   sec("ALTER TABLE users ADD COLUMN avatar text;"),
		Downgrade: sec("ALTER TABLE users DROP COLUMN avatar;")})
	p.add("versions", &revision.Revision{ID: "5e6f708192a3", Parents: []string{"3c4d5e6f7081", "4d5e6f708192"},
		Message: "merge index and avatar", Created: at(4), Transactional: true, Upgrade: sec(""), Downgrade: sec("")})
	p.add("versions", &revision.Revision{ID: "6f708192a3b4", Parents: []string{"5e6f708192a3"}, Message: "drop legacy table",
		Created: at(5), Transactional: true,
		Upgrade:   sec("DROP TABLE IF EXISTS legacy_users;"),
		Downgrade: &revision.Section{Text: "-- the rows cannot come back\n", Irreversible: true, Reason: "the legacy rows are gone"}})
	p.add("more", &revision.Revision{ID: "b111c222d333", BranchLabels: []string{"billing"}, Message: "billing schema",
		Created: at(6), Transactional: true,
		Upgrade: sec("CREATE SCHEMA billing;"), Downgrade: sec("DROP SCHEMA billing;")})
	p.add("more", &revision.Revision{ID: "b222c333d444", Parents: []string{"b111c222d333"}, DependsOn: []string{"2b3c4d5e6f70"},
		Message: "invoices reference users", Created: at(7), Transactional: true,
		Upgrade:   sec("CREATE TABLE billing.invoices (id bigint PRIMARY KEY, user_id bigint REFERENCES users);"),
		Downgrade: sec("DROP TABLE billing.invoices;")})
	p.write("versions/README", "revision files live here\n")
	p.write("versions/.gitkeep", "")
}

func TestGraphCommandsGolden(t *testing.T) {
	p := newGraphProject(t)
	sampleGraph(p)
	tests := []struct {
		golden string
		args   []string
	}{
		{"heads.txt", []string{"heads"}},
		{"heads_verbose.txt", []string{"heads", "--verbose"}},
		{"heads.json", []string{"heads", "--json"}},
		{"branches.txt", []string{"branches"}},
		{"branches_verbose.txt", []string{"branches", "-v"}},
		{"branches.json", []string{"branches", "--json"}},
		{"history.txt", []string{"history"}},
		{"history_verbose.txt", []string{"history", "--verbose"}},
		{"history_range.txt", []string{"history", "-r", "2b3c:5e6f"}},
		{"history_branch.txt", []string{"history", "-r", "billing@base:billing@head"}},
		{"history.json", []string{"history", "--json", "-r", "6f70-1:"}},
		{"show.txt", []string{"show", "6f708192a3b4"}},
		{"show_notx.txt", []string{"show", "3c4d"}},
		{"show.json", []string{"show", "--json", "billing@head"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			out := p.mustRun(tt.args...)
			if strings.HasSuffix(tt.golden, ".json") && !json.Valid([]byte(out)) {
				t.Errorf("invalid JSON:\n%s", out)
			}
			graphGolden(t, tt.golden, p.dir, out)
		})
	}
}

// TestGraphCommandErrors: each failure is exit 2 and one line on stderr.
func TestGraphCommandErrors(t *testing.T) {
	p := newGraphProject(t)
	sampleGraph(p)
	var transcript strings.Builder
	for _, args := range [][]string{
		{"show", "head"},
		{"show", "heads"},
		{"show", "1a2"},
		{"show", "zzzz"},
		{"show", "billing@base"},
		{"show", "1a2b3c4d5e6f-2"},
		{"show", "6f708192a3b4+1"},
		{"show", "5e6f-2"},
		{"show", "2b3c+1"},
		{"history", "-r", "1a2b"},
		{"history", "-r", "-1:"},
		{"history", "-r", "current:"},
		{"revision", "-m", "no head given"},
	} {
		code, out, errs := p.run(args...)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 {
			t.Errorf("migrate %s: exit %d, stdout %q, stderr %q; want exit 2 and one stderr line", strings.Join(args, " "), code, out, errs)
		}
		transcript.WriteString("$ migrate " + strings.Join(args, " ") + "\n" + errs)
	}
	graphGolden(t, "errors.txt", p.dir, transcript.String())
}

// TestGraphBrokenInput: broken files give one line naming file:line.
func TestGraphBrokenInput(t *testing.T) {
	base := "-- migrate:revision aaaa00000000\n-- migrate:upgrade\n-- migrate:downgrade\n"
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"cycle", map[string]string{
			"a.sql": "-- migrate:revision aaaa00000000\n-- migrate:parents bbbb00000000\n-- migrate:upgrade\n-- migrate:downgrade\n",
			"b.sql": "-- migrate:revision bbbb00000000\n-- migrate:parents aaaa00000000\n-- migrate:upgrade\n-- migrate:downgrade\n",
		}, "migrate: versions/a.sql:2: cycle in revision graph: aaaa00000000 -> bbbb00000000 -> aaaa00000000 (a revision cannot descend from itself)\n"},
		{"dangling parent", map[string]string{
			"a.sql": base,
			"b.sql": "-- migrate:revision bbbb00000000\n-- migrate:message x\n-- migrate:parents cccc00000000\n-- migrate:upgrade\n-- migrate:downgrade\n",
		}, "migrate: versions/b.sql:3: parent cccc00000000 of revision bbbb00000000 not found in any versions dir: restore its file, or fix the parents line\n"},
		{"duplicate id", map[string]string{"a.sql": base, "b.sql": base},
			"migrate: versions/b.sql:1: duplicate revision id aaaa00000000, also in versions/a.sql:1: give one of them a new id\n"},
		{"malformed header", map[string]string{"a.sql": "-- migrate:revision aaaa00000000\n-- migrate:created tomorrow\n-- migrate:upgrade\n-- migrate:downgrade\n"},
			"migrate: versions/a.sql:2: -- migrate:created \"tomorrow\": want an RFC 3339 time such as 2026-01-02T15:04:05Z\n"},
		{"not a revision", map[string]string{"a.sql": base, "seed.sql": "INSERT INTO t VALUES (1);\n"},
			"migrate: versions/seed.sql:1: unexpected text before -- migrate:upgrade: the header holds only -- migrate:<key> <value> lines and comments\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newGraphProject(t)
			for name, text := range tt.files {
				p.write(filepath.Join("versions", name), text)
			}
			for _, cmd := range [][]string{{"heads"}, {"history"}, {"branches", "--json"}, {"revision", "-m", "x"}} {
				code, out, errs := p.run(cmd...)
				if code != 2 || !errorStdout(cmd, out, errs) || errs != tt.want {
					t.Errorf("migrate %s: exit %d stdout %q stderr:\n got %q\nwant %q", strings.Join(cmd, " "), code, out, errs, tt.want)
				}
			}
		})
	}
}
