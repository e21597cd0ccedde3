package decl_test

import (
	"strings"
	"testing"

	d "github.com/migrate-tool/migrate/decl"
)

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name  string
		items []d.Item
		want  string
	}{
		{"bad type", []d.Item{d.Table("t", d.Column("a", "varchar(0)"))}, "table public.t: column a"},
		{"unparsable type", []d.Item{d.Table("t", d.Column("a", "int, b text"))}, "not a single type name"},
		{"fk to missing table", []d.Item{d.Table("t", d.Column("a", d.Integer).References("nope", "id"))}, "referenced table public.nope is not declared"},
		{"fk without pk", []d.Item{d.Table("r", d.Column("x", d.Integer)), d.Table("t", d.Column("a", d.Integer).References("r"))}, "public.r has no primary key"},
		{"fk column count", []d.Item{d.Table("r", d.Column("x", d.Integer).PrimaryKey()), d.Table("t", d.Column("a", d.Integer), d.ForeignKey("a").References("r", "x", "x"))}, "listed twice"},
		{"missing column", []d.Item{d.Table("t", d.Column("a", d.Integer), d.Index("b"))}, "column b is not declared"},
		{"two pks", []d.Item{d.Table("t", d.Column("a", d.Integer).PrimaryKey(), d.PrimaryKey("a"))}, "more than one primary key"},
		{"duplicate table", []d.Item{d.Table("t", d.Column("a", d.Integer)), d.Table("public.t", d.Column("a", d.Integer))}, "table public.t declared twice"},
		{"duplicate column", []d.Item{d.Table("t", d.Column("a", d.Integer), d.Column("a", d.Text))}, "column a declared twice"},
		{"identity with default", []d.Item{d.Table("t", d.Column("a", d.Integer).Identity().Default("1"))}, "identity column cannot have a default"},
		{"bad default", []d.Item{d.Table("t", d.Column("a", d.Integer).Default("1 +"))}, "default"},
		{"check on unknown column", []d.Item{d.Table("t", d.Column("a", d.Integer), d.Check("b > 0"))}, "column b is not declared"},
		{"ondelete without references", []d.Item{d.Table("t", d.Column("a", d.Integer).OnDelete(d.Cascade))}, "OnDelete(\"CASCADE\") without References"},
		{"bad action", []d.Item{d.Table("r", d.Column("x", d.Integer).PrimaryKey()), d.Table("t", d.Column("a", d.Integer).References("r").OnDelete("EXPLODE"))}, "unknown action"},
		{"bad grant", []d.Item{d.Table("t", d.Column("a", d.Integer), d.Grant("x", "EXECUTE"))}, "not a privilege of a table"},
		{"bad policy command", []d.Item{d.Table("t", d.Column("a", d.Integer), d.Policy("p").For("MERGE"))}, "For(\"MERGE\")"},
		{"trigger on missing table", []d.Item{d.Trigger("CREATE TRIGGER x AFTER INSERT ON nope FOR EACH ROW EXECUTE FUNCTION f()")}, "table public.nope is not declared"},
		{"bad function", []d.Item{d.Function("CREATE TABLE x (a int)")}, "not a CREATE FUNCTION"},
		{"sequence range", []d.Item{d.Sequence("s").As(d.SmallInt).MaxValue(100000)}, "within the range of smallint"},
		{"view syntax", []d.Item{d.View("v", "SELEC 1")}, "view public.v"},
		{"model not a struct", []d.Item{d.Model("t", 42)}, "want a struct"},
		{"model unknown tag", []d.Item{d.Model("t", struct {
			A int `migrate:"pkk"`
		}{})}, `unknown option "pkk"`},
		{"model unmapped type", []d.Item{d.Model("t", struct{ A map[string]int }{})}, "no PostgreSQL type for Go type map[string]int"},
		{"partition with columns", []d.Item{d.Table("p", d.Column("a", d.Integer)).PartitionBy("LIST (a)"), d.Table("c", d.Column("b", d.Integer)).PartitionOf("p", "DEFAULT")}, "declare none"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := d.Build(tt.items...)
			if err == nil {
				t.Fatalf("Build succeeded, want an error containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestSnakeCase(t *testing.T) {
	for in, want := range map[string]string{
		"ID": "id", "AuthorID": "author_id", "AvatarURL": "avatar_url", "HTTPServer": "http_server",
		"CreatedAt": "created_at", "Name": "name", "UserID2": "user_id2", "A": "a", "OAuth2Token": "o_auth2_token",
	} {
		if got := d.SnakeCase(in); got != want {
			t.Errorf("SnakeCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// Struct tags cover the options of the builder.
func TestModelTags(t *testing.T) {
	type Base struct {
		CreatedAt string `migrate:"type:timestamptz;default:now()"`
	}
	type Account struct {
		ID    int64  `migrate:"pk;identity:always"`
		Owner string `db:"owner_name" migrate:"check:length(owner_name) > 0;collate:C;comment:who"`
		Base
		Note   *string `migrate:"default:'a\\;b'"`
		Skip   string  `db:"-"`
		Parent *int64  `migrate:"references:accounts;ondelete:set null;index:accounts_by_parent"`
		hidden int
	}
	_ = Account{}.hidden
	got, err := d.Build(d.Model("accounts", Account{}))
	if err != nil {
		t.Fatal(err)
	}
	want, err := d.Build(d.Table("accounts",
		d.Column("id", d.BigInt).IdentityAlways().PrimaryKey(),
		d.Column("owner_name", d.Text).NotNull().Check("length(owner_name) > 0").Collate("C").Comment("who"),
		d.Column("created_at", "timestamptz").NotNull().Default("now()"),
		d.Column("note", d.Text).Default("'a;b'"),
		d.Column("parent", d.BigInt).References("accounts").OnDelete(d.SetNull),
		d.Index("parent").Name("accounts_by_parent"),
	))
	if err != nil {
		t.Fatal(err)
	}
	if a, b := canonicalJSON(got), canonicalJSON(want); a != b {
		t.Errorf("struct and builder differ:\n%s", lineDiff(b, a))
	}
	if got.Tables[0].Columns[3].Default != "'a;b'" {
		t.Errorf("escaped semicolon: default %q", got.Tables[0].Columns[3].Default)
	}
}
