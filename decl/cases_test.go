package decl_test

import (
	"strings"
	"testing"

	d "github.com/migrate-tool/migrate/decl"
	"github.com/migrate-tool/migrate/schema"
)

type roundTripCase struct {
	name  string
	items []d.Item
	check func(t *testing.T, live *schema.Schema)
}

// columnTypes is a table whose columns are declared with the given types,
// one column per type.
func columnTypes(table string, types ...string) *d.TableDecl {
	t := d.Table(table)
	for i, typ := range types {
		t.Add(d.Column("c"+itoa(i), typ))
	}
	return t
}

func roundTripCases() []roundTripCase {
	long := strings.Repeat("x", 40)
	return []roundTripCase{
		{name: "blog", items: []d.Item{
			d.Table("users",
				d.Column("id", d.BigInt).Identity().PrimaryKey(),
				d.Column("name", d.Varchar(100)).NotNull(),
				d.Column("email", d.Varchar(255)).NotNull().Unique(),
				d.Column("created_at", d.TimestampTZ).Default("now()"),
				d.Column("avatar_url", d.Varchar(500)),
			),
			d.Table("posts",
				d.Column("id", d.BigInt).Identity().PrimaryKey(),
				d.Column("title", d.Varchar(500)),
				d.Column("author_id", d.BigInt).NotNull().References("users", "id").Index(),
			),
		}},
		{name: "alias/integers", items: []d.Item{
			columnTypes("t", "int", "int4", "integer", "int2", "smallint", "int8", "bigint", "pg_catalog.int4", "INT"),
		}},
		{name: "alias/serial", items: []d.Item{
			d.Table("t",
				d.Column("a", "serial").PrimaryKey(),
				d.Column("b", "bigserial"),
				d.Column("c", "smallserial"),
				d.Column("d", "serial8"),
			),
		}, check: func(t *testing.T, live *schema.Schema) {
			want := map[string]string{
				"a": "nextval('public.t_a_seq'::regclass)", "b": "nextval('public.t_b_seq'::regclass)",
				"c": "nextval('public.t_c_seq'::regclass)", "d": "nextval('public.t_d_seq'::regclass)",
			}
			for _, c := range live.Tables[0].Columns {
				if c.Default != want[c.Name] {
					t.Errorf("column %s: catalog default %q, declared %q", c.Name, c.Default, want[c.Name])
				}
			}
		}},
		{name: "alias/characters", items: []d.Item{
			columnTypes("t", "varchar(10)", "character varying(20)", "varchar", "character varying",
				"char(5)", "character(3)", "char", "bpchar", "text", `"char"`, "name"),
		}},
		{name: "alias/time", items: []d.Item{
			columnTypes("t", "timestamptz", "timestamp with time zone", "timestamp", "timestamp without time zone",
				"timestamp(3)", "timestamptz(0)", "timestamp(9) with time zone", "time", "timetz", "time(2) with time zone",
				"date", "interval", "interval day to second(3)", "interval(2)", "interval year", "interval hour to minute"),
		}},
		{name: "alias/numeric", items: []d.Item{
			columnTypes("t", "bool", "boolean", "float4", "real", "float8", "double precision", "float", "float(10)",
				"float(30)", "decimal", "decimal(10,2)", "numeric(5)", "numeric(7,3)", "dec(4,1)", "money"),
		}},
		{name: "alias/bit", items: []d.Item{
			columnTypes("t", "bit", "bit(3)", "bit varying(5)", "varbit", "varbit(8)", "bit varying"),
		}},
		{name: "alias/arrays", items: []d.Item{
			columnTypes("t", "int[]", "integer[][]", "text[]", "varchar(10)[]", "int4 array", "timestamptz[3]", d.Array(d.UUID)),
		}},
		{name: "alias/other", items: []d.Item{
			columnTypes("t", d.UUID, d.JSONB, d.JSON, d.Bytea, d.Inet, d.Cidr, d.MacAddr, d.TSVector, d.XML, "int4range", "tstzrange", "point", "oid"),
		}},
		{name: "user-types", items: []d.Item{
			d.Namespace("app",
				d.Enum("status", "draft", "published", "archived").Comment("publication state"),
				d.Domain("positive_int", d.Integer).NotNull().Default("1").Check(d.Check("VALUE > 0")),
				d.Domain("code", d.Text).Collate("C").Check(d.Check("length(VALUE) < 10").Name("code_short")),
				d.CompositeType("money_amount",
					d.Column("currency", d.Char(3)),
					d.Column("amount", d.Decimal(12, 2)),
					d.Column("label", d.Text).Collate("C"),
				).Comment("an amount").RevokePublic().Grant("decl_reader"),
				d.Table("items",
					d.Column("id", d.Integer).PrimaryKey(),
					d.Column("status", "status").NotNull().Default("'draft'"),
					d.Column("qty", "positive_int"),
					d.Column("price", "app.money_amount"),
					d.Column("tags", "status[]"),
				),
			),
		}},
		{name: "identity", items: []d.Item{
			d.Table("t",
				d.Column("a", d.BigInt).IdentityAlways().PrimaryKey(),
				d.Column("b", d.Integer).Identity().IdentityOptions(d.Sequence("").Start(100).Increment(2).Cache(10)),
				d.Column("c", d.SmallInt).Identity().IdentityOptions(d.Sequence("").Increment(-1)),
			),
		}},
		{name: "generated", items: []d.Item{
			d.Table("t",
				d.Column("name", d.Varchar(100)),
				d.Column("lower_name", d.Text).Generated("lower(name)"),
				d.Column("n", d.Integer).NotNull().Generated("length(name) * 2"),
			),
		}},
		{name: "defaults", items: []d.Item{
			d.Table("t",
				d.Column("a", d.Integer).Default("0"),
				d.Column("b", d.Text).Default("'x'"),
				d.Column("c", d.TimestampTZ).Default("CURRENT_TIMESTAMP"),
				d.Column("d", d.Numeric).Default("-1.5"),
				d.Column("e", d.Array(d.Text)).Default("'{}'"),
				d.Column("f", d.Boolean).Default("true"),
				d.Column("g", d.Varchar(10)).Default("'abc'"),
			),
		}},
		{name: "constraints", items: []d.Item{
			d.Table("accounts",
				d.Column("region", d.Text),
				d.Column("id", d.Integer),
				d.Column("email", d.Text).UniqueNullsNotDistinct(),
				d.Column("balance", d.Decimal(12, 2)).Check("balance >= 0"),
				d.Column("lo", d.Integer),
				d.Column("hi", d.Integer),
				d.PrimaryKey("region", "id"),
				d.Unique("lo").Include("hi"),
				d.Unique("hi", "lo").Deferrable(true),
				d.Check("lo < hi"),
				d.Check("lo > 0").Name("lo_positive").NotValid(),
			),
			d.Table("orders",
				d.Column("id", d.BigInt).Identity().PrimaryKey(),
				d.Column("region", d.Text),
				d.Column("account_id", d.Integer),
				d.Column("parent_id", d.BigInt).References("orders").OnDelete(d.SetNull),
				d.ForeignKey("region", "account_id").References("accounts", "region", "id").
					OnDelete(d.Cascade).OnUpdate(d.Restrict).MatchFull().Deferrable(false),
			),
			d.Table("rooms",
				d.Column("during", d.TSTZRange),
				d.Column("canceled", d.Boolean).NotNull().Default("false"),
				d.Exclude("gist").With("during", "&&").Where("NOT canceled"),
			),
		}},
		{name: "indexes", items: []d.Item{
			d.Table("users",
				d.Column("id", d.Integer).PrimaryKey(),
				d.Column("email", d.Text),
				d.Column("name", d.Text),
				d.Column("data", d.JSONB),
				d.Column("tags", d.Array(d.Text)),
				d.Column("created_at", d.TimestampTZ),
				d.Column("deleted_at", d.TimestampTZ),
				d.Index("email").Unique().Where("deleted_at IS NULL"),
				d.Index("lower(email)"),
				d.Index("created_at DESC NULLS LAST").Include("name"),
				d.Index("created_at DESC"),
				d.Index("name text_pattern_ops"),
				d.Index("data").Using("gin"),
				d.Index("tags").Using("gin").Name("users_tag_search"),
				d.Index("id").Using("hash"),
				d.Index("name", "email").With("fillfactor=70"),
				d.Index("(id + 1)"),
				d.Index("name COLLATE \"C\""),
				d.Index("email").Unique().NullsNotDistinct(),
			),
		}},
		{name: "long-names", items: []d.Item{
			d.Table("t"+long,
				d.Column("c"+long, d.Integer).PrimaryKey(),
				d.Column("d"+long, d.Text).Unique(),
				d.Column("e"+long, d.Integer).Check("e"+long+" > 0").References("t"+long),
				d.Column("s"+long, "serial"),
				d.Index("d"+long, "e"+long),
			),
			// Two unique constraints whose names collide once truncated.
			d.Table("u",
				d.Column(long+"a", d.Integer).Unique(),
				d.Column(long+"b", d.Integer),
				d.Unique(long+"a", long+"b"),
				d.Unique(long+"a", long+"b", "u"+long[:10]),
				d.Column("u"+long[:10], d.Integer),
			),
		}},
		{name: "collisions", items: []d.Item{
			d.Table("t",
				d.Column("a", d.Integer).Unique(),
				d.Index("a"), d.Index("a"),
				d.Check("a > 0"), d.Check("a < 100"),
			),
			d.Table("t_a", d.Column("key", d.Integer)),
		}},
		{name: "sequences", items: []d.Item{
			d.Sequence("invoice_no").As(d.Integer).Start(1000).Increment(10).MinValue(1000).MaxValue(999999).Cache(5).Cycle().
				Comment("invoice numbers").Grant("decl_writer", "USAGE", "SELECT"),
			d.Sequence("scratch").Unlogged(),
			d.Sequence("down").Increment(-1),
			d.Table("invoices",
				d.Column("no", d.Integer).NotNull().Default("nextval('invoice_no')"),
				d.Column("x", d.BigInt),
			),
			d.Sequence("owned").OwnedBy("invoices.x"),
		}},
		{name: "views", items: []d.Item{
			d.Table("posts",
				d.Column("id", d.Integer).PrimaryKey(),
				d.Column("author_id", d.Integer),
				d.Column("title", d.Text),
			),
			d.View("titles", "SELECT id, title FROM posts WHERE title <> ''").
				With("security_barrier=true").Comment("non-empty titles").ColumnComment("title", "the title").
				Grant("decl_reader", "SELECT"),
			d.MaterializedView("post_counts", "SELECT author_id, count(*) AS n FROM posts GROUP BY author_id").
				Index(d.Index("author_id").Unique()).Comment("posts per author"),
		}},
		{name: "functions-triggers", items: []d.Item{
			d.Function(`CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$`).Comment("sets updated_at"),
			d.Function(`CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS 'SELECT a + b'`).
				RevokePublic().Grant("decl_reader"),
			d.Function(`CREATE FUNCTION pairs(n int) RETURNS TABLE(i int, sq bigint) LANGUAGE sql STABLE ROWS 10 AS $$ SELECT g, g*g FROM generate_series(1, n) g $$`),
			d.Function(`CREATE FUNCTION split(s text, OUT head text, OUT rest text) LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$ BEGIN head := left(s, 1); rest := substr(s, 2); END $$`),
			d.Function(`CREATE FUNCTION pad(s varchar(10), c char(2) DEFAULT 'x') RETURNS varchar LANGUAGE sql PARALLEL SAFE COST 5 AS $$ SELECT s || c $$`),
			d.Function(`CREATE PROCEDURE archive(before timestamptz, INOUT n int) LANGUAGE plpgsql AS $$ BEGIN n := 0; END $$`),
			d.Table("docs",
				d.Column("id", d.Integer).PrimaryKey(),
				d.Column("body", d.Text),
				d.Column("updated_at", d.TimestampTZ),
				d.Trigger(`CREATE TRIGGER docs_touch BEFORE INSERT OR UPDATE OF body ON docs FOR EACH ROW EXECUTE FUNCTION touch()`).Comment("keeps updated_at"),
				d.Trigger(`CREATE TRIGGER docs_when BEFORE UPDATE ON docs FOR EACH ROW WHEN (OLD.body IS DISTINCT FROM NEW.body) EXECUTE PROCEDURE touch('a', 'b''c')`).Disabled(),
			),
			d.Trigger(`CREATE TRIGGER docs_stmt AFTER DELETE OR TRUNCATE ON docs FOR EACH STATEMENT EXECUTE FUNCTION touch()`),
		}},
		{name: "policies", items: []d.Item{
			d.Table("notes",
				d.Column("id", d.Integer).PrimaryKey(),
				d.Column("owner", d.Text).NotNull(),
				d.Policy("own_rows").To("decl_writer", "decl_reader").Using("owner = current_user").WithCheck("owner = current_user"),
				d.Policy("read_all").Restrictive().For("SELECT").Using("true").Comment("everyone reads"),
				d.Policy("insert_own").For("insert").To("public").WithCheck("owner = current_user"),
			).ForceRLS(),
		}},
		{name: "comments-grants", items: []d.Item{
			d.Namespace("public").Comment("app objects").Grant("decl_reader", "USAGE"),
			d.Table("t",
				d.Column("id", d.Integer).PrimaryKey().Comment("the key"),
				d.Column("secret", d.Text).Grant("decl_reader", "SELECT"),
				d.Index("secret").Comment("lookup"),
				d.Check("id > 0").Comment("positive").Name("t_positive"),
				d.Grant("decl_reader", "SELECT"),
				d.Grant("decl_writer", "INSERT", "UPDATE").WithGrantOption(),
			).Comment("a table"),
			d.Table("all_privs", d.Column("x", d.Integer)).Grant("decl_writer", "ALL"),
		}},
		{name: "extensions", items: []d.Item{
			d.Extension("citext"),
			d.Extension("btree_gist"),
			d.Table("people",
				d.Column("id", d.Integer),
				d.Column("email", "citext").Unique(),
				d.Column("during", d.TSTZRange),
				d.Exclude("gist").With("id", "=").With("during", "&&"),
			),
		}},
		{name: "schemas", items: []d.Item{
			d.Namespace("billing",
				d.Table("accounts", d.Column("id", d.BigInt).Identity().PrimaryKey()),
			).Comment("money").Grant("decl_reader", "USAGE"),
			d.Namespace("app",
				d.Table("users",
					d.Column("id", d.BigInt).Identity().PrimaryKey(),
					d.Column("account_id", d.BigInt).References("billing.accounts"),
				),
			),
			d.Table("public_t", d.Column("user_id", d.BigInt).References("app.users", "id")),
		}},
		{name: "partitions", items: []d.Item{
			d.Table("events",
				d.Column("id", d.BigInt).NotNull(),
				d.Column("at", d.TimestampTZ).NotNull(),
				d.Column("kind", d.Text),
				d.PrimaryKey("id", "at"),
				d.Index("kind"),
			).PartitionBy("range (at)"),
			d.Table("events_2024").PartitionOf("events", "FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')"),
			d.Table("events_default").PartitionOf("events", "DEFAULT"),
			d.Table("animal", d.Column("id", d.Integer).NotNull(), d.Column("name", d.Text)),
			d.Table("dog", d.Column("good", d.Boolean).Default("true")).Inherits("animal"),
			d.Table("unlogged_cache", d.Column("k", d.Text).PrimaryKey()).Unlogged().With("fillfactor=90", "autovacuum_enabled=false"),
		}},
	}
}
