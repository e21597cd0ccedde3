package migrate

import "github.com/migrate-tool/migrate/runner"

// Logger receives progress events; see package runner for the event types.
type Logger = runner.Logger

// LoggerFunc adapts a function to Logger.
type LoggerFunc = runner.LoggerFunc

// Event is one of LockWaiting, LockAcquired, RevisionStarted,
// StatementDone, RevisionDone, RevisionFailed, LeftoverDropped or Stamped.
type Event = runner.Event

// Event types, re-exported so that callers need only this package.
type (
	LockWaiting     = runner.LockWaiting
	LockAcquired    = runner.LockAcquired
	RevisionStarted = runner.RevisionStarted
	StatementDone   = runner.StatementDone
	RevisionDone    = runner.RevisionDone
	RevisionFailed  = runner.RevisionFailed
	Stamped         = runner.Stamped
	LeftoverDropped = runner.LeftoverDropped
)

// Error types callers branch on, re-exported from package runner.
type (
	StatementError   = runner.StatementError
	PartialError     = runner.PartialError
	RunError         = runner.RunError
	EditedError      = runner.EditedError
	LockTimeoutError = runner.LockTimeoutError
	ConnectError     = runner.ConnectError
	MissingError     = runner.MissingError
	PoolerError      = runner.PoolerError
	Edited           = runner.Edited
	Missing          = runner.Missing
)
