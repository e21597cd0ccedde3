package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/migrate-tool/migrate/revision"
	"github.com/spf13/cobra"
)

// revisionOptions are the flags of `migrate revision`.
type revisionOptions struct {
	message      string
	head         string
	splice       bool
	branchLabels []string
	dependsOn    []string
	revID        string
	versionPath  string
	autogen      autogenerateFlags // --autogenerate and friends (autogenerate.go)
}

func newRevisionCmd(a *App) *cobra.Command {
	opts := &revisionOptions{}
	cmd := &cobra.Command{
		Use:   "revision -m MESSAGE",
		Short: "Create a new, empty revision file on the current head",
		Long: `Create versions/<id>_<slug>.sql with a header and empty upgrade and
downgrade sections, and print its path. No database is needed.

The new revision's parent is the single head of the graph. With several heads
say which one with --head (an id, a prefix, <label>@head), or join them first
with migrate merge heads. --head base starts a new, independent branch (give
it a --branch-label). --head on a revision that is not a head needs --splice:
it creates a second branch from that point.

--depends-on makes the revision need another one (usually on another branch)
without merging the branches. The file goes to the versions directory of its
parent, or the first configured one; --version-path picks another configured
directory.`,
		Example: `  migrate revision -m "add users"
  migrate revision -m "billing tables" --head base --branch-label billing
  migrate revision -m "invoice users" --head billing@head --depends-on 3f2a9c1b
  migrate revision -m "hotfix" --head 1a2b3c --splice`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(opts.message) == "" {
				return usageError(`revision: give a message with -m "what the revision does" (it names the file and shows in history)`)
			}
			if opts.autogen.enabled {
				return a.runAutogenerate(cmd.Context(), opts)
			}
			// These only change what autogenerate writes: silently
			// ignoring them would hide a forgotten --autogenerate.
			for _, name := range []string{"allow-empty", "verify", "rename", "concurrent-indexes", "not-valid", "no-cache"} {
				if cmd.Flags().Changed(name) {
					return usageError("revision: --%s only works with --autogenerate", name)
				}
			}
			return a.runRevision(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.message, "message", "m", "", "what the revision does (first line goes into the file name)")
	f.StringVar(&opts.head, "head", "", "revision to build on: an id, <label>@head, or base for a new branch (default: the single head)")
	f.BoolVar(&opts.splice, "splice", false, "allow --head to name a revision that is not a head (creates a branch)")
	f.StringArrayVar(&opts.branchLabels, "branch-label", nil, "branch label for the new revision (repeatable)")
	f.StringArrayVar(&opts.dependsOn, "depends-on", nil, "revision the new one depends on, without merging (repeatable)")
	f.StringVar(&opts.revID, "rev-id", "", "id to use instead of 12 random hex characters (letters, digits, _)")
	f.StringVar(&opts.versionPath, "version-path", "", "configured versions directory to write the file to")
	addAutogenerateFlags(f, &opts.autogen)
	return cmd
}

func (a *App) runRevision(opts *revisionOptions) error {
	return a.writeAndPrint(opts.newRevision())
}

// newRevision fills the header fields of a new revision from the flags.
func (opts *revisionOptions) newRevision() newRevision {
	nr := newRevision{
		Message:      opts.message,
		Splice:       opts.splice,
		BranchLabels: opts.branchLabels,
		DependsOn:    opts.dependsOn,
		RevID:        opts.revID,
		VersionPath:  opts.versionPath,
	}
	if opts.head != "" {
		nr.Heads = []string{opts.head}
	}
	return nr
}

// writeAndPrint writes nr and prints the path of the new file.
func (a *App) writeAndPrint(nr newRevision) error {
	path, _, err := a.writeRevision(nr)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.Stdout, path)
	return nil
}

// newRevision describes a revision file to create. The revision and merge
// commands fill it from their flags; autogenerate adds the SQL.
type newRevision struct {
	Message string
	// Heads are target specs of the parents; empty means the graph's single
	// head (or none on an empty graph), ["base"] a new base. Several specs
	// (or one naming several revisions, like "heads") make a merge.
	Heads []string
	// Splice allows parents that are not heads.
	Splice       bool
	BranchLabels []string
	// DependsOn are target specs of dependencies.
	DependsOn   []string
	RevID       string
	VersionPath string
	// Upgrade and Downgrade are the sections' SQL; empty for an empty
	// revision. IrreversibleReason, when set, marks the downgrade
	// irreversible (Downgrade must then be empty or comments).
	Upgrade, Downgrade string
	IrreversibleReason string
	// NoTransaction writes "transaction false" for statements such as
	// CREATE INDEX CONCURRENTLY.
	NoTransaction bool
	// Merge requires two or more parents (the merge command).
	Merge bool
}

// versionDir is one configured versions directory: where it is on disk and
// how messages show it (relative to the project directory when inside).
type versionDir struct {
	abs, show string
}

func (a *App) versionDirs() ([]versionDir, error) {
	cfg, err := a.Config()
	if err != nil {
		return nil, err
	}
	if len(cfg.Versions.Dirs) == 0 {
		return nil, usageError("no versions directory configured: set [versions] dirs in %s", versionsConfigName(cfg.Path))
	}
	var out []versionDir
	for _, d := range cfg.Versions.Dirs {
		abs := d
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(cfg.Dir, d)
		}
		abs = filepath.Clean(abs)
		show := abs
		if cfg.Dir != "" {
			if rel, err := filepath.Rel(cfg.Dir, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				show = rel
			}
		}
		out = append(out, versionDir{abs: abs, show: show})
	}
	return out, nil
}

func versionsConfigName(path string) string {
	if path == "" {
		return "migrate.toml"
	}
	return path
}

// loadGraph reads the headers of every configured versions directory. A
// directory that does not exist is an error unless allowMissing (creating
// the first revision creates it).
func (a *App) loadGraph(allowMissing bool) (*revision.Graph, []versionDir, error) {
	srcs, dirs, err := a.versionSources(allowMissing)
	if err != nil {
		return nil, nil, err
	}
	g, err := revision.LoadHeaders(srcs)
	if err != nil {
		return nil, nil, err
	}
	return g, dirs, nil
}

// versionSources opens every configured versions directory that exists;
// one that does not is an error unless allowMissing.
func (a *App) versionSources(allowMissing bool) ([]revision.Source, []versionDir, error) {
	dirs, err := a.versionDirs()
	if err != nil {
		return nil, nil, err
	}
	var srcs []revision.Source
	for _, d := range dirs {
		st, err := os.Stat(d.abs)
		switch {
		case errors.Is(err, fs.ErrNotExist) && allowMissing:
			continue
		case errors.Is(err, fs.ErrNotExist):
			return nil, nil, fmt.Errorf("versions directory %s does not exist: create it with migrate init or migrate revision", d.show)
		case err != nil:
			return nil, nil, fmt.Errorf("versions directory %s: %w", d.show, err)
		case !st.IsDir():
			return nil, nil, fmt.Errorf("versions directory %s is not a directory", d.show)
		}
		srcs = append(srcs, revision.Source{Dir: d.show, FS: os.DirFS(d.abs)})
	}
	return srcs, dirs, nil
}

// writeRevision creates the file for nr and returns its path (as messages
// show it) and the revision written. It validates everything before
// writing: parents, dependencies, labels, id and SQL.
func (a *App) writeRevision(nr newRevision) (string, *revision.Revision, error) {
	g, dirs, err := a.loadGraph(true)
	if err != nil {
		return "", nil, err
	}
	parents, err := pickParents(g, nr)
	if err != nil {
		return "", nil, err
	}
	r := &revision.Revision{
		Parents:       revisionIDs(parents),
		Message:       strings.TrimSpace(nr.Message),
		Created:       time.Now().UTC().Truncate(time.Second),
		Transactional: !nr.NoTransaction,
		Upgrade:       revision.NewSection(nr.Upgrade),
		Downgrade:     revision.NewSection(nr.Downgrade),
	}
	if nr.IrreversibleReason != "" {
		r.Downgrade.Irreversible = true
		r.Downgrade.Reason = strings.Join(strings.Fields(nr.IrreversibleReason), " ")
	}
	if r.DependsOn, err = pickDependencies(g, nr.DependsOn, r.Parents); err != nil {
		return "", nil, err
	}
	for _, l := range nr.BranchLabels {
		if err := revision.ValidateLabel(l); err != nil {
			return "", nil, usageError("--branch-label: %v", err)
		}
		if owner, ok := g.LabelOwner(l); ok {
			return "", nil, usageError("--branch-label %s: already declared by %s (%s)", l, owner.ID, owner.File())
		}
		r.BranchLabels = append(r.BranchLabels, l)
	}
	if r.ID, err = pickID(g, nr.RevID); err != nil {
		return "", nil, err
	}
	dir, err := a.pickDir(g, dirs, nr.VersionPath, parents)
	if err != nil {
		return "", nil, err
	}
	// The file must read back as the same revision, and the graph must stay
	// valid with it: check both before anything touches the disk.
	name := revision.FileName(r)
	data := revision.Format(r)
	back, err := revision.Parse(filepath.Join(dir.show, name), data)
	if err != nil {
		return "", nil, fmt.Errorf("the new revision does not parse back: %w", err)
	}
	back.Dir, back.Path = dir.show, name
	if _, err := revision.NewGraph(append(g.Revisions(), back)); err != nil {
		return "", nil, err
	}
	if err := os.MkdirAll(dir.abs, 0o755); err != nil {
		return "", nil, fmt.Errorf("create versions directory: %w", err)
	}
	f, err := os.OpenFile(filepath.Join(dir.abs, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return "", nil, fmt.Errorf("write revision: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return "", nil, fmt.Errorf("write revision: %w", err)
	}
	if err := f.Close(); err != nil {
		return "", nil, fmt.Errorf("write revision: %w", err)
	}
	return filepath.Join(dir.show, name), back, nil
}

func revisionIDs(revs []*revision.Revision) []string {
	out := make([]string, len(revs))
	for i, r := range revs {
		out[i] = r.ID
	}
	return out
}

// pickParents resolves nr.Heads into the new revision's parents.
func pickParents(g *revision.Graph, nr newRevision) ([]*revision.Revision, error) {
	if len(nr.Heads) == 0 {
		heads := g.Heads()
		if len(heads) > 1 {
			return nil, usageError("there are %d heads (%s): choose one with --head (an id or <label>@head), --head base for a new branch, or join them first with migrate merge heads",
				len(heads), strings.Join(revisionIDs(heads), ", "))
		}
		return heads, nil
	}
	var parents []*revision.Revision
	seen := map[string]bool{}
	for _, spec := range nr.Heads {
		if strings.TrimSpace(spec) == "base" {
			if len(nr.Heads) > 1 {
				return nil, usageError("base cannot be combined with other revisions")
			}
			return nil, nil
		}
		revs, err := g.Resolve(spec)
		if err != nil {
			return nil, err
		}
		for _, r := range revs {
			if !seen[r.ID] {
				seen[r.ID] = true
				parents = append(parents, r)
			}
		}
	}
	for _, p := range parents {
		if !g.IsHead(p.ID) && !nr.Splice {
			kids := g.Children(p.ID)
			return nil, usageError("revision %s is not a head (its children: %s): pass --splice to start a branch from it, or build on a head",
				p.ID, strings.Join(revisionIDs(kids), ", "))
		}
	}
	if nr.Merge && len(parents) < 2 {
		return nil, usageError("a merge needs at least two revisions, got %s (heads: %s)",
			strings.Join(revisionIDs(parents), ", "), strings.Join(revisionIDs(g.Heads()), ", "))
	}
	if len(parents) > 1 {
		if err := checkIndependent(g, parents); err != nil {
			return nil, err
		}
	}
	return parents, nil
}

// checkIndependent refuses to merge a revision with its own ancestor.
func checkIndependent(g *revision.Graph, revs []*revision.Revision) error {
	for _, a := range revs {
		for _, b := range revs {
			if a == b {
				continue
			}
			up, err := g.Range(a.ID+":"+b.ID, nil)
			if err != nil {
				return err
			}
			if len(up) > 0 {
				return usageError("%s is an ancestor of %s: merging them changes nothing; merge heads of different branches", a.ID, b.ID)
			}
		}
	}
	return nil
}

// pickDependencies resolves --depends-on specs to ids, dropping parents.
func pickDependencies(g *revision.Graph, specs []string, parents []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, p := range parents {
		seen[p] = true
	}
	for _, spec := range specs {
		revs, err := g.Resolve(spec)
		if err != nil {
			return nil, fmt.Errorf("--depends-on: %w", err)
		}
		if len(revs) == 0 {
			return nil, usageError("--depends-on %s names no revision", spec)
		}
		for _, r := range revs {
			if !seen[r.ID] {
				seen[r.ID] = true
				out = append(out, r.ID)
			}
		}
	}
	return out, nil
}

func pickID(g *revision.Graph, given string) (string, error) {
	if given == "" {
		for {
			id := revision.NewID()
			if _, taken := g.Revision(id); !taken {
				return id, nil
			}
		}
	}
	if err := revision.ValidateID(given); err != nil {
		return "", usageError("--rev-id: %v", err)
	}
	if r, taken := g.Revision(given); taken {
		return "", usageError("--rev-id %s: revision already exists (%s)", given, r.File())
	}
	if _, taken := g.LabelOwner(given); taken {
		return "", usageError("--rev-id %s: a branch label has this name", given)
	}
	return given, nil
}

// pickDir chooses where the file goes: --version-path (one of the
// configured directories), else the first parent's directory, else the
// first configured directory.
func (a *App) pickDir(g *revision.Graph, dirs []versionDir, versionPath string, parents []*revision.Revision) (versionDir, error) {
	if versionPath != "" {
		want := versionPath
		if !filepath.IsAbs(want) {
			base := a.WorkDir
			if base == "" {
				base, _ = os.Getwd()
			}
			want = filepath.Join(base, want)
		}
		want = filepath.Clean(want)
		var shown []string
		for _, d := range dirs {
			if d.abs == want {
				return d, nil
			}
			shown = append(shown, d.show)
		}
		return versionDir{}, usageError("--version-path %s is not a configured versions directory (configured: %s): add it to [versions] dirs",
			versionPath, strings.Join(shown, ", "))
	}
	if len(parents) > 0 {
		for _, d := range dirs {
			if d.show == parents[0].Dir {
				return d, nil
			}
		}
	}
	return dirs[0], nil
}
