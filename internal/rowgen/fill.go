package rowgen

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/migrate-tool/migrate/schema"
)

// chunk is how many rows one INSERT carries; between chunks the filler
// reads the referenced keys again, so a self-referencing table's later
// rows point at its earlier ones.
const chunk = 50

// FillReport says how many rows each table received.
type FillReport struct {
	Tables []TableFill
}

// TableFill is one table's outcome: rows offered, rows inserted, and the
// first reason a row was refused.
type TableFill struct {
	Name            schema.QName
	Offered, Stored int
	FirstRefusal    string
}

// String summarizes the tables that refused rows.
func (r *FillReport) String() string {
	var parts []string
	for _, t := range r.Tables {
		s := fmt.Sprintf("%s %d/%d", t.Name, t.Stored, t.Offered)
		if t.FirstRefusal != "" {
			s += " (" + t.FirstRefusal + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// Fill inserts the plan's rows in one transaction, in two rounds so every
// table gets rows referencing tables filled after it. A row the database
// refuses (a check, a unique key, a partition bound the generator did not
// meet) is dropped and the fill goes on; the report counts them. Any
// other failure is an error.
func Fill(ctx context.Context, db DB, p *Plan) (*FillReport, error) {
	if _, err := db.Exec(ctx, "BEGIN"); err != nil {
		return nil, fmt.Errorf("rowgen: fill: %w", err)
	}
	rep, err := fill(ctx, db, p)
	if err != nil {
		_, _ = db.Exec(ctx, "ROLLBACK")
		return nil, err
	}
	if _, err := db.Exec(ctx, "COMMIT"); err != nil {
		return nil, fmt.Errorf("rowgen: fill: commit: %w", err)
	}
	return rep, nil
}

func fill(ctx context.Context, db DB, p *Plan) (*FillReport, error) {
	partitioned := map[schema.QName]bool{}
	for _, t := range p.Tables {
		if len(t.routes) > 0 || t.partitioned {
			partitioned[t.Name] = true
		}
	}
	rep := &FillReport{Tables: make([]TableFill, len(p.Tables))}
	keys := Keys{}
	for round := 0; round < 2; round++ {
		for ti, tp := range p.Tables {
			tf := &rep.Tables[ti]
			tf.Name = tp.Name
			from, to := round*tp.Rows/2, (round+1)*tp.Rows/2
			for lo := from; lo < to; lo += chunk {
				hi := min(lo+chunk, to)
				for _, ref := range tp.Parents() {
					ks, err := readKeys(ctx, db, ref, partitioned[ref.Table])
					if err != nil {
						return nil, err
					}
					keys[ref.String()] = ks
				}
				var rows []string
				for i := lo; i < hi; i++ {
					tf.Offered++
					if r, ok := tp.Row(i, keys); ok {
						rows = append(rows, r)
					} else if tf.FirstRefusal == "" {
						tf.FirstRefusal = "a NOT NULL foreign key has no parent row"
					}
				}
				stored, refusal, err := insert(ctx, db, tp, rows)
				if err != nil {
					return nil, err
				}
				tf.Stored += stored
				if tf.FirstRefusal == "" {
					tf.FirstRefusal = refusal
				}
			}
		}
	}
	return rep, nil
}

// readKeys reads the distinct non-null values of a referenced key, in a
// stable order.
func readKeys(ctx context.Context, db DB, ref KeyRef, partitioned bool) ([][]string, error) {
	var exprs, conds, order []string
	for i, c := range ref.Columns {
		id := schema.QuoteIdent(c)
		exprs = append(exprs, fmt.Sprintf("%s::text AS k%d, %s AS o%d", id, i, id, i))
		conds = append(conds, id+" IS NOT NULL")
		order = append(order, fmt.Sprintf("o%d", i))
	}
	only := "ONLY "
	if partitioned {
		only = ""
	}
	// In the key's own order, so rows added by the second round come after
	// those of the first and a row's parent index stays meaningful.
	var outs []string
	for i := range ref.Columns {
		outs = append(outs, fmt.Sprintf("k%d", i))
	}
	sql := "SELECT " + strings.Join(outs, ", ") + " FROM (SELECT DISTINCT " + strings.Join(exprs, ", ") + " FROM " + only + ref.Table.Qualified() +
		" WHERE " + strings.Join(conds, " AND ") + ") k ORDER BY " + strings.Join(order, ", ") + " LIMIT 1000"
	rows, err := db.Query(ctx, sql)
	if err != nil {
		return nil, fmt.Errorf("rowgen: read keys of %s: %w", ref, err)
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		vals := make([]string, len(ref.Columns))
		dst := make([]any, len(vals))
		for i := range vals {
			dst[i] = &vals[i]
		}
		if err := rows.Scan(dst...); err != nil {
			return nil, fmt.Errorf("rowgen: read keys of %s: %w", ref, err)
		}
		out = append(out, vals)
	}
	return out, rows.Err()
}

// insert stores rows: all in one INSERT when the database takes them,
// else one by one, each in a savepoint, dropping those it refuses.
func insert(ctx context.Context, db DB, tp *TablePlan, rows []string) (stored int, refusal string, err error) {
	if len(rows) == 0 {
		return 0, "", nil
	}
	if len(tp.cols) > 0 {
		n, rerr, err := tryInsert(ctx, db, tp.InsertSQL(rows))
		if err != nil || rerr == nil {
			return n, "", err
		}
	}
	for _, r := range rows {
		n, rerr, err := tryInsert(ctx, db, tp.InsertSQL([]string{r}))
		if err != nil {
			return stored, refusal, err
		}
		stored += n
		if rerr != nil && refusal == "" {
			refusal = rerr.Error()
		}
	}
	return stored, refusal, nil
}

// tryInsert runs one INSERT in a savepoint. A refusal of the rows (class
// 22 data exceptions, 23 integrity violations) is returned as rerr and
// rolled back; anything else is err.
func tryInsert(ctx context.Context, db DB, sql string) (n int, rerr, err error) {
	if _, err := db.Exec(ctx, "SAVEPOINT rowgen"); err != nil {
		return 0, nil, fmt.Errorf("rowgen: savepoint: %w", err)
	}
	tag, ierr := db.Exec(ctx, sql)
	if ierr == nil {
		if _, err := db.Exec(ctx, "RELEASE SAVEPOINT rowgen"); err != nil {
			return 0, nil, fmt.Errorf("rowgen: release savepoint: %w", err)
		}
		return int(tag.RowsAffected()), nil, nil
	}
	if _, err := db.Exec(ctx, "ROLLBACK TO SAVEPOINT rowgen"); err != nil {
		return 0, nil, fmt.Errorf("rowgen: rollback to savepoint after %v: %w", ierr, err)
	}
	if refused(ierr) {
		return 0, ierr, nil
	}
	return 0, nil, fmt.Errorf("rowgen: %s: %w", shorten(sql), ierr)
}

// refused reports whether err is the database refusing values (SQLSTATE
// class 22 or 23, or P0001 from a trigger) rather than a broken statement.
func refused(err error) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return false
	}
	return strings.HasPrefix(pe.Code, "22") || strings.HasPrefix(pe.Code, "23") || pe.Code == "P0001"
}

func shorten(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// Truncate empties every table of the plan (and what references them).
func Truncate(ctx context.Context, db DB, p *Plan) error {
	if len(p.Tables) == 0 {
		return nil
	}
	names := make([]string, 0, len(p.Tables))
	for _, t := range p.Tables {
		names = append(names, t.Name.Qualified())
	}
	slices.Sort(names)
	if _, err := db.Exec(ctx, "TRUNCATE "+strings.Join(names, ", ")+" CASCADE"); err != nil {
		return fmt.Errorf("rowgen: truncate: %w", err)
	}
	return nil
}
