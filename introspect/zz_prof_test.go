package introspect

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func TestZZProf(t *testing.T) {
	url := os.Getenv("ZZ_URL")
	if url == "" {
		t.Skip()
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	conn.Exec(ctx, "select set_config('search_path','',false)")
	args := Options{}.args()
	type q struct{ name, sql string }
	var qs []q
	if dir := os.Getenv("ZZ_DIR"); dir != "" {
		files, _ := filepath.Glob(dir + "/*.sql")
		sort.Strings(files)
		for _, f := range files {
			b, _ := os.ReadFile(f)
			qs = append(qs, q{filepath.Base(f), scope + string(b)})
		}
	} else {
		for _, r := range readers(150000) {
			qs = append(qs, q{r.kind, r.sql})
		}
	}
	best := make([]time.Duration, len(qs))
	for round := 0; round < 7; round++ {
		for i, x := range qs {
			start := time.Now()
			rows, err := conn.Query(ctx, x.sql, args...)
			if err != nil {
				t.Fatal(x.name, err)
			}
			for rows.Next() {
				rows.RawValues()
			}
			rows.Close()
			if rows.Err() != nil {
				t.Fatal(x.name, rows.Err())
			}
			d := time.Since(start)
			if round == 0 || d < best[i] {
				best[i] = d
			}
		}
	}
	var total time.Duration
	for i, x := range qs {
		t.Logf("%-20s %v", x.name, best[i])
		total += best[i]
	}
	t.Logf("total %v", total)
}
