package autogen_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/revision"
)

var update = flag.Bool("update", false, "rewrite golden files")

// renderRevision lays a plan out as the revision file `migrate revision
// --autogenerate` writes, with a fixed id and date.
func renderRevision(message string, p *autogen.Plan) []byte {
	r := &revision.Revision{
		ID:            "0a1b2c3d4e5f",
		Message:       message,
		Created:       time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
		Transactional: p.Transactional(),
		Upgrade:       revision.NewSection(autogen.Render(p.Upgrade())),
		Downgrade:     revision.NewSection(autogen.Render(p.Downgrade())),
	}
	if len(p.Irreversible) > 0 {
		r.Downgrade = revision.NewSection(autogen.RenderIrreversible(p.Downgrade()))
		r.Downgrade.Irreversible = true
		r.Downgrade.Reason = strings.Join(p.Irreversible, "; ")
	}
	return revision.Format(r)
}

// checkGolden compares the revision rendered for a corpus case with
// testdata/golden/<case>.sql (rewritten with -update). The goldens are
// what a reviewer reads: statement order, hazard comments, layout.
func checkGolden(t *testing.T, name string, p *autogen.Plan) {
	t.Helper()
	got := renderRevision(name, p)
	path := filepath.Join("testdata", "golden", name+".sql")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file missing (run go test ./autogen -run TestCorpus -update): %v", err)
	}
	if string(want) != string(got) {
		t.Errorf("rendered revision differs from %s (rerun with -update if intended):\n%s", path, firstDiff(string(want), string(got)))
	}
	if _, err := revision.Parse(path, got); err != nil {
		t.Errorf("rendered revision does not parse: %v", err)
	}
}
