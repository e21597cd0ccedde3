package cli

import (
	"fmt"

	"github.com/migrate-tool/migrate/revision"
	"github.com/spf13/cobra"
)

// branchesOptions are the flags of `migrate branches`.
type branchesOptions struct {
	json bool
}

func newBranchesCmd(a *App) *cobra.Command {
	opts := &branchesOptions{}
	cmd := &cobra.Command{
		Use:   "branches",
		Short: "List the branch points of the revision graph",
		Long: `List every revision two or more revisions build on, followed by its
children:

  <id> (branchpoint), <message>
    -> <child> (<labels>) (head), <message>

--verbose prints every header field of the branch point. No database is
needed.

--json prints {"branch_points": [<revision>]}; each revision's "children"
lists the branches. See docs/revision-format.md for the revision object.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runBranches(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the branch points as JSON")
	return cmd
}

type branchesJSON struct {
	BranchPoints []revision.Info `json:"branch_points"`
}

func (a *App) runBranches(opts *branchesOptions) error {
	g, _, err := a.loadGraph(false)
	if err != nil {
		return err
	}
	points := g.BranchPoints()
	if opts.json {
		out := branchesJSON{BranchPoints: []revision.Info{}}
		for _, r := range points {
			out.BranchPoints = append(out.BranchPoints, g.Describe(r, nil))
		}
		return a.printJSON(out)
	}
	if len(points) == 0 {
		fmt.Fprintln(a.Stdout, "No branch points: every revision has at most one child.")
		return nil
	}
	ro := revision.RenderOptions{}
	for _, r := range points {
		if a.verbose {
			if err := g.WriteVerbose(a.Stdout, r, ro); err != nil {
				return err
			}
		} else {
			fmt.Fprintf(a.Stdout, "%s, %s\n", g.Tag(r, ro), firstMessageLine(r.Message))
		}
		for _, c := range g.Children(r.ID) {
			fmt.Fprintf(a.Stdout, "  -> %s, %s\n", g.Tag(c, ro), firstMessageLine(c.Message))
		}
		if a.verbose {
			fmt.Fprintln(a.Stdout)
		}
	}
	return nil
}
