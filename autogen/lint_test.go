package autogen_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/lint"
	"github.com/migrate-tool/migrate/revision"
	"github.com/migrate-tool/migrate/schema"
)

// TestCorpusGoldensLint lints every revision the corpus renders
// (testdata/golden, kept equal to the rendering by TestCorpus) as `migrate
// lint` would with lock_timeout configured: every finding must be
// acknowledged by a hazard comment naming its rule. Only the warnings about
// the declared schema's design (rules with no hazard kind, such as
// prefer-timestamptz) may remain: they describe the target, which
// autogenerate renders faithfully. No database is needed.
func TestCorpusGoldensLint(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "golden", "*.sql"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no golden revisions")
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rev, err := revision.ParseTexts(path, data)
		if err != nil {
			t.Fatal(err)
		}
		findings, err := lint.Revision(rev, lint.Options{LockTimeout: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range findings {
			r, _ := lint.Lookup(f.Rule)
			if r.Kind == "" && f.Severity == lint.SeverityWarning {
				continue
			}
			t.Errorf("%s\n  statement: %s", f, f.Statement)
		}
	}
}

// TestLintKindsAreHazardKinds keeps lint's copy of the hazard vocabulary
// equal to autogen's: a rule's hazard must render with a kind autogen
// defines.
func TestLintKindsAreHazardKinds(t *testing.T) {
	kinds := []autogen.HazardKind{autogen.HazardDataLoss, autogen.HazardTableRewrite, autogen.HazardAccessExclusive,
		autogen.HazardFullScan, autogen.HazardIndexBuild, autogen.HazardEnumValue, autogen.HazardUnsafeCast}
	for _, r := range lint.Rules() {
		for _, k := range append([]string{r.Kind}, r.Kinds...) {
			if k != "" && !slices.Contains(kinds, autogen.HazardKind(k)) {
				t.Errorf("rule %s: kind %q is not an autogen.HazardKind", r.ID, k)
			}
		}
	}
}

// TestAnnotate checks how rendering names rules: an existing hazard of an
// accepted kind takes the rule id, a rule with no such hazard gets one of
// its own, and statements on a table created earlier in the section are
// left alone.
func TestAnnotate(t *testing.T) {
	stmts := []autogen.Statement{
		{SQL: "CREATE TABLE public.t (id bigint)"},
		{SQL: "CREATE INDEX t_id_idx ON public.t (id)"},
		{SQL: "ALTER TABLE public.users DROP COLUMN bio", Hazards: []autogen.Hazard{
			{Kind: autogen.HazardDataLoss, Message: "dropping column public.users.bio deletes its data"}}},
		{SQL: "ALTER TABLE public.users RENAME COLUMN name TO full_name"},
		{SQL: "ALTER TABLE public.users ALTER COLUMN email SET NOT NULL", Hazards: []autogen.Hazard{
			{Kind: autogen.HazardFullScan, Message: "SET NOT NULL scans every row"}}},
	}
	got := autogen.Render(stmts)
	want := `CREATE TABLE public.t (id bigint);

CREATE INDEX t_id_idx ON public.t (id);

-- hazard data-loss (drop-column): dropping column public.users.bio deletes its data
ALTER TABLE public.users DROP COLUMN bio;

-- hazard access-exclusive-lock (rename-column): renaming column public.users.name to full_name breaks queries that still use the old name
ALTER TABLE public.users RENAME COLUMN name TO full_name;

-- hazard full-scan (set-not-null): SET NOT NULL scans every row
ALTER TABLE public.users ALTER COLUMN email SET NOT NULL;
`
	if got != want {
		t.Errorf("Render:\n%s\nwant:\n%s", got, want)
	}
	if stmts[2].Hazards[0].Rule != "" {
		t.Error("Annotate changed its input")
	}
	// What Render writes, lint accepts.
	findings, err := lint.Section("s.sql", 1, got, true, lint.Options{LockTimeout: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		t.Errorf("rendered section draws %s", f)
	}
	if !strings.Contains(got, "(rename-column)") {
		t.Error("no hazard added for the rename")
	}
}

// BenchmarkRenderCreate2000 renders the create-from-empty revision of a
// 2,000-table schema: what Annotate's parse of the rendered section adds to
// `revision --autogenerate` on a large first revision. Compare with
// BenchmarkCreateFromEmpty2000, which plans the same statements.
func BenchmarkRenderCreate2000(b *testing.B) {
	p, err := autogen.Diff(&schema.Schema{}, syntheticSchema(2000), autogen.Options{})
	if err != nil {
		b.Fatal(err)
	}
	up := p.Upgrade()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = autogen.Render(up)
	}
}
