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
	// LockWait is what the statement was last seen waiting for, when it
	// waited for a lock long enough to be sampled: the relation and the
	// sessions blocking it. It explains a lock or statement timeout.
	LockWait *LockWait
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
	if e.LockWait != nil {
		fmt.Fprintf(&b, "; %s", e.LockWait)
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
	// Unknown is set when the failing statement's outcome is unknown: the
	// connection was lost or the run interrupted while it ran, so it may
	// have completed.
	Unknown bool
	// Leftovers are what the failing statement left behind, found in the
	// catalog: an INVALID index of an interrupted CREATE INDEX
	// CONCURRENTLY.
	Leftovers []Leftover
}

// Leftover is an object a failed non-transactional statement left behind.
type Leftover struct {
	// Index is the INVALID index, schema-qualified where needed.
	Index string
	// Rebuilt is true when the next run drops and builds it again on its
	// own (the statement names the index); otherwise it must be dropped
	// by hand.
	Rebuilt bool
}

func (e *PartialError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%v; %s runs outside a transaction", e.Err, e.RevisionID)
	if len(e.Ran) > 0 {
		lines := make([]string, len(e.Ran))
		for i, s := range e.Ran {
			lines[i] = fmt.Sprint(s.Line)
		}
		span := "statement 1"
		if len(e.Ran) > 1 {
			span = fmt.Sprintf("statements 1-%d", len(e.Ran))
		}
		fmt.Fprintf(&b, ": %s of %d (%s line %s) committed before the failure", span, e.Total, e.Path, strings.Join(lines, ", "))
	}
	failed := fmt.Sprintf("statement %d", e.Err.Index)
	if e.Unknown {
		fmt.Fprintf(&b, "; %s may or may not have completed (the run stopped while it ran)", failed)
	}
	for _, l := range e.Leftovers {
		if l.Rebuilt {
			fmt.Fprintf(&b, "; %s left INVALID index %s, which the next run drops and builds again", failed, l.Index)
		} else {
			fmt.Fprintf(&b, "; %s left INVALID index %s: drop it (DROP INDEX CONCURRENTLY %s) before the next run", failed, l.Index, l.Index)
		}
	}
	if len(e.Ran) == 0 && !e.Unknown && len(e.Leftovers) == 0 {
		b.WriteString(", and nothing of it stays: fix it and run again")
		return b.String()
	}
	b.WriteString("; the version table was not updated: statements that ran again must be safe to repeat (IF NOT EXISTS), " +
		"otherwise complete or undo them by hand, then rerun or use 'migrate stamp'")
	return b.String()
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
	// Sections are the edited sections: "upgrade", "downgrade" or both.
	Sections []string
	// AppliedChecksum was recorded when the revision was applied (or
	// stamped); FileChecksum is the file's now, in the same form (both
	// sections, or the upgrade section alone for rows recorded before
	// both were).
	AppliedChecksum string
	FileChecksum    string
	AppliedAt       time.Time
}

// What says which sections were edited: "its upgrade section", "its
// downgrade section" or "both its sections".
func (e Edited) What() string {
	if len(e.Sections) == 2 {
		return "both its sections"
	}
	if len(e.Sections) == 1 {
		return "its " + e.Sections[0] + " section"
	}
	return "its file"
}

// EditedError refuses a run because applied revisions were edited.
type EditedError struct {
	Revisions []Edited
}

func (e *EditedError) Error() string {
	parts := make([]string, len(e.Revisions))
	for i, r := range e.Revisions {
		parts[i] = fmt.Sprintf("%s (%s, %s)", r.ID, r.Path, r.What())
	}
	if len(parts) == 1 {
		r := e.Revisions[0]
		return fmt.Sprintf("applied revision %s (%s) was edited after it was applied (%s): restore the file as applied, or pass --allow-edited to proceed anyway",
			r.ID, r.Path, r.What())
	}
	return fmt.Sprintf("%d applied revisions were edited after they were applied: %s: restore the files as applied, or pass --allow-edited to proceed anyway",
		len(parts), strings.Join(parts, ", "))
}

// MissingError refuses a run because revisions below the applied heads
// never ran: history was inserted or re-parented after its descendants
// were applied.
type MissingError struct {
	Direction revision.Direction
	Revisions []Missing
}

func (e *MissingError) Error() string {
	parts := make([]string, len(e.Revisions))
	for i, r := range e.Revisions {
		parts[i] = fmt.Sprintf("%s (%s, %s)", r.ID, r.Path, r.Reason())
	}
	subject := fmt.Sprintf("revision %s is", parts[0])
	if len(parts) > 1 {
		subject = fmt.Sprintf("%d revisions are", len(parts)) + ": " + strings.Join(parts, ", ") + ";"
	}
	if e.Direction == revision.Down {
		return fmt.Sprintf("%s below the applied heads but not applied (history inserted or re-parented after its descendants were applied), "+
			"and this downgrade would run its downgrade section: apply it first with migrate upgrade --apply-missing, or downgrade to a revision above it", subject)
	}
	return fmt.Sprintf("%s below the applied heads but not applied (history inserted or re-parented after its descendants were applied): "+
		"pass --apply-missing to apply it before the pending revisions, or restore the history as it was applied", subject)
}

// PoolerError refuses a writing command because the connection goes
// through a pooler that does not keep one server session per client
// (PgBouncer in transaction or statement mode): the migration lock, a
// session lock, would protect nothing there.
type PoolerError struct {
	// Detail says what gave the pooler away.
	Detail string
}

func (e *PoolerError) Error() string {
	return "the database connection goes through a transaction-pooling proxy (" + e.Detail + "), where the migration lock " +
		"cannot keep deployers apart: nothing was applied; migrate through a direct connection to PostgreSQL or a session-mode pool " +
		"(PgBouncer pool_mode = session)"
}

// LockTimeoutError is a run that gave up waiting for another deployer's
// migration lock.
type LockTimeoutError struct {
	Table  string
	Key    int64
	Waited time.Duration
	// HolderPID is the backend holding the lock, 0 when unknown; Holder
	// describes it.
	HolderPID int
	Holder    *Backend
}

func (e *LockTimeoutError) Error() string {
	holder := "another session"
	stop := ""
	if e.Holder != nil {
		holder = e.Holder.String()
	} else if e.HolderPID != 0 {
		holder = fmt.Sprintf("backend pid %d", e.HolderPID)
	}
	if e.HolderPID != 0 {
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

// isConnLost reports whether err means the connection is gone: the server
// stopped, restarted or cut it, or the driver closed it after an earlier
// failure.
func isConnLost(err error) bool {
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.EPIPE) || errors.Is(err, pgconn.ErrConnClosed)
}

// lostError words a lost connection for users while keeping the driver's
// error for errors.Is and errors.As.
type lostError struct{ err error }

func (e *lostError) Error() string { return causeText(e.err) }
func (e *lostError) Unwrap() error { return e.err }

// explain returns err, worded for users when it is a lost connection.
func explain(err error) error {
	if isConnLost(err) && pgError(err) == nil {
		return &lostError{err}
	}
	return err
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
	case isConnLost(err):
		return "the connection to the server was lost (the server stopped, restarted or cut the connection)"
	case errors.Is(err, context.Canceled):
		return "interrupted"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timed out"
	}
	return oneLine(err.Error())
}
