package fleet

import (
	"errors"
	"fmt"
	"time"

	migrate "github.com/migrate-tool/migrate"
)

// Status is how one database of a fleet ended.
type Status string

// Statuses. A run (Upgrade, Downgrade, Stamp) ends each database as
// applied, up-to-date, failed or skipped; Current as up-to-date, pending,
// failed or skipped; Check as clean, drift, failed or skipped.
const (
	// StatusApplied: the run changed the database (revisions applied or
	// reverted, version table stamped).
	StatusApplied Status = "applied"
	// StatusUpToDate: the database already was where the run goes (or,
	// for Current, is at the heads of the revision graph).
	StatusUpToDate Status = "up-to-date"
	// StatusPending: Current found the database off the graph's heads
	// (revisions to apply, or rows no versions directory knows).
	StatusPending Status = "pending"
	// StatusClean: Check found nothing to report.
	StatusClean Status = "clean"
	// StatusDrift: Check found pending revisions, edited revisions or
	// schema changes no revision makes.
	StatusDrift Status = "drift"
	// StatusFailed: the database's operation returned an error (Result.Err).
	// A failed run leaves the database where the single-database run
	// leaves it: at the last revision it committed.
	StatusFailed Status = "failed"
	// StatusSkipped: the database was never started (an earlier failure,
	// a failed canary, an interrupt); nothing was sent to it.
	StatusSkipped Status = "skipped"
)

// Result is how one database ended.
type Result struct {
	// Index is the database's 0-based position in the fleet; Database is
	// its connection string with the password redacted.
	Index    int
	Database string
	Status   Status
	// From are the version-table rows before the operation and To after
	// it (for a failed run: where it was left); for Current and Check
	// both are where the database is. Nil when not known (skipped, or
	// failed before reading the version table).
	From, To []string
	// Steps is how many revisions a run applied or reverted.
	Steps int
	// Err is the database's error when Status is StatusFailed: the same
	// typed error the single-database call returns.
	Err error
	// Duration is the time from start to finish (connection included).
	Duration time.Duration
	// Current is Current's reading of the database; Check is Check's.
	Current *migrate.Status
	Check   *migrate.CheckResult
}

// Report is the outcome of one fleet operation: one Result per database,
// in fleet order.
type Report struct {
	Results  []Result
	Duration time.Duration
}

// Count returns how many databases ended with status s.
func (r *Report) Count(s Status) int {
	n := 0
	for _, res := range r.Results {
		if res.Status == s {
			n++
		}
	}
	return n
}

// OK reports whether every database succeeded: none failed, none skipped.
func (r *Report) OK() bool {
	return r.Count(StatusFailed) == 0 && r.Count(StatusSkipped) == 0
}

// Err returns nil when OK, else an error joining each failed database's
// error (prefixed with its redacted name) and the number skipped.
func (r *Report) Err() error {
	var errs []error
	for _, res := range r.Results {
		if res.Status == StatusFailed {
			errs = append(errs, fmt.Errorf("%s: %w", res.Database, res.Err))
		}
	}
	if n := r.Count(StatusSkipped); n > 0 {
		errs = append(errs, fmt.Errorf("%d of %d databases not started", n, len(r.Results)))
	}
	return errors.Join(errs...)
}
