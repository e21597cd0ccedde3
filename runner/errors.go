package runner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/migrate-tool/migrate/revision"
)

// StatementError is a statement of a revision that failed. Line and Column
// locate the error in the revision file: PostgreSQL's error position
// converted to the file when the server reported one, else the statement's
// first token.
type StatementError struct {
	RevisionID string
	Direction  revision.Direction
	// Path is the revision file as shown to users (version dir joined with
	// the file name).
	Path string
	// Index is the statement's 1-based position in its section.
	Index        int
	Line, Column int
	// StatementLine is the file line of the statement's first token.
	StatementLine int
	SQL           string
	// PgErr is the server's error; nil when the statement failed for another
	// reason (connection lost, context canceled), then Err says why.
	PgErr *pgconn.PgError
	Err   error
}

func (e *StatementError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s failed at %s:%d", e.Direction, e.RevisionID, e.Path, e.Line)
	if e.Column > 0 {
		fmt.Fprintf(&b, ":%d", e.Column)
	}
	fmt.Fprintf(&b, " (statement %d)", e.Index)
	if e.PgErr == nil {
		fmt.Fprintf(&b, ": %s", causeText(e.Err))
		return b.String()
	}
	p := e.PgErr
	fmt.Fprintf(&b, ": %s: %s (SQLSTATE %s)", p.Severity, oneLine(p.Message), p.Code)
	if p.Detail != "" {
		fmt.Fprintf(&b, "; detail: %s", oneLine(p.Detail))
	}
	if p.Hint != "" {
		fmt.Fprintf(&b, "; hint: %s", oneLine(p.Hint))
	}
	if p.Where != "" {
		fmt.Fprintf(&b, "; where: %s", oneLine(p.Where))
	}
	return b.String()
}

// Unwrap returns the server error when there is one.
func (e *StatementError) Unwrap() error {
	if e.PgErr != nil {
		return e.PgErr
	}
	return e.Err
}

// PartialError is a failure inside a revision marked "transaction false":
// the statements in Ran were committed one by one and stay applied, the
// version table was not moved.
type PartialError struct {
	RevisionID string
	Direction  revision.Direction
	Path       string
	// Ran are the statements that completed before the failing one.
	Ran []revision.Statement
	// Total is the number of statements in the section.
	Total int
	Err   *StatementError
}

func (e *PartialError) Error() string {
	if len(e.Ran) == 0 {
		return fmt.Sprintf("%v; %s runs outside a transaction but no statement of it had run, nothing to undo",
			e.Err, e.RevisionID)
	}
	lines := make([]string, len(e.Ran))
	for i, s := range e.Ran {
		lines[i] = fmt.Sprint(s.Line)
	}
	span := "statement 1"
	if len(e.Ran) > 1 {
		span = fmt.Sprintf("statements 1-%d", len(e.Ran))
	}
	return fmt.Sprintf("%v; %s runs outside a transaction: %s of %d (%s line %s) committed before the failure "+
		"and the version table was not updated: complete or undo that by hand, then rerun or use 'migrate stamp'",
		e.Err, e.RevisionID, span, e.Total, e.Path, strings.Join(lines, ", "))
}

// Unwrap returns the statement error.
func (e *PartialError) Unwrap() error { return e.Err }

// RunError is a plan that stopped before its end: it says which steps were
// committed and where the database was left.
type RunError struct {
	Direction revision.Direction
	// Done are the revisions whose steps were committed, in order.
	Done []string
	// Total is the number of steps in the plan.
	Total int
	// RolledBack is true when the run was a single transaction
	// (--transaction=all): nothing of it stays.
	RolledBack bool
	// Heads are the version table rows the database was left at.
	Heads []string
	Err   error
}

func (e *RunError) Error() string {
	at := "base (empty version table)"
	if len(e.Heads) > 0 {
		at = strings.Join(e.Heads, ", ")
	}
	if e.RolledBack {
		return fmt.Sprintf("%v; the whole run was rolled back, the database is still at %s", e.Err, at)
	}
	return fmt.Sprintf("%v; %d of %d revisions applied, the database is at %s", e.Err, len(e.Done), e.Total, at)
}

// Unwrap returns the cause.
func (e *RunError) Unwrap() error { return e.Err }

// Edited is an applied revision whose file changed after it was applied.
type Edited struct {
	ID   string
	Path string
	// AppliedChecksum was recorded when the revision was applied (or
	// stamped); FileChecksum is the file's upgrade section now.
	AppliedChecksum string
	FileChecksum    string
	AppliedAt       time.Time
}

// EditedError refuses a run because applied revisions were edited.
type EditedError struct {
	Revisions []Edited
}

func (e *EditedError) Error() string {
	parts := make([]string, len(e.Revisions))
	for i, r := range e.Revisions {
		parts[i] = fmt.Sprintf("%s (%s)", r.ID, r.Path)
	}
	if len(parts) == 1 {
		return fmt.Sprintf("applied revision %s was edited after it was applied: restore the file as applied, or pass --allow-edited to proceed anyway", parts[0])
	}
	return fmt.Sprintf("%d applied revisions were edited after they were applied: %s: restore the files as applied, or pass --allow-edited to proceed anyway",
		len(parts), strings.Join(parts, ", "))
}

// LockTimeoutError is a run that gave up waiting for another deployer's
// migration lock.
type LockTimeoutError struct {
	Table     string
	Key       int64
	Waited    time.Duration
	HolderPID int
}

func (e *LockTimeoutError) Error() string {
	holder := "another session"
	stop := ""
	if e.HolderPID != 0 {
		holder = fmt.Sprintf("backend pid %d", e.HolderPID)
		stop = fmt.Sprintf(", or end it if it is stuck (SELECT pg_terminate_backend(%d))", e.HolderPID)
	}
	return fmt.Sprintf("gave up after %s waiting for the migration lock on %s (pg_advisory_lock(%d)) held by %s: "+
		"another migrate run is in progress; retry when it finishes, raise lock_wait_timeout%s",
		e.Waited.Round(time.Millisecond), e.Table, e.Key, holder, stop)
}

// IsLockTimeout reports whether err is, or wraps, a LockTimeoutError.
func IsLockTimeout(err error) bool {
	var lt *LockTimeoutError
	return errors.As(err, &lt)
}

// oneLine folds a server message onto one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// causeText describes a failure that did not come from the server (no
// *pgconn.PgError): a lost connection, an interrupt or a timeout, in words
// rather than the Go runtime's ("unexpected EOF", "context canceled").
func causeText(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return "the connection to the server was lost (the server stopped, restarted or cut the connection)"
	case errors.Is(err, context.Canceled):
		return "interrupted"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timed out"
	}
	return oneLine(err.Error())
}
