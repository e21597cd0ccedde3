package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/revision"
	"github.com/migrate-tool/migrate/runner"
	"github.com/spf13/cobra"
)

// runOptions are the arguments of `migrate upgrade` and `migrate downgrade`.
type runOptions struct {
	target       string
	sql          bool
	transaction  string
	allowEdited  bool
	applyMissing bool
}

func newUpgradeCmd(a *App) *cobra.Command {
	opts := &runOptions{}
	cmd := &cobra.Command{
		Use:   "upgrade TARGET",
		Short: "Apply revisions up to TARGET (head, heads, a revision, +N, label@head)",
		Long: `Apply the revisions between the database's current heads and TARGET: head
(the single head; several heads need heads, label@head or a merge), heads,
a revision id or unique prefix, label@head, +N (N steps up from current),
REV+N.

The run holds a PostgreSQL advisory lock for its whole duration, so parallel
deployers apply each revision once: the others wait (lock_wait_timeout bounds
the wait), then find nothing left to do. Each revision runs in its own
transaction together with its version-table and audit-table rows, so a
failing statement leaves the database at the previous revision; the error
names the revision file, line and PostgreSQL's SQLSTATE. --transaction=all
runs everything in one transaction instead. A revision marked
"transaction false" runs statement by statement outside a transaction.

An applied revision whose file changed since it was applied (either
section) makes upgrade refuse, naming the file; --allow-edited proceeds
anyway. A revision below the applied heads that never ran (history inserted
or re-parented after its descendants were applied) makes upgrade refuse,
naming it; --apply-missing applies it before the pending revisions.

Every revision starts from the same session state: settings, role, temporary
tables and prepared statements an earlier revision of the run left are reset.
A connection through a transaction-pooling proxy (PgBouncer pool_mode =
transaction) is detected and refused before anything is applied.

--sql prints the SQL script instead of running it. With TARGET written as
FROM:TO (for example base:head) the script starts at FROM and no database is
needed; otherwise the current heads are read from the database.`,
		Example: `  migrate upgrade head
  migrate -x env=prod upgrade head
  migrate upgrade +1
  migrate upgrade --sql base:head > upgrade.sql`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.target = args[0]
			return a.runMigration(cmd.Context(), revision.Up, opts)
		},
	}
	addRunFlags(cmd, opts)
	cmd.Flags().BoolVar(&opts.applyMissing, "apply-missing", false, "apply revisions below the applied heads that never ran (inserted or re-parented history) before the pending ones")
	return cmd
}

func addRunFlags(cmd *cobra.Command, opts *runOptions) {
	f := cmd.Flags()
	f.BoolVar(&opts.sql, "sql", false, "print the SQL script instead of running it (TARGET may be FROM:TO, then no database is needed)")
	f.StringVar(&opts.transaction, "transaction", "revision", "revision: one transaction per revision; all: the whole run in one transaction")
	f.BoolVar(&opts.allowEdited, "allow-edited", false, "run even when applied revisions were edited since they were applied")
}

// runMigration runs an upgrade or a downgrade for the command line.
func (a *App) runMigration(ctx context.Context, dir revision.Direction, opts *runOptions) error {
	mode, err := migrate.ParseTxMode(opts.transaction)
	if err != nil {
		return usageError("%v", err)
	}
	ro := migrate.RunOptions{AllowEdited: opts.allowEdited, ApplyMissing: opts.applyMissing, Transaction: mode}
	target := opts.target
	if from, to, ok := strings.Cut(target, ":"); ok {
		if !opts.sql {
			return usageError("%s %s: FROM:TO is only for offline scripts; add --sql, or give just the target", dir, target)
		}
		if from == "" || to == "" {
			return usageError("%s %s: want FROM:TO, for example base:head", dir, target)
		}
		ro.From, target = from, to
	}
	if opts.sql {
		ro.SQL = a.Stdout
	}
	m, err := a.openMigrator(ctx)
	if err != nil {
		return err
	}
	defer m.Close()
	var res *migrate.Result
	if dir == revision.Down {
		res, err = m.Downgrade(ctx, target, ro)
	} else {
		res, err = m.Upgrade(ctx, target, ro)
	}
	if err != nil {
		return err
	}
	if !opts.sql && len(res.Plan.Steps) == 0 {
		fmt.Fprintf(a.Stdout, "Nothing to do: the database is at %s.\n", describeRows(res.Plan.From))
	}
	return nil
}

// openMigrator builds the library's Migrator from the configuration, with
// progress rendered on the command's output.
func (a *App) openMigrator(ctx context.Context) (*migrate.Migrator, error) {
	cfg, err := a.Config()
	if err != nil {
		return nil, err
	}
	opts := migrate.FromConfig(cfg)
	if opts.ResolveURL != nil || opts.DatabaseURL != "" {
		// Through dbconn, which checks the URL, and with the line naming
		// the database once it is used. (Without a URL, the library's
		// own error says what to set.)
		opts.ResolveURL = a.openDatabase
	}
	opts.ToolVersion = "migrate " + Version
	opts.Logger = &eventPrinter{out: a.Stdout, errOut: a.Stderr, verbose: a.verbose}
	return migrate.New(ctx, opts)
}

// eventPrinter renders the runner's events as Alembic-style lines:
// "Running upgrade 1a2b -> 3c4d, add users". Statements and timings appear
// with --verbose; waiting for another deployer's lock goes to stderr.
type eventPrinter struct {
	out, errOut io.Writer
	verbose     bool
}

func (p *eventPrinter) Log(e migrate.Event) {
	switch e := e.(type) {
	case migrate.LockWaiting:
		holder := "another session"
		if e.HolderPID != 0 {
			holder = fmt.Sprintf("backend pid %d", e.HolderPID)
			if e.Holder != nil && e.Holder.ApplicationName != "" {
				holder += fmt.Sprintf(", application_name %q", e.Holder.ApplicationName)
			}
		}
		limit := "until it is released"
		if e.Timeout > 0 {
			limit = "up to " + e.Timeout.String()
		}
		fmt.Fprintf(p.errOut, "Waiting for the migration lock on %s, held by %s (another migrate run), %s...\n", e.Table, holder, limit)
	case migrate.LockAcquired:
		if p.verbose && e.Waited > 0 {
			fmt.Fprintf(p.errOut, "Got the migration lock on %s after %s.\n", e.Table, e.Waited.Round(time.Millisecond))
		}
	case migrate.RevisionStarted:
		fmt.Fprintf(p.out, "Running %s\n", runner.StepLine(e.Step))
	case migrate.StatementDone:
		if p.verbose {
			took := ""
			if e.Duration > 0 { // zero: not measured (statements sent together)
				took = fmt.Sprintf("  (%s)", e.Duration.Round(time.Microsecond))
			}
			fmt.Fprintf(p.out, "  %s:%d  %s%s\n", e.Step.Revision.File(), e.Statement.Line, firstLine(e.Statement.SQL, 60), took)
		}
	case migrate.RevisionDone:
		if p.verbose {
			fmt.Fprintf(p.out, "  done in %s\n", e.Duration.Round(time.Microsecond))
		}
	case migrate.LeftoverDropped:
		fmt.Fprintf(p.out, "  Dropped INVALID index %s on %s, left by an interrupted run of %s:%d; building it again\n",
			e.Index, e.Table, e.Step.Revision.File(), e.Statement.Line)
	case migrate.Stamped:
		fmt.Fprintf(p.out, "Stamped %s -> %s\n", describeRows(e.From), describeRows(e.To))
	}
}

// describeRows shows version-table rows: "base" when empty.
func describeRows(rows []string) string {
	if len(rows) == 0 {
		return "base"
	}
	return strings.Join(rows, ", ")
}

// firstLine returns the first line of s, cut to n characters.
func firstLine(s string, n int) string {
	line, _, more := strings.Cut(s, "\n")
	r := []rune(line)
	if len(r) > n {
		return string(r[:n]) + "..."
	}
	if more {
		return line + " ..."
	}
	return line
}
