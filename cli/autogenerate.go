package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	migrate "github.com/migrate-tool/migrate"
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
	a.warnNotManaged(cmp.Target.NotManaged, co.Config)
	if cmp.Plan.Empty() && !g.allowEmpty {
		fmt.Fprintln(a.Stdout, "No changes detected")
		return nil
	}
	a.printDetected(cmp.Plan)
	for _, why := range cmp.Plan.Unrunnable {
		fmt.Fprintf(a.Stderr, "Warning: the upgrade cannot run on this server: %s\n", why)
	}
	for _, why := range cmp.Plan.Irreversible {
		fmt.Fprintf(a.Stderr, "Downgrade marked irreversible: %s\n", why)
	}
	a.printRenameHints(cmp.Plan, cmp.Live, defaultSchema(co.Config))
	if g.verify && !cmp.Plan.Empty() {
		if err := m.Verify(ctx, cmp, co); err != nil {
			return err
		}
		if len(cmp.Plan.Irreversible) > 0 {
			fmt.Fprintln(a.Stderr, "Verified on a scratch copy: the upgrade reaches the target (the downgrade is irreversible).")
		} else {
			fmt.Fprintln(a.Stderr, "Verified on a scratch copy: the upgrade reaches the target and the downgrade returns to the current schema.")
		}
	}
	if cmp.Whole != "" {
		fmt.Fprintf(a.Stderr, "warning: --concurrent-indexes: %s, so the whole revision runs outside a transaction (transaction false); to keep the other changes atomic, build the index in a revision of its own first\n", cmp.Whole)
	}
	if len(cmp.Parts) <= 1 {
		nr := opts.newRevision()
		nr.setSections(cmp.Plan)
		return a.writeAndPrint(nr)
	}
	return a.writeParts(opts, cmp.Parts)
}

// writeParts writes one revision per part, each the child of the one
// before, so that only the CONCURRENTLY statements run outside a
// transaction. --rev-id names the main part (the others add _drop or
// _build to it); --head, --splice,
// --branch-label and --depends-on apply to the first. Should a file
// fail to be written, those written before it are removed.
func (a *App) writeParts(opts *revisionOptions, parts []migrate.Part) (err error) {
	cfg, err := a.Config()
	if err != nil {
		return err
	}
	var written []string
	defer func() {
		if err != nil {
			for _, p := range written {
				if !filepath.IsAbs(p) {
					p = filepath.Join(cfg.Dir, p)
				}
				os.Remove(p)
			}
		}
	}()
	base := opts.newRevision()
	prev := ""
	for i, part := range parts {
		nr := newRevision{Message: base.Message + part.MessageSuffix(), VersionPath: base.VersionPath}
		if i == 0 {
			nr.Heads, nr.Splice, nr.BranchLabels, nr.DependsOn = base.Heads, base.Splice, base.BranchLabels, base.DependsOn
		} else {
			nr.Heads = []string{prev}
		}
		if base.RevID != "" {
			// Scripts that name the revision get names for the others too.
			nr.RevID = base.RevID + part.IDSuffix()
		}
		nr.setSections(part.Plan)
		path, r, err := a.writeRevision(nr)
		if err != nil {
			return err
		}
		written = append(written, path)
		prev = r.ID
	}
	for _, p := range written {
		fmt.Fprintln(a.Stdout, p)
	}
	fmt.Fprintf(a.Stderr, "Wrote %d revisions: the CONCURRENTLY index statements run in their own revision, outside a transaction (transaction false); the other changes stay in one transaction.\n", len(written))
	return nil
}

// setSections fills the revision's sections from plan p: a downgrade that
// cannot run is written as comments under an irreversible marker.
func (nr *newRevision) setSections(p *autogen.Plan) {
	nr.Upgrade = autogen.Render(p.Upgrade())
	nr.Downgrade = autogen.Render(p.Downgrade())
	if why := p.Irreversible; len(why) > 0 {
		nr.IrreversibleReason = strings.Join(why, "; ")
		nr.Downgrade = autogen.RenderIrreversible(p.Downgrade())
	}
	nr.NoTransaction = !p.Transactional()
}
