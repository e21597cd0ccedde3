package cli

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/migrate-tool/migrate/config"
	"github.com/spf13/cobra"
)

// configOptions are the flags of `migrate config`.
type configOptions struct {
	json bool
}

func newConfigCmd(a *App) *cobra.Command {
	opts := &configOptions{}
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Print the resolved configuration, secrets redacted",
		Long: `Print the configuration a command would use: migrate.toml (or --config,
$MIGRATE_CONFIG) with the -x env=NAME overlay applied, variables expanded,
defaults filled and relative paths resolved. Passwords are replaced by xxxxx.

The human listing shows one key = value per line with where the value came
from (file:line, the overlay, $DATABASE_URL or default). --json prints the
configuration object: path, dir, env, vars, database{url, version_schema,
version_table, history_table}, versions{dirs}, target{go, sql, schemas,
exclude}, scratch{url}, autogen{concurrent_indexes, not_valid_constraints},
lock_timeout, statement_timeout, lock_wait_timeout (Go duration strings);
empty optional fields are omitted.`,
		Example: `  migrate config
  migrate -x env=prod config --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runConfig(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the configuration as JSON")
	return cmd
}

func (a *App) runConfig(opts *configOptions) error {
	cfg, err := a.Config()
	if err != nil {
		return err
	}
	// The listing would show an empty URL; say why instead.
	if err := cfg.DatabaseURLError(); err != nil {
		return err
	}
	r := cfg.Redacted()
	if opts.json {
		return a.printJSON(r)
	}
	return writeConfigListing(a, r)
}

// writeConfigListing prints the human listing of an already redacted config.
func writeConfigListing(a *App, r *config.Config) error {
	var b strings.Builder
	if r.Path != "" {
		fmt.Fprintf(&b, "# file: %s\n", r.Path)
	} else {
		fmt.Fprintf(&b, "# file: none (no %s in %s: built-in defaults; 'migrate init' writes one)\n", config.FileName, r.Dir)
	}
	fmt.Fprintf(&b, "# dir:  %s\n", r.Dir)
	if r.Env != "" {
		fmt.Fprintf(&b, "# env:  %s\n", r.Env)
	} else {
		b.WriteString("# env:  none (base settings; -x env=NAME applies [env.NAME])\n")
	}
	b.WriteString("\n")
	// Only the keys are aligned: values hold paths of any length.
	tw := tabwriter.NewWriter(&b, 0, 0, 1, ' ', 0)
	for _, s := range r.Settings() {
		src := s.Source
		if empty := s.Value == "" || isEmptyList(s.Value); empty && s.Key == "database.url" {
			src = "not set: set database.url or $DATABASE_URL"
		} else if empty && src == "default" {
			src = "not set"
		}
		fmt.Fprintf(tw, "%s\t= %s  # %s\n", s.Key, configValue(s.Value), src)
	}
	for _, k := range slices.Sorted(maps.Keys(r.Vars)) {
		fmt.Fprintf(tw, "vars.%s\t= %s  # -x %s\n", k, strconv.Quote(r.Vars[k]), k)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// The values are redacted already; Redact again so that nothing this
	// command prints can carry a password, whatever a field holds.
	_, err := fmt.Fprint(a.Stdout, config.Redact(b.String()))
	return err
}

func isEmptyList(v any) bool {
	l, ok := v.([]string)
	return ok && len(l) == 0
}

// configValue renders a setting value the way it would be written in TOML.
func configValue(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case bool:
		return strconv.FormatBool(v)
	case []string:
		q := make([]string, len(v))
		for i, s := range v {
			q[i] = strconv.Quote(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	default:
		return fmt.Sprint(v)
	}
}
