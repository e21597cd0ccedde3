package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/migrate-tool/migrate/revision"
	"github.com/spf13/cobra"
)

// showOptions are the flags of `migrate show`.
type showOptions struct {
	json bool
}

func newShowCmd(a *App) *cobra.Command {
	opts := &showOptions{}
	cmd := &cobra.Command{
		Use:   "show REV",
		Short: "Show one revision: its header and its SQL",
		Long: `Show the revision REV names (an id, a prefix of at least 4 characters, a
label, <label>@head, head, REV+N / REV-N): every header field, then its upgrade
and downgrade sections as written. No database is needed.

--json prints the revision object of docs/revision-format.md with "upgrade"
and "downgrade" added: {"line", "text", "checksum", "irreversible", "reason",
"statements": [{"sql", "line", "column", "no_transaction"}]}.`,
		Example: `  migrate show head
  migrate show 3f2a --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runShow(opts, args[0])
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the revision as JSON")
	return cmd
}

type showJSON struct {
	revision.Info
	Upgrade   *revision.SectionInfo `json:"upgrade"`
	Downgrade *revision.SectionInfo `json:"downgrade"`
}

func (a *App) runShow(opts *showOptions, spec string) error {
	g, _, err := a.loadGraph(false)
	if err != nil {
		return err
	}
	revs, err := g.Resolve(spec)
	if err != nil {
		return err
	}
	if len(revs) != 1 {
		return usageError("show %s: names %d revisions (%s); show takes one", spec, len(revs), strings.Join(revisionIDs(revs), ", "))
	}
	r, err := g.ReadFull(revs[0].ID)
	if err != nil {
		return err
	}
	if opts.json {
		return a.printJSON(showJSON{
			Info:      g.Describe(r, nil),
			Upgrade:   revision.DescribeSection(r.Upgrade),
			Downgrade: revision.DescribeSection(r.Downgrade),
		})
	}
	if err := g.WriteVerbose(a.Stdout, r, revision.RenderOptions{}); err != nil {
		return err
	}
	writeSection(a.Stdout, "-- migrate:upgrade", r.Upgrade)
	down := "-- migrate:downgrade"
	if r.Downgrade.Irreversible {
		down = strings.TrimSpace("-- migrate:irreversible " + r.Downgrade.Reason)
	}
	writeSection(a.Stdout, down, r.Downgrade)
	return nil
}

func writeSection(w io.Writer, marker string, s *revision.Section) {
	fmt.Fprintln(w, marker)
	io.WriteString(w, s.Text)
	if s.Text != "" && !strings.HasSuffix(s.Text, "\n") {
		fmt.Fprintln(w)
	}
}
