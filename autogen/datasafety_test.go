package autogen_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/autogen"
)

// Regression tests for the data-loss classes of issue 13, each with rows
// in the tables (see rows_test.go for how a case runs).

func renames(pairs ...string) autogen.Options {
	var o autogen.Options
	for _, p := range pairs {
		r, err := autogen.ParseRename(p)
		if err != nil {
			panic(err)
		}
		o.Renames = append(o.Renames, r)
	}
	return o
}

// TestRowsNarrowingFailsInsteadOfTruncating: a narrowing type change stops
// with an error (or the guard's count) instead of cutting or rounding
// values, and converts when every value fits.
func TestRowsNarrowingFailsInsteadOfTruncating(t *testing.T) {
	runRowCases(t, []rowCase{{
		name:    "text_to_short_varchar",
		old:     `CREATE TABLE p (id int PRIMARY KEY, sku text)`,
		new:     `CREATE TABLE p (id int PRIMARY KEY, sku varchar(32))`,
		rows:    `INSERT INTO p VALUES (1, repeat('x', 45)), (2, 'short')`,
		upFails: "value too long for type character varying(32)",
		hazards: []string{"fails if a value is longer than 32 characters"},
		absent:  []string{"USING"},
		afterUp: []check{{`SELECT id, length(sku) FROM p ORDER BY id`, "1|45;2|5"}},
	}, {
		name:      "text_to_varchar_that_fits",
		old:       `CREATE TABLE p (id int PRIMARY KEY, sku text)`,
		new:       `CREATE TABLE p (id int PRIMARY KEY, sku varchar(32))`,
		rows:      `INSERT INTO p VALUES (1, repeat('x', 32)), (2, 'short')`,
		afterUp:   []check{{`SELECT id, sku FROM p ORDER BY id`, "1|" + strings.Repeat("x", 32) + ";2|short"}},
		afterDown: []check{{`SELECT id, sku, pg_typeof(sku)::text FROM p ORDER BY id`, "1|" + strings.Repeat("x", 32) + "|text;2|short|text"}},
	}, {
		name:    "varchar_shortened",
		old:     `CREATE TABLE p (id int PRIMARY KEY, name varchar(100))`,
		new:     `CREATE TABLE p (id int PRIMARY KEY, name varchar(5))`,
		rows:    `INSERT INTO p VALUES (1, 'abcdefgh')`,
		upFails: "value too long",
		afterUp: []check{{`SELECT name FROM p`, "abcdefgh"}},
	}, {
		name:    "numeric_scale_reduced_rounds",
		old:     `CREATE TABLE p (id int PRIMARY KEY, amount numeric(10,4))`,
		new:     `CREATE TABLE p (id int PRIMARY KEY, amount numeric(10,2))`,
		rows:    `INSERT INTO p VALUES (1, 1.2345), (2, 2.5), (3, 7.125)`,
		upFails: "would change 2 value(s)",
		hazards: []string{"full-scan: this guard reads every row of public.p"},
		afterUp: []check{{`SELECT amount::text FROM p ORDER BY id`, "1.2345;2.5000;7.1250"}},
	}, {
		name:      "numeric_scale_reduced_exact",
		old:       `CREATE TABLE p (id int PRIMARY KEY, amount numeric(10,4))`,
		new:       `CREATE TABLE p (id int PRIMARY KEY, amount numeric(10,2))`,
		rows:      `INSERT INTO p VALUES (1, 1.23), (2, NULL)`,
		afterUp:   []check{{`SELECT coalesce(amount::text, 'null') FROM p ORDER BY id`, "1.23;null"}},
		afterDown: []check{{`SELECT coalesce(amount::text, 'null') FROM p ORDER BY id`, "1.2300;null"}},
	}, {
		name:    "numeric_precision_reduced_overflows",
		old:     `CREATE TABLE p (id int PRIMARY KEY, amount numeric(10,2))`,
		new:     `CREATE TABLE p (id int PRIMARY KEY, amount numeric(6,2))`,
		rows:    `INSERT INTO p VALUES (1, 12345.67)`,
		upFails: "numeric field overflow",
		hazards: []string{"fails if a value does not convert"},
		afterUp: []check{{`SELECT amount::text FROM p`, "12345.67"}},
	}, {
		name:    "float_to_integer_rounds",
		old:     `CREATE TABLE p (id int PRIMARY KEY, q double precision)`,
		new:     `CREATE TABLE p (id int PRIMARY KEY, q integer)`,
		rows:    `INSERT INTO p VALUES (1, 2.5), (2, 3)`,
		upFails: "would change 1 value(s)",
		afterUp: []check{{`SELECT q::text FROM p ORDER BY id`, "2.5;3"}},
	}, {
		name:    "timestamp_to_date_drops_time",
		old:     `CREATE TABLE p (id int PRIMARY KEY, at timestamp)`,
		new:     `CREATE TABLE p (id int PRIMARY KEY, at date)`,
		rows:    `INSERT INTO p VALUES (1, '2024-05-01 10:00'), (2, '2024-05-02')`,
		upFails: "would change 1 value(s)",
		afterUp: []check{{`SELECT at::text FROM p ORDER BY id`, "2024-05-01 10:00:00;2024-05-02 00:00:00"}},
	}, {
		name:    "char_shortened",
		old:     `CREATE TABLE p (id int PRIMARY KEY, code char(6))`,
		new:     `CREATE TABLE p (id int PRIMARY KEY, code char(3))`,
		rows:    `INSERT INTO p VALUES (1, 'abcdef')`,
		upFails: "would change 1 value(s)",
		afterUp: []check{{`SELECT code::text FROM p`, "abcdef"}},
	}, {
		name:    "bit_length_changed",
		old:     `CREATE TABLE p (id int PRIMARY KEY, flags bit(8))`,
		new:     `CREATE TABLE p (id int PRIMARY KEY, flags bit(4))`,
		rows:    `INSERT INTO p VALUES (1, B'10101010')`,
		upFails: "bit string length 8 does not match type bit(4)",
		hazards: []string{"fails unless every value has exactly 4 bits"},
		afterUp: []check{{`SELECT flags::text FROM p`, "10101010"}},
	}, {
		name:      "integer_to_text_and_back",
		old:       `CREATE TABLE p (id int PRIMARY KEY, n integer)`,
		new:       `CREATE TABLE p (id int PRIMARY KEY, n text)`,
		rows:      `INSERT INTO p VALUES (1, 42), (2, -7)`,
		absent:    []string{"TYPE text USING"},
		afterUp:   []check{{`SELECT n FROM p ORDER BY id`, "42;-7"}},
		afterDown: []check{{`SELECT n FROM p ORDER BY id`, "42;-7"}},
	}})
}

// TestRowsCastsPostgreSQLDoesNotHave: a type change without any cast is a
// drop and add of the column with a data-loss hazard naming the reason,
// never an ALTER ... USING that cannot run; the other columns keep their
// values.
func TestRowsCastsPostgreSQLDoesNotHave(t *testing.T) {
	runRowCases(t, []rowCase{{
		name: "bigint_to_uuid",
		old:  `CREATE TABLE p (id int PRIMARY KEY, ext bigint, note text)`,
		new:  `CREATE TABLE p (id int PRIMARY KEY, ext uuid, note text)`,
		rows: `INSERT INTO p VALUES (1, 10, 'a'), (2, 20, 'b')`,
		hazards: []string{"data-loss: column public.p.ext is dropped and added again",
			"PostgreSQL has no cast from bigint to uuid"},
		absent:    []string{"USING ext::uuid", "TYPE uuid"},
		afterUp:   []check{{`SELECT id, note, ext IS NULL FROM p ORDER BY id`, "1|a|true;2|b|true"}},
		afterDown: []check{{`SELECT id, note, pg_typeof(ext)::text FROM p ORDER BY id`, "1|a|bigint;2|b|bigint"}},
	}, {
		name:    "bigint_to_timestamp",
		old:     `CREATE TABLE p (id int PRIMARY KEY, at bigint NOT NULL DEFAULT 0)`,
		new:     `CREATE TABLE p (id int PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())`,
		rows:    `INSERT INTO p VALUES (1, 1700000000)`,
		hazards: []string{"no cast from bigint to timestamp with time zone"},
		afterUp: []check{{`SELECT count(*) FROM p WHERE at IS NOT NULL`, "1"}},
	}, {
		name: "enum_to_another_enum",
		old: `CREATE TYPE color AS ENUM ('red', 'green');
			CREATE TYPE paint AS ENUM ('red', 'green', 'blue');
			CREATE TABLE p (id int PRIMARY KEY, c color)`,
		new: `CREATE TYPE color AS ENUM ('red', 'green');
			CREATE TYPE paint AS ENUM ('red', 'green', 'blue');
			CREATE TABLE p (id int PRIMARY KEY, c paint)`,
		rows:      `INSERT INTO p VALUES (1, 'red'), (2, 'green')`,
		present:   []string{"USING c::text::public.paint"},
		afterUp:   []check{{`SELECT c::text, pg_typeof(c)::text FROM p ORDER BY id`, "red|paint;green|paint"}},
		afterDown: []check{{`SELECT c::text, pg_typeof(c)::text FROM p ORDER BY id`, "red|color;green|color"}},
	}, {
		name: "primary_key_without_cast_with_references",
		old: `CREATE TABLE p (id bigint PRIMARY KEY, v text);
			CREATE TABLE c (id int PRIMARY KEY, p_id bigint REFERENCES p)`,
		new: `CREATE TABLE p (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), v text);
			CREATE TABLE c (id int PRIMARY KEY, p_id uuid REFERENCES p)`,
		rows:    `INSERT INTO p VALUES (1, 'a'); INSERT INTO c VALUES (1, 1)`,
		hazards: []string{"column public.p.id is dropped and added again", "column public.c.p_id is dropped and added again"},
		afterUp: []check{{`SELECT v FROM p`, "a"}, {`SELECT id, p_id IS NULL FROM c`, "1|true"}},
		// The downgrade adds back a NOT NULL bigint without a default: on
		// a table with rows it stops (as its hazard says), in one piece.
		downFails: "contains null values",
		afterDown: []check{{`SELECT v, pg_typeof(id)::text FROM p`, "a|uuid"}},
	}})
}

// TestRowsRenamesKeepCounters: renames carry owned sequences (by RENAME,
// keeping their values), indexes, constraints and foreign keys.
func TestRowsRenamesKeepCounters(t *testing.T) {
	runRowCases(t, []rowCase{{
		name:    "table_with_serial",
		old:     `CREATE TABLE customers (n serial PRIMARY KEY, name text)`,
		new:     `CREATE TABLE clients (n serial PRIMARY KEY, name text)`,
		rows:    `INSERT INTO customers (name) VALUES ('ada'), ('grace')`,
		opts:    renames("customers=clients"),
		absent:  []string{"DROP SEQUENCE", "CREATE SEQUENCE", "DROP CONSTRAINT"},
		present: []string{"ALTER SEQUENCE public.customers_n_seq RENAME TO clients_n_seq"},
		afterUp: []check{
			{`INSERT INTO clients (name) VALUES ('linus') RETURNING n`, "3"},
			{`SELECT n, name FROM clients ORDER BY n`, "1|ada;2|grace;3|linus"},
		},
		afterDown: []check{{`INSERT INTO customers (name) VALUES ('ken') RETURNING n`, "4"}},
	}, {
		name:   "table_with_identity",
		old:    `CREATE TABLE customers (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text)`,
		new:    `CREATE TABLE clients (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text)`,
		rows:   `INSERT INTO customers (name) VALUES ('ada'), ('grace')`,
		opts:   renames("customers=clients"),
		absent: []string{"IDENTITY", "SEQUENCE"},
		afterUp: []check{
			{`INSERT INTO clients (name) VALUES ('linus') RETURNING id`, "3"},
		},
		afterDown: []check{{`INSERT INTO customers (name) VALUES ('ken') RETURNING id`, "4"}},
	}, {
		name: "table_to_another_schema_with_serial",
		old:  `CREATE SCHEMA app; CREATE TABLE public.jobs (id serial PRIMARY KEY, title text)`,
		new:  `CREATE SCHEMA app; CREATE TABLE app.tasks (id serial PRIMARY KEY, title text)`,
		rows: `INSERT INTO public.jobs (title) VALUES ('a'), ('b')`,
		opts: renames("public.jobs=app.tasks"),
		afterUp: []check{
			{`INSERT INTO app.tasks (title) VALUES ('c') RETURNING id`, "3"},
			{`SELECT pg_get_serial_sequence('app.tasks', 'id')`, "app.tasks_id_seq"},
		},
		afterDown: []check{{`INSERT INTO public.jobs (title) VALUES ('d') RETURNING id`, "4"}},
	}, {
		name:    "serial_column",
		old:     `CREATE TABLE t (id serial PRIMARY KEY, v text)`,
		new:     `CREATE TABLE t (ident serial PRIMARY KEY, v text)`,
		rows:    `INSERT INTO t (v) VALUES ('a'), ('b'), ('c')`,
		opts:    renames("t.id=t.ident"),
		absent:  []string{"DROP CONSTRAINT", "DROP SEQUENCE"},
		afterUp: []check{{`INSERT INTO t (v) VALUES ('d') RETURNING ident`, "4"}},
		afterDown: []check{
			{`INSERT INTO t (v) VALUES ('e') RETURNING id`, "5"},
			{`SELECT pg_get_serial_sequence('t', 'id')`, "public.t_id_seq"},
		},
	}, {
		name: "indexed_column",
		old: `CREATE TABLE users (id int PRIMARY KEY, mail text NOT NULL UNIQUE);
			CREATE INDEX users_mail_lower_idx ON users (lower(mail)) WHERE mail LIKE '%@%'`,
		new: `CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL UNIQUE);
			CREATE INDEX users_email_lower_idx ON users (lower(email)) WHERE email LIKE '%@%'`,
		rows:    `INSERT INTO users VALUES (1, 'a@x'), (2, 'b@x')`,
		opts:    renames("users.mail=users.email"),
		absent:  []string{"DROP INDEX", "CREATE INDEX", "DROP CONSTRAINT", "ADD CONSTRAINT"},
		present: []string{"RENAME CONSTRAINT users_mail_key TO users_email_key", "ALTER INDEX public.users_mail_lower_idx RENAME TO users_email_lower_idx"},
		afterUp: []check{{`SELECT email FROM users ORDER BY id`, "a@x;b@x"}},
	}, {
		name: "table_with_foreign_keys",
		old: `CREATE TABLE countries (id int PRIMARY KEY);
			CREATE TABLE customers (id int PRIMARY KEY, country_id int REFERENCES countries);
			CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers)`,
		new: `CREATE TABLE countries (id int PRIMARY KEY);
			CREATE TABLE clients (id int PRIMARY KEY, country_id int REFERENCES countries);
			CREATE TABLE orders (id int PRIMARY KEY, customer_id int CONSTRAINT orders_customer_id_fkey REFERENCES clients)`,
		rows:    `INSERT INTO countries VALUES (1); INSERT INTO customers VALUES (1, 1); INSERT INTO orders VALUES (1, 1)`,
		opts:    renames("customers=clients"),
		absent:  []string{"DROP CONSTRAINT", "ADD CONSTRAINT"},
		afterUp: []check{{`SELECT o.id, c.country_id FROM orders o JOIN clients c ON c.id = o.customer_id`, "1|1"}},
	}})
}

// TestRowsIdentitySerialConversions: identity <-> serial keep the counter.
func TestRowsIdentitySerialConversions(t *testing.T) {
	runRowCases(t, []rowCase{{
		name:    "identity_to_serial",
		old:     `CREATE TABLE a (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v text)`,
		new:     `CREATE TABLE a (id serial PRIMARY KEY, v text)`,
		rows:    `INSERT INTO a (v) VALUES ('x'), ('y'), ('z')`,
		afterUp: []check{{`INSERT INTO a (v) VALUES ('w') RETURNING id`, "4"}},
		afterDown: []check{
			{`INSERT INTO a (v) VALUES ('u') RETURNING id`, "5"},
			{`SELECT attidentity::text FROM pg_attribute WHERE attrelid = 'a'::regclass AND attname = 'id'`, "d"},
		},
	}, {
		name:    "serial_to_identity",
		old:     `CREATE TABLE b (id bigserial PRIMARY KEY, v text)`,
		new:     `CREATE TABLE b (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text)`,
		rows:    `INSERT INTO b (v) VALUES ('x'), ('y')`,
		absent:  []string{"data-loss"},
		afterUp: []check{{`INSERT INTO b (v) VALUES ('w') RETURNING id`, "3"}},
		afterDown: []check{
			{`INSERT INTO b (v) VALUES ('u') RETURNING id`, "4"},
			{`SELECT pg_get_serial_sequence('b', 'id')`, "public.b_id_seq"},
		},
	}, {
		name:      "identity_added_to_a_filled_column",
		old:       `CREATE TABLE t (id int PRIMARY KEY, v text)`,
		new:       `CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v text)`,
		rows:      `INSERT INTO t VALUES (1, 'a'), (7, 'b')`,
		afterUp:   []check{{`INSERT INTO t (v) VALUES ('c') RETURNING id`, "8"}},
		afterDown: []check{{`SELECT id, v FROM t ORDER BY id`, "1|a;7|b;8|c"}},
	}, {
		name:      "identity_dropped",
		old:       `CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text)`,
		new:       `CREATE TABLE t (id int PRIMARY KEY, v text)`,
		rows:      `INSERT INTO t (v) VALUES ('a'), ('b')`,
		hazards:   []string{"data-loss: the counter of the identity of public.t.id is lost"},
		afterDown: []check{{`INSERT INTO t (v) VALUES ('c') RETURNING id`, "3"}},
	}, {
		name:      "unused_identity_to_serial",
		old:       `CREATE TABLE a (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v text)`,
		new:       `CREATE TABLE a (id serial PRIMARY KEY, v text)`,
		afterUp:   []check{{`INSERT INTO a (v) VALUES ('w') RETURNING id`, "1"}},
		afterDown: []check{{`INSERT INTO a (v) VALUES ('u') RETURNING id`, "2"}},
	}})
}

// TestRowsEnumRecreation: recreating an enum (a value removed, or the
// downgrade of an added one) converts every dependant, with rows.
func TestRowsEnumRecreation(t *testing.T) {
	runRowCases(t, []rowCase{{
		name: "partial_index_literal_on_downgrade",
		old: `CREATE TYPE st AS ENUM ('draft', 'published');
			CREATE TABLE posts (id int PRIMARY KEY, st st NOT NULL DEFAULT 'draft');
			CREATE INDEX posts_published_idx ON posts (id) WHERE st = 'published'`,
		new: `CREATE TYPE st AS ENUM ('draft', 'review', 'published');
			CREATE TABLE posts (id int PRIMARY KEY, st st NOT NULL DEFAULT 'draft');
			CREATE INDEX posts_published_idx ON posts (id) WHERE st = 'published'`,
		rows:      `INSERT INTO posts VALUES (1, 'draft'), (2, 'published')`,
		afterUp:   []check{{`SELECT id, st::text FROM posts ORDER BY id`, "1|draft;2|published"}},
		afterDown: []check{{`SELECT id, st::text FROM posts WHERE st = 'published'`, "2|published"}},
	}, {
		name: "domain_check_fk_function",
		old:  strings.ReplaceAll(enumDependants, "VALUES", "'draft', 'review', 'published'"),
		new:  strings.ReplaceAll(enumDependants, "VALUES", "'draft', 'published'"),
		rows: `INSERT INTO posts VALUES (1, 'draft', NULL), (2, 'published', 'published');
			INSERT INTO refs VALUES (1, 'draft'); INSERT INTO refs2 VALUES (1, 'draft')`,
		afterUp: []check{
			{`SELECT id, st::text, coalesce(ps::text, '-'), is_pub(st) FROM posts ORDER BY id`, "1|draft|-|false;2|published|published|true"},
			{`SELECT st::text FROM refs2`, "draft"},
		},
		afterDown: []check{{`SELECT count(*) FROM posts WHERE is_pub(st)`, "1"}},
	}, {
		name: "removed_value_in_use_fails_whole",
		old: `CREATE TYPE st AS ENUM ('draft', 'review', 'published');
			CREATE TABLE posts (id int PRIMARY KEY, st st NOT NULL);
			CREATE INDEX posts_review_idx ON posts (id) WHERE st = 'draft'`,
		new: `CREATE TYPE st AS ENUM ('draft', 'published');
			CREATE TABLE posts (id int PRIMARY KEY, st st NOT NULL);
			CREATE INDEX posts_review_idx ON posts (id) WHERE st = 'draft'`,
		rows:    `INSERT INTO posts VALUES (1, 'review')`,
		upFails: `invalid input value for enum st: "review"`,
		hazards: []string{"rows holding a removed value make this fail"},
		afterUp: []check{{`SELECT st::text, pg_typeof(st)::text FROM posts`, "review|st"}},
	}, {
		// The downgrade adds a value a domain uses, so the revision runs
		// outside a transaction: a row holding the removed value must stop
		// the upgrade before it drops anything.
		name:    "removed_value_outside_transaction_changes_nothing",
		old:     readCase(t, "enum_recreate_dependents_dropped", "old.sql"),
		new:     readCase(t, "enum_recreate_dependents_dropped", "new.sql"),
		rows:    enumRefusedRows,
		upFails: "public.paints.color: 1 row(s) hold a value the recreated type public.color does not have",
		afterUp: append(enumRefusedKept, check{`SELECT color::text, palette::text FROM paints WHERE id = 2`, "blue|{red}"}),
	}, {
		name:    "removed_value_in_array_outside_transaction_changes_nothing",
		old:     readCase(t, "enum_recreate_dependents_dropped", "old.sql"),
		new:     readCase(t, "enum_recreate_dependents_dropped", "new.sql"),
		rows:    strings.Replace(enumRefusedRows, "(2, 'blue', '{red}'", "(2, 'red', '{red,blue}'", 1),
		upFails: "public.paints.palette: 1 row(s) hold a value the recreated type public.color does not have",
		afterUp: append(enumRefusedKept, check{`SELECT color::text, palette::text FROM paints WHERE id = 2`, "red|{red,blue}"}),
	}})
}

// enumRefusedRows fill enum_recreate_dependents_dropped's old.sql; row 2
// holds the value the upgrade removes.
const enumRefusedRows = `INSERT INTO paints VALUES
	(1, 'red', '{red,green}', ROW('red', 'green'), 'green'),
	(2, 'blue', '{red}', ROW('green', 'red'), 'red'),
	(3, 'green', NULL, NULL, NULL)`

// readCase reads file name of corpus case dir.
func readCase(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "cases", dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// enumRefusedKept checks that the refused upgrade left the objects and
// the rows of enumRefusedRows as they were.
var enumRefusedKept = []check{
	{`SELECT string_agg(typname, ',' ORDER BY typname) FROM pg_type WHERE typname IN ('color', 'color__old', 'swatch', 'warm_color')`,
		"color,swatch,warm_color"},
	{`SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'color'::regtype`, "red,green,blue"},
	{`SELECT string_agg(attname || ':' || format_type(atttypid, atttypmod), ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'paints'::regclass AND attnum > 0 AND NOT attisdropped`,
		"id:integer,color:color,palette:color[],swatch:swatch,warm:warm_color"},
	{`SELECT count(*) FROM pg_proc WHERE proname = 'is_red'`, "1"},
	{`SELECT id, color::text, coalesce(palette::text, '-'), coalesce(swatch::text, '-'), coalesce(warm::text, '-') FROM paints WHERE id <> 2 ORDER BY id`,
		"1|red|{red,green}|(red,green)|green;3|green|-|-|-"},
}

// TestEnumRecreationRefusals: what no statement order can do is refused
// by Diff with a message naming the object and the ways forward.
func TestEnumRecreationRefusals(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string
	}{{
		name: "composite_stored_in_a_column",
		old: `CREATE TYPE unit AS ENUM ('kg', 'g', 'lb');
			CREATE TYPE weight AS (amount numeric, unit unit);
			CREATE TABLE parcels (id int PRIMARY KEY, w weight)`,
		new: `CREATE TYPE unit AS ENUM ('kg', 'g');
			CREATE TYPE weight AS (amount numeric, unit unit);
			CREATE TABLE parcels (id int PRIMARY KEY, w weight)`,
		want: []string{"cannot generate the upgrade", "composite type public.weight", "column public.parcels.w", "add new values instead"},
	}, {
		name: "partition_key",
		old: `CREATE TYPE region AS ENUM ('eu', 'us', 'apac');
			CREATE TABLE sales (id int, region region NOT NULL) PARTITION BY LIST (region);
			CREATE TABLE sales_eu PARTITION OF sales FOR VALUES IN ('eu')`,
		new: `CREATE TYPE region AS ENUM ('eu', 'us');
			CREATE TABLE sales (id int, region region NOT NULL) PARTITION BY LIST (region);
			CREATE TABLE sales_eu PARTITION OF sales FOR VALUES IN ('eu')`,
		want: []string{"cannot generate the upgrade", "column public.sales.region", "partition key"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, b := newTestDB(t), newTestDB(t)
			if err := a.exec(tt.old); err != nil {
				t.Fatal(err)
			}
			if err := b.exec(tt.new); err != nil {
				t.Fatal(err)
			}
			_, err := autogen.Diff(a.inspect(t, corpusSchemas), b.inspect(t, corpusSchemas), autogen.Options{})
			var refusal *autogen.RefusalError
			if !errors.As(err, &refusal) {
				t.Fatalf("want a RefusalError, got %v", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// TestRowsChurnOfUntouchedObjects: foreign keys and views are dropped and
// created again only when what they depend on goes.
func TestRowsChurnOfUntouchedObjects(t *testing.T) {
	runRowCases(t, []rowCase{{
		name: "unique_expression_index_keeps_fk",
		old: `CREATE TABLE users (id int PRIMARY KEY, email text);
			CREATE UNIQUE INDEX users_email_lower ON users (lower(email));
			CREATE TABLE posts (id int PRIMARY KEY, author_id int REFERENCES users)`,
		new: `CREATE TABLE users (id int PRIMARY KEY, email text);
			CREATE TABLE posts (id int PRIMARY KEY, author_id int REFERENCES users)`,
		rows:      `INSERT INTO users VALUES (1, 'a'); INSERT INTO posts VALUES (1, 1)`,
		absent:    []string{"posts_author_id_fkey"},
		afterUp:   []check{{`SELECT count(*) FROM posts JOIN users ON users.id = posts.author_id`, "1"}},
		afterDown: []check{{`SELECT count(*) FROM pg_indexes WHERE indexname = 'users_email_lower'`, "1"}},
	}, {
		name: "drop_column_no_view_reads",
		old: `CREATE TABLE users (id int PRIMARY KEY, name text, legacy text);
			CREATE VIEW user_names AS SELECT id, name FROM users`,
		new: `CREATE TABLE users (id int PRIMARY KEY, name text);
			CREATE VIEW user_names AS SELECT id, name FROM users`,
		rows:    `INSERT INTO users VALUES (1, 'ada', 'x')`,
		absent:  []string{"VIEW"},
		afterUp: []check{{`SELECT id, name FROM user_names`, "1|ada"}},
	}, {
		name: "drop_index_concurrently_keeps_views",
		old: `CREATE TABLE t (id int PRIMARY KEY, a int, b text);
			CREATE INDEX t_a_idx ON t (a);
			CREATE VIEW v AS SELECT id, b FROM t`,
		new: `CREATE TABLE t (id int PRIMARY KEY, a int, b text);
			CREATE VIEW v AS SELECT id, b FROM t`,
		rows:    `INSERT INTO t VALUES (1, 1, 'x')`,
		opts:    autogen.Options{ConcurrentIndexes: true},
		absent:  []string{"VIEW"},
		present: []string{"DROP INDEX CONCURRENTLY public.t_a_idx"},
		afterUp: []check{{`SELECT b FROM v`, "x"}},
	}})
}

// TestRowsFunctionIdentity: a default calling pgcrypto's
// public.gen_random_uuid() differs from one calling the built-in.
func TestRowsFunctionIdentity(t *testing.T) {
	runRowCases(t, []rowCase{{
		name: "pgcrypto_to_builtin_default",
		old: `CREATE EXTENSION pgcrypto SCHEMA public;
			CREATE TABLE tokens (id uuid PRIMARY KEY DEFAULT public.gen_random_uuid(), v text)`,
		new: `CREATE EXTENSION pgcrypto SCHEMA public;
			CREATE TABLE tokens (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), v text)`,
		rows:      `INSERT INTO tokens (id, v) VALUES ('00000000-0000-0000-0000-000000000001', 'a')`,
		present:   []string{"SET DEFAULT gen_random_uuid()"},
		afterUp:   []check{{`SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'tokens'::regclass`, "gen_random_uuid()"}, {`SELECT id::text, v FROM tokens`, "00000000-0000-0000-0000-000000000001|a"}},
		afterDown: []check{{`SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'tokens'::regclass`, "public.gen_random_uuid()"}},
	}})
}

// enumDependants is an enum (its VALUES to fill in) with a domain, a
// check, a function and a foreign key between two columns built on it.
const enumDependants = `CREATE TYPE st AS ENUM (VALUES);
	CREATE DOMAIN pub_st AS st CHECK (VALUE <> 'draft');
	CREATE TABLE posts (id int PRIMARY KEY, st st NOT NULL DEFAULT 'draft', ps pub_st,
		CONSTRAINT posts_pub_check CHECK (st <> 'published' OR id > 0));
	CREATE FUNCTION is_pub(s st) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT s = 'published' $$;
	CREATE TABLE refs (id int PRIMARY KEY, st st, UNIQUE (id, st));
	CREATE TABLE refs2 (id int, st st, FOREIGN KEY (id, st) REFERENCES refs (id, st))`
