package runner

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/revision"
)

// A CREATE INDEX CONCURRENTLY that fails or is interrupted (the deployer
// killed, the server restarted, a cancel) leaves its index behind, marked
// INVALID: unused by queries, still maintained on every write, and in the
// way of the rerun ("relation already exists", or silently skipped with IF
// NOT EXISTS). The revision's version-table row was not written, so the
// next run starts the revision again: before each such statement that names
// its index, an INVALID index of that name on that table is dropped (with
// DROP INDEX CONCURRENTLY) and the statement builds it again.

// dropInvalidLeftover drops the INVALID index an earlier, interrupted run
// of stmt left, reporting LeftoverDropped. Other statements, unnamed
// indexes and valid indexes are left alone.
func (s *Session) dropInvalidLeftover(ctx context.Context, st revision.Step, stmt revision.Statement) error {
	if stmt.NoTransaction != "CREATE INDEX CONCURRENTLY" {
		return nil
	}
	ci, ok := sqlparse.ConcurrentIndexOf(stmt.SQL)
	if !ok || ci.Name == "" {
		return nil
	}
	invalid, err := s.invalidIndexes(ctx, ci)
	if err != nil {
		return fmt.Errorf("%s %s (%s:%d): look for an INVALID index %s left by an interrupted run: %w",
			st.Direction, st.Revision.ID, st.Revision.File(), stmt.Line, ci.Name, explain(err))
	}
	for _, ix := range invalid {
		if _, err := s.conn.Exec(ctx, "DROP INDEX CONCURRENTLY IF EXISTS "+ix.ident); err != nil {
			return fmt.Errorf("%s %s (%s:%d): drop INVALID index %s left by an interrupted run: %w",
				st.Direction, st.Revision.ID, st.Revision.File(), stmt.Line, ix.name, explain(err))
		}
		s.log.Log(LeftoverDropped{Step: st, Statement: stmt, Index: ix.name, Table: ix.table})
	}
	return nil
}

// leftovers lists what a failed statement left behind: the INVALID index
// of a CREATE INDEX CONCURRENTLY (for an unnamed one, every INVALID index
// of its table). It looks even when the run was interrupted, on the same
// connection while it works; a connection that is gone yields nothing.
func (s *Session) leftovers(ctx context.Context, stmt revision.Statement) []Leftover {
	if stmt.NoTransaction != "CREATE INDEX CONCURRENTLY" || s.conn.IsClosed() {
		return nil
	}
	ci, ok := sqlparse.ConcurrentIndexOf(stmt.SQL)
	if !ok {
		return nil
	}
	lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	s.rollback(lctx)
	invalid, err := s.invalidIndexes(lctx, ci)
	if err != nil {
		return nil
	}
	var out []Leftover
	for _, ix := range invalid {
		out = append(out, Leftover{Index: ix.name, Rebuilt: ci.Name != ""})
	}
	return out
}

type invalidIndex struct {
	name, ident, table string
}

// invalidIndexes returns the INVALID indexes on ci's table named ci.Name
// (all of the table's when ci.Name is empty). The table is resolved the
// way the statement resolves it, on this session's search path.
func (s *Session) invalidIndexes(ctx context.Context, ci sqlparse.ConcurrentIndex) ([]invalidIndex, error) {
	table := pgx.Identifier{ci.Table}
	if ci.Schema != "" {
		table = pgx.Identifier{ci.Schema, ci.Table}
	}
	rows, err := s.conn.Query(ctx, `SELECT ic.oid::regclass::text, quote_ident(n.nspname) || '.' || quote_ident(ic.relname), tc.oid::regclass::text
		FROM pg_class tc
		JOIN pg_index i ON i.indrelid = tc.oid AND NOT i.indisvalid
		JOIN pg_class ic ON ic.oid = i.indexrelid
		JOIN pg_namespace n ON n.oid = ic.relnamespace
		WHERE tc.oid = to_regclass($1) AND ($2 = '' OR ic.relname = $2)
		ORDER BY 1`, table.Sanitize(), ci.Name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []invalidIndex
	for rows.Next() {
		var ix invalidIndex
		if err := rows.Scan(&ix.name, &ix.ident, &ix.table); err != nil {
			return nil, err
		}
		out = append(out, ix)
	}
	return out, rows.Err()
}
