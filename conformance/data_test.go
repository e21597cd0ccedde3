package conformance_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/internal/rowgen"
	"github.com/migrate-tool/migrate/revision"
	"github.com/migrate-tool/migrate/schema"
)

// dataCases are the cases TestLoopData runs when MIGRATE_CONFORMANCE is
// unset: application-shaped cases whose changes touch stored rows (type
// changes, renames, sequences, enums, partitions), kept few because each
// costs a handful of CLI runs.
var dataCases = []string{
	"app/saas_04_varchar_lengths",
	"app/saas_25_int_to_bigint_keys",
	"app/saas_30_invoice_number_sequence",
	"app/saas_33_arrays_and_tags",
	"app/edge_07_table_moves_to_schema",
	"corpus/rename_serial_column",
}

// dataSelected reports whether TestLoopData runs c: MIGRATE_CONFORMANCE
// selects as for TestLoop (all, or name prefixes); unset, the dataCases.
func dataSelected(c loopCase) bool {
	if os.Getenv("MIGRATE_CONFORMANCE") == "" {
		return slices.Contains(dataCases, c.name)
	}
	return selected(c, 0)
}

// TestLoopData is the data-carrying CLI loop (package internal/rowgen
// says what it checks): old.sql as the target, revision --autogenerate
// and upgrade; the tables filled with generated rows; new.sql as the
// target, revision --autogenerate (with the case's flags); then upgrade
// and downgrade -1 through the binary, with the rows compared after each.
//
//	go test ./conformance -run TestLoopData                              # dataCases
//	MIGRATE_CONFORMANCE=all go test ./conformance -run TestLoopData      # every case, known failures included
func TestLoopData(t *testing.T) {
	all := os.Getenv("MIGRATE_CONFORMANCE") == "all"
	var (
		mu                     sync.Mutex
		ran, passed, noRows    int
		failed, skipped, notes []string
	)
	t.Cleanup(func() {
		slices.Sort(failed)
		slices.Sort(notes)
		t.Logf("data loop: %d/%d selected cases with rows pass; %d cases have no table in old.sql; skipped (data-skip.txt): %s; failing: %s\nrefusals:\n%s",
			passed, ran, noRows, strings.Join(skipped, " "), strings.Join(failed, " "), strings.Join(notes, "\n"))
	})
	for _, c := range loadCases(t) {
		if c.noop || !dataSelected(c) {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			switch {
			case c.skip != "" && !all:
				t.Skipf("skip.txt: %s", c.skip)
			case c.dataSkip != "" && !all:
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
				}
				ran++
				if rep != nil && rep.Refused != "" {
					notes = append(notes, "  "+c.name+": "+rep.Refused)
				}
			})
			rep = runDataLoop(t, c)
		})
	}
}

func runDataLoop(t *testing.T, c loopCase) *rowgen.Report {
	ensureRoles(t)
	p := newProject(t, pgtest.NewDB(t))
	ctx := context.Background()

	p.write("schema.sql", c.old)
	p.must(0, "revision", "--autogenerate", "-m", "old")
	oldRevs := p.revisions()
	p.must(0, "upgrade", "head")
	oldSchema := inspectSchema(t, p.inspect())
	if !rowgen.StoresRows(oldSchema) {
		t.Skip("old.sql has no table: no rows to carry")
	}

	url := pgtest.NewDB(t)
	applyDirect(t, url, c.new)
	newSchema := inspectSchema(t, newProject(t, url).inspect())

	p.write("schema.sql", c.new)
	r := p.must(0, append([]string{"revision", "--autogenerate", "-m", "new"}, c.flags...)...)
	text, wrote := p.newRevision(oldRevs)
	if !wrote {
		t.Fatalf("new: no revision written\n%s", r)
	}
	rev, err := revision.Parse("new.sql", []byte(text))
	if err != nil {
		t.Fatalf("parse the new revision: %v\n%s", err, text)
	}
	up, err := rowgen.SectionStatements(rev.Upgrade.Text)
	if err != nil {
		t.Fatal(err)
	}
	down, err := rowgen.SectionStatements(rev.Downgrade.Text)
	if err != nil {
		t.Fatal(err)
	}

	conn, err := pgx.Connect(ctx, p.url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rep, err := rowgen.Run(ctx, conn, rowgen.Case{
		Name: c.name, Old: oldSchema, New: newSchema, Upgrade: up, Downgrade: down,
		Schemas: caseSchemas, NoDowngrade: c.noDowngrade,
	}, &cliMigrator{p: p})
	if err != nil {
		t.Fatalf("data harness: %v\nrevision:\n%s", err, text)
	}
	if len(rep.Problems) > 0 {
		for _, pr := range rep.Problems {
			t.Errorf("%s", pr)
		}
		t.Logf("%s\nrevision:\n%s", rep.Summary(), text)
		if c.dataSkip != "" {
			t.Logf("known failure (data-skip.txt): %s", c.dataSkip)
		}
	} else if testing.Verbose() {
		t.Logf("%s", rep.Summary())
	}
	return rep
}

// inspectSchema reads `migrate inspect --json` output.
func inspectSchema(t *testing.T, js string) *schema.Schema {
	t.Helper()
	var s schema.Schema
	if err := json.Unmarshal([]byte(js), &s); err != nil {
		t.Fatalf("inspect --json output: %v", err)
	}
	return &s
}

// cliMigrator runs upgrade head and downgrade -1 through the binary.
type cliMigrator struct{ p *project }

func (m *cliMigrator) Upgrade(context.Context) error   { return m.step("upgrade", "head") }
func (m *cliMigrator) Downgrade(context.Context) error { return m.step("downgrade", "-1") }

var (
	statementIndex = regexp.MustCompile(`\(statement (\d+)\)`)
	sqlState       = regexp.MustCompile(`SQLSTATE ([0-9A-Z]{5})`)
)

// step runs one command; a failure becomes a StepError with the
// statement's index and SQLSTATE read from the one-line error.
func (m *cliMigrator) step(args ...string) error {
	r := m.p.run(args...)
	if r.code == 0 {
		return nil
	}
	se := &rowgen.StepError{Index: -1, Err: fmt.Errorf("%s", strings.TrimSpace(r.stderr))}
	if mm := statementIndex.FindStringSubmatch(r.stderr); mm != nil {
		if n, err := strconv.Atoi(mm[1]); err == nil {
			se.Index = n - 1
		}
	}
	if mm := sqlState.FindStringSubmatch(r.stderr); mm != nil {
		se.Code = mm[1]
	}
	return se
}
