package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/migrate-tool/migrate/internal/pgcluster"
	"github.com/spf13/cobra"
)

func newPsqlCmd(a *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "psql [-- PSQL-ARGS...]",
		Short: "Open psql on the configured database (the embedded one too)",
		Long: `Run psql connected to the database the other commands use: database.url
with the -x env=NAME overlay applied, or the embedded cluster (started for
the session and stopped afterwards unless another command still uses it).
Arguments after -- go to psql unchanged. The password, if the URL has one,
reaches psql through its environment (PGPASSWORD), never its command line.

psql is $MIGRATE_PSQL when set, else psql on PATH, else the one next to the
PostgreSQL server programs (MIGRATE_PG_BINDIR, pg_config,
/usr/lib/postgresql/*/bin). migrate exits
with psql's exit status; Ctrl-C goes to psql (it cancels the running
query), not to migrate.`,
		Example: `  migrate psql
  migrate psql -- -c 'SELECT * FROM migrate_version'
  migrate -x env=prod psql -- -f report.sql`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if at := cmd.ArgsLenAtDash(); at != 0 && len(args) > 0 {
				return usageError("psql: give psql's arguments after --, as in: migrate psql -- -c 'SELECT 1'")
			}
			if f := cmd.Flags().Lookup("config"); f != nil && f.Changed {
				// -c is migrate's --config; psql's -c (a command) is the
				// likelier intent when the "file" does not exist.
				path := f.Value.String()
				if !filepath.IsAbs(path) && a.WorkDir != "" {
					path = filepath.Join(a.WorkDir, path)
				}
				if _, err := os.Stat(path); err != nil {
					return usageError("psql: -c/--config %q is not a configuration file: psql's own -c goes after --, as in: migrate psql -- -c 'SELECT 1'", f.Value.String())
				}
			}
			return a.runPsql(cmd.Context(), args)
		},
	}
	return cmd
}

func (a *App) runPsql(ctx context.Context, args []string) error {
	bin, err := findPsql(a.Getenv)
	if err != nil {
		return err
	}
	url, release, err := a.openDatabase(ctx)
	if err != nil {
		return err
	}
	defer release()
	conn, password, err := splitPassword(url)
	if err != nil {
		return err
	}
	c := exec.Command(bin, append([]string{"--dbname=" + conn}, args...)...)
	c.Stdin, c.Stdout, c.Stderr = a.Stdin, a.Stdout, a.Stderr
	c.Dir = a.WorkDir
	c.Env = os.Environ()
	if password != "" {
		c.Env = append(c.Env, "PGPASSWORD="+password)
	}
	// Not exec.CommandContext: an interrupt cancels ctx, but it is psql's
	// to handle (it cancels the query and goes on), not a reason to kill it.
	err = c.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() > 0 {
		return &ExitError{Code: exit.ExitCode()}
	}
	if err != nil {
		return fmt.Errorf("psql: %w", err)
	}
	return nil
}

// psqlEnv names the environment variable that chooses the psql program.
const psqlEnv = "MIGRATE_PSQL"

// findPsql returns the psql program: $MIGRATE_PSQL, else psql on PATH,
// else the one beside the PostgreSQL server programs migrate runs the
// embedded cluster with.
func findPsql(getenv func(string) string) (string, error) {
	if p := getenv(psqlEnv); p != "" {
		return p, nil
	}
	if p, err := exec.LookPath("psql"); err == nil {
		return p, nil
	}
	dir, err := pgcluster.FindBinDir(getenv)
	if err == nil {
		p := filepath.Join(dir, "psql")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", errors.New("psql not found: install the PostgreSQL client (apt-get install postgresql-client) or put psql on PATH")
}
