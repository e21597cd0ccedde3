package cli

import (
	"context"
	"fmt"
	"strings"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/fleet"
	"github.com/migrate-tool/migrate/internal/dbconn"
)

// runFleet runs one fleet command: it finds the databases, runs op on them
// with progress rendered as it goes, prints the result and maps it to the
// exit status (0 all succeeded, 1 drift, 2 a database failed or skipped).
func (a *App) runFleet(ctx context.Context, o *fleetOptions, op fleetOp) error {
	if o.parallel < 0 || o.canary < 0 {
		return usageError("fleet %s: --parallel and --canary take a positive number", op.name)
	}
	cfg, err := a.Config()
	if err != nil {
		return err
	}
	if err := cfg.RequireFleet(); err != nil {
		return err
	}
	dbs, source, err := fleetDatabases(ctx, cfg)
	if err != nil {
		return err
	}
	parallel := cfg.Fleet.Parallel
	if o.parallel > 0 {
		parallel = o.parallel
	}
	progress := a.Stdout
	if o.json {
		progress = a.Stderr
	}
	r := newFleetRenderer(a, progress, op, len(dbs))
	runCtx, stop, done := fleetInterrupts(ctx, r.notice)
	defer done()

	mo := migrate.FromConfig(cfg)
	mo.ToolVersion = "migrate " + Version
	f, err := fleet.New(runCtx, fleet.Options{
		Databases:       dbs,
		Migrate:         mo,
		Parallel:        parallel,
		Canary:          o.canary,
		ContinueOnError: o.continueOnError,
		Logger:          r,
		Stop:            stop,
	})
	if err != nil {
		return fmt.Errorf("%s: %s", source, strings.TrimPrefix(err.Error(), "fleet: "))
	}
	defer f.Close()
	rep, err := op.run(runCtx, f)
	if err != nil {
		return err
	}
	r.finish(rep)
	if o.json {
		if err := a.printJSON(fleetToJSON(op.kind, rep)); err != nil {
			return err
		}
	}
	return fleetExit(op, rep)
}

// fleetDatabases returns the configured databases and where they come
// from, for messages: fleet.databases, or the rows of fleet.query run on
// database.url.
func fleetDatabases(ctx context.Context, cfg *config.Config) (dbs []string, source string, err error) {
	if cfg.Fleet.Query == "" {
		return cfg.Fleet.Databases, fmt.Sprintf("fleet.databases (%s)", cfg.Source("fleet.databases")), nil
	}
	source = fmt.Sprintf("fleet.query (%s)", cfg.Source("fleet.query"))
	if err := cfg.RequireDatabase(); err != nil && !cfg.Database.Embedded() && cfg.DatabaseURLError() == nil {
		return nil, "", fmt.Errorf("%s runs on database.url: %w", source, err)
	}
	url, release, err := dbconn.Open(ctx, cfg)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", source, err)
	}
	defer release()
	dbs, err = fleet.Query(ctx, url, cfg.Fleet.Query)
	if err != nil {
		return nil, "", fmt.Errorf("%s on database.url: %w", source, err)
	}
	return dbs, source, nil
}

// fleetExit maps a report to the exit status; the error line names the
// first failed database.
func fleetExit(op fleetOp, rep *fleet.Report) error {
	failed, skipped := rep.Count(fleet.StatusFailed), rep.Count(fleet.StatusSkipped)
	if failed > 0 || skipped > 0 {
		msg := fmt.Sprintf("fleet %s: %d of %d databases failed", op.name, failed, len(rep.Results))
		for _, r := range rep.Results {
			if r.Status == fleet.StatusFailed {
				msg += fmt.Sprintf(" (first: %s)", r.Database)
				break
			}
		}
		msg += fmt.Sprintf(", %d not started", skipped)
		if op.kind == fleetRun {
			msg += "; rerun to continue: each database goes on from where it is"
		}
		return &ExitError{Code: 2, Err: fmt.Errorf("%s", msg)}
	}
	if op.kind == fleetCheck && rep.Count(fleet.StatusDrift) > 0 {
		return &ExitError{Code: 1}
	}
	return nil
}
