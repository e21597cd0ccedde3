package introspect

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// minVersion is the oldest server the catalog queries are written for.
const minVersion = 130000

// serverVersion returns the server's server_version_num; the catalog
// queries are chosen by it. A connection knows it from the server_version
// the server reported when it connected, which spares a round trip (the
// first query of a new backend, the dearest); another handle, or a
// version string it does not recognize, asks.
func serverVersion(ctx context.Context, db Querier) (int, error) {
	if v := reportedVersion(pgConnOf(db)); v != 0 {
		return v, nil
	}
	var v int
	// The simple protocol spares the prepare round trip of a statement
	// that is sent once.
	rows, err := db.Query(ctx, "SELECT current_setting('server_version_num')::integer",
		pgx.QueryExecModeSimpleProtocol)
	if err == nil {
		v, err = pgx.CollectExactlyOneRow(rows, pgx.RowTo[int])
	}
	if err != nil {
		return 0, fmt.Errorf("introspect: read server version: %w", err)
	}
	return v, nil
}

// pgConnOf is the connection under db, or nil for a handle that does not
// have one.
func pgConnOf(db Querier) *pgconn.PgConn {
	switch d := db.(type) {
	case *pgx.Conn:
		return d.PgConn()
	case pgx.Tx:
		return d.Conn().PgConn()
	}
	return nil
}

// reportedVersion is the server_version_num of the server_version c's
// server reported ("15.10 (Debian 15.10-1)" is 150010), or 0 when there is
// none or it is not MAJOR.MINOR (a beta, or a server before 10).
func reportedVersion(c *pgconn.PgConn) int {
	if c == nil {
		return 0
	}
	return versionNum(c.ParameterStatus("server_version"))
}

// versionNum parses the MAJOR.MINOR at the start of a server_version.
func versionNum(s string) int {
	s, _, _ = strings.Cut(s, " ")
	majorText, minorText, ok := strings.Cut(s, ".")
	if !ok {
		return 0
	}
	major, err := strconv.Atoi(majorText)
	if err != nil || major < 10 || major > 99 {
		return 0
	}
	minor, err := strconv.Atoi(minorText)
	if err != nil || minor < 0 || minor > 9999 {
		return 0
	}
	return major*10000 + minor
}

// versionString renders server_version_num as major.minor.
func versionString(v int) string {
	return fmt.Sprintf("%d.%d", v/10000, v%10000)
}

// inTransaction reports whether db already runs inside a transaction, in
// which case Introspect must not BEGIN or COMMIT but work in a savepoint.
func inTransaction(db Querier) bool {
	switch d := db.(type) {
	case pgx.Tx:
		return true
	case *pgx.Conn:
		return d.PgConn().TxStatus() != 'I'
	}
	return false
}

// savepoint names the savepoint used inside a caller's transaction.
const savepoint = "migrate_introspect"

// canonicalSettings fix, for the transaction only, every setting that
// changes how the catalog functions print: an empty search_path so that
// every name outside pg_catalog is qualified, and the time zone, date and
// interval styles and float precision that decide how constants in
// defaults, checks and partition bounds read. Both sides of a comparison
// are read with them, whatever their servers' configuration.
const canonicalSettings = `SELECT set_config('search_path', '', true),
	set_config('TimeZone', 'UTC', true),
	set_config('DateStyle', 'ISO, MDY', true),
	set_config('IntervalStyle', 'postgres', true),
	set_config('extra_float_digits', '3', true)`

// openTransaction is the framing queued before the catalog queries. The
// settings are local to the transaction (or undone with the savepoint), so
// the caller's session is left as it was.
func openTransaction(nested bool) []string {
	if nested {
		return []string{"SAVEPOINT " + savepoint, canonicalSettings}
	}
	return []string{"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", canonicalSettings}
}

// closeTransaction is the framing queued after the catalog queries. Rolling
// back to the savepoint restores the caller's search_path; nothing was
// written.
func closeTransaction(nested bool) []string {
	if nested {
		return []string{"ROLLBACK TO SAVEPOINT " + savepoint, "RELEASE SAVEPOINT " + savepoint}
	}
	return []string{"COMMIT"}
}

// recoverTransaction leaves a connection usable after a failed batch: a
// failing statement aborts the transaction the batch opened (or the
// caller's, back to the savepoint), and the batch's own COMMIT or ROLLBACK
// TO never ran. Errors are ignored: the original one is reported.
func recoverTransaction(ctx context.Context, db Querier, nested bool) {
	var sql string
	if nested {
		sql = "ROLLBACK TO SAVEPOINT " + savepoint
	} else if c, ok := db.(*pgx.Conn); ok && c.PgConn().TxStatus() != 'I' {
		sql = "ROLLBACK"
	} else {
		// Nothing is open, or db is a pool, which discards a connection
		// returned inside a transaction.
		return
	}
	if rows, err := db.Query(ctx, sql, pgx.QueryExecModeSimpleProtocol); err == nil {
		rows.Close()
	}
}
