package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/revision"
)

// readRev parses the file a revision or merge command printed.
func (p *graphProject) readRev(printed string) *revision.Revision {
	p.t.Helper()
	path := strings.TrimSpace(printed)
	if strings.Contains(path, "\n") {
		p.t.Fatalf("printed more than one line: %q", printed)
	}
	data, err := os.ReadFile(filepath.Join(p.dir, path))
	if err != nil {
		p.t.Fatal(err)
	}
	r, err := revision.Parse(path, data)
	if err != nil {
		p.t.Fatal(err)
	}
	if want := revision.FileName(r); filepath.Base(path) != want {
		p.t.Errorf("file %s, want name %s", path, want)
	}
	return r
}

func (p *graphProject) wantError(want string, args ...string) {
	p.t.Helper()
	code, out, errs := p.run(args...)
	if code != 2 || out != "" || !strings.HasPrefix(errs, "migrate: "+want) || strings.Count(errs, "\n") != 1 {
		p.t.Errorf("migrate %s: exit %d stdout %q stderr %q; want exit 2 and %q", strings.Join(args, " "), code, out, errs, want)
	}
}

func TestRevisionCommand(t *testing.T) {
	p := &graphProject{t: t, dir: t.TempDir()}
	p.write("migrate.toml", "[versions]\ndirs = [\"versions\", \"more\"]\n")

	// The first revision creates the versions directory and is a base.
	first := p.readRev(p.mustRun("revision", "-m", "Create users!"))
	if len(first.Parents) != 0 || first.Message != "Create users!" || len(first.ID) != 12 || first.Created.IsZero() {
		t.Fatalf("first revision: %+v", first)
	}
	if first.Upgrade.Text != "\n" || first.Downgrade.Text != "\n" || !first.Transactional {
		t.Errorf("first revision sections: %q %q", first.Upgrade.Text, first.Downgrade.Text)
	}
	second := p.readRev(p.mustRun("revision", "-m", "custom id", "--rev-id", "0002_custom"))
	if second.ID != "0002_custom" || strings.Join(second.Parents, ",") != first.ID {
		t.Fatalf("second revision: %+v", second)
	}
	p.wantError(`--rev-id: revision id "a-b" has character '-'`, "revision", "-m", "x", "--rev-id", "a-b")
	p.wantError("--rev-id 0002_custom: revision already exists (versions/0002_custom_custom_id.sql)", "revision", "-m", "x", "--rev-id", "0002_custom")

	// A new branch in the second directory.
	billing := p.readRev(p.mustRun("revision", "-m", "billing", "--head", "base", "--branch-label", "billing", "--version-path", "more"))
	if len(billing.Parents) != 0 || strings.Join(billing.BranchLabels, ",") != "billing" {
		t.Fatalf("billing: %+v", billing)
	}
	code, _, errs := p.run("revision", "-m", "x")
	if code != 2 || !strings.Contains(errs, "there are 2 heads (") || !strings.Contains(errs, billing.ID) || !strings.Contains(errs, "choose one with --head") {
		t.Errorf("several heads without --head: exit %d %q", code, errs)
	}
	p.wantError("--branch-label billing: already declared by "+billing.ID, "revision", "-m", "x", "--head", "base", "--branch-label", "billing")
	p.wantError(`--branch-label: branch label "9x" must start with a letter or _`, "revision", "-m", "x", "--head", "base", "--branch-label", "9x")
	p.wantError("--version-path elsewhere is not a configured versions directory (configured: versions, more)", "revision", "-m", "x", "--head", "base", "--version-path", "elsewhere")

	// Building on a branch head keeps the branch's directory; depends-on
	// resolves prefixes to full ids.
	out := p.mustRun("revision", "-m", "invoices", "--head", "billing@head", "--depends-on", first.ID[:6])
	if !strings.HasPrefix(out, "more/") {
		t.Errorf("invoices written to %s, want the billing directory", out)
	}
	invoices := p.readRev(out)
	if strings.Join(invoices.Parents, ",") != billing.ID || strings.Join(invoices.DependsOn, ",") != first.ID {
		t.Fatalf("invoices: %+v", invoices)
	}

	// A revision that is not a head needs --splice.
	p.wantError("revision "+first.ID+" is not a head (its children: 0002_custom): pass --splice", "revision", "-m", "x", "--head", first.ID)
	spliced := p.readRev(p.mustRun("revision", "-m", "hotfix", "--head", first.ID, "--splice"))
	if strings.Join(spliced.Parents, ",") != first.ID {
		t.Fatalf("spliced: %+v", spliced)
	}

	// merge heads joins all three heads into one.
	p.wantError("a merge needs at least two revisions, got 0002_custom", "merge", "0002_custom")
	merge := p.readRev(p.mustRun("merge", "heads"))
	if len(merge.Parents) != 3 || !strings.HasPrefix(merge.Message, "merge ") {
		t.Fatalf("merge: %+v", merge)
	}
	if heads := p.mustRun("heads"); !strings.HasPrefix(heads, merge.ID+" (billing) (head) (mergepoint), merge ") || strings.Count(heads, "\n") != 1 {
		t.Errorf("heads after merge:\n%s", heads)
	}
	next := p.readRev(p.mustRun("revision", "-m", "after merge"))
	if strings.Join(next.Parents, ",") != merge.ID {
		t.Errorf("after merge: parents %v", next.Parents)
	}
	p.wantError(first.ID+" is an ancestor of "+next.ID, "merge", "-m", "bad", first.ID, next.ID)
	named := p.readRev(p.mustRun("merge", "-m", "join", "--rev-id", "joined", p.mustRunID("revision", "-m", "side", "--head", "base"), next.ID))
	if named.ID != "joined" || named.Message != "join" {
		t.Errorf("named merge: %+v", named)
	}
}

// mustRunID runs a command that prints a revision path and returns the id.
func (p *graphProject) mustRunID(args ...string) string {
	p.t.Helper()
	return p.readRev(p.mustRun(args...)).ID
}
