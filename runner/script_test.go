package runner

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/migrate-tool/migrate/revision"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run with -update to accept):\n%s", path, got)
	}
}

func scriptRevisions(t *testing.T) []*revision.Revision {
	r1 := rev(t, "r1", nil, "CREATE TABLE users (\n    id bigint PRIMARY KEY,\n    name text -- the display name\n);", "DROP TABLE users;", true)
	r2 := rev(t, "r2", []string{"r1"}, "INSERT INTO users VALUES (1, 'O''Brien\\n');", "DELETE FROM users WHERE id = 1;", true)
	r3 := rev(t, "r3", []string{"r2"}, "CREATE INDEX CONCURRENTLY users_name ON users (name);", "DROP INDEX CONCURRENTLY users_name;", false)
	return []*revision.Revision{r1, r2, r3}
}

func TestWriteScript(t *testing.T) {
	revs := scriptRevisions(t)
	var buf bytes.Buffer
	o := ScriptOptions{LockTimeout: 3 * time.Second, StatementTimeout: time.Minute, ToolVersion: "migrate test"}
	if err := WriteScript(&buf, upPlan(revs...), o); err != nil {
		t.Fatal(err)
	}
	golden(t, "upgrade.sql", buf.Bytes())

	buf.Reset()
	if err := WriteScript(&buf, downPlan(revs...), o); err != nil {
		t.Fatal(err)
	}
	golden(t, "downgrade.sql", buf.Bytes())

	buf.Reset()
	o.Mode = All
	o.Tables = Tables{Schema: "ops", Version: "versions"}
	if err := WriteScript(&buf, upPlan(revs[:2]...), o); err != nil {
		t.Fatal(err)
	}
	golden(t, "upgrade_all.sql", buf.Bytes())

	if err := WriteScript(&buf, upPlan(revs...), o); err == nil {
		t.Error("transaction false revision accepted under --transaction=all")
	}

	buf.Reset()
	if err := WriteStampScript(&buf, graph(t, revs...), []string{"r1"}, []string{"r2"}, ScriptOptions{ToolVersion: "migrate test"}); err != nil {
		t.Fatal(err)
	}
	golden(t, "stamp.sql", buf.Bytes())
}

func TestQuoteLiteral(t *testing.T) {
	for in, want := range map[string]string{
		"abc":   "'abc'",
		"it's":  "'it''s'",
		`a\b'c`: `E'a\\b''c'`,
	} {
		if got := quoteLiteral(in); got != want {
			t.Errorf("quoteLiteral(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestStepLine(t *testing.T) {
	r := &revision.Revision{ID: "3c4d", Parents: []string{"1a2b", "2b3c"}, Message: "merge"}
	if got := StepLine(revision.Step{Revision: r, Direction: revision.Up}); got != "upgrade 1a2b, 2b3c -> 3c4d, merge" {
		t.Errorf("got %q", got)
	}
	if got := StepLine(revision.Step{Revision: r, Direction: revision.Down}); got != "downgrade 3c4d -> 1a2b, 2b3c, merge" {
		t.Errorf("got %q", got)
	}
	base := &revision.Revision{ID: "1a2b"}
	if got := StepLine(revision.Step{Revision: base, Direction: revision.Up}); got != "upgrade  -> 1a2b" {
		t.Errorf("got %q", got)
	}
}
