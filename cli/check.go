package cli

import (
	"context"
	"fmt"
	"strings"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/lint"
	"github.com/spf13/cobra"
)

// checkOptions are the flags of `migrate check`.
type checkOptions struct {
	json    bool
	noCache bool
}

func newCheckCmd(a *App) *cobra.Command {
	opts := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Exit 1 when the database and the declared target drift (for CI)",
		Long: `Compare the live database with the declared target ([target] go or sql) the
way revision --autogenerate does, and report anything that needs attention:

  - revisions not yet applied (the database is not at the head),
  - applied revisions whose file was edited since (either section),
  - revisions below the applied heads that never ran (inserted or
    re-parented history; the schema is then not compared),
  - schema changes that no revision makes yet,
  - with [lint] in_check = true in migrate.toml, findings of migrate lint
    in the revisions not yet applied (an error-level one fails check).

Exit status: 0 when there is nothing to report, 1 when there is (a summary
is printed), 2 on error. check writes nothing and takes no lock.

--json prints {"clean": bool, "current": [ids], "heads": [ids],
"pending": bool, "edited": [{"revision", "path", "sections",
"applied_checksum", "file_checksum", "applied_at"}] and "missing":
[{"revision", "path", "reason"}] (as in current --json), "changes": [{"description",
"statements": [{"sql", "hazards": [{"kind", "message"}]}]}], "lint":
[findings as in lint --json] (with in_check, when there are findings),
"not_managed": [{"kind", "schema", "name", "objects"}]}; the exit status is
the same. "not_managed" lists what the declaration holds that check cannot
compare (objects of kinds migrate does not model, and schemas outside
[target] schemas, kind "schema"); it is also printed on stderr, and does
not change the exit status.`,
		Example: `  migrate upgrade head && migrate check
  migrate check --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runCheck(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.json, "json", false, "print the result as JSON")
	f.BoolVar(&opts.noCache, "no-cache", false, "read the database and materialize the target again instead of using .migrate/cache")
	return cmd
}

// checkJSON is the stable shape of check --json.
type checkJSON struct {
	Clean   bool          `json:"clean"`
	Current []string      `json:"current"`
	Heads   []string      `json:"heads"`
	Pending bool          `json:"pending"`
	Edited  []editedJSON  `json:"edited"`
	Missing []missingJSON `json:"missing"`
	Changes []changeJSON  `json:"changes"`
	// Lint holds the findings in pending revisions ([lint] in_check).
	Lint []lint.Finding `json:"lint,omitempty"`
	// NotManaged is what the declaration holds that check cannot compare.
	NotManaged []notManagedJSON `json:"not_managed"`
}

// changeJSON is one schema change of check --json; unlike autogen.Step it
// always has "hazards", [] when there are none.
type changeJSON struct {
	Description string          `json:"description"`
	Statements  []statementJSON `json:"statements"`
}

type statementJSON struct {
	SQL              string           `json:"sql"`
	Hazards          []autogen.Hazard `json:"hazards"`
	NonTransactional bool             `json:"non_transactional,omitempty"`
}

func changesToJSON(steps []autogen.Step) []changeJSON {
	out := make([]changeJSON, 0, len(steps))
	for _, st := range steps {
		c := changeJSON{Description: st.Description, Statements: make([]statementJSON, 0, len(st.Statements))}
		for _, s := range st.Statements {
			hz := s.Hazards
			if hz == nil {
				hz = []autogen.Hazard{}
			}
			c.Statements = append(c.Statements, statementJSON{SQL: s.SQL, Hazards: hz, NonTransactional: s.NonTransactional})
		}
		out = append(out, c)
	}
	return out
}

func (a *App) runCheck(ctx context.Context, opts *checkOptions) error {
	co, err := a.compareOptions(&compareFlags{noCache: opts.noCache})
	if err != nil {
		return err
	}
	m, err := a.openMigrator(ctx)
	if err != nil {
		return err
	}
	defer m.Close()
	res, err := m.Check(ctx, co)
	if err != nil {
		return err
	}
	cfg, err := a.Config()
	if err != nil {
		return err
	}
	findings, linted, err := lintPending(ctx, cfg, m)
	if err != nil {
		return err
	}
	a.warnNotManaged(res.NotManaged, co.Config)
	if opts.json {
		out := checkToJSON(res)
		out.Lint = findings
		if err := a.printJSON(out); err != nil {
			return err
		}
	} else {
		a.printCheck(res)
		if len(findings) > 0 {
			fmt.Fprintln(a.Stdout, "Lint findings in the revisions not yet applied:")
			printFindings(a.Stdout, findings, linted)
		}
	}
	if !res.Clean() || lint.HasErrors(findings) {
		return &ExitError{Code: 1}
	}
	return nil
}

// checkToJSON is check --json's object for res (also an entry of
// fleet check --json).
func checkToJSON(res *migrate.CheckResult) checkJSON {
	out := checkJSON{
		Clean:      res.Clean(),
		Current:    nonNil(res.Current),
		Heads:      nonNil(res.Heads),
		Pending:    res.Pending,
		Edited:     editedToJSON(res.Edited),
		Missing:    missingToJSON(res.Missing),
		Changes:    []changeJSON{},
		NotManaged: notManagedToJSON(res.NotManaged),
	}
	if res.Plan != nil {
		out.Changes = changesToJSON(res.Plan.Steps())
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (a *App) printCheck(res *migrate.CheckResult) {
	w := a.Stdout
	for _, e := range res.Edited {
		fmt.Fprintf(w, "Applied revision %s (%s) was edited after it was applied (%s).\n", e.ID, e.Path, e.What())
	}
	for _, m := range res.Missing {
		fmt.Fprintf(w, "Revision %s (%s) is below the applied heads but %s: run migrate upgrade --apply-missing, then check again.\n", m.ID, m.Path, m.Reason())
	}
	if len(res.Missing) > 0 {
		return
	}
	if res.Pending {
		cur := "base"
		if len(res.Current) > 0 {
			cur = strings.Join(res.Current, ", ")
		}
		heads := "the head is " + strings.Join(res.Heads, ", ")
		if len(res.Heads) > 1 {
			heads = "the heads are " + strings.Join(res.Heads, ", ")
		}
		hint := migrate.UpgradeHint(res.Heads)
		fmt.Fprintf(w, "The database is not up to date: it is at %s, %s. %s%s, then check again.\n",
			cur, heads, strings.ToUpper(hint[:1]), hint[1:])
		return
	}
	if res.Plan == nil || res.Plan.Empty() {
		if len(res.Edited) == 0 {
			fmt.Fprintln(w, "No changes: the database matches the declared target.")
		}
		return
	}
	steps := res.Plan.Steps()
	noun := "changes"
	if len(steps) == 1 {
		noun = "change"
	}
	fmt.Fprintf(w, "The database differs from the declared target: %d %s not in any revision:\n", len(steps), noun)
	for _, st := range steps {
		fmt.Fprintf(w, "  %s\n", st.Description)
	}
	fmt.Fprintln(w, `Write them with: migrate revision --autogenerate -m "..."`)
}
