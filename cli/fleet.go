package cli

import (
	"context"
	"fmt"
	"strings"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/fleet"
	"github.com/migrate-tool/migrate/revision"
	"github.com/spf13/cobra"
)

// fleetOptions are the flags every fleet command takes.
type fleetOptions struct {
	parallel        int
	canary          int
	continueOnError bool
	json            bool
}

// fleetOp is one fleet command: its name for messages and how it runs on
// an open fleet.
type fleetOp struct {
	name string // "upgrade head", "current", ...
	kind fleetKind
	run  func(ctx context.Context, f *fleet.Fleet) (*fleet.Report, error)
}

// fleetKind says which statuses and JSON fields a fleet command has.
type fleetKind int

const (
	fleetRun     fleetKind = iota // upgrade, downgrade, stamp
	fleetCurrent                  // current
	fleetCheck                    // check
)

func newFleetCmd(a *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "fleet",
		Short: "Run one revision history on many databases ([fleet] in migrate.toml)",
		Long: `Run upgrade, downgrade, current, check or stamp on every database of the
fleet: a database per tenant, shards of one schema, regional copies. The
databases come from migrate.toml:

  [fleet]
  databases = ["postgres://app@db1/tenant_a", "${TENANT_B_URL}"]
  # or: query = "SELECT url FROM tenants WHERE active ORDER BY id"  (run on database.url)
  parallel = 4

Each database runs exactly what the single-database command runs: its own
advisory lock, a transaction per revision, audit rows. Up to --parallel
databases run at once, in the order listed. After the first failure no new
database starts (the running ones finish, the rest are "skipped") unless
--continue-on-error; a failed database stays at the last revision it
committed, and a rerun continues where each database is. --canary K runs
the first K databases alone first and stops everything if one of them
fails.

Databases are named by their connection string with the password replaced
by xxxxx. On a terminal each running database has a live line and a
summary table follows; otherwise each event is one line. An interrupt
(Ctrl-C) starts no new database and lets the running ones finish; a second
one interrupts them too (each rolls back its current revision).

Exit status: 0 when every database succeeded, 1 when fleet check found
drift somewhere, 2 when a database failed or was skipped (or on a usage
error).`,
		Example: `  migrate fleet upgrade head --canary 1
  migrate -x env=prod fleet upgrade head --parallel 8 --json > result.json
  migrate fleet current
  migrate fleet check --continue-on-error`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("unknown subcommand %q: want upgrade, downgrade, current, check or stamp", args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(newFleetRunCmd(a, revision.Up), newFleetRunCmd(a, revision.Down),
		newFleetCurrentCmd(a), newFleetCheckCmd(a), newFleetStampCmd(a))
	return cmd
}

// addFleetFlags registers the flags every fleet command takes.
func addFleetFlags(cmd *cobra.Command, o *fleetOptions) {
	f := cmd.Flags()
	f.IntVar(&o.parallel, "parallel", 0, "run `N` databases at the same time")
	// The default is the configuration's, known only once it is loaded.
	f.Lookup("parallel").DefValue = "[fleet] parallel, else 4"
	f.IntVar(&o.canary, "canary", 0, "run the first `K` databases alone first; stop everything if one of them fails")
	f.BoolVar(&o.continueOnError, "continue-on-error", false, "start every database even after a failure (default: after the first failure start no new database)")
	f.BoolVar(&o.json, "json", false, "print the result as JSON on stdout (progress goes to stderr)")
}

const fleetJSONRun = `--json prints {"databases": [{"database", "status", "from", "to", "error",
"seconds"}], "summary": {"applied", "up-to-date", "failed", "skipped"}}:
status is applied, up-to-date, failed or skipped; from and to are the
version-table rows before and after (for a failed database, where it was
left; [] when not known); error is the one-line error the single-database
command prints ("" unless failed).`

func newFleetRunCmd(a *App, dir revision.Direction) *cobra.Command {
	fo := &fleetOptions{}
	ro := &runOptions{}
	verb, what, example := "upgrade", "Upgrade every database of the fleet to TARGET", "head"
	if dir == revision.Down {
		verb, what, example = "downgrade", "Downgrade every database of the fleet to TARGET", "-1"
	}
	cmd := &cobra.Command{
		Use:   verb + " TARGET",
		Short: what,
		Long: what + `.

Each database runs what migrate ` + verb + ` runs on one: its own plan
from where it is, under its own migration lock, a transaction per revision
(--transaction=all: one per database).
--allow-edited and --transaction work as for migrate ` + verb + `.

` + fleetJSONRun,
		Example: fmt.Sprintf("  migrate fleet %s %s\n  migrate fleet %s %s --canary 2 --continue-on-error --json", verb, example, verb, example),
		// "-1" is a target, not a flag: flags are parsed by hand, as in
		// migrate downgrade.
		DisableFlagParsing: true,
		RunE: keepingNumbers(func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError("fleet %s: accepts 1 arg (TARGET), received %d; usage: %s", verb, len(args), cmd.UseLine())
			}
			mode, err := migrate.ParseTxMode(ro.transaction)
			if err != nil {
				return usageError("%v", err)
			}
			target := args[0]
			o := migrate.RunOptions{AllowEdited: ro.allowEdited, Transaction: mode}
			return a.runFleet(cmd.Context(), fo, fleetOp{name: verb + " " + target, kind: fleetRun,
				run: func(ctx context.Context, f *fleet.Fleet) (*fleet.Report, error) {
					if dir == revision.Down {
						return f.Downgrade(ctx, target, o)
					}
					return f.Upgrade(ctx, target, o)
				}})
		}),
	}
	addFleetFlags(cmd, fo)
	f := cmd.Flags()
	f.StringVar(&ro.transaction, "transaction", "revision", "revision: one transaction per revision; all: each database's run in one transaction")
	f.BoolVar(&ro.allowEdited, "allow-edited", false, "run even when applied revisions were edited since they were applied")
	return cmd
}

func newFleetStampCmd(a *App) *cobra.Command {
	fo := &fleetOptions{}
	var purge bool
	cmd := &cobra.Command{
		Use:   "stamp REV...",
		Short: "Set every database's version table to REV without running any SQL",
		Long: `Stamp every database of the fleet (as migrate stamp does on one): its version
table is set to REV without running revision SQL, under its migration lock,
with audit rows. A database whose rows change is "applied", one already at
REV "up-to-date".

` + fleetJSONRun,
		Example: `  migrate fleet stamp head
  migrate fleet stamp --purge 1a2b3c4d5e6f --continue-on-error`,
		DisableFlagParsing: true,
		RunE: keepingNumbers(func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError("fleet stamp: requires at least 1 arg (REV), received 0; usage: %s", cmd.UseLine())
			}
			o := migrate.StampOptions{Purge: purge}
			return a.runFleet(cmd.Context(), fo, fleetOp{name: "stamp " + strings.Join(args, " "), kind: fleetRun,
				run: func(ctx context.Context, f *fleet.Fleet) (*fleet.Report, error) {
					return f.Stamp(ctx, args, o)
				}})
		}),
	}
	addFleetFlags(cmd, fo)
	cmd.Flags().BoolVar(&purge, "purge", false, "empty each version table first, whatever it holds")
	return cmd
}

// keepingNumbers makes the RunE of a command that parses its flags by hand
// (DisableFlagParsing, so that "-1" is a target and not a flag): it parses
// them, answers --help, then calls run with the positional arguments.
func keepingNumbers(run func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		args, help, err := parseKeepingNumbers(cmd, args)
		if err != nil {
			return err
		}
		if help {
			return cmd.Help()
		}
		return run(cmd, args)
	}
}

func newFleetCurrentCmd(a *App) *cobra.Command {
	fo := &fleetOptions{}
	cmd := &cobra.Command{
		Use:   "current",
		Short: "Show the revisions every database of the fleet is at",
		Long: `Read every database's version table (as migrate current does on one): a
database at the heads of the revision graph is "up-to-date", one elsewhere
"pending". Applied revisions edited since are listed. Takes no lock and
writes nothing.

--json prints {"databases": [{"database", "status", "heads", "edited",
"error", "seconds"}], "summary": {"up-to-date", "pending", "failed",
"skipped"}}; heads and edited are as in migrate current --json.`,
		Example: `  migrate fleet current
  migrate fleet current --json --continue-on-error`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runFleet(cmd.Context(), fo, fleetOp{name: "current", kind: fleetCurrent,
				run: func(ctx context.Context, f *fleet.Fleet) (*fleet.Report, error) {
					return f.Current(ctx)
				}})
		},
	}
	addFleetFlags(cmd, fo)
	return cmd
}

func newFleetCheckCmd(a *App) *cobra.Command {
	fo := &fleetOptions{}
	var noCache bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Exit 1 when any database of the fleet drifts from the declared target",
		Long: `Compare every database with the declared target (as migrate check does on
one): pending revisions, applied revisions edited since, schema changes no
revision makes. The declaration is loaded once (on the first database's
server, or [scratch]) and compared with each database. A database with
nothing to report is "clean", any other "drift". Writes nothing and takes
no lock. Exit status 1 when a database drifts and none failed.

--json prints {"databases": [{"database", "status", "clean", "current",
"heads", "pending", "edited", "changes", "error", "seconds"}], "summary":
{"clean", "drift", "failed", "skipped"}}; the fields between status and
error are as in migrate check --json.`,
		Example: `  migrate fleet upgrade head && migrate fleet check
  migrate fleet check --json --continue-on-error`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			co, err := a.compareOptions(&compareFlags{noCache: noCache})
			if err != nil {
				return err
			}
			return a.runFleet(cmd.Context(), fo, fleetOp{name: "check", kind: fleetCheck,
				run: func(ctx context.Context, f *fleet.Fleet) (*fleet.Report, error) {
					return f.Check(ctx, co)
				}})
		},
	}
	addFleetFlags(cmd, fo)
	cmd.Flags().BoolVar(&noCache, "no-cache", false, "materialize the target again instead of using .migrate/cache")
	return cmd
}
