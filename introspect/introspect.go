package introspect

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/schema"
)

// Querier is what Introspect needs from a database handle. *pgx.Conn,
// pgx.Tx and *pgxpool.Pool all satisfy it.
type Querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}

// Options select the part of the database to read.
type Options struct {
	// Schemas are the schemas to read; empty means ["public"], ["*"] every
	// schema. The system schemas (pg_catalog, information_schema, pg_toast,
	// pg_temp_*) are never read, even when listed.
	Schemas []string
	// ExcludeSchemas are left out even when listed in Schemas.
	ExcludeSchemas []string
	// SkipTables are tables that never appear, with the sequences they own:
	// the tool's version and audit tables.
	SkipTables []schema.QName
	// NotManaged also lists, in Schema.NotManaged, what the database holds
	// that the model does not describe: objects of kinds outside it, and
	// schemas outside Schemas that hold objects. It is meant for a
	// database holding a declaration, where everything was declared; it
	// adds one query to the batch.
	NotManaged bool `json:",omitempty"`
}

// Introspect reads the objects of the selected schemas into a Schema in
// canonical order. It costs one round trip whatever the size of the
// schema: one batch holding every catalog query (two on a connection whose
// statement cache is cold, as pgx prepares the batch's statements first;
// one more through a handle that does not carry the server version, see
// serverVersion).
//
// On a pgx.Tx, or a connection already inside a transaction, Introspect
// runs in a savepoint of that transaction and takes its snapshot and
// isolation level as they are; the settings it changes are undone
// afterwards. Otherwise it opens and commits its own REPEATABLE READ READ
// ONLY transaction. Errors name the object kind being read and wrap the
// server's *pgconn.PgError; after one, the connection is back out of the
// transaction (or savepoint) Introspect opened.
func Introspect(ctx context.Context, db Querier, opts Options) (*schema.Schema, error) {
	version, err := serverVersion(ctx, db)
	if err != nil {
		return nil, err
	}
	if version < minVersion {
		return nil, fmt.Errorf("introspect: PostgreSQL %s is not supported: use PostgreSQL 13 or later", versionString(version))
	}
	return read(ctx, db, opts, version)
}

// read sends the catalog queries written for the given server version.
func read(ctx context.Context, db Querier, opts Options, version int) (*schema.Schema, error) {
	return readWith(ctx, db, opts, version, nil)
}

// readWith is read that, when fp is not nil, also reads the catalog
// fingerprint into it, first in the same transaction.
func readWith(ctx context.Context, db Querier, opts Options, version int, fp *Fingerprint) (*schema.Schema, error) {
	rs := readers(version)
	if opts.NotManaged {
		rs = append(rs, notManagedReader())
	}
	st := newState()
	args := opts.args()
	nested := inTransaction(db)

	b := &pgx.Batch{}
	for _, q := range openTransaction(nested) {
		b.Queue(q)
	}
	if fp != nil {
		b.Queue(fingerprintSQL(version))
	}
	for _, r := range rs {
		b.Queue(r.sql, args...)
	}
	for _, q := range closeTransaction(nested) {
		b.Queue(q)
	}

	br := db.SendBatch(ctx, b)
	err := readAll(br, rs, st, fp, len(openTransaction(nested)), len(closeTransaction(nested)))
	if cerr := br.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("introspect: %w", cerr)
	}
	if err != nil {
		recoverTransaction(ctx, db, nested)
		return nil, err
	}
	st.s.Sort()
	return st.s, nil
}

// readAll consumes the batch results in queue order: the transaction
// framing, the fingerprint when fp is not nil, then one result per reader.
func readAll(br pgx.BatchResults, rs []reader, st *state, fp *Fingerprint, opening, closing int) error {
	for range opening {
		if _, err := br.Exec(); err != nil {
			return fmt.Errorf("introspect: start transaction: %w", err)
		}
	}
	if fp != nil {
		rows, err := br.Query()
		if err == nil {
			*fp, err = scanFingerprint(rows)
		}
		if err != nil {
			return fmt.Errorf("introspect: read the catalog fingerprint: %w", err)
		}
	}
	for _, r := range rs {
		rows, err := br.Query()
		if err != nil {
			return fmt.Errorf("introspect: read %s: %w", r.kind, err)
		}
		for rows.Next() {
			if err := r.scan(rows, st); err != nil {
				rows.Close()
				return fmt.Errorf("introspect: read %s: %w", r.kind, err)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("introspect: read %s: %w", r.kind, err)
		}
	}
	for range closing {
		if _, err := br.Exec(); err != nil {
			return fmt.Errorf("introspect: end transaction: %w", err)
		}
	}
	return nil
}

// args are the query parameters every catalog query takes: $1 included
// schemas, $2 excluded schemas, $3/$4 the schemas and names of skipped
// tables.
func (o Options) args() []any {
	include := o.Schemas
	if len(include) == 0 {
		include = []string{"public"}
	}
	exclude := o.ExcludeSchemas
	if exclude == nil {
		exclude = []string{}
	}
	skipSchemas := make([]string, 0, len(o.SkipTables))
	skipNames := make([]string, 0, len(o.SkipTables))
	for _, q := range o.SkipTables {
		skipSchemas = append(skipSchemas, q.Schema)
		skipNames = append(skipNames, q.Name)
	}
	return []any{slices.Clone(include), exclude, skipSchemas, skipNames}
}

// state is the Schema being filled plus the indexes that let later queries
// (columns, constraints, ...) find the relation they belong to by oid.
type state struct {
	s      *schema.Schema
	tables map[uint32]int // pg_class oid -> index in s.Tables
	views  map[uint32]int // pg_class oid -> index in s.Views
	// attnums holds, per table oid, the attnum of each of its Columns, so
	// constraints can name their columns without a catalog lookup per row.
	attnums map[uint32][]int16
}

func newState() *state {
	return &state{
		s:       &schema.Schema{},
		tables:  map[uint32]int{},
		views:   map[uint32]int{},
		attnums: map[uint32][]int16{},
	}
}

func (st *state) table(oid uint32) *schema.Table {
	if i, ok := st.tables[oid]; ok {
		return &st.s.Tables[i]
	}
	return nil
}

func (st *state) view(oid uint32) *schema.View {
	if i, ok := st.views[oid]; ok {
		return &st.s.Views[i]
	}
	return nil
}

// columnNames names the columns of table oid with the given attnums, in
// that order; 0 (an expression, in an exclusion constraint) has no name
// and is skipped.
func (st *state) columnNames(oid uint32, attnums []int16) ([]string, error) {
	t := st.table(oid)
	var names []string
	for _, n := range attnums {
		if n == 0 {
			continue
		}
		i := slices.Index(st.attnums[oid], n)
		if t == nil || i < 0 {
			return nil, fmt.Errorf("relation oid %d has no column %d", oid, n)
		}
		names = append(names, t.Columns[i].Name)
	}
	return names, nil
}

// identity gives the identity column attnum of table oid its sequence's
// options. The table may not have been read (an extension member): then
// there is no column to give them to.
func (st *state) identity(oid uint32, attnum int16, opts *schema.SequenceOptions) {
	t := st.table(oid)
	if i := slices.Index(st.attnums[oid], attnum); t != nil && i >= 0 {
		t.Columns[i].IdentitySequence = opts
	}
}

// errOrphan reports a row whose relation was not read before it: a bug in
// the queries, since both come from the same snapshot and filter.
func errOrphan(what, name string, oid uint32) error {
	return fmt.Errorf("%s %q belongs to relation oid %d, which was not read", what, name, oid)
}
