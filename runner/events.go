package runner

import (
	"time"

	"github.com/migrate-tool/migrate/revision"
)

// Logger receives the runner's progress. The runner itself prints nothing:
// the command line renders events as text, a library user may log them or
// ignore them. Log is called synchronously from the goroutine running the
// plan.
type Logger interface {
	Log(Event)
}

// LoggerFunc adapts a function to Logger.
type LoggerFunc func(Event)

// Log calls f(e).
func (f LoggerFunc) Log(e Event) { f(e) }

// Event is one of the event types below; the set is closed so renderers can
// switch on the concrete type.
type Event interface{ event() }

// LockWaiting is sent when another session holds the migration lock and
// this run starts waiting for it, and again when the holder changes (a
// queue of deployers).
type LockWaiting struct {
	// Table is the version table the lock guards (schema.table).
	Table string
	// Key is the pg_advisory_lock key.
	Key int64
	// HolderPID is the backend pid holding the lock, 0 when unknown;
	// Holder describes that backend (nil when unknown).
	HolderPID int
	Holder    *Backend
	// Timeout bounds the wait; zero waits until the context ends.
	Timeout time.Duration
}

// LockAcquired is sent when the migration lock is held, with the time spent
// waiting for it.
type LockAcquired struct {
	Table  string
	Key    int64
	Waited time.Duration
}

// RevisionStarted is sent before a step's first statement.
type RevisionStarted struct {
	Step revision.Step
	// Index is the step's 1-based position in the plan of Total steps.
	Index, Total int
}

// StatementDone is sent after each statement of a step succeeds.
type StatementDone struct {
	Step      revision.Step
	Statement revision.Statement
	// Index is the statement's 1-based position in its section.
	Index int
	// Duration is how long the statement ran, or zero when it is not
	// known: statements sent together in one message (a transactional
	// revision) are answered together, because the server sends its
	// replies when the whole message is done, so only the revision's
	// total (RevisionDone) is measured.
	Duration time.Duration
}

// RevisionDone is sent after a step is recorded in the version table (for a
// step inside --transaction=all, recorded but not yet committed).
type RevisionDone struct {
	Step     revision.Step
	Duration time.Duration
}

// RevisionFailed is sent when a step fails; Err is the error the run returns
// (a *StatementError or *PartialError in most cases).
type RevisionFailed struct {
	Step revision.Step
	Err  error
}

// LeftoverDropped is sent when a "transaction false" step finds the
// INVALID index an interrupted run of its CREATE INDEX CONCURRENTLY left,
// drops it, and builds it again with the statement.
type LeftoverDropped struct {
	Step      revision.Step
	Statement revision.Statement
	// Index is the dropped index, Table the table it was on.
	Index, Table string
}

// Stamped is sent after the version table rows were replaced without
// running SQL.
type Stamped struct {
	From, To []string
}

func (LockWaiting) event()     {}
func (LockAcquired) event()    {}
func (RevisionStarted) event() {}
func (StatementDone) event()   {}
func (RevisionDone) event()    {}
func (RevisionFailed) event()  {}
func (Stamped) event()         {}
func (LeftoverDropped) event() {}

// nopLogger drops every event.
type nopLogger struct{}

func (nopLogger) Log(Event) {}
