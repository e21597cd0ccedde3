package fleet

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/internal/pgdial"
	"github.com/migrate-tool/migrate/runner"
)

// Query runs sql on the database at url in a read-only transaction and
// returns the connection strings it selects, one per row in the order
// returned: the fleet of a database-per-tenant layout kept in a table
// (SELECT url FROM tenants WHERE active ORDER BY id). The query must
// return exactly one column of text; a NULL is an error naming its row.
func Query(ctx context.Context, url, sql string) ([]string, error) {
	conn, err := pgdial.ConnectString(ctx, url)
	if err != nil {
		return nil, &runner.ConnectError{Err: err}
	}
	defer conn.Close(context.WithoutCancel(ctx))
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("begin a read-only transaction: %w", err)
	}
	// Read-only: there is nothing to commit.
	defer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }()
	rows, err := tx.Query(ctx, sql, pgx.QueryExecModeSimpleProtocol)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if fd := rows.FieldDescriptions(); len(fd) != 1 {
		return nil, fmt.Errorf("the query returns %d columns: want one, the connection string", len(fd))
	}
	var out []string
	for n := 1; rows.Next(); n++ {
		var v *string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("row %d: %w: select the connection string as text", n, err)
		}
		if v == nil {
			return nil, fmt.Errorf("row %d is NULL: filter such rows out (WHERE url IS NOT NULL)", n)
		}
		out = append(out, *v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
