package revision

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// revFile renders a minimal revision file.
func revFile(id, parents, extra string) string {
	s := "-- migrate:revision " + id + "\n"
	if parents != "" {
		s += "-- migrate:parents " + parents + "\n"
	}
	return s + extra + "-- migrate:message " + id + "\n\n-- migrate:upgrade\nSELECT 1;\n\n-- migrate:downgrade\nSELECT 2;\n"
}

func TestLoad(t *testing.T) {
	a := fstest.MapFS{
		"aaaa_first.sql":  {Data: []byte(revFile("aaaa", "", ""))},
		"bbbb_second.sql": {Data: []byte(revFile("bbbb", "aaaa", ""))},
		"README":          {Data: []byte("not a revision")},
		".gitkeep":        {Data: nil},
		".#bbbb.sql":      {Data: []byte("editor lock file")},
		"sub/x.sql":       {Data: []byte("ignored: subdirectories are not read")},
	}
	b := fstest.MapFS{
		"cccc.sql": {Data: []byte(revFile("cccc", "bbbb", "-- migrate:branch-labels other\n"))},
	}
	srcs := []Source{{Dir: "versions", FS: a}, {Dir: "more", FS: b}}
	for _, load := range []func([]Source) (*Graph, error){Load, LoadHeaders, LoadTexts} {
		g, err := load(srcs)
		if err != nil {
			t.Fatal(err)
		}
		if g.Len() != 3 || strings.Join(ids(g.Heads()), ",") != "cccc" || strings.Join(ids(g.Bases()), ",") != "aaaa" {
			t.Fatalf("graph: %v heads %v", ids(g.Revisions()), ids(g.Heads()))
		}
		c, _ := g.Revision("cccc")
		if c.File() != "more/cccc.sql" || c.Path != "cccc.sql" || c.Dir != "more" {
			t.Errorf("cccc located at %q (%q in %q)", c.File(), c.Path, c.Dir)
		}
		full, err := g.ReadFull("cccc")
		if err != nil {
			t.Fatal(err)
		}
		if full.Upgrade == nil || len(full.Upgrade.Statements) != 1 || full.Downgrade.Statements[0].SQL != "SELECT 2" {
			t.Errorf("ReadFull: %+v", full.Upgrade)
		}
	}
}

// TestLoadTexts: text-only reading keeps what checksums need and skips the
// statement split, so its checksums are Load's.
func TestLoadTexts(t *testing.T) {
	fsys := fstest.MapFS{
		"aaaa.sql": {Data: []byte(revFile("aaaa", "", ""))},
		"bbbb.sql": {Data: []byte(revFile("bbbb", "aaaa", ""))},
	}
	srcs := []Source{{Dir: "versions", FS: fsys}}
	full, err := Load(srcs)
	if err != nil {
		t.Fatal(err)
	}
	texts, err := LoadTexts(srcs)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"aaaa", "bbbb"} {
		f, _ := full.Revision(id)
		x, _ := texts.Revision(id)
		if x.Upgrade == nil || x.Downgrade == nil {
			t.Fatalf("%s: sections not read", id)
		}
		if x.Upgrade.Statements != nil || x.Downgrade.Statements != nil {
			t.Errorf("%s: statements were split", id)
		}
		if x.Upgrade.Checksum() != f.Upgrade.Checksum() || x.Downgrade.Checksum() != f.Downgrade.Checksum() {
			t.Errorf("%s: checksums differ from Load's", id)
		}
	}
}

// TestLoadBroken: each broken graph gives one line naming file and line.
func TestLoadBroken(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"cycle", map[string]string{
			"a.sql": revFile("aaaa", "cccc", ""),
			"b.sql": revFile("bbbb", "aaaa", ""),
			"c.sql": revFile("cccc", "bbbb", ""),
			"d.sql": revFile("dddd", "", ""),
		}, "versions/a.sql:2: cycle in revision graph: aaaa -> bbbb -> cccc -> aaaa (a revision cannot descend from itself)"},
		{"cycle through depends-on", map[string]string{
			"a.sql": revFile("aaaa", "", "-- migrate:depends-on bbbb\n"),
			"b.sql": revFile("bbbb", "aaaa", ""),
		}, "versions/a.sql:2: cycle in revision graph: aaaa -> bbbb -> aaaa"},
		{"dangling parent", map[string]string{
			"a.sql": revFile("aaaa", "", ""),
			"b.sql": revFile("bbbb", "aaaa", ""),
			"c.sql": revFile("cccc", "bbbb 9999", ""),
		}, "versions/c.sql:2: parent 9999 of revision cccc not found in any versions dir: restore its file, or fix the parents line"},
		{"dangling depends-on", map[string]string{
			"a.sql": revFile("aaaa", "", "-- migrate:depends-on ffff\n"),
		}, "versions/a.sql:2: dependency ffff of revision aaaa not found in any versions dir: restore its file, or fix the depends-on line"},
		{"duplicate id", map[string]string{
			"a.sql":       revFile("aaaa", "", ""),
			"a_again.sql": revFile("aaaa", "", ""),
		}, "versions/a_again.sql:1: duplicate revision id aaaa, also in versions/a.sql:1: give one of them a new id"},
		{"duplicate label", map[string]string{
			"a.sql": revFile("aaaa", "", "-- migrate:branch-labels core\n"),
			"b.sql": revFile("bbbb", "", "-- migrate:branch-labels core\n"),
		}, `versions/b.sql:2: branch label "core" is also declared by aaaa (versions/a.sql): labels are unique`},
		{"malformed header", map[string]string{
			"a.sql": revFile("aaaa", "", "-- migrate:parrents bbbb\n"),
		}, "versions/a.sql:2: unknown header key -- migrate:parrents"},
		{"not a revision", map[string]string{
			"a.sql":    revFile("aaaa", "", ""),
			"seed.sql": "-- seed data\nINSERT INTO t VALUES (1);\n",
		}, "versions/seed.sql:2: unexpected text before -- migrate:upgrade"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			_, err := LoadHeaders([]Source{{Dir: "versions", FS: fsys}})
			if err == nil {
				t.Fatalf("LoadHeaders succeeded, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error:\n got %s\nwant %s", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("multi-line error: %q", err)
			}
			var fe *FileError
			var ce *CycleError
			if !errors.As(err, &fe) && !errors.As(err, &ce) {
				t.Errorf("error is %T, want a positioned error", err)
			}
		})
	}
}

func TestLoadDuplicateAcrossDirs(t *testing.T) {
	a := fstest.MapFS{"x.sql": {Data: []byte(revFile("aaaa", "", ""))}}
	b := fstest.MapFS{"y.sql": {Data: []byte(revFile("aaaa", "", ""))}}
	_, err := LoadHeaders([]Source{{Dir: "one", FS: a}, {Dir: "two", FS: b}})
	want := "two/y.sql:1: duplicate revision id aaaa, also in one/x.sql:1"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func TestLabelsPropagate(t *testing.T) {
	g := build(t, "b0", "x1:b0 @left", "x2:x1", "y1:b0 @right", "m:x2,y1", "top:m")
	for id, want := range map[string]string{
		"b0": "", "x1": "left", "x2": "left", "y1": "right", "m": "left right", "top": "left right",
	} {
		if got := strings.Join(g.Labels(id), " "); got != want {
			t.Errorf("Labels(%s) = %q, want %q", id, got, want)
		}
	}
	if got, err := g.Resolve("left@head"); err != nil || ids(got)[0] != "top" {
		t.Errorf("left@head after merge = %v, %v", got, err)
	}
	if strings.Join(ids(g.BranchPoints()), " ") != "b0" || !g.IsMergePoint("m") || !g.IsBranchPoint("b0") {
		t.Error("branch/merge points wrong")
	}
}

func ExampleGraph_Resolve() {
	fsys := fstest.MapFS{
		"a.sql": {Data: []byte(revFile("1a2b3c4d5e6f", "", ""))},
		"b.sql": {Data: []byte(revFile("9f8e7d6c5b4a", "1a2b3c4d5e6f", ""))},
	}
	g, _ := LoadHeaders([]Source{{Dir: "versions", FS: fsys}})
	revs, _ := g.Resolve("head-1")
	fmt.Println(revs[0].ID)
	plan, _ := g.UpgradePlan([]string{"1a2b3c4d5e6f"}, "head")
	fmt.Println(plan.Steps[0].Revision.ID, plan.Steps[0].Delete, plan.Steps[0].Insert)
	// Output:
	// 1a2b3c4d5e6f
	// 9f8e7d6c5b4a [1a2b3c4d5e6f] [9f8e7d6c5b4a]
}

// TestLoadHeadersLongHeader: a header longer than one read, and files
// without a final newline, read the same as a full parse.
func TestLoadHeadersLongHeader(t *testing.T) {
	long := "-- migrate:revision aaaa\n" + strings.Repeat("-- migrate:message "+strings.Repeat("x", 100)+"\n", 100) +
		"-- migrate:upgrade\nSELECT 1;\n-- migrate:downgrade\nSELECT 2;"
	fsys := fstest.MapFS{
		"a.sql": {Data: []byte(long)},
		"b.sql": {Data: []byte("-- migrate:revision bbbb\n-- migrate:parents aaaa\n-- migrate:upgrade")},
		"c.sql": {Data: []byte("-- migrate:revision cccc\n-- migrate:parents bbbb")},
	}
	_, err := LoadHeaders([]Source{{Dir: "v", FS: fsys}})
	if err == nil || !strings.HasPrefix(err.Error(), "v/c.sql:2: no -- migrate:upgrade section") {
		t.Fatalf("err = %v", err)
	}
	delete(fsys, "c.sql")
	g, err := LoadHeaders([]Source{{Dir: "v", FS: fsys}})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := g.Revision("aaaa")
	full, err := Parse("a.sql", []byte(long))
	if err != nil {
		t.Fatal(err)
	}
	if a.Message != full.Message || strings.Count(a.Message, "\n") != 99 {
		t.Errorf("long header read wrong: %d message lines", strings.Count(a.Message, "\n")+1)
	}
	if _, ok := g.Revision("bbbb"); !ok {
		t.Error("bbbb missing")
	}
}
