package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/migrate-tool/migrate/revision"
	"github.com/spf13/cobra"
)

// historyOptions are the flags of `migrate history`.
type historyOptions struct {
	rng  string
	json bool
	// current, when set, returns the database's version-table rows: it
	// turns on "(current)" markers and makes "current" and relative steps
	// usable in -r. nil keeps history database-free.
	current func(ctx context.Context) ([]string, error)
}

func newHistoryCmd(a *App) *cobra.Command {
	opts := &historyOptions{}
	var indicate bool
	cmd := &cobra.Command{
		Use:   "history",
		Short: "List revisions, newest first",
		Long: `List the revisions of the graph newest first, one per line:

  <parents> -> <id> (<labels>) (head) (branchpoint) (mergepoint), <message>

where <parents> is <base> for a first revision and "a, b" for a merge.
-r A:B limits the listing to revisions at or above A and at or below B; either
side may be empty, and both take ids, prefixes, labels, <label>@head,
<label>@base, head, heads, base and REV+N / REV-N. --verbose prints every
header field. No database is needed, except with --indicate-current (-i),
which reads the version table and marks the rows it holds with (current).

--json prints {"revisions": [<revision>]} newest first; see
docs/revision-format.md for the revision object.`,
		Example: `  migrate history
  migrate history -r base:head --verbose
  migrate history -r 3f2a: --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if indicate {
				opts.current = a.currentHeads
			}
			return a.runHistory(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVarP(&indicate, "indicate-current", "i", false, "mark the revisions the database is at (reads the version table)")
	cmd.Flags().StringVarP(&opts.rng, "rev-range", "r", "", "range A:B of revisions to list")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the revisions as JSON")
	return cmd
}

type historyJSON struct {
	Revisions []revision.Info `json:"revisions"`
}

func (a *App) runHistory(ctx context.Context, opts *historyOptions) error {
	g, _, err := a.loadGraph(false)
	if err != nil {
		return err
	}
	var current []string // nil: the database position is unknown
	var currentSet map[string]bool
	if opts.current != nil {
		if current, err = opts.current(ctx); err != nil {
			return err
		}
		if current == nil {
			current = []string{}
		}
		currentSet = map[string]bool{}
		for _, id := range current {
			currentSet[id] = true
		}
	}
	rng := opts.rng
	if rng == "" {
		rng = ":"
	}
	revs, err := g.Range(rng, current)
	var re *revision.ResolveError
	if err != nil && opts.current == nil && errors.As(err, &re) && strings.Contains(re.Reason, "needs the database") {
		// The database is only read with -i; say so rather than leave
		// the reader looking for a way to give it.
		return fmt.Errorf("%w: add -i (--indicate-current) to read it from the database", err)
	}
	if err != nil {
		return err
	}
	for i, j := 0, len(revs)-1; i < j; i, j = i+1, j-1 {
		revs[i], revs[j] = revs[j], revs[i]
	}
	if opts.json {
		out := historyJSON{Revisions: []revision.Info{}}
		for _, r := range revs {
			out.Revisions = append(out.Revisions, g.Describe(r, currentSet))
		}
		return a.printJSON(out)
	}
	return g.WriteHistory(a.Stdout, revs, revision.RenderOptions{Verbose: a.verbose, Current: currentSet})
}
