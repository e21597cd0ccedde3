package revision

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeBigGraph writes n revisions to dir: a trunk that every 50 revisions
// forks into two 10-revision branches that merge back, plus a labeled side
// branch every 1,000 revisions that depends on the trunk. It returns the
// number of heads.
func writeBigGraph(tb testing.TB, dir string, n int) int {
	tb.Helper()
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	count := 0
	heads := 0
	write := func(parents []string, deps []string, label string) string {
		id := fmt.Sprintf("%012x", 0x100000+count*7919)
		r := &Revision{ID: id, Parents: parents, DependsOn: deps, Message: "revision number " + fmt.Sprint(count),
			Created: base.Add(time.Duration(count) * time.Second), Transactional: true,
			Upgrade:   &Section{Text: fmt.Sprintf("CREATE TABLE t%d (id bigint PRIMARY KEY, name text);\n\n", count)},
			Downgrade: &Section{Text: fmt.Sprintf("DROP TABLE t%d;\n", count)}}
		if label != "" {
			r.BranchLabels = []string{label}
		}
		if err := os.WriteFile(filepath.Join(dir, FileName(r)), Format(r), 0o644); err != nil {
			tb.Fatal(err)
		}
		count++
		return id
	}
	tip := write(nil, nil, "trunk")
	for count < n {
		switch {
		case count%1000 == 999 && n-count > 3:
			side := write(nil, []string{tip}, fmt.Sprintf("side%d", count))
			write([]string{side}, nil, "")
			heads++
		case count%50 == 0 && n-count > 22:
			a, b := tip, tip
			for i := 0; i < 10; i++ {
				a = write([]string{a}, nil, "")
				b = write([]string{b}, nil, "")
			}
			tip = write([]string{a, b}, nil, "")
		default:
			tip = write([]string{tip}, nil, "")
		}
	}
	return heads + 1
}

// BenchmarkLoadHeads10k: load the headers of a 10,000-revision graph,
// resolve heads, and render the whole history.
//
//	go test -run '^$' -bench LoadHeads10k ./revision/
func BenchmarkLoadHeads10k(b *testing.B) {
	dir := b.TempDir()
	wantHeads := writeBigGraph(b, dir, 10000)
	srcs := []Source{{Dir: dir, FS: os.DirFS(dir)}}
	b.ResetTimer()
	for b.Loop() {
		g, err := LoadHeaders(srcs)
		if err != nil {
			b.Fatal(err)
		}
		heads, err := g.Resolve("heads")
		if err != nil || len(heads) != wantHeads {
			b.Fatalf("heads: %d, %v (want %d)", len(heads), err, wantHeads)
		}
		revs, err := g.Range(":", nil)
		if err != nil {
			b.Fatal(err)
		}
		for i, j := 0, len(revs)-1; i < j; i, j = i+1, j-1 {
			revs[i], revs[j] = revs[j], revs[i]
		}
		if err := g.WriteHistory(io.Discard, revs, RenderOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad1k is a full parse (sections through pg_query) of 1,000
// revisions, what upgrade needs.
func BenchmarkLoad1k(b *testing.B) {
	dir := b.TempDir()
	writeBigGraph(b, dir, 1000)
	srcs := []Source{{Dir: dir, FS: os.DirFS(dir)}}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Load(srcs); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBigGraphValid(t *testing.T) {
	dir := t.TempDir()
	want := writeBigGraph(t, dir, 1200)
	g, err := Load([]Source{{Dir: dir, FS: os.DirFS(dir)}})
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 1200 || len(g.Heads()) != want {
		t.Fatalf("len %d heads %d want %d", g.Len(), len(g.Heads()), want)
	}
	plan, err := g.UpgradePlan(nil, "heads")
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Steps) != 1200 || len(plan.To) != want {
		t.Fatalf("plan: %d steps to %v", len(plan.Steps), plan.To)
	}
	checkRows(t, plan)
	down, err := g.DowngradePlan(plan.To, "base")
	if err != nil {
		t.Fatal(err)
	}
	if len(down.Steps) != 1200 || len(down.To) != 0 {
		t.Fatalf("downgrade: %d steps to %v", len(down.Steps), down.To)
	}
	checkRows(t, down)
}

// BenchmarkParseLarge parses one revision whose upgrade holds 10k, 100k and
// 1M INSERT statements: the time per statement must stay flat (splitting
// and position tracking are linear). Run with
//
//	go test -run '^$' -bench ParseLarge -benchtime 1x ./revision/
func BenchmarkParseLarge(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		var sb strings.Builder
		sb.WriteString("-- migrate:revision aaaa00000001\n-- migrate:message load\n\n-- migrate:upgrade\n")
		for i := range n {
			fmt.Fprintf(&sb, "INSERT INTO t (id, name) VALUES (%d, 'row %d');\n", i, i)
		}
		sb.WriteString("\n-- migrate:downgrade\nDELETE FROM t;\n")
		data := []byte(sb.String())
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for range b.N {
				r, err := Parse("versions/load.sql", data)
				if err != nil {
					b.Fatal(err)
				}
				if last := r.Upgrade.Statements[n-1]; len(r.Upgrade.Statements) != n || last.Line != n+4 {
					b.Fatalf("%d statements, last at line %d", len(r.Upgrade.Statements), last.Line)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/stmt")
		})
	}
}
