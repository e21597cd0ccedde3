package cli

import (
	"context"
	"fmt"

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
instead. The database must be at the head of the revision graph.

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
	a.printRenameHints(cmp.Plan, cmp.Live, defaultSchema(co.Config))
	if cmp.Plan.Empty() {
		fmt.Fprintln(a.Stdout, "No changes detected.")
		return nil
	}
	stmts := cmp.Plan.Upgrade()
	if opts.downgrade {
		stmts = cmp.Plan.Downgrade()
	}
	if !cmp.Plan.Transactional() {
		fmt.Fprintln(a.Stdout, "-- runs outside a transaction (the revision is marked transaction false)")
		fmt.Fprintln(a.Stdout)
	}
	fmt.Fprint(a.Stdout, autogen.Render(stmts))
	return nil
}
