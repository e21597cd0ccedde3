package cli

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/migrate-tool/migrate/revision"
	"github.com/spf13/cobra"
)

func newDowngradeCmd(a *App) *cobra.Command {
	opts := &runOptions{}
	cmd := &cobra.Command{
		Use:   "downgrade TARGET",
		Short: "Revert revisions down to TARGET (-1, base, a revision, label@base)",
		Long: `Revert applied revisions down to TARGET: -N (N steps down from current),
base (everything), a revision id or unique prefix (which stays applied),
label@base, label@-N, REV-N. A revision whose downgrade is marked
irreversible refuses to run.

Locking, transactions, --transaction, --allow-edited and --sql work as for
upgrade; for an offline script give FROM:TO, for example head:base.`,
		Example: `  migrate downgrade -1
  migrate downgrade base
  migrate downgrade --sql head:base > downgrade.sql`,
		// "-1" is a target, not a flag: flags are parsed by hand below.
		DisableFlagParsing: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			args, help, err := parseKeepingNumbers(cmd, args)
			if err != nil {
				return err
			}
			if help {
				return cmd.Help()
			}
			if len(args) != 1 {
				return usageError("downgrade: accepts 1 arg (TARGET), received %d; usage: %s", len(args), cmd.UseLine())
			}
			opts.target = args[0]
			return a.runMigration(cmd.Context(), revision.Down, opts)
		},
	}
	addRunFlags(cmd, opts)
	return cmd
}

// negativeNumber is a relative downgrade target such as -1, which pflag
// would read as the shorthand flag "-1".
var negativeNumber = regexp.MustCompile(`^-[0-9]+$`)

// parseKeepingNumbers parses cmd's flags (its own and the inherited global
// ones) from args, treating negative numbers as positional arguments. It
// reports whether --help was asked for.
func parseKeepingNumbers(cmd *cobra.Command, args []string) (pos []string, help bool, err error) {
	fs := cmd.Flags()
	fs.AddFlagSet(cmd.InheritedFlags())
	if fs.Lookup("help") == nil {
		fs.BoolP("help", "h", false, "help for "+cmd.Name())
	}
	var rest, numbers []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		if negativeNumber.MatchString(arg) {
			numbers = append(numbers, arg)
			continue
		}
		rest = append(rest, arg)
		// A flag given its value as the next argument keeps it, even if
		// the value looks like a number.
		if takesValue(cmd, arg) && i+1 < len(args) {
			i++
			rest = append(rest, args[i])
		}
	}
	if err := fs.Parse(rest); err != nil {
		return nil, false, fmt.Errorf("%w (see '%s --help')", err, cmd.CommandPath())
	}
	if help, _ = fs.GetBool("help"); help {
		return nil, true, nil
	}
	// The command takes one argument, so the order of numbers and other
	// positional arguments only matters for the count.
	return append(numbers, fs.Args()...), false, nil
}

// takesValue reports whether arg is a flag without "=value" whose value is
// the next argument.
func takesValue(cmd *cobra.Command, arg string) bool {
	if !strings.HasPrefix(arg, "-") || strings.Contains(arg, "=") || arg == "-" {
		return false
	}
	fs := cmd.Flags()
	if strings.HasPrefix(arg, "--") {
		f := fs.Lookup(arg[2:])
		return f != nil && f.NoOptDefVal == ""
	}
	// A group of shorthands: only the last one can take the next argument.
	f := fs.ShorthandLookup(arg[len(arg)-1:])
	return f != nil && f.NoOptDefVal == "" && len(arg) == 2
}
