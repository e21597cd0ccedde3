package autogen_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/internal/rowgen"
)

// dataSelected reports whether TestCorpusData runs case c, the i-th
// non-noop case in name order. MIGRATE_DATA=all runs every case (known
// failures included: data-skip.txt is ignored); a comma-separated list of
// name prefixes runs the matching cases; unset runs every third case, a
// fixed subset that keeps the package's test time small.
func dataSelected(c corpusCase, i int) bool {
	switch sel := os.Getenv("MIGRATE_DATA"); sel {
	case "all":
		return true
	case "":
		return i%3 == 0
	default:
		for _, p := range strings.Split(sel, ",") {
			if p = strings.TrimSpace(p); p != "" && strings.HasPrefix(c.name, p) {
				return true
			}
		}
		return false
	}
}

// TestCorpusData is the data-carrying run of the corpus (package rowgen
// says what it checks): old.sql in database A and new.sql in B, the plan
// diffed from their catalogs, A filled with generated rows, upgraded,
// compared, downgraded and compared again.
//
//	go test ./autogen -run TestCorpusData                        # the fixed subset
//	MIGRATE_DATA=all go test ./autogen -run TestCorpusData       # every case
//	MIGRATE_DATA=enum_,column_type go test ./autogen -run TestCorpusData
func TestCorpusData(t *testing.T) {
	cases := loadCases(t)
	all := os.Getenv("MIGRATE_DATA") == "all"
	var (
		mu                     sync.Mutex
		ran, passed, noRows    int
		failed, skipped, notes []string
	)
	t.Cleanup(func() {
		slices.Sort(failed)
		slices.Sort(skipped)
		slices.Sort(notes)
		t.Logf("data: %d/%d selected cases with rows pass (%d of them with the change refusing the rows); %d cases have no table in old.sql; skipped (data-skip.txt): %s; failing: %s\nrefusals:\n%s",
			passed, ran, len(notes), noRows, strings.Join(skipped, " "), strings.Join(failed, " "), strings.Join(notes, "\n"))
	})
	pool := newDBPool(t, poolSize())
	i := 0
	for _, c := range cases {
		if strings.HasPrefix(c.name, "noop_") {
			continue // nothing changes
		}
		sel := dataSelected(c, i)
		i++
		if !sel {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			if c.dataSkip != "" && !all {
				mu.Lock()
				skipped = append(skipped, c.name)
				mu.Unlock()
				t.Skipf("data-skip.txt: %s", c.dataSkip)
			}
			t.Parallel()
			var rep *rowgen.Report
			t.Cleanup(func() {
				mu.Lock()
				defer mu.Unlock()
				switch {
				case t.Skipped():
					noRows++
					return
				case t.Failed():
					failed = append(failed, c.name)
				default:
					passed++
					if rep != nil && rep.Refused != "" {
						notes = append(notes, "  "+c.name+": "+rep.Refused)
					}
				}
				ran++
			})
			rep = runDataCase(t, c, pool)
		})
	}
}

func runDataCase(t *testing.T, c corpusCase, pool *dbPool) *rowgen.Report {
	a, b := pool.get(t), pool.get(t)
	if err := a.exec(c.old); err != nil {
		t.Fatalf("old.sql: %v", err)
	}
	if err := b.exec(c.new); err != nil {
		t.Fatalf("new.sql: %v", err)
	}
	sa, sb := a.inspect(t, corpusSchemas), b.inspect(t, corpusSchemas)
	if !rowgen.StoresRows(sa) {
		t.Skip("old.sql has no table: no rows to carry")
	}
	plan, err := autogen.Diff(sa, sb, c.opts)
	if err != nil {
		t.Fatalf("diff: %v", err)
	}
	if plan.Empty() {
		return nil
	}
	up, down := plan.Upgrade(), plan.Downgrade()
	rep, err := rowgen.Run(context.Background(), a.conn, rowgen.Case{
		Name: c.name, Old: sa, New: sb, Upgrade: up, Downgrade: down,
		Schemas: corpusSchemas, NoDowngrade: c.noDowngrade,
	}, &stmtMigrator{db: a, up: up, down: down})
	if err != nil {
		t.Fatalf("data harness: %v", err)
	}
	if len(rep.Problems) > 0 {
		for _, p := range rep.Problems {
			t.Errorf("%s", p)
		}
		t.Logf("%s\nupgrade:\n%s\ndowngrade:\n%s", rep.Summary(), autogen.Render(up), autogen.Render(down))
		if c.dataSkip != "" {
			t.Logf("known failure (data-skip.txt): %s", c.dataSkip)
		}
	} else if testing.Verbose() {
		t.Logf("%s", rep.Summary())
	}
	return rep
}

// stmtMigrator applies a plan's statements as the corpus test does.
type stmtMigrator struct {
	db       *testDB
	up, down []autogen.Statement
}

func (m *stmtMigrator) Upgrade(context.Context) error   { return m.run(m.up) }
func (m *stmtMigrator) Downgrade(context.Context) error { return m.run(m.down) }

func (m *stmtMigrator) run(stmts []autogen.Statement) error {
	sql, err := m.db.apply(stmts)
	if err == nil {
		return nil
	}
	se := &rowgen.StepError{Index: -1, Err: fmt.Errorf("at %s: %w", sql, err)}
	for i, s := range stmts {
		if s.SQL == sql {
			se.Index = i
			break
		}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		se.Code = pe.Code
	}
	return se
}
