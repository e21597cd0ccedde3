package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/lint"
	"github.com/migrate-tool/migrate/revision"
	"github.com/spf13/cobra"
)

// lintOptions are the flags of `migrate lint`.
type lintOptions struct {
	json    bool
	pending bool
}

func newLintCmd(a *App) *cobra.Command {
	opts := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint [FILE|REVISION ...]",
		Short: "Check revision files for statements that lock, rewrite or lose data",
		Long: `Judge revision files before they run: statements that take an ACCESS
EXCLUSIVE lock on a table that already exists, rewrite or scan it under a
lock, lose data or break the running application. The rules read the
statements' parse trees; docs/lint.md lists them with the safe way to do
each thing. A table created earlier in the same section is new: rules about
existing tables leave it alone.

With no argument every revision of the versions directories is linted.
FILE names a revision file, REVISION anything show accepts (an id, a
unique prefix, head, label@head). --pending lints the revisions the
configured database has not applied: the only form that connects.

Each finding is one line, FILE:LINE:COL: RULE: message (safe alternative),
in file order, followed by a count. A statement is exempt from a rule when
a "-- migrate:nolint RULE[,RULE] reason" line, or a hazard comment naming
the rule ("-- hazard KIND (RULE): ...", as autogenerate writes them), comes
right before it. [lint] in migrate.toml turns rules off or changes their
severity; lock_timeout in the configuration satisfies missing-lock-timeout.

Exit status: 1 when an error-level finding remains, 0 when there are only
warnings or nothing, 2 on bad input (a file that does not parse, an unknown
revision or rule).

--json prints {"findings": [{"file", "line", "column", "rule", "severity",
"message", "statement"}]}; the exit status is the same.`,
		Example: `  migrate lint
  migrate lint versions/3f2a9c1b7d4e_add_avatar_url_to_users.sql
  migrate lint head --json
  migrate -x env=prod lint --pending`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runLint(cmd.Context(), opts, args)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.json, "json", false, "print the findings as JSON")
	f.BoolVar(&opts.pending, "pending", false, "lint the revisions the configured database has not applied")
	return cmd
}

// lintJSON is the stable shape of lint --json.
type lintJSON struct {
	Findings []lint.Finding `json:"findings"`
}

func (a *App) runLint(ctx context.Context, opts *lintOptions, args []string) error {
	if opts.pending && len(args) > 0 {
		return usageError("lint: --pending takes no FILE or REVISION arguments")
	}
	cfg, err := a.Config()
	if err != nil {
		return err
	}
	lo, err := lintOptionsFrom(cfg)
	if err != nil {
		return err
	}
	var revs []*revision.Revision
	switch {
	case opts.pending:
		m, err := a.openMigrator(ctx)
		if err != nil {
			return err
		}
		defer m.Close()
		if revs, err = m.Pending(ctx); err != nil {
			return err
		}
	default:
		if revs, err = a.lintTargets(args); err != nil {
			return err
		}
	}
	findings, err := lintRevisions(revs, lo)
	if err != nil {
		return err
	}
	if opts.json {
		if err := a.printJSON(lintJSON{Findings: findings}); err != nil {
			return err
		}
	} else {
		printFindings(a.Stdout, findings, len(revs))
	}
	if lint.HasErrors(findings) {
		return &ExitError{Code: 1}
	}
	return nil
}

// lintOptionsFrom reads [lint] and lock_timeout; a rule list naming no rule
// is an error at the line that sets it.
func lintOptionsFrom(cfg *config.Config) (lint.Options, error) {
	sev, err := lint.Settings(cfg.Lint.Disable, cfg.Lint.Error, cfg.Lint.Warning)
	var se *lint.SettingError
	if errors.As(err, &se) {
		return lint.Options{}, fmt.Errorf("%s: %w", cfg.Source(se.Key), err)
	}
	return lint.Options{Severity: sev, LockTimeout: cfg.LockTimeout > 0}, err
}

// lintTargets reads the revisions the arguments name (every revision when
// there is none): an existing file is read as a revision file, anything
// else is resolved in the versions directories' graph.
func (a *App) lintTargets(args []string) ([]*revision.Revision, error) {
	var g *revision.Graph
	graph := func() (*revision.Graph, error) {
		if g != nil {
			return g, nil
		}
		srcs, _, err := a.versionSources(false)
		if err != nil {
			return nil, err
		}
		g, err = revision.LoadTexts(srcs)
		return g, err
	}
	if len(args) == 0 {
		g, err := graph()
		if err != nil {
			return nil, err
		}
		return g.Revisions(), nil
	}
	var out []*revision.Revision
	seen := map[string]bool{}
	add := func(r *revision.Revision) {
		if key := r.File(); !seen[key] {
			seen[key] = true
			out = append(out, r)
		}
	}
	for _, arg := range args {
		path := arg
		if !filepath.IsAbs(path) && a.WorkDir != "" {
			path = filepath.Join(a.WorkDir, path)
		}
		if st, err := os.Stat(path); err == nil && !st.IsDir() {
			data, err := os.ReadFile(path)
			if err != nil {
				return nil, fmt.Errorf("lint: %w", err)
			}
			r, err := revision.ParseTexts(arg, data)
			if err != nil {
				return nil, err
			}
			add(r)
			continue
		}
		g, err := graph()
		if err != nil {
			return nil, err
		}
		revs, err := g.Resolve(arg)
		if err != nil {
			return nil, fmt.Errorf("lint: %s is not a file, and %w", arg, err)
		}
		for _, r := range revs {
			add(r)
		}
	}
	return out, nil
}

// lintRevisions lints revs in order.
func lintRevisions(revs []*revision.Revision, opts lint.Options) ([]lint.Finding, error) {
	findings := []lint.Finding{}
	for _, r := range revs {
		fs, err := lint.Revision(r, opts)
		if err != nil {
			return nil, err
		}
		findings = append(findings, fs...)
	}
	return findings, nil
}

// printFindings writes one line per finding and a count.
func printFindings(w io.Writer, findings []lint.Finding, revisions int) {
	errs := 0
	for _, f := range findings {
		fmt.Fprintln(w, f.String())
		if f.Severity == lint.SeverityError {
			errs++
		}
	}
	if len(findings) == 0 {
		fmt.Fprintf(w, "No findings in %s.\n", plural(revisions, "revision"))
		return
	}
	fmt.Fprintf(w, "%s (%s, %s) in %s.\n", plural(len(findings), "finding"), plural(errs, "error"),
		plural(len(findings)-errs, "warning"), plural(revisions, "revision"))
}

// lintPending lints the revisions the database has not applied, for check
// with [lint] in_check = true, and returns the findings and how many
// revisions were linted; nothing when in_check is off.
func lintPending(ctx context.Context, cfg *config.Config, m *migrate.Migrator) ([]lint.Finding, int, error) {
	if !cfg.Lint.InCheck {
		return nil, 0, nil
	}
	opts, err := lintOptionsFrom(cfg)
	if err != nil {
		return nil, 0, err
	}
	revs, err := m.Pending(ctx)
	if err != nil {
		return nil, 0, err
	}
	findings, err := lintRevisions(revs, opts)
	return findings, len(revs), err
}
