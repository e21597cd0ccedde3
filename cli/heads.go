package cli

import (
	"fmt"

	"github.com/migrate-tool/migrate/revision"
	"github.com/spf13/cobra"
)

// headsOptions are the flags of `migrate heads`.
type headsOptions struct {
	json bool
}

func newHeadsCmd(a *App) *cobra.Command {
	opts := &headsOptions{}
	cmd := &cobra.Command{
		Use:   "heads",
		Short: "List the heads of the revision graph",
		Long: `List the revisions nothing builds on, one per line:
"<id> (<labels>) (head), <message>". Several heads mean several branches:
upgrade them all with "heads", one with "<label>@head", or join them with
migrate merge heads. --verbose prints every header field. No database is
needed.

--json prints {"heads": [<revision>]}; see docs/revision-format.md for the
revision object.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runHeads(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the heads as JSON")
	return cmd
}

type headsJSON struct {
	Heads []revision.Info `json:"heads"`
}

func (a *App) runHeads(opts *headsOptions) error {
	g, _, err := a.loadGraph(false)
	if err != nil {
		return err
	}
	heads := g.Heads()
	if opts.json {
		out := headsJSON{Heads: []revision.Info{}}
		for _, h := range heads {
			out.Heads = append(out.Heads, g.Describe(h, nil))
		}
		return a.printJSON(out)
	}
	for _, h := range heads {
		if a.verbose {
			if err := g.WriteVerbose(a.Stdout, h, revision.RenderOptions{}); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(a.Stdout, "%s, %s\n", g.Tag(h, revision.RenderOptions{}), firstMessageLine(h.Message))
	}
	return nil
}

func firstMessageLine(m string) string {
	for i := 0; i < len(m); i++ {
		if m[i] == '\n' {
			return m[:i]
		}
	}
	return m
}
