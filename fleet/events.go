package fleet

import migrate "github.com/migrate-tool/migrate"

// Logger receives a fleet's progress. Calls never overlap (the fleet
// serializes them), so an implementation needs no lock of its own; they
// come from the goroutines running the databases, so a slow Logger slows
// the run.
type Logger interface {
	Log(Event)
}

// LoggerFunc adapts a function to Logger.
type LoggerFunc func(Event)

// Log calls f(e).
func (f LoggerFunc) Log(e Event) { f(e) }

// Event is one of DatabaseStarted, DatabaseProgress, DatabaseFinished or
// Stopping; the set is closed so renderers can switch on the type.
type Event interface{ fleetEvent() }

// DatabaseStarted is sent when a database's turn comes, before it is
// connected to.
type DatabaseStarted struct {
	// Index is the database's 0-based position in the fleet.
	Index int
	// Database is its connection string with the password redacted.
	Database string
}

// DatabaseProgress forwards one event of a database's single-database run
// (lock waits, revisions started and done, stamps).
type DatabaseProgress struct {
	Index    int
	Database string
	Event    migrate.Event
}

// DatabaseFinished is sent when a database is done, with its result. The
// database's connection is closed by then.
type DatabaseFinished struct {
	Result Result
}

// Stopping is sent once when the fleet starts no new database although
// some are left: NotStarted databases end as StatusSkipped. Databases
// already running finish first.
type Stopping struct {
	Reason StopReason
	// Cause is the failed database that stopped the run, for
	// StopFailed and StopCanary.
	Cause *Result
	// Running is how many databases are still running; NotStarted how
	// many will not start.
	Running, NotStarted int
}

// StopReason says why a fleet stopped starting databases.
type StopReason int

const (
	// StopFailed: a database failed and ContinueOnError is off.
	StopFailed StopReason = iota + 1
	// StopCanary: a canary database failed; nothing else starts, whatever
	// ContinueOnError says.
	StopCanary
	// StopInterrupted: the context ended or Options.Stop was closed.
	StopInterrupted
)

func (DatabaseStarted) fleetEvent()  {}
func (DatabaseProgress) fleetEvent() {}
func (DatabaseFinished) fleetEvent() {}
func (Stopping) fleetEvent()         {}
