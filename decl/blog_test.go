package decl_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/migrate-tool/migrate/decl"
	"github.com/migrate-tool/migrate/schema"
)

// blogBuilder is the blog example written with the builder API.
func blogBuilder() (*schema.Schema, error) {
	return decl.Build(
		decl.Table("users",
			decl.Column("id", decl.BigInt).Identity().PrimaryKey(),
			decl.Column("name", decl.Varchar(100)).NotNull(),
			decl.Column("email", decl.Varchar(255)).NotNull().Unique(),
			decl.Column("created_at", decl.TimestampTZ).Default("now()"),
			decl.Column("avatar_url", decl.Varchar(500)),
		),
		decl.Table("posts",
			decl.Column("id", decl.BigInt).Identity().PrimaryKey(),
			decl.Column("title", decl.Varchar(500)),
			decl.Column("author_id", decl.BigInt).NotNull().References("users", "id").Index(),
		),
	)
}

// The same tables as model structs.
type User struct {
	ID        int64      `migrate:"pk;identity"`
	Name      string     `migrate:"type:varchar(100)"`
	Email     string     `migrate:"type:varchar(255);unique"`
	CreatedAt *time.Time `migrate:"default:now()"`
	AvatarURL *string    `migrate:"type:varchar(500)"`
}

type Post struct {
	ID       int64   `db:"id" migrate:"pk;identity"`
	Title    *string `migrate:"type:varchar(500)"`
	AuthorID int64   `migrate:"references:users.id;index"`
}

func blogStructs() (*schema.Schema, error) {
	return decl.Build(
		decl.Model("users", User{}),
		decl.Model("posts", &Post{}),
	)
}

func TestBlogBuilderEqualsStructs(t *testing.T) {
	a, err := blogBuilder()
	if err != nil {
		t.Fatal(err)
	}
	b, err := blogStructs()
	if err != nil {
		t.Fatal(err)
	}
	ja, _ := json.MarshalIndent(a, "", "  ")
	jb, _ := json.MarshalIndent(b, "", "  ")
	if string(ja) != string(jb) {
		t.Fatalf("builder and struct declarations differ:\nbuilder:\n%s\nstructs:\n%s", ja, jb)
	}
	checkGolden(t, "blog.json", ja)
}
