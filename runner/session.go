package runner

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
	"github.com/migrate-tool/migrate/internal/pgdial"
)

// Config configures a Session.
type Config struct {
	Tables Tables
	// LockTimeout and StatementTimeout become PostgreSQL's lock_timeout and
	// statement_timeout for every migration transaction (SET LOCAL), or for
	// the session while a non-transactional revision runs. Zero leaves the
	// server's setting alone.
	LockTimeout      time.Duration
	StatementTimeout time.Duration
	// LockWaitTimeout bounds the wait for another deployer's migration lock;
	// zero waits until the context ends.
	LockWaitTimeout time.Duration
	// ToolVersion is recorded in the audit table.
	ToolVersion string
	// Logger receives progress events; nil drops them.
	Logger Logger
}

// Session is one dedicated connection to the database being migrated. A
// writing command takes the migration lock on it (Lock) and keeps it for its
// whole run; the lock is a session lock, so it goes away with the
// connection if the process dies.
type Session struct {
	conn *pgx.Conn
	// pc is the connection's configuration, for the short-lived second
	// connections of the pooler probe and the lock monitor.
	pc     *pgx.ConnConfig
	cfg    Config
	bl     builder
	log    Logger
	locked bool
	// pid is the backend's process id, as the session saw it when it
	// connected.
	pid int
	// watch samples lock waits while a statement runs (lockwatch.go).
	watch *lockWatch
}

// Connect opens a session on url (a PostgreSQL URL or key=value DSN).
func Connect(ctx context.Context, url string, cfg Config) (*Session, error) {
	if err := cfg.Tables.Validate(); err != nil {
		return nil, err
	}
	cfg.Tables = cfg.Tables.withDefaults()
	pc, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, &ConnectError{Err: err}
	}
	if _, ok := pc.RuntimeParams["application_name"]; !ok {
		pc.RuntimeParams["application_name"] = "migrate"
	}
	// An interrupted run (Ctrl-C, a deadline) asks the server to cancel the
	// running statement, so it stops at once and the transaction can be
	// rolled back on the same connection; only an unresponsive server gets
	// the connection cut.
	pc.BuildContextWatcherHandler = func(c *pgconn.PgConn) ctxwatch.Handler {
		return &pgconn.CancelRequestContextWatcherHandler{Conn: c, DeadlineDelay: 5 * time.Second}
	}
	// Unnamed statements only: the session reset between revisions
	// deallocates every prepared statement (a revision may PREPARE its
	// own), which would break a cache of named ones.
	pc.DefaultQueryExecMode = pgx.QueryExecModeCacheDescribe
	conn, err := pgdial.Connect(ctx, pc)
	if err != nil {
		return nil, &ConnectError{Err: err}
	}
	s := &Session{conn: conn, pc: pc, cfg: cfg, log: cfg.Logger, bl: builder{
		tables: cfg.Tables, lockTimeout: cfg.LockTimeout, statementTimeout: cfg.StatementTimeout, toolVersion: cfg.ToolVersion,
	}}
	if s.log == nil {
		s.log = nopLogger{}
	}
	s.watch = newLockWatch(s)
	if err := conn.QueryRow(ctx, "SELECT pg_backend_pid()").Scan(&s.pid); err != nil {
		conn.Close(context.Background())
		return nil, &ConnectError{Err: explain(err)}
	}
	// A backend busy in a long statement notices a vanished client only when
	// it next talks to it; checking the socket periodically lets a killed
	// deployer's statement, transaction and lock end within a second or two.
	// The setting exists since PostgreSQL 14 and only on some platforms,
	// so failing to set it is not an error; when it works it is part of
	// the state every revision starts from.
	if _, err := conn.Exec(ctx, checkIntervalSetting); err == nil {
		s.bl.checkInterval = true
	} else if ctx.Err() != nil {
		conn.Close(context.Background())
		return nil, &ConnectError{Err: err}
	}
	return s, nil
}

// checkIntervalSetting makes the backend notice a vanished client.
const checkIntervalSetting = "SET client_connection_check_interval = '1s'"

// PID returns the backend process id of the session's connection.
func (s *Session) PID() int { return s.pid }

// Conn returns the session's connection, for callers that need to read the
// database (introspection) under the same lock.
func (s *Session) Conn() *pgx.Conn { return s.conn }

// Tables returns the version and audit table names in use.
func (s *Session) Tables() Tables { return s.cfg.Tables }

// Close releases the migration lock if held and closes the connection.
func (s *Session) Close(ctx context.Context) error {
	if s.locked {
		s.Unlock(ctx)
	}
	s.watch.close()
	return s.conn.Close(ctx)
}

// EnsureTables creates the schema, version table and audit table when
// missing. Call it with the lock held so that concurrent first runs do not
// race on the catalog.
func (s *Session) EnsureTables(ctx context.Context) error {
	t := s.cfg.Tables
	var schemaExists, versionExists, historyExists bool
	err := s.conn.QueryRow(ctx, `SELECT
		EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1),
		to_regclass($2) IS NOT NULL,
		to_regclass($3) IS NOT NULL`,
		t.Schema, t.versionIdent(), t.historyIdent()).Scan(&schemaExists, &versionExists, &historyExists)
	if err != nil {
		return fmt.Errorf("look up %s: %w", t.VersionName(), explain(err))
	}
	// Asking only for what is missing keeps a role without CREATE on the
	// database able to migrate once the tables exist.
	if !schemaExists {
		if _, err := s.conn.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+t.schemaIdent()); err != nil {
			return fmt.Errorf("create schema %s for the version table: %w", t.Schema, explain(err))
		}
	}
	if !versionExists {
		if _, err := s.conn.Exec(ctx, t.createVersionTable()); err != nil {
			return fmt.Errorf("create version table %s: %w", t.VersionName(), explain(err))
		}
	}
	if !historyExists {
		if _, err := s.conn.Exec(ctx, t.createHistoryTable()); err != nil {
			return fmt.Errorf("create audit table %s: %w", t.HistoryName(), explain(err))
		}
	}
	return nil
}

// Heads returns the rows of the version table, sorted; none when the table
// does not exist yet (a database at base).
func (s *Session) Heads(ctx context.Context) ([]string, error) {
	t := s.cfg.Tables
	exists, err := s.regclassExists(ctx, t.versionIdent())
	if err != nil || !exists {
		return nil, err
	}
	rows, err := s.conn.Query(ctx, "SELECT version_num FROM "+t.versionIdent())
	if err != nil {
		return nil, fmt.Errorf("read version table %s: %w", t.VersionName(), explain(err))
	}
	heads, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("read version table %s: %w", t.VersionName(), explain(err))
	}
	sort.Strings(heads)
	return heads, nil
}

// Record is the latest audit row of a revision: what the database last did
// with it.
type Record struct {
	// RowID is the audit row's id; later rows have larger ids.
	RowID int64
	// Direction is upgrade, downgrade, stamp or unstamp.
	Direction string
	// Checksum is what the row recorded: Revision.Checksum (both
	// sections), the upgrade section's checksum alone in rows written
	// before both were recorded, or "" when none was recorded.
	Checksum  string
	AppliedAt time.Time
}

// Applies reports whether the row leaves the revision applied (an upgrade
// or a stamp).
func (r Record) Applies() bool { return r.Direction == "upgrade" || r.Direction == auditStamp }

// Records returns the latest audit row of each of ids that has one; all
// revisions when ids is nil. None when the audit table does not exist.
func (s *Session) Records(ctx context.Context, ids []string) (map[string]Record, error) {
	t := s.cfg.Tables
	out := make(map[string]Record)
	exists, err := s.regclassExists(ctx, t.historyIdent())
	if err != nil || !exists || ids != nil && len(ids) == 0 {
		return out, err
	}
	where := ""
	args := []any{}
	if ids != nil {
		where, args = "WHERE version_num = ANY($1)", []any{ids}
	}
	rows, err := s.conn.Query(ctx, `SELECT DISTINCT ON (version_num) version_num, id, direction, coalesce(checksum, ''), started_at
		FROM `+t.historyIdent()+` `+where+`
		ORDER BY version_num, id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("read audit table %s: %w", t.HistoryName(), explain(err))
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var r Record
		if err := rows.Scan(&id, &r.RowID, &r.Direction, &r.Checksum, &r.AppliedAt); err != nil {
			return nil, fmt.Errorf("read audit table %s: %w", t.HistoryName(), explain(err))
		}
		out[id] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read audit table %s: %w", t.HistoryName(), explain(err))
	}
	return out, nil
}

// HistoryRow is one row of the audit table.
type HistoryRow struct {
	ID          int64
	Revision    string
	Direction   string
	StartedAt   time.Time
	Duration    time.Duration
	Checksum    string
	ToolVersion string
	User        string
	Message     string
}

// AuditRows returns the audit table in order; none when it does not exist.
func (s *Session) AuditRows(ctx context.Context) ([]HistoryRow, error) {
	t := s.cfg.Tables
	exists, err := s.regclassExists(ctx, t.historyIdent())
	if err != nil || !exists {
		return nil, err
	}
	rows, err := s.conn.Query(ctx, `SELECT id, version_num, direction, started_at,
		(extract(epoch FROM duration) * 1000000)::bigint, coalesce(checksum, ''), tool_version, db_user, coalesce(message, '')
		FROM `+t.historyIdent()+` ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read audit table %s: %w", t.HistoryName(), explain(err))
	}
	defer rows.Close()
	var out []HistoryRow
	for rows.Next() {
		var r HistoryRow
		var us int64
		if err := rows.Scan(&r.ID, &r.Revision, &r.Direction, &r.StartedAt, &us, &r.Checksum, &r.ToolVersion, &r.User, &r.Message); err != nil {
			return nil, fmt.Errorf("read audit table %s: %w", t.HistoryName(), explain(err))
		}
		r.Duration = time.Duration(us) * time.Microsecond
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read audit table %s: %w", t.HistoryName(), explain(err))
	}
	return out, nil
}

func (s *Session) regclassExists(ctx context.Context, ident string) (bool, error) {
	var ok bool
	if err := s.conn.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", ident).Scan(&ok); err != nil {
		return false, fmt.Errorf("look up %s: %w", ident, explain(err))
	}
	return ok, nil
}

// pgError returns the server error inside err, if any.
func pgError(err error) *pgconn.PgError {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe
	}
	return nil
}
