package cli

import (
	"strings"

	migrate "github.com/migrate-tool/migrate"
	"github.com/spf13/cobra"
)

// stampOptions are the arguments of `migrate stamp`.
type stampOptions struct {
	revs  []string
	purge bool
	sql   bool
}

func newStampCmd(a *App) *cobra.Command {
	opts := &stampOptions{}
	cmd := &cobra.Command{
		Use:   "stamp REV...",
		Short: "Set the version table to REV without running any SQL",
		Long: `Record in the version table that the database is at REV (several for
several branches) without running any revision SQL: for a database created
by other means, or to repair the version table by hand. REV is any upgrade or
downgrade target (head, heads, a revision, label@head, base, +N, -N); each
REV moves only its own branch, other branches keep their rows. --purge
empties the version table first, even when it holds revisions that no
versions directory has.

Each stamped revision is recorded in the audit table with the checksum of
its file, so later edits of it are detected like edits of applied revisions.

--sql prints the SQL instead; with a single FROM:TO argument (base:head)
no database is needed.`,
		Example: `  migrate stamp head
  migrate stamp --purge 1a2b3c4d5e6f
  migrate stamp --sql base:head`,
		// "-1" is a target, not a flag: flags are parsed by hand, as in
		// downgrade.
		DisableFlagParsing: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			args, help, err := parseKeepingNumbers(cmd, args)
			if err != nil {
				return err
			}
			if help {
				return cmd.Help()
			}
			if len(args) == 0 {
				return usageError("stamp: requires at least 1 arg (REV), received 0; usage: %s", cmd.UseLine())
			}
			opts.revs = args
			return a.runStamp(cmd, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.purge, "purge", false, "empty the version table first, whatever it holds")
	cmd.Flags().BoolVar(&opts.sql, "sql", false, "print the SQL instead of running it (a single FROM:TO argument needs no database)")
	return cmd
}

func (a *App) runStamp(cmd *cobra.Command, opts *stampOptions) error {
	so := migrate.StampOptions{Purge: opts.purge}
	revs := opts.revs
	for _, r := range revs {
		switch {
		case !strings.Contains(r, ":"):
		case !opts.sql:
			return usageError("stamp %s: FROM:TO is only for offline scripts; add --sql", r)
		case len(revs) != 1:
			return usageError("stamp %s: FROM:TO must be the only argument; stamp --sql writes one script from FROM to TO", r)
		}
	}
	if from, to, ok := strings.Cut(revs[0], ":"); ok {
		if from == "" || to == "" {
			return usageError("stamp %s: want FROM:TO, for example base:head", revs[0])
		}
		so.From, revs = from, []string{to}
	}
	if opts.sql {
		so.SQL = a.Stdout
	}
	m, err := a.openMigrator(cmd.Context())
	if err != nil {
		return err
	}
	defer m.Close()
	_, err = m.Stamp(cmd.Context(), revs, so)
	return err
}
