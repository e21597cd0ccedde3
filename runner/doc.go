// Package runner applies revision plans to PostgreSQL. It owns everything a
// migration does to the database besides the revisions' own SQL: the version
// table (one row per applied head), the audit table (one row per applied,
// reverted or stamped revision), the advisory lock that serializes deployers,
// transactions and timeouts, and the offline SQL script that does the same
// work through psql. It decides nothing about the revision graph: plans come
// from package revision and say which version-table rows each step moves.
//
// The runner prints nothing. Progress is reported as typed events to a
// Logger, and failures are typed errors (StatementError, PartialError,
// RunError, EditedError, LockTimeoutError) that name the revision, its file
// and the statement's line.
package runner
