package cli

import (
	"context"
	"fmt"
	"time"

	migrate "github.com/migrate-tool/migrate"
	"github.com/spf13/cobra"
)

// currentOptions are the flags of `migrate current`.
type currentOptions struct {
	json bool
}

func newCurrentCmd(a *App) *cobra.Command {
	opts := &currentOptions{}
	cmd := &cobra.Command{
		Use:   "current",
		Short: "Show the revisions the database is at, and applied revisions edited since",
		Long: `Print each row of the version table: the revision id, "(head)" when no
revision follows it in versions/, "(unknown)" when no versions directory has
it. Nothing is printed for a database at base. With --verbose (-v) each
revision's parents, file, message and creation time follow.

Applied revisions whose file changed since they were applied (the checksum
of either section recorded in the audit table differs) are listed as
warnings; upgrade and downgrade refuse to run until the file is restored or
--allow-edited is given. Revisions below the applied heads that never ran
(history inserted or re-parented after its descendants were applied) are
listed as warnings too; upgrade refuses until --apply-missing is given.
current takes no lock and writes nothing.

--json prints {"heads": [{"revision", "is_head", "known", "message", "path"}],
"edited": [{"revision", "path", "sections", "applied_checksum",
"file_checksum", "applied_at"}], "missing": [{"revision", "path",
"reason"}]}; every array is present, possibly empty.`,
		Example: `  migrate current
  migrate -x env=prod current --verbose
  migrate current --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runCurrent(cmd, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the heads and edited revisions as JSON")
	return cmd
}

type currentJSON struct {
	Heads   []currentHeadJSON `json:"heads"`
	Edited  []editedJSON      `json:"edited"`
	Missing []missingJSON     `json:"missing"`
}

// missingJSON is a revision below the applied heads that never ran.
type missingJSON struct {
	Revision string `json:"revision"`
	Path     string `json:"path"`
	Reason   string `json:"reason"`
}

func missingToJSON(ms []migrate.Missing) []missingJSON {
	out := make([]missingJSON, 0, len(ms))
	for _, m := range ms {
		out = append(out, missingJSON{Revision: m.ID, Path: m.Path, Reason: m.Reason()})
	}
	return out
}

func editedToJSON(es []migrate.Edited) []editedJSON {
	out := make([]editedJSON, 0, len(es))
	for _, e := range es {
		out = append(out, editedJSON{Revision: e.ID, Path: e.Path, Sections: nonNil(e.Sections),
			AppliedChecksum: e.AppliedChecksum, FileChecksum: e.FileChecksum, AppliedAt: e.AppliedAt.UTC()})
	}
	return out
}

// missingWarning is the line current prints for a missing revision.
func missingWarning(m migrate.Missing) string {
	return fmt.Sprintf("warning: %s (%s) is below the applied heads but %s (history inserted or re-parented): apply it with migrate upgrade --apply-missing",
		m.ID, m.Path, m.Reason())
}

type currentHeadJSON struct {
	Revision string `json:"revision"`
	IsHead   bool   `json:"is_head"`
	Known    bool   `json:"known"`
	// Message and Path are "" for a revision no versions dir has.
	Message string `json:"message"`
	Path    string `json:"path"`
}

type editedJSON struct {
	Revision string `json:"revision"`
	Path     string `json:"path"`
	// Sections are the edited sections: "upgrade", "downgrade" or both.
	Sections        []string  `json:"sections"`
	AppliedChecksum string    `json:"applied_checksum"`
	FileChecksum    string    `json:"file_checksum"`
	AppliedAt       time.Time `json:"applied_at"`
}

func (a *App) runCurrent(cmd *cobra.Command, opts *currentOptions) error {
	m, err := a.openMigrator(cmd.Context())
	if err != nil {
		return err
	}
	defer m.Close()
	st, err := m.Current(cmd.Context())
	if err != nil {
		return err
	}
	if opts.json {
		return a.printJSON(currentToJSON(st))
	}
	for _, h := range st.Heads {
		switch {
		case h.Revision == nil:
			fmt.Fprintf(a.Stdout, "%s (unknown)\n", h.ID)
		case h.IsGraphHead:
			fmt.Fprintf(a.Stdout, "%s (head)\n", h.ID)
		default:
			fmt.Fprintf(a.Stdout, "%s\n", h.ID)
		}
		if a.verbose {
			writeRevisionDetail(a, h)
		}
	}
	for _, e := range st.Edited {
		fmt.Fprintf(a.Stdout, "warning: %s (%s) was edited after it was applied on %s (%s): restore it, or upgrade/downgrade need --allow-edited\n",
			e.ID, e.Path, e.AppliedAt.UTC().Format(time.RFC3339), e.What())
	}
	for _, m := range st.Missing {
		fmt.Fprintln(a.Stdout, missingWarning(m))
	}
	return nil
}

func writeRevisionDetail(a *App, h migrate.Head) {
	r := h.Revision
	if r == nil {
		fmt.Fprintf(a.Stdout, "  no versions directory has this revision: restore its file, or reset the version table with migrate stamp --purge REV\n")
		return
	}
	fmt.Fprintf(a.Stdout, "  Parents: %s\n", describeRows(r.Parents))
	fmt.Fprintf(a.Stdout, "  Path:    %s\n", r.File())
	if r.Message != "" {
		fmt.Fprintf(a.Stdout, "  Message: %s\n", r.Message)
	}
	if !r.Created.IsZero() {
		fmt.Fprintf(a.Stdout, "  Created: %s\n", r.Created.UTC().Format(time.RFC3339))
	}
}

func currentToJSON(st *migrate.Status) currentJSON {
	out := currentJSON{Heads: []currentHeadJSON{}, Edited: editedToJSON(st.Edited), Missing: missingToJSON(st.Missing)}
	for _, h := range st.Heads {
		j := currentHeadJSON{Revision: h.ID, IsHead: h.IsGraphHead, Known: h.Revision != nil}
		if h.Revision != nil {
			j.Message, j.Path = h.Revision.Message, h.Revision.File()
		}
		out.Heads = append(out.Heads, j)
	}
	return out
}

// currentHeads reads the version-table rows, for history --indicate-current.
func (a *App) currentHeads(ctx context.Context) ([]string, error) {
	m, err := a.openMigrator(ctx)
	if err != nil {
		return nil, err
	}
	defer m.Close()
	return m.Heads(ctx)
}
