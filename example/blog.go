// Package example declares the schema of the example project kept at the
// repository root: a small blog with users, posts, a post status enum and a
// view of published posts. migrate.toml points [target] go at this package,
// so `migrate revision --autogenerate` and `migrate check` compare the
// database with what is declared here.
//
// versions/ holds the history the tool generated from it, on the embedded
// database:
//
//	526ed5498ba6  create users, posts and published_posts   revision --autogenerate (without avatar_url and the status index)
//	2f61f6b53bee  add avatar_url to users                   revision --autogenerate, after adding avatar_url
//	2df8bd39d690  index posts by status and date            revision --head 526ed5498ba6 --splice, SQL written by hand
//	ce8cd26704c9  merge avatar_url and the posts status ... merge heads
//
// The hand-written index is declared on Posts too, so `migrate check` at
// the repository root exits 0 (example_test.go runs it).
package example

import (
	"github.com/migrate-tool/migrate/decl"
	"github.com/migrate-tool/migrate/schema"
)

// PostStatus is the life cycle of a post.
var PostStatus = decl.Enum("post_status", "draft", "published", "archived")

// Users are the people who write posts.
var Users = decl.Table("users",
	decl.Column("id", decl.BigInt).Identity().PrimaryKey(),
	decl.Column("name", decl.Varchar(100)).NotNull(),
	decl.Column("email", decl.Varchar(255)).NotNull().Unique(),
	decl.Column("created_at", decl.TimestampTZ).Default("now()"),
	decl.Column("avatar_url", decl.Varchar(500)),
)

// Posts are what users write. The status index came in on a branch of the
// history (versions/2df8bd39d690_index_posts_by_status_and_date.sql),
// written by hand.
var Posts = decl.Table("posts",
	decl.Column("id", decl.BigInt).Identity().PrimaryKey(),
	decl.Column("title", decl.Varchar(500)),
	decl.Column("status", "post_status").NotNull().Default("'draft'"),
	decl.Column("author_id", decl.BigInt).NotNull().References("users", "id").Index(),
	decl.Column("created_at", decl.TimestampTZ).NotNull().Default("now()"),
	decl.Index("status", "created_at DESC"),
)

// PublishedPosts lists the published posts with their author's name.
var PublishedPosts = decl.View("published_posts", `
	SELECT p.id, p.title, u.name AS author, p.created_at
	FROM posts p
	JOIN users u ON u.id = p.author_id
	WHERE p.status = 'published'`)

// Schema returns the declared schema. It is what the migrate Go target
// loader reads.
func Schema() (*schema.Schema, error) {
	return decl.Build(PostStatus, Users, Posts, PublishedPosts)
}
