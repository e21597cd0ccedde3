package rowgen

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/migrate-tool/migrate/schema"
)

// DB is what the harness needs of a connection; *pgx.Conn satisfies it.
type DB interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// null stands for SQL NULL in snapshots: no text value holds a NUL byte.
const null = "\x00NULL"

// Snapshot is the state of a database's rows: per table the row count and
// every column's values (as text), and every sequence's next value.
type Snapshot struct {
	Tables map[schema.QName]*TableSnap
	// Sequences are every sequence of the snapshotted schemas, by name.
	Sequences map[schema.QName]SeqState
	// ColumnSeqs are the sequences feeding columns (identity, serial,
	// nextval defaults), by the column's name in the database.
	ColumnSeqs map[ColumnRef]SeqState
}

// TableSnap is one table's rows.
type TableSnap struct {
	// Missing: the relation does not exist.
	Missing bool
	Count   int
	Keyed   bool
	Cols    map[string]*ColSnap
}

// ColSnap is one column's values.
type ColSnap struct {
	// ByKey maps a row's key text to the value (keyed tables); Sorted holds
	// the values in byte order (every table).
	ByKey  map[string]string
	Sorted []string
	// Hash digests the (key, value) pairs in key order (or Sorted).
	Hash string
	// Err is why the column could not be read (a cast back that fails).
	Err  string
	Skip string
	JSON bool
}

// SeqState is a sequence's position.
type SeqState struct {
	Name      schema.QName
	LastValue int64
	IsCalled  bool
	Increment int64
	// Next is the value nextval would return.
	Next int64
}

// Take reads the tables of reads and the sequences of schemas.
func Take(ctx context.Context, db DB, reads []TableRead, schemas []string) (*Snapshot, error) {
	s := &Snapshot{Tables: map[schema.QName]*TableSnap{}}
	for _, r := range reads {
		ts, err := readTable(ctx, db, r)
		if err != nil {
			return nil, err
		}
		s.Tables[r.Name] = ts
	}
	var err error
	s.Sequences, s.ColumnSeqs, err = readSequences(ctx, db, schemas)
	if err != nil {
		return nil, err
	}
	return s, nil
}

func relationExists(ctx context.Context, db DB, q schema.QName) (bool, error) {
	var ok bool
	err := queryRow(ctx, db, `SELECT to_regclass($1) IS NOT NULL`, []any{q.Qualified()}, &ok)
	return ok, err
}

func queryRow(ctx context.Context, db DB, sql string, args []any, dst ...any) error {
	rows, err := db.Query(ctx, sql, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return pgx.ErrNoRows
	}
	if err := rows.Scan(dst...); err != nil {
		return err
	}
	rows.Close()
	return rows.Err()
}

func readTable(ctx context.Context, db DB, r TableRead) (*TableSnap, error) {
	ok, err := relationExists(ctx, db, r.Rel)
	if err != nil {
		return nil, fmt.Errorf("rowgen: snapshot %s: %w", r.Rel, err)
	}
	if !ok {
		return &TableSnap{Missing: true}, nil
	}
	ts := &TableSnap{Keyed: len(r.Key) > 0, Cols: map[string]*ColSnap{}}
	if err := queryRow(ctx, db, "SELECT count(*) FROM "+r.from(), nil, &ts.Count); err != nil {
		return nil, fmt.Errorf("rowgen: count %s: %w", r.Rel, err)
	}
	var cols []ColRead
	for _, c := range r.Cols {
		if c.Expr == "" {
			continue // no counterpart
		}
		if c.Skip != "" {
			ts.Cols[c.Name] = &ColSnap{Skip: c.Skip}
			continue
		}
		cols = append(cols, c)
	}
	// One query for the table; column by column when it fails, to tell
	// which cast back does not work.
	if err := readColumns(ctx, db, r, cols, ts); err == nil {
		return ts, nil
	} else if !isPgError(err) {
		return nil, err
	}
	if len(r.Key) > 0 {
		// A key column that a covered change made unreadable as its old
		// type (no cast back) must not hide the other columns: read them
		// without the key, compared as sorted values.
		if err := queryAll(ctx, db, "SELECT "+strings.Join(r.Key, ", ")+" FROM "+r.from()); err != nil {
			if !isPgError(err) {
				return nil, fmt.Errorf("rowgen: key of %s: %w", r.Rel, err)
			}
			r.Key, ts.Keyed = nil, false
		}
	}
	for _, c := range cols {
		if err := readColumns(ctx, db, r, []ColRead{c}, ts); err != nil {
			if !isPgError(err) {
				return nil, err
			}
			ts.Cols[c.Name] = &ColSnap{Err: err.Error()}
		}
	}
	return ts, nil
}

// queryAll runs sql and reads every row, for its errors only.
func queryAll(ctx context.Context, db DB, sql string) error {
	rows, err := db.Query(ctx, sql, pgx.QueryExecModeSimpleProtocol)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}

func isPgError(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe)
}

func readColumns(ctx context.Context, db DB, r TableRead, cols []ColRead, ts *TableSnap) error {
	if len(cols) == 0 {
		return nil
	}
	exprs := slices.Clone(r.Key)
	for _, c := range cols {
		exprs = append(exprs, c.Expr)
	}
	rows, err := db.Query(ctx, "SELECT "+strings.Join(exprs, ", ")+" FROM "+r.from(), pgx.QueryExecModeSimpleProtocol)
	if err != nil {
		return err
	}
	defer rows.Close()
	nk := len(r.Key)
	snaps := make([]*ColSnap, len(cols))
	for i, c := range cols {
		snaps[i] = &ColSnap{JSON: c.JSON}
		if nk > 0 {
			snaps[i].ByKey = map[string]string{}
		}
	}
	dup := false
	for rows.Next() {
		vals := make([]*string, len(exprs))
		dst := make([]any, len(exprs))
		for i := range vals {
			dst[i] = &vals[i]
		}
		if err := rows.Scan(dst...); err != nil {
			return err
		}
		text := make([]string, len(vals))
		for i, v := range vals {
			text[i] = null
			if v != nil {
				text[i] = *v
			}
		}
		key := strings.Join(text[:nk], "\x1f")
		for i := range cols {
			v := text[nk+i]
			snaps[i].Sorted = append(snaps[i].Sorted, v)
			if nk > 0 {
				if _, seen := snaps[i].ByKey[key]; seen {
					dup = true
				}
				snaps[i].ByKey[key] = v
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if dup {
		ts.Keyed = false
	}
	for i, c := range cols {
		cs := snaps[i]
		slices.Sort(cs.Sorted)
		if dup {
			cs.ByKey = nil
		}
		cs.Hash = hashColumn(cs)
		ts.Cols[c.Name] = cs
	}
	return nil
}

// hashColumn digests a column's values in key order (or value order).
func hashColumn(cs *ColSnap) string {
	h := sha256.New()
	if cs.ByKey != nil {
		keys := make([]string, 0, len(cs.ByKey))
		for k := range cs.ByKey {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			h.Write([]byte(k + "\x1e" + cs.ByKey[k] + "\x1d"))
		}
	} else {
		for _, v := range cs.Sorted {
			h.Write([]byte(v + "\x1d"))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// sequencesSQL reads every sequence of the schemas with its position, and
// the columns it feeds: through an identity dependency, or through a
// column default that calls nextval on it.
const sequencesSQL = `
SELECT sn.nspname::text, sc.relname::text, s.seqincrement, s.seqstart,
       pg_sequence_last_value(sc.oid), f.tschema, f.tname, f.col
FROM pg_sequence s
JOIN pg_class sc ON sc.oid = s.seqrelid
JOIN pg_namespace sn ON sn.oid = sc.relnamespace
LEFT JOIN LATERAL (
    SELECT tn.nspname::text AS tschema, t.relname::text AS tname, a.attname::text AS col
    FROM pg_depend d
    JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
    JOIN pg_class t ON t.oid = a.attrelid
    JOIN pg_namespace tn ON tn.oid = t.relnamespace
    WHERE d.classid = 'pg_class'::regclass AND d.objid = sc.oid
      AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'i'
    UNION
    SELECT tn.nspname::text, t.relname::text, a.attname::text
    FROM pg_depend d
    JOIN pg_attrdef ad ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid
    JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
    JOIN pg_class t ON t.oid = a.attrelid
    JOIN pg_namespace tn ON tn.oid = t.relnamespace
    WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = sc.oid
) f ON true
WHERE sn.nspname = ANY($1)`

func readSequences(ctx context.Context, db DB, schemas []string) (map[schema.QName]SeqState, map[ColumnRef]SeqState, error) {
	rows, err := db.Query(ctx, sequencesSQL, schemas)
	if err != nil {
		return nil, nil, fmt.Errorf("rowgen: read sequences: %w", err)
	}
	defer rows.Close()
	seqs, cols := map[schema.QName]SeqState{}, map[ColumnRef]SeqState{}
	for rows.Next() {
		var st SeqState
		var start int64
		var last *int64
		var ts, tn, col *string
		if err := rows.Scan(&st.Name.Schema, &st.Name.Name, &st.Increment, &start, &last, &ts, &tn, &col); err != nil {
			return nil, nil, fmt.Errorf("rowgen: read sequences: %w", err)
		}
		st.Next = start
		if last != nil {
			st.LastValue, st.IsCalled = *last, true
			st.Next = *last + st.Increment
		}
		seqs[st.Name] = st
		if col != nil {
			cols[ColumnRef{schema.QName{Schema: *ts, Name: *tn}, *col}] = st
		}
	}
	return seqs, cols, rows.Err()
}

// Facts reads what the catalog says about the types of the schemas that
// the schema model does not describe (extension types), by format_type.
func Facts(ctx context.Context, db DB) (map[string]TypeFact, error) {
	rows, err := db.Query(ctx, `SELECT format_type(t.oid, NULL), t.typcategory::text
		FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
		WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
		  AND t.typtype = 'b'`)
	if err != nil {
		return nil, fmt.Errorf("rowgen: read types: %w", err)
	}
	defer rows.Close()
	out := map[string]TypeFact{}
	for rows.Next() {
		var name, cat string
		if err := rows.Scan(&name, &cat); err != nil {
			return nil, fmt.Errorf("rowgen: read types: %w", err)
		}
		if cat != "" {
			out[name] = TypeFact{Category: cat[0]}
		}
	}
	return out, rows.Err()
}

// from is what a read selects from: the table's own rows, or the whole
// tree for a Tree read.
func (r TableRead) from() string {
	if r.Tree {
		return r.Rel.Qualified()
	}
	return "ONLY " + r.Rel.Qualified()
}
