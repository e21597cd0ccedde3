package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// mergeOptions are the flags of `migrate merge`.
type mergeOptions struct {
	message      string
	branchLabels []string
	revID        string
	versionPath  string
}

func newMergeCmd(a *App) *cobra.Command {
	opts := &mergeOptions{}
	cmd := &cobra.Command{
		Use:   "merge [-m MESSAGE] REV REV... | heads",
		Short: "Create a revision that joins two or more heads",
		Long: `Create a merge revision whose parents are the given revisions (ids,
prefixes, <label>@head, or "heads" for every head) and print its path. Its
upgrade and downgrade sections are empty: the merge only joins the history so
that "head" names one revision again. No database is needed.`,
		Example: `  migrate merge heads
  migrate merge -m "join billing" 3f2a 9e8d`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runMerge(opts, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.message, "message", "m", "", `message (default "merge <ids>")`)
	f.StringArrayVar(&opts.branchLabels, "branch-label", nil, "branch label for the merge revision (repeatable)")
	f.StringVar(&opts.revID, "rev-id", "", "id to use instead of 12 random hex characters")
	f.StringVar(&opts.versionPath, "version-path", "", "configured versions directory to write the file to")
	return cmd
}

func (a *App) runMerge(opts *mergeOptions, args []string) error {
	msg := opts.message
	if msg == "" {
		g, _, err := a.loadGraph(true)
		if err != nil {
			return err
		}
		var names []string
		for _, spec := range args {
			revs, err := g.Resolve(spec)
			if err != nil {
				return err
			}
			names = append(names, revisionIDs(revs)...)
		}
		msg = "merge " + strings.Join(names, ", ")
	}
	path, _, err := a.writeRevision(newRevision{
		Message:      msg,
		Heads:        args,
		Splice:       true, // merging non-heads is allowed: it creates a branch that is joined
		BranchLabels: opts.branchLabels,
		RevID:        opts.revID,
		VersionPath:  opts.versionPath,
		Merge:        true,
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(a.Stdout, path)
	return nil
}
