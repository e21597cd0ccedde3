package cli

import (
	"context"
	"fmt"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/spf13/pflag"
)

// autogenerateFlags are what `migrate revision --autogenerate` adds to the
// revision command's flags.
type autogenerateFlags struct {
	enabled    bool
	allowEmpty bool
	verify     bool
	compare    compareFlags
}

func addAutogenerateFlags(f *pflag.FlagSet, g *autogenerateFlags) {
	f.BoolVar(&g.enabled, "autogenerate", false, "fill the revision with the changes from the live database to the declared target")
	f.BoolVar(&g.allowEmpty, "allow-empty", false, "with --autogenerate: write the revision even when no change is detected")
	f.BoolVar(&g.verify, "verify", false, "with --autogenerate: prove upgrade and downgrade on a scratch copy of the current schema before writing")
	addCompareFlags(f, &g.compare)
}

// runAutogenerate writes a revision holding the plan from the live schema
// to the declared target. The database must be at the head: the new
// revision's parent is that head.
func (a *App) runAutogenerate(ctx context.Context, opts *revisionOptions) error {
	g := &opts.autogen
	m, cmp, co, err := a.comparison(ctx, &g.compare)
	if err != nil {
		return err
	}
	defer m.Close()
	if cmp.Plan.Empty() && !g.allowEmpty {
		fmt.Fprintln(a.Stdout, "No changes detected")
		return nil
	}
	a.printDetected(cmp.Plan)
	a.printRenameHints(cmp.Plan, cmp.Live, defaultSchema(co.Config))
	if g.verify && !cmp.Plan.Empty() {
		if err := m.Verify(ctx, cmp, co); err != nil {
			return err
		}
		fmt.Fprintln(a.Stderr, "Verified on a scratch copy: the upgrade reaches the target and the downgrade returns to the current schema.")
	}
	nr := opts.newRevision()
	nr.Upgrade = autogen.Render(cmp.Plan.Upgrade())
	nr.Downgrade = autogen.Render(cmp.Plan.Downgrade())
	nr.NoTransaction = !cmp.Plan.Transactional()
	return a.writeAndPrint(nr)
}
