package autogen_test

import (
	"os"
	"testing"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/schema"
)

// TestCreateFromEmpty renders a schema holding every object kind (the
// introspection fixture) from nothing, applies it to an empty database, and
// expects the exact same catalog back, column order included.
func TestCreateFromEmpty(t *testing.T) {
	t.Parallel()
	fixture, err := os.ReadFile("../introspect/testdata/fixture.sql")
	if err != nil {
		t.Skip("introspection fixture not available:", err)
	}
	schemas := []string{"public", "app"}
	src := newTestDB(t)
	if err := src.exec(string(fixture)); err != nil {
		t.Fatalf("fixture: %v", err)
	}
	want := src.inspect(t, schemas)

	plan, err := autogen.Diff(&schema.Schema{}, want, autogen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dst := newTestDB(t)
	up := plan.Upgrade()
	if stmt, err := dst.apply(up); err != nil {
		t.Fatalf("upgrade failed at\n%s\n: %v\n\nscript:\n%s", stmt, err, autogen.Render(up))
	}
	got := dst.inspect(t, schemas)
	if a, b := dumpExact(want), dumpExact(got); a != b {
		t.Fatalf("create-from-empty differs from the source:\n%s\nscript:\n%s", firstDiff(a, b), autogen.Render(up))
	}
	again, err := autogen.Diff(got, want, autogen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !again.Empty() {
		t.Errorf("second diff not empty: %v", again.Summary())
	}
}
