package rowgen_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/internal/rowgen"
	"github.com/migrate-tool/migrate/introspect"
	"github.com/migrate-tool/migrate/schema"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// stmts builds statements; a statement prefixed "!" carries a data-loss
// hazard, one prefixed "?" an unsafe-cast hazard.
func stmts(sqls ...string) []autogen.Statement {
	var out []autogen.Statement
	for _, s := range sqls {
		st := autogen.Statement{SQL: s}
		switch {
		case strings.HasPrefix(s, "!"):
			st.SQL = s[1:]
			st.Hazards = []autogen.Hazard{{Kind: autogen.HazardDataLoss, Message: "planted"}}
		case strings.HasPrefix(s, "?"):
			st.SQL = s[1:]
			st.Hazards = []autogen.Hazard{{Kind: autogen.HazardUnsafeCast, Message: "planted"}}
		}
		out = append(out, st)
	}
	return out
}

// txMigrator applies statements in one transaction, as a revision runs.
type txMigrator struct {
	conn     *pgx.Conn
	up, down []autogen.Statement
}

func (m *txMigrator) Upgrade(ctx context.Context) error   { return m.apply(ctx, m.up) }
func (m *txMigrator) Downgrade(ctx context.Context) error { return m.apply(ctx, m.down) }

func (m *txMigrator) apply(ctx context.Context, ss []autogen.Statement) error {
	tx, err := m.conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	for i, s := range ss {
		if _, err := tx.Exec(ctx, s.SQL); err != nil {
			se := &rowgen.StepError{Index: i, Err: err}
			var pe *pgconn.PgError
			if errors.As(err, &pe) {
				se.Code = pe.Code
			}
			return se
		}
	}
	return tx.Commit(ctx)
}

func inspect(t *testing.T, ctx context.Context, conn *pgx.Conn) *schema.Schema {
	t.Helper()
	s, err := introspect.Introspect(ctx, conn, introspect.Options{Schemas: []string{"public"}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// run fills a database holding old with rows, runs up and down, and
// returns the report. newDDL is the schema up leads to.
func run(t *testing.T, oldDDL, newDDL string, up, down []autogen.Statement) *rowgen.Report {
	t.Helper()
	ctx := context.Background()
	a, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close(ctx)
	b, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close(ctx)
	if _, err := a.Exec(ctx, oldDDL); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Exec(ctx, newDDL); err != nil {
		t.Fatal(err)
	}
	rep, err := rowgen.Run(ctx, a, rowgen.Case{
		Name: t.Name(), Old: inspect(t, ctx, a), New: inspect(t, ctx, b),
		Upgrade: up, Downgrade: down, Schemas: []string{"public"}, Rows: 60,
	}, &txMigrator{conn: a, up: up, down: down})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s", rep.Summary())
	return rep
}

func wantProblem(t *testing.T, rep *rowgen.Report, phase, object, text string) {
	t.Helper()
	for _, p := range rep.Problems {
		if p.Phase == phase && p.Object == object && strings.Contains(p.Message, text) {
			return
		}
	}
	t.Errorf("no %s problem on %s mentioning %q; got:\n%s", phase, object, text, rep.Summary())
}

func TestRun(t *testing.T) {
	t.Parallel()
	// ev is a table partitioned by its date column at, with the columns
	// extra, a partition for 2024 and a default one.
	ev := func(at, extra string) string {
		return "CREATE TABLE ev (id int NOT NULL, " + at + " date NOT NULL" + extra + ") PARTITION BY RANGE (" + at + ");" +
			"CREATE TABLE ev_2024 PARTITION OF ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');" +
			"CREATE TABLE ev_rest PARTITION OF ev DEFAULT;"
	}
	// paint and color are enums without a cast between them; wBack
	// carries table w's columns from color back to paint label by label.
	const enums = "CREATE TYPE paint AS ENUM ('red', 'green'); CREATE TYPE color AS ENUM ('red', 'green', 'blue');"
	const wPaint, wColor = "CREATE TABLE w (id int PRIMARY KEY, c paint, cs paint[])", "CREATE TABLE w (id int PRIMARY KEY, c color, cs color[])"
	wBack := stmts("?ALTER TABLE w ALTER COLUMN c TYPE paint USING c::text::paint",
		"?ALTER TABLE w ALTER COLUMN cs TYPE paint[] USING cs::text[]::paint[]")
	tests := []struct {
		name             string
		old, new         string
		up, down         []autogen.Statement
		phase, obj, want string // "" : the case must pass
	}{
		{
			name: "planted truncation is caught",
			old:  "CREATE TABLE t (id int PRIMARY KEY, sku text)",
			new:  "CREATE TABLE t (id int PRIMARY KEY, sku varchar(32))",
			up:   stmts("?ALTER TABLE t ALTER COLUMN sku TYPE varchar(32) USING sku::varchar(32)"),
			down: stmts("ALTER TABLE t ALTER COLUMN sku TYPE text"),
			// hostile rows hold 45-character skus
			phase: "upgrade", obj: "column public.t.sku", want: "values changed",
		},
		{
			name: "a narrowing that refuses the rows passes",
			old:  "CREATE TABLE t (id int PRIMARY KEY, sku text)",
			new:  "CREATE TABLE t (id int PRIMARY KEY, sku varchar(32))",
			up:   stmts("?ALTER TABLE t ALTER COLUMN sku TYPE varchar(32)"),
			down: stmts("ALTER TABLE t ALTER COLUMN sku TYPE text"),
		},
		{
			name:  "planted sequence reset is caught",
			old:   "CREATE TABLE t (id serial PRIMARY KEY, v text)",
			new:   "CREATE TABLE t (id serial PRIMARY KEY, v text)",
			up:    stmts("SELECT setval('t_id_seq', 1, false)"),
			phase: "upgrade", obj: "column public.t.id", want: "sequence went back",
		},
		{
			name: "a rename that recreates the sequence is caught",
			old:  "CREATE TABLE customers (n serial PRIMARY KEY, v text)",
			new:  "CREATE TABLE clients (n serial PRIMARY KEY, v text)",
			up: stmts("ALTER TABLE customers RENAME TO clients",
				"CREATE SEQUENCE clients_n_seq OWNED BY clients.n",
				"ALTER TABLE clients ALTER COLUMN n SET DEFAULT nextval('clients_n_seq')",
				"!DROP SEQUENCE customers_n_seq"), // the hazard names the old sequence, not the column's counter
			down:  stmts("ALTER TABLE clients RENAME TO customers"),
			phase: "upgrade", obj: "column public.customers.n", want: "sequence went back",
		},
		{
			name: "a rename carrying its sequence passes",
			old:  "CREATE TABLE customers (n serial PRIMARY KEY, v text)",
			new:  "CREATE TABLE clients (n serial PRIMARY KEY, v text)",
			up:   stmts("ALTER TABLE customers RENAME TO clients", "ALTER SEQUENCE customers_n_seq RENAME TO clients_n_seq"),
			down: stmts("ALTER TABLE clients RENAME TO customers", "ALTER SEQUENCE clients_n_seq RENAME TO customers_n_seq"),
		},
		{
			name: "a hazard-covered drop passes",
			old:  "CREATE TABLE t (id int PRIMARY KEY, legacy text, keep int)",
			new:  "CREATE TABLE t (id int PRIMARY KEY, keep int)",
			up:   stmts("!ALTER TABLE t DROP COLUMN legacy"),
			down: stmts("ALTER TABLE t ADD COLUMN legacy text"),
		},
		{
			name:  "a drop without a hazard is caught",
			old:   "CREATE TABLE t (id int PRIMARY KEY, legacy text, keep int)",
			new:   "CREATE TABLE t (id int PRIMARY KEY, keep int)",
			up:    stmts("ALTER TABLE t DROP COLUMN legacy"),
			down:  stmts("ALTER TABLE t ADD COLUMN legacy text"),
			phase: "upgrade", obj: "column public.t.legacy", want: "no data-loss hazard",
		},
		{
			name:  "a drop and re-add without a hazard is caught on the way back",
			old:   "CREATE TABLE t (id int PRIMARY KEY, v text)",
			new:   "CREATE TABLE t (id int PRIMARY KEY, v text)",
			up:    stmts("SELECT 1"),
			down:  stmts("ALTER TABLE t DROP COLUMN v", "ALTER TABLE t ADD COLUMN v text"),
			phase: "downgrade", obj: "column public.t.v", want: "values changed",
		},
		{
			name: "a widening passes",
			old:  "CREATE TABLE t (id int PRIMARY KEY, n int, c varchar(10), ts timestamp, d numeric(8,2))",
			new:  "CREATE TABLE t (id bigint PRIMARY KEY, n bigint, c text, ts timestamptz, d numeric(12,4))",
			up: stmts("ALTER TABLE t ALTER COLUMN id TYPE bigint", "ALTER TABLE t ALTER COLUMN n TYPE bigint",
				"ALTER TABLE t ALTER COLUMN c TYPE text", "ALTER TABLE t ALTER COLUMN ts TYPE timestamptz",
				"ALTER TABLE t ALTER COLUMN d TYPE numeric(12,4)"),
			down: stmts("?ALTER TABLE t ALTER COLUMN id TYPE int", "?ALTER TABLE t ALTER COLUMN n TYPE int",
				"?ALTER TABLE t ALTER COLUMN c TYPE varchar(10)", "ALTER TABLE t ALTER COLUMN ts TYPE timestamp",
				"?ALTER TABLE t ALTER COLUMN d TYPE numeric(8,2)"),
		},
		{
			name:  "a rounding retype is caught",
			old:   "CREATE TABLE t (id int PRIMARY KEY, d numeric(10,4))",
			new:   "CREATE TABLE t (id int PRIMARY KEY, d numeric(10,2))",
			up:    stmts("?ALTER TABLE t ALTER COLUMN d TYPE numeric(10,2)"),
			down:  stmts("ALTER TABLE t ALTER COLUMN d TYPE numeric(10,4)"),
			phase: "upgrade", obj: "column public.t.d", want: "values changed",
		},
		{
			name: "an enum converted label by label to another enum passes",
			old:  enums + wPaint,
			new:  enums + wColor,
			up: stmts("?ALTER TABLE w ALTER COLUMN c TYPE color USING c::text::color",
				"?ALTER TABLE w ALTER COLUMN cs TYPE color[] USING cs::text[]::color[]"),
			down: wBack,
		},
		{
			name:  "an enum conversion that changes labels is caught",
			old:   enums + "CREATE TABLE w (id int PRIMARY KEY, c paint)",
			new:   enums + "CREATE TABLE w (id int PRIMARY KEY, c color)",
			up:    stmts("?ALTER TABLE w ALTER COLUMN c TYPE color USING 'blue'::color"),
			down:  stmts("?ALTER TABLE w ALTER COLUMN c TYPE paint USING 'red'::paint"),
			phase: "upgrade", obj: "column public.w.c", want: "values changed",
		},
		{
			name: "a covered key conversion without a cast back leaves the other columns checked",
			old:  "CREATE TABLE o (id bigint PRIMARY KEY, name text)",
			new:  "CREATE TABLE o (id uuid PRIMARY KEY, name text)",
			up: stmts("!ALTER TABLE o DROP COLUMN id", "ALTER TABLE o ADD COLUMN id uuid PRIMARY KEY DEFAULT gen_random_uuid()",
				"UPDATE o SET name = upper(name)"),
			down:  stmts("!ALTER TABLE o DROP COLUMN id", "ALTER TABLE o ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY"),
			phase: "upgrade", obj: "column public.o.name", want: "values changed",
		},
		{
			name: "an enum array carried to another enum that changes a label is caught",
			old:  enums + wPaint,
			new:  enums + wColor,
			up: stmts("?ALTER TABLE w ALTER COLUMN c TYPE color USING c::text::color",
				"?ALTER TABLE w ALTER COLUMN cs TYPE color[] USING array_replace(cs::text[], 'green', 'red')::color[]"),
			down:  wBack,
			phase: "upgrade", obj: "column public.w.cs", want: "values changed",
		},
		{
			name: "a key recreated as uuid under its hazard passes, and the refused downgrade keeps the rows",
			old:  "CREATE TABLE o (id bigint PRIMARY KEY, name text)",
			new:  "CREATE TABLE o (name text, id uuid PRIMARY KEY DEFAULT gen_random_uuid())",
			up: stmts("!ALTER TABLE o DROP COLUMN id", "ALTER TABLE o ADD COLUMN id uuid DEFAULT gen_random_uuid() NOT NULL",
				"ALTER TABLE o ADD PRIMARY KEY (id)"),
			// the old key cannot come back without values: the downgrade
			// refuses the rows, with a hazard saying it might
			down: stmts("!ALTER TABLE o DROP COLUMN id", "?ALTER TABLE o ADD COLUMN id bigint NOT NULL"),
		},
		{
			// the key reads back as its old type, with other values: the
			// rows are not found by it, and the names compare sorted
			name: "a key renumbered under its hazard passes",
			old:  "CREATE TABLE o (id int PRIMARY KEY, name text)",
			new:  "CREATE TABLE o (name text, id serial PRIMARY KEY)",
			up:   stmts("!ALTER TABLE o DROP COLUMN id", "ALTER TABLE o ADD COLUMN id serial PRIMARY KEY"),
			down: stmts("!ALTER TABLE o DROP COLUMN id", "ALTER TABLE o ADD COLUMN id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
		},
		{
			name: "a change under a renumbered key is still caught",
			old:  "CREATE TABLE o (id int PRIMARY KEY, name text)",
			new:  "CREATE TABLE o (name text, id serial PRIMARY KEY)",
			up: stmts("!ALTER TABLE o DROP COLUMN id", "ALTER TABLE o ADD COLUMN id serial PRIMARY KEY",
				"UPDATE o SET name = left(name, 5)"),
			down:  stmts("!ALTER TABLE o DROP COLUMN id", "ALTER TABLE o ADD COLUMN id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
			phase: "upgrade", obj: "column public.o.name", want: "values changed",
		},
		{
			name: "a column rename on a partitioned table follows into its partitions",
			old:  ev("at", ", v text"),
			new:  ev("happened_on", ", v text"),
			up:   stmts("ALTER TABLE ev RENAME COLUMN at TO happened_on"),
			down: stmts("ALTER TABLE ev RENAME COLUMN happened_on TO at"),
		},
		{
			name: "a renamed partitioned column whose values change is caught",
			old:  ev("at", ", v text"),
			new:  ev("happened_on", ", v text"),
			// the dates move within the 2024 partition, so no row changes
			// partition and none leaves the date range
			up: stmts("ALTER TABLE ev RENAME COLUMN at TO happened_on",
				"UPDATE ev SET happened_on = happened_on + 1 WHERE happened_on >= '2024-01-01' AND happened_on < '2024-12-31'"),
			down:  stmts("ALTER TABLE ev RENAME COLUMN happened_on TO at"),
			phase: "upgrade", obj: "column public.ev_2024.at", want: "values changed",
		},
		{
			name: "a covered drop of a partitioned table's column passes",
			old:  ev("at", ", v text"),
			new:  ev("at", ""),
			up:   stmts("!ALTER TABLE ev DROP COLUMN v"),
			down: stmts("ALTER TABLE ev ADD COLUMN v text"),
		},
		{
			name: "a covered retype in an inheritance parent passes",
			old:  "CREATE TABLE logs (id int, v text, w text); CREATE TABLE logs_old (extra int) INHERITS (logs)",
			new:  "CREATE TABLE logs (id int, v int, w text); CREATE TABLE logs_old (extra int) INHERITS (logs)",
			up:   stmts("!ALTER TABLE logs ALTER COLUMN v TYPE int USING length(v)"),
			down: stmts("ALTER TABLE logs ALTER COLUMN v TYPE text"),
		},
		{
			name: "foreign keys, enums, domains and self-references get rows",
			old: `CREATE TYPE st AS ENUM ('a', 'b');
				CREATE DOMAIN pos AS int CHECK (VALUE > 0);
				CREATE TABLE p (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, s st NOT NULL, n pos, tags text[]);
				CREATE TABLE c (id serial PRIMARY KEY, p_id bigint NOT NULL REFERENCES p, up int REFERENCES c, j jsonb)`,
			new: `CREATE TYPE st AS ENUM ('a', 'b');
				CREATE DOMAIN pos AS int CHECK (VALUE > 0);
				CREATE TABLE p (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, s st NOT NULL, n pos, tags text[]);
				CREATE TABLE c (id serial PRIMARY KEY, p_id bigint NOT NULL REFERENCES p, up int REFERENCES c, j json)`,
			up:   stmts("ALTER TABLE c ALTER COLUMN j TYPE json"),
			down: stmts("ALTER TABLE c ALTER COLUMN j TYPE jsonb"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rep := run(t, tt.old, tt.new, tt.up, tt.down)
			if rep.Tables == 0 {
				t.Fatal("no table filled")
			}
			if tt.phase == "" {
				for _, p := range rep.Problems {
					t.Errorf("%s", p)
				}
				return
			}
			wantProblem(t, rep, tt.phase, tt.obj, tt.want)
		})
	}
}
