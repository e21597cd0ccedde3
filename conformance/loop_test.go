package conformance_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/migrate-tool/migrate/internal/pgtest"
)

// loopCase is one old/new schema pair replayed through the CLI.
type loopCase struct {
	name     string // <corpus>/<dir name>
	dir      string
	old, new string
	// flags are extra arguments of the second `revision --autogenerate`
	// (the corpus's flags file: --rename, --concurrent-indexes, ...).
	flags []string
	// noop: old and new spell the same schema; nothing must be generated.
	noop bool
	// noDowngrade: the downgrade cannot work on PostgreSQL (the corpus's
	// expect file says no-downgrade); only the upgrade half is checked.
	noDowngrade bool
	// skip is the reason from skip.txt: a known, documented failure.
	skip string
	// dataSkip is the reason from data-skip.txt: a known failure of the
	// data-carrying loop (TestLoopData), skipped unless
	// MIGRATE_CONFORMANCE=all.
	dataSkip string
}

// caseSources are the directories of cases: the autogenerate corpus and
// this package's application-shaped cases.
var caseSources = []struct{ label, dir string }{
	{"corpus", "../autogen/testdata/cases"},
	{"app", "testdata/cases"},
}

func loadCases(t *testing.T) []loopCase {
	t.Helper()
	var out []loopCase
	for _, src := range caseSources {
		ents, err := os.ReadDir(src.dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			if !e.IsDir() {
				continue
			}
			dir := filepath.Join(src.dir, e.Name())
			c := loopCase{name: src.label + "/" + e.Name(), dir: dir, noop: strings.HasPrefix(e.Name(), "noop_")}
			c.old = readCaseFile(t, dir, "old.sql", true)
			c.new = readCaseFile(t, dir, "new.sql", true)
			c.flags = strings.Fields(readCaseFile(t, dir, "flags", false))
			c.noDowngrade = strings.Contains(readCaseFile(t, dir, "expect", false), "no-downgrade")
			c.skip = strings.TrimSpace(readCaseFile(t, dir, "skip.txt", false))
			c.dataSkip = strings.TrimSpace(readCaseFile(t, dir, "data-skip.txt", false))
			out = append(out, c)
		}
	}
	return out
}

func readCaseFile(t *testing.T, dir, name string, required bool) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		if !required && os.IsNotExist(err) {
			return ""
		}
		t.Fatal(err)
	}
	return string(b)
}

// selected reports whether a case runs; i counts the cases of its group
// (its source, noop or not) in name order. MIGRATE_CONFORMANCE=all runs
// every case; a comma-separated list of name prefixes (corpus/enum_,
// app/saas_, or just enum_) runs the matching cases; unset runs a
// deterministic subset that keeps this package near three minutes on two
// cores: every fifth noop case, every fifteenth other corpus case and every
// sixth application case (the autogen package replays every corpus case
// in-process; this loop adds the CLI around them).
func selected(c loopCase, i int) bool {
	switch sel := os.Getenv("MIGRATE_CONFORMANCE"); sel {
	case "all":
		return true
	case "":
		switch {
		case c.noop:
			return i%5 == 0
		case strings.HasPrefix(c.name, "app/"):
			return i%6 == 0
		}
		return i%15 == 0
	default:
		for _, p := range strings.Split(sel, ",") {
			if p = strings.TrimSpace(p); p != "" && (strings.HasPrefix(c.name, p) || strings.HasPrefix(c.name, "corpus/"+p) || strings.HasPrefix(c.name, "app/"+p)) {
				return true
			}
		}
		return false
	}
}

// kindOf groups a case for the summary: corpus/enum_add_value -> corpus/enum,
// app/saas_03_... -> app/saas.
func kindOf(name string) string {
	src, rest, _ := strings.Cut(name, "/")
	k, _, _ := strings.Cut(rest, "_")
	return src + "/" + k
}

// TestLoop replays every selected case through the CLI:
//
//	a. old.sql as the target: revision --autogenerate, upgrade head, check;
//	   the live catalog equals old.sql applied directly;
//	b. new.sql as the target: revision --autogenerate, upgrade head, check;
//	   the live catalog equals new.sql applied directly;
//	c. downgrade -1 gives old's catalog back, upgrade head works again,
//	   downgrade base leaves an empty database.
func TestLoop(t *testing.T) {
	cases := loadCases(t)
	var (
		mu                   sync.Mutex
		ran, passed, skipped int
		failed               []string
		kindRan, kindPassed  = map[string]int{}, map[string]int{}
	)
	t.Cleanup(func() {
		slices.Sort(failed)
		kinds := make([]string, 0, len(kindRan))
		for k := range kindRan {
			kinds = append(kinds, k)
		}
		slices.Sort(kinds)
		var sb strings.Builder
		for _, k := range kinds {
			fmt.Fprintf(&sb, "  %-18s %3d/%d\n", k, kindPassed[k], kindRan[k])
		}
		t.Logf("conformance: %d/%d selected cases pass, %d skipped (skip.txt); failing: %s\n%s",
			passed, ran, skipped, strings.Join(failed, " "), sb.String())
	})
	counters := map[string]int{}
	for _, c := range cases {
		group := fmt.Sprintf("%s noop=%v", strings.SplitN(c.name, "/", 2)[0], c.noop)
		i := counters[group]
		counters[group]++
		if !selected(c, i) {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			if c.skip != "" {
				mu.Lock()
				skipped++
				mu.Unlock()
				t.Skipf("skip.txt: %s", c.skip)
			}
			t.Parallel()
			kind := kindOf(c.name)
			mu.Lock()
			ran++
			kindRan[kind]++
			mu.Unlock()
			t.Cleanup(func() {
				mu.Lock()
				defer mu.Unlock()
				if t.Failed() {
					failed = append(failed, c.name)
				} else {
					passed++
					kindPassed[kind]++
				}
			})
			runLoop(t, c)
		})
	}
}

// embeddedCases are replayed with database.url = "embedded" too: the
// private cluster is where the scratch database, the roles of grants and
// the migrated database all live.
var embeddedCases = []string{"app/saas_35_full_app_from_empty"}

// TestLoopEmbedded replays a few cases on the embedded cluster, as a
// project without a database server does.
func TestLoopEmbedded(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a private cluster")
	}
	for _, c := range loadCases(t) {
		if !slices.Contains(embeddedCases, c.name) {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			ensureRoles(t) // for the directly applied comparison databases
			replay(t, c, newProject(t, "embedded"))
		})
	}
}

func runLoop(t *testing.T, c loopCase) {
	ensureRoles(t)
	replay(t, c, newProject(t, pgtest.NewDB(t)))
}

// replay runs the loop of c in project p, whose database is empty.
func replay(t *testing.T, c loopCase, p *project) {
	empty := pristine(t)

	// a. the old schema, from nothing.
	p.write("schema.sql", c.old)
	r := p.must(0, "revision", "--autogenerate", "-m", "old")
	oldRevs := p.revisions()
	switch {
	case !hasStatements(t, c.old):
		if !strings.Contains(r.stdout, "No changes detected") || len(oldRevs) != 0 {
			t.Fatalf("empty old.sql: want \"No changes detected\" and no file, got %d files\n%s", len(oldRevs), r)
		}
	case len(oldRevs) != 1:
		t.Fatalf("old: want one revision file, got %v\n%s", oldRevs, r)
	}
	p.must(0, "upgrade", "head")
	p.must(0, "check")
	oldCat := canonical(t, p.inspect())
	wantOld := empty
	if hasStatements(t, c.old) {
		wantOld = directCatalog(t, c.old)
	}
	if want := wantOld; oldCat != want {
		t.Fatalf("after upgrading to old, the catalog differs from old.sql applied directly:\n%s\nrevision:\n%s", firstDiff(want, oldCat), revisionText(p, nil))
	}

	// b. the new schema, from the old one.
	p.write("schema.sql", c.new)
	r = p.must(0, append([]string{"revision", "--autogenerate", "-m", "new"}, c.flags...)...)
	newRev, wrote := p.newRevision(oldRevs)
	if c.noop {
		if wrote || !strings.Contains(r.stdout, "No changes detected") {
			t.Fatalf("noop case: want \"No changes detected\" and no file, got:\n%s\n%s", r, newRev)
		}
	} else if !wrote {
		t.Fatalf("new: no revision written (the case changes nothing the tool sees?)\n%s", r)
	}
	if r := p.run("upgrade", "head"); r.code != 0 {
		t.Fatalf("upgrade to new failed: %s\nrevision:\n%s", r, newRev)
	}
	if r := p.run("check"); r.code != 0 {
		t.Fatalf("check after upgrading to new: %s\nrevision:\n%s", r, newRev)
	}
	newCat := canonical(t, p.inspect())
	want := directCatalog(t, c.new)
	if newCat != want {
		t.Fatalf("after upgrading to new, the catalog differs from new.sql applied directly:\n%s\nrevision:\n%s", firstDiff(want, newCat), newRev)
	}
	if c.noDowngrade {
		return
	}

	// c. back, forward again, and down to nothing.
	if wrote {
		if r := p.run("downgrade", "-1"); r.code != 0 {
			t.Fatalf("downgrade -1 failed: %s\nrevision:\n%s", r, newRev)
		}
		if got := canonical(t, p.inspect()); got != oldCat {
			t.Fatalf("after downgrade -1 the catalog differs from old's:\n%s\nrevision:\n%s", firstDiff(oldCat, got), newRev)
		}
		if r := p.run("upgrade", "head"); r.code != 0 {
			t.Fatalf("upgrade head after downgrade -1 failed: %s\nrevision:\n%s", r, newRev)
		}
		if got := canonical(t, p.inspect()); got != want {
			t.Fatalf("after upgrading again the catalog differs from new.sql's:\n%s\nrevision:\n%s", firstDiff(want, got), newRev)
		}
		p.must(0, "check")
	}
	if r := p.run("downgrade", "base"); r.code != 0 {
		t.Fatalf("downgrade base failed: %s\nold revision:\n%s\nnew revision:\n%s", r, revisionText(p, nil), newRev)
	}
	if got := canonical(t, p.inspect()); got != empty {
		t.Fatalf("after downgrade base the database is not empty:\n%s", firstDiff(empty, got))
	}
}

// revisionText is the first revision file that is not in skip.
func revisionText(p *project, skip []string) string {
	s, _ := p.newRevision(skip)
	return s
}

// directCatalog applies script to a fresh database and returns its
// canonical catalog as migrate inspect prints it.
func directCatalog(t *testing.T, script string) string {
	t.Helper()
	url := pgtest.NewDB(t)
	applyDirect(t, url, script)
	return canonical(t, newProject(t, url).inspect())
}

var (
	pristineOnce sync.Once
	pristineCat  string
)

// pristine is the canonical catalog of a fresh database.
func pristine(t *testing.T) string {
	t.Helper()
	pristineOnce.Do(func() {
		pristineCat = canonical(t, newProject(t, pgtest.NewDB(t)).inspect())
	})
	if pristineCat == "" {
		t.Fatal("could not read the catalog of an empty database")
	}
	return pristineCat
}
