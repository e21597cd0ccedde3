package cli

import (
	"context"
	"fmt"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/autogen"
	"github.com/spf13/cobra"
)

// planOptions are the flags of `migrate plan`.
type planOptions struct {
	compare   compareFlags
	downgrade bool
}

func newPlanCmd(a *App) *cobra.Command {
	opts := &planOptions{}
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "Print the SQL that would take the database to the declared target",
		Long: `Compare the live database with the declared target ([target] go or sql) and
print the upgrade SQL that revision --autogenerate would write, with its
hazard comments, without writing a file. --downgrade prints the downgrade
instead. The database must be at the head of the revision graph. With
--concurrent-indexes, the CONCURRENTLY statements go to revisions of their
own, and plan prints each revision under a "-- revision N of M" line.

Prints "No changes detected." when the database matches the target.`,
		Example: `  migrate plan
  migrate plan --rename users.name=users.full_name
  migrate -x env=prod plan --downgrade`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runPlan(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	addCompareFlags(f, &opts.compare)
	f.BoolVar(&opts.downgrade, "downgrade", false, "print the downgrade SQL instead of the upgrade")
	return cmd
}

func (a *App) runPlan(ctx context.Context, opts *planOptions) error {
	m, cmp, co, err := a.comparison(ctx, &opts.compare)
	if err != nil {
		return err
	}
	defer m.Close()
	a.warnNotManaged(cmp.Target.NotManaged, co.Config)
	a.printRenameHints(cmp.Plan, cmp.Live, defaultSchema(co.Config))
	if cmp.Plan.Empty() {
		fmt.Fprintln(a.Stdout, "No changes detected.")
		return nil
	}
	if opts.downgrade {
		for _, why := range cmp.Plan.Irreversible {
			fmt.Fprintf(a.Stderr, "This downgrade cannot run (a revision marks it irreversible): %s\n", why)
		}
	}
	if cmp.Whole != "" {
		fmt.Fprintf(a.Stderr, "warning: --concurrent-indexes: %s, so the whole revision runs outside a transaction\n", cmp.Whole)
	}
	parts := cmp.Parts
	if len(parts) <= 1 {
		parts = []migrate.Part{{Role: "main", Plan: cmp.Plan}}
	}
	for i := range parts {
		n := i
		if opts.downgrade {
			// Downgrades run the last revision first.
			n = len(parts) - 1 - i
		}
		part := parts[n]
		stmts := part.Plan.Upgrade()
		if opts.downgrade {
			stmts = part.Plan.Downgrade()
		}
		if i > 0 {
			fmt.Fprintln(a.Stdout)
		}
		switch {
		case len(parts) > 1 && part.Transactional():
			fmt.Fprintf(a.Stdout, "-- revision %d of %d: runs in a transaction\n\n", n+1, len(parts))
		case len(parts) > 1:
			fmt.Fprintf(a.Stdout, "-- revision %d of %d: runs outside a transaction (the revision is marked transaction false)\n\n", n+1, len(parts))
		case !part.Transactional():
			fmt.Fprintln(a.Stdout, "-- runs outside a transaction (the revision is marked transaction false)")
			fmt.Fprintln(a.Stdout)
		}
		fmt.Fprint(a.Stdout, autogen.Render(stmts))
	}
	return nil
}
