package target

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/internal/sqlparse"
)

// statement is one statement of a script, with where it came from.
type statement struct {
	sql    string
	source *source // the file (or declaration) holding it
	offset int     // byte offset of sql in source.text
	noTx   string  // non-empty: cannot run in a transaction block
	role   sqlparse.ScriptRole
}

// source is a script's text and the name errors show for it.
type source struct {
	name string // "schema/users.sql", or "<declaration>"
	text string
}

// ApplyError is a statement of a declaration that PostgreSQL rejected,
// located in its file.
type ApplyError struct {
	File         string
	Line, Column int
	// Err is the server's error, usually a *pgconn.PgError with SQLSTATE,
	// message and position.
	Err error
}

func (e *ApplyError) Error() string {
	var pg *pgconn.PgError
	if errors.As(e.Err, &pg) {
		msg := fmt.Sprintf("%s:%d:%d: %s: %s (SQLSTATE %s)", e.File, e.Line, e.Column, pg.Severity, pg.Message, pg.Code)
		if pg.Detail != "" {
			msg += "; " + pg.Detail
		}
		if pg.Hint != "" {
			msg += "; hint: " + pg.Hint
		}
		return msg
	}
	return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
}

func (e *ApplyError) Unwrap() error { return e.Err }

// newApplyError locates err in s: at PostgreSQL's error position when it
// gives one, else at the statement's first token.
func newApplyError(s statement, err error) *ApplyError {
	off := s.offset
	var pg *pgconn.PgError
	if errors.As(err, &pg) && pg.Position > 0 {
		off += runeOffset(s.sql, int(pg.Position)-1)
	}
	line, col := sqlparse.Position(s.source.text, off)
	return &ApplyError{File: s.source.name, Line: line, Column: col, Err: err}
}

func runeOffset(s string, chars int) int {
	n := 0
	for i := range s {
		if n == chars {
			return i
		}
		n++
	}
	return len(s)
}

// locksPerStatement is a generous estimate of the locks one DDL statement
// keeps until commit: the table, its TOAST table and index, a sequence or
// two, the indexes of its keys, the tables its foreign keys reference.
const locksPerStatement = 16

// maxBatch bounds a batch on servers with plenty of lock memory, so an
// error still rolls back a reviewable amount of work.
const maxBatch = 500

// batchSize returns how many statements one transaction may hold without
// exhausting the server's shared lock table. That table has room for
// max_locks_per_transaction × (max_connections + max_prepared_transactions)
// locks shared by every session; a batch may use a quarter of it, at
// locksPerStatement locks per statement. With PostgreSQL's defaults
// (64 × 100) that is 100 statements, so 2,000 CREATE TABLEs commit in 20
// transactions instead of failing with "out of shared memory".
func batchSize(ctx context.Context, conn *pgx.Conn) (int, error) {
	var locks, conns, prepared int
	err := conn.QueryRow(ctx, `SELECT current_setting('max_locks_per_transaction')::int,
		current_setting('max_connections')::int, current_setting('max_prepared_transactions')::int`).
		Scan(&locks, &conns, &prepared)
	if err != nil {
		return 0, err
	}
	return batchSizeFor(locks, conns, prepared), nil
}

func batchSizeFor(locks, conns, prepared int) int {
	n := locks * (conns + prepared) / 4 / locksPerStatement
	return max(1, min(n, maxBatch))
}

// applyStatements runs stmts in order on conn, committing every batch
// statements (see batchSize). Transaction control in the script is
// skipped; statements that cannot run in a transaction block run alone;
// ALTER TYPE ... ADD VALUE ends its batch so later statements may use the
// value. Should a batch still run out of lock memory (a statement that
// locks many objects), it is retried in smaller batches. The first failing
// statement is returned as an *ApplyError.
func applyStatements(ctx context.Context, conn *pgx.Conn, stmts []statement, batch int) error {
	i := 0
	for i < len(stmts) {
		s := stmts[i]
		switch {
		case s.role == sqlparse.ScriptTransactionControl:
			i++
			continue
		case s.noTx != "":
			if _, err := conn.Exec(ctx, s.sql, pgx.QueryExecModeSimpleProtocol); err != nil {
				return newApplyError(s, err)
			}
			i++
			continue
		}
		var run []statement
		j := i
		for j < len(stmts) && len(run) < batch {
			t := stmts[j]
			if t.noTx != "" {
				break
			}
			j++
			if t.role == sqlparse.ScriptTransactionControl {
				continue
			}
			run = append(run, t)
			if t.role == sqlparse.ScriptCommitAfter {
				break
			}
		}
		failed, err := execBatch(ctx, conn, run)
		if err != nil {
			var pg *pgconn.PgError
			if errors.As(err, &pg) && pg.Code == "53200" && batch > 1 { // out_of_memory: lock table full
				batch = max(1, batch/2)
				continue
			}
			return newApplyError(run[failed], err)
		}
		i = j
	}
	return nil
}

// execBatch sends stmts in one pipeline ending in a single Sync, which
// PostgreSQL runs as one implicit transaction: all or nothing. It returns
// the index of the failing statement.
func execBatch(ctx context.Context, conn *pgx.Conn, stmts []statement) (int, error) {
	if len(stmts) == 0 {
		return 0, nil
	}
	b := &pgx.Batch{}
	for _, s := range stmts {
		b.Queue(s.sql)
	}
	br := conn.SendBatch(ctx, b)
	failed, err := -1, error(nil)
	for k := range stmts {
		if _, e := br.Exec(); e != nil {
			failed, err = k, e
			break
		}
	}
	cerr := br.Close()
	if err == nil && cerr != nil {
		// An error only Close sees (the commit at Sync) belongs to the
		// last statement.
		failed, err = len(stmts)-1, cerr
	}
	if err != nil && ctx.Err() != nil {
		return failed, ctx.Err()
	}
	return failed, err
}

// declarationSource turns the DDL rendered for a Go declaration into a
// script; errors point into the rendered text.
func declarationSource(stmts []autogen.Statement) (*source, []statement) {
	var b strings.Builder
	src := &source{name: "<declaration>"}
	out := make([]statement, 0, len(stmts))
	for _, s := range stmts {
		st := statement{sql: s.SQL, source: src, offset: b.Len()}
		if s.NonTransactional {
			st.noTx = "non-transactional"
		}
		out = append(out, st)
		b.WriteString(s.SQL)
		b.WriteString(";\n\n")
	}
	src.text = b.String()
	return src, out
}
