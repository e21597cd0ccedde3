// Package cli owns the migrate command line: the cobra command tree, flags,
// output formats (human and --json) and the mapping of errors to exit codes.
// It holds no migration logic: every command parses its flags, calls the
// library packages and formats what they return. It is a public package so
// that a team can build its own binary with its metadata linked in (Main).
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/schema"
	"github.com/spf13/cobra"
)

// Version is the tool version printed by --version and recorded in the audit
// table. Release builds set it with -ldflags.
var Version = "0.1.0-dev"

// App is one invocation of the command line: its IO streams, environment and
// global flags. Commands receive it instead of touching os.* so tests can
// run them in-process.
type App struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Getenv reads the environment; os.Getenv when nil.
	Getenv func(string) string
	// WorkDir is the directory relative paths are resolved against; the
	// process working directory when empty.
	WorkDir string
	// Declared, when set, is the target schema linked into this binary
	// (MainWithTarget); it takes precedence over [target] go and sql, and
	// no Go toolchain is needed at run time.
	Declared func() (*schema.Schema, error)

	// global flags
	configPath string
	vars       []string
	verbose    bool

	cfg *config.Config
	// announced: the database line was printed (openDatabase).
	announced bool
	// printedJSON: the command printed its JSON document, so a failure
	// after it (fleet's, whose report names each failed database) adds
	// no second document to stdout.
	printedJSON bool
}

// Main runs the command line with args (without the program name) and
// returns the process exit code: 0 success, 1 something to report (drift),
// 2 usage or runtime error.
func Main(ctx context.Context, args []string) int {
	app := &App{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	return app.Run(ctx, args)
}

// Run executes args against this App and returns the exit code. Errors are
// printed as one redacted line on Stderr.
func (a *App) Run(ctx context.Context, args []string) int {
	if a.Getenv == nil {
		a.Getenv = os.Getenv
	}
	if a.Stdin == nil {
		a.Stdin = strings.NewReader("")
	}
	a.printedJSON = false
	root := a.newRootCmd()
	root.SetArgs(args)
	root.SetIn(a.Stdin)
	root.SetOut(a.Stdout)
	root.SetErr(a.Stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	code := 2
	var ee *ExitError
	if errors.As(err, &ee) {
		code = ee.Code
		err = ee.Err
	}
	if err != nil {
		msg := userMessage(ctx, err)
		fmt.Fprintf(a.Stderr, "migrate: %s\n", msg)
		if wantsJSON(args) && !a.printedJSON {
			a.printJSONError(msg, code)
		}
	}
	return code
}

// ExitError carries an exit code other than 2 (or a silent one): check
// returns &ExitError{Code: 1} after printing its drift summary.
type ExitError struct {
	Code int
	Err  error // nil: print nothing more
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit status %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// usageError marks a bad invocation (exit 2, like every error).
func usageError(format string, args ...any) error {
	return fmt.Errorf(format, args...)
}

func (a *App) newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "migrate",
		Short: "PostgreSQL schema migrations: a revision graph, autogenerate and safe upgrades",
		Long: `migrate keeps a PostgreSQL schema declared in Go or SQL and its history as a
graph of reviewable revision files. Configuration comes from migrate.toml
(--config, $MIGRATE_CONFIG); -x env=NAME applies the [env.NAME] overlay.`,
		Version:       Version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate("migrate {{.Version}}\n")
	pf := root.PersistentFlags()
	pf.StringVarP(&a.configPath, "config", "c", "", "configuration file (default $MIGRATE_CONFIG, else ./migrate.toml)")
	pf.StringArrayVarP(&a.vars, "x", "x", nil, "set a variable key=value for the config; -x env=NAME selects [env.NAME] (repeatable)")
	pf.BoolVarP(&a.verbose, "verbose", "v", false, "print more detail")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		if hint := flagHint(c, err); hint != "" {
			return fmt.Errorf("%w: %s", err, hint)
		}
		return fmt.Errorf("%w (see '%s --help')", err, c.CommandPath())
	})
	a.addCommands(root)
	root.InitDefaultCompletionCmd()
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		if c.Name() == "help" {
			// cobra's help prints "Unknown help topic" and exits 0.
			c.Run = nil
			c.RunE = func(cmd *cobra.Command, args []string) error {
				target, _, err := cmd.Root().Find(args)
				if target == nil || err != nil {
					return fmt.Errorf("help: unknown command %q (see 'migrate --help')", strings.Join(args, " "))
				}
				target.InitDefaultHelpFlag()
				target.InitDefaultVersionFlag()
				return target.Help()
			}
		}
		if c.Name() == "completion" {
			// cobra prints the help and exits 0 for an unknown shell.
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if len(args) > 0 {
					return fmt.Errorf("completion: unknown shell %q: want bash, zsh, fish or powershell", args[0])
				}
				return cmd.Help()
			}
		}
	}
	explainArgs(root)
	return root
}

// Config loads the configuration once per invocation, honoring --config,
// $MIGRATE_CONFIG and -x.
func (a *App) Config() (*config.Config, error) {
	if a.cfg != nil {
		return a.cfg, nil
	}
	vars := make(map[string]string, len(a.vars))
	for _, kv := range a.vars {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, usageError("-x %q: want key=value", kv)
		}
		vars[k] = v
	}
	path := a.configPath
	if path == "" {
		path = a.Getenv("MIGRATE_CONFIG")
	}
	cfg, err := config.Load(config.Options{
		Path:    path,
		Vars:    vars,
		Getenv:  a.Getenv,
		WorkDir: a.WorkDir,
		// Commands that need no database run without its variables.
		DeferDatabaseURL: true,
	})
	if err != nil {
		return nil, err
	}
	a.cfg = cfg
	return cfg, nil
}

// printJSON writes v as indented JSON followed by a newline.
func (a *App) printJSON(v any) error {
	a.printedJSON = true
	enc := json.NewEncoder(a.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// infof prints a progress line on Stderr when --verbose is set.
func (a *App) infof(format string, args ...any) {
	if a.verbose {
		fmt.Fprintf(a.Stderr, format+"\n", args...)
	}
}
