package target

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/introspect"
	"github.com/migrate-tool/migrate/schema"
)

// corpusEdit is an old -> new pair of the autogen or conformance corpus,
// read as two versions of a SQL target.
type corpusEdit struct {
	name     string
	old, new string
}

func corpusEdits(t *testing.T) []corpusEdit {
	t.Helper()
	var out []corpusEdit
	for _, root := range []string{"../autogen/testdata/cases", "../conformance/testdata/cases"} {
		dirs, err := os.ReadDir(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range dirs {
			old, err1 := os.ReadFile(filepath.Join(root, d.Name(), "old.sql"))
			nw, err2 := os.ReadFile(filepath.Join(root, d.Name(), "new.sql"))
			if err1 == nil && err2 == nil {
				out = append(out, corpusEdit{strings.Split(root, "/")[1] + "/" + d.Name(), string(old), string(nw)})
			}
		}
	}
	return out
}

// corpusSelected says whether case i of the corpus runs: all of them
// with MIGRATE_CORPUS=all, else every twelfth (a deterministic subset
// that keeps go test ./... within its budget: CI under 15 minutes).
func corpusSelected(i int) bool {
	return os.Getenv("MIGRATE_CORPUS") == "all" || i%12 == 0
}

// loadLog captures Load's progress lines.
type loadLog struct {
	mu    sync.Mutex
	lines []string
}

func (l *loadLog) logf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func (l *loadLog) incremental() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, s := range l.lines {
		if strings.Contains(s, "materialized incrementally") {
			return true
		}
	}
	return false
}

func (l *loadLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

func schemaJSON(t *testing.T, s *schema.Schema) string {
	t.Helper()
	b, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// incrementalCase loads from then to as the declaration of one project
// (from's materialization is the state to build on) and checks that the
// result equals a full rebuild of to. It reports whether the incremental
// path was taken, and false for ok when from or to does not materialize.
func incrementalCase(t *testing.T, ctx context.Context, server string, from, to func(dir string) Options, cfg func(dir string) *config.Config) (used, ok bool) {
	t.Helper()
	dir := t.TempDir()
	c := cfg(dir)
	t.Cleanup(func() { _ = dropDatabase(context.Background(), server, keptName(c)) })
	if _, err := Load(ctx, c, from(dir)); err != nil {
		return false, false
	}
	log := &loadLog{}
	o := to(dir)
	o.Logf = log.logf
	got, err := Load(ctx, cfg(dir), o)
	o2 := to(dir)
	o2.NoCache = true
	want, werr := Load(ctx, cfg(dir), o2)
	if werr != nil {
		if err == nil {
			t.Errorf("the incremental path succeeded where a rebuild fails: %v\n%s", werr, log)
		}
		return log.incremental(), false
	}
	if err != nil {
		t.Errorf("load failed where a rebuild succeeds: %v\n%s", err, log)
		return false, false
	}
	if g, w := schemaJSON(t, got), schemaJSON(t, want); g != w {
		t.Errorf("incremental result differs from a rebuild (%s):\n%s", log, firstDiff(g, w))
	}
	return log.incremental(), true
}

// firstDiff shows where two texts part.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			lo := max(0, i-8)
			return fmt.Sprintf("incremental:\n%s\nrebuild:\n%s", strings.Join(la[lo:min(len(la), i+8)], "\n"), strings.Join(lb[lo:min(len(lb), i+8)], "\n"))
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}

// TestIncrementalCorpus is the property incremental(old -> new) ==
// materialize(new) over the corpus, both ways (old -> new and new -> old),
// for SQL targets (the files edited) and Go declarations (the declared
// schema edited): whichever path Load takes, the target is byte for byte
// the one a rebuild gives.
func TestIncrementalCorpus(t *testing.T) {
	edits := corpusEdits(t)
	if len(edits) < 300 {
		t.Fatalf("found %d corpus cases, expected the whole corpus", len(edits))
	}
	server := pgtest.NewDB(t)
	var runs, fast atomic.Int64
	t.Cleanup(func() {
		t.Logf("%d edits checked, %d took the incremental path", runs.Load(), fast.Load())
	})
	for i, e := range edits {
		if !corpusSelected(i) {
			continue
		}
		t.Run(e.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			io := introspect.Options{Schemas: schemasDeclared(t, e.old+";\n"+e.new)}
			sqlCfg := func(dir string) *config.Config {
				c := &config.Config{Dir: dir}
				c.Target.SQL = []string{"schema.sql"}
				return c
			}
			sqlOpts := func(text string) func(string) Options {
				return func(dir string) Options {
					if err := os.WriteFile(filepath.Join(dir, "schema.sql"), []byte(text), 0o644); err != nil {
						t.Fatal(err)
					}
					return Options{ServerURL: server, Introspect: io}
				}
			}
			for _, dirn := range []struct{ from, to string }{{e.old, e.new}, {e.new, e.old}} {
				used, ok := incrementalCase(t, ctx, server, sqlOpts(dirn.from), sqlOpts(dirn.to), sqlCfg)
				if ok {
					runs.Add(1)
					if used {
						fast.Add(1)
					}
				}
			}
			// Go declarations: the materialized schemas of both sides,
			// declared.
			decls := map[string]*schema.Schema{}
			for _, text := range []string{e.old, e.new} {
				dir := t.TempDir()
				if err := os.WriteFile(filepath.Join(dir, "schema.sql"), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				s, err := Load(ctx, sqlCfg(dir), Options{ServerURL: server, Introspect: io, NoCache: true})
				if err != nil {
					return
				}
				decls[text] = s
			}
			goCfg := func(dir string) *config.Config { return &config.Config{Dir: dir} }
			goOpts := func(s *schema.Schema) func(string) Options {
				return func(string) Options {
					return Options{ServerURL: server, Introspect: io, Declared: func() (*schema.Schema, error) {
						b, _ := json.Marshal(s)
						var c schema.Schema
						return &c, json.Unmarshal(b, &c)
					}}
				}
			}
			for _, dirn := range [][2]*schema.Schema{{decls[e.old], decls[e.new]}, {decls[e.new], decls[e.old]}} {
				used, ok := incrementalCase(t, ctx, server, goOpts(dirn[0]), goOpts(dirn[1]), goCfg)
				if ok {
					runs.Add(1)
					if used {
						fast.Add(1)
					}
				}
			}
		})
	}
}

// schemasDeclared lists public and the schemas sql creates.
func schemasDeclared(t *testing.T, sql string) []string {
	t.Helper()
	out := []string{"public"}
	stmts, err := sqlparse.Split(sql)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stmts {
		if !strings.HasPrefix(strings.ToUpper(s.SQL), "CREATE SCHEMA") {
			continue
		}
		d, err := sqlparse.AnalyzeDeclaration(s.SQL)
		if err == nil && len(d.Targets) == 1 && !slices.Contains(out, d.Targets[0]) {
			out = append(out, d.Targets[0])
		}
	}
	return out
}
