package lint_test

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/lint"
	"github.com/migrate-tool/migrate/revision"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// ruleCases are the revision files every rule has under
// testdata/rules/<rule>/, and what each must show for that rule.
var ruleCases = []struct {
	file  string
	fires bool
}{
	{"fires.sql", true},   // the rule fires
	{"safe.sql", false},   // the safe way to do the same thing
	{"nolint.sql", false}, // the firing statement, suppressed
}

// TestRuleGoldens lints each rule's cases and compares the findings with
// the .golden file beside them (rewritten with -update). missing-lock-timeout
// is judged as if migrate.toml set no lock_timeout; the other rules as if it
// did, so their goldens show only what they are about.
func TestRuleGoldens(t *testing.T) {
	for _, r := range lint.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			opts := lint.Options{LockTimeout: r.ID != lint.MissingLockTimeout}
			for _, c := range ruleCases {
				path := filepath.Join("testdata", "rules", r.ID, c.file)
				data, err := os.ReadFile(path)
				if os.IsNotExist(err) && c.file == "nolint.sql" && (r.ID == lint.Nolint || r.ID == lint.UnusedNolint) {
					continue // the rules about nolint lines have no nolint case
				}
				if err != nil {
					t.Fatalf("every rule needs %s: %v", path, err)
				}
				rev, err := revision.ParseTexts(path, data)
				if err != nil {
					t.Fatal(err)
				}
				got, err := lint.Revision(rev, opts)
				if err != nil {
					t.Fatal(err)
				}
				fired := slices.ContainsFunc(got, func(f lint.Finding) bool { return f.Rule == r.ID })
				if fired != c.fires {
					t.Errorf("%s: rule %s fired = %v, want %v:\n%s", path, r.ID, fired, c.fires, render(got))
				}
				checkGolden(t, strings.TrimSuffix(path, ".sql")+".golden", render(got))
			}
		})
	}
}

// render prints findings as `migrate lint` does, with the severity.
func render(fs []lint.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String() + " [" + string(f.Severity) + "]\n")
	}
	return b.String()
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./lint -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (rerun with -update if intended):\n--- want\n%s--- got\n%s", path, want, got)
	}
}
