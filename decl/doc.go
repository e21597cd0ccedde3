// Package decl is how a team declares the schema it wants, in Go: tables,
// columns, constraints, indexes, types, sequences, views, functions,
// triggers, policies, comments, grants and extensions, built with small
// chainable values that read like the DDL they stand for:
//
//	decl.Build(
//		decl.Table("users",
//			decl.Column("id", decl.BigInt).Identity().PrimaryKey(),
//			decl.Column("name", decl.Varchar(100)).NotNull(),
//			decl.Column("email", decl.Varchar(255)).NotNull().Unique(),
//			decl.Column("created_at", decl.TimestampTZ).Default("now()"),
//			decl.Column("avatar_url", decl.Varchar(500)),
//		),
//		decl.Table("posts",
//			decl.Column("id", decl.BigInt).Identity().PrimaryKey(),
//			decl.Column("title", decl.Varchar(500)),
//			decl.Column("author_id", decl.BigInt).NotNull().References("users", "id").Index(),
//		),
//	)
//
// Teams with model structs declare tables from them instead (Model, with
// `db` and `migrate` struct tags); both routes produce the same model.
//
// Build returns a *schema.Schema in canonical form: types spelled as the
// catalog prints them (format_type), implicit constraint, index and
// sequence names chosen exactly as PostgreSQL chooses them, constraint and
// index definitions as pg_get_constraintdef and pg_get_indexdef print them
// where that is possible without a server. Expressions (defaults, checks,
// predicates, view and function bodies) are kept as written; the target
// package materializes them in a scratch database for exact comparison.
//
// Names are taken verbatim (no SQL quoting or case folding): "Users" is a
// mixed-case identifier. A name with one dot, "billing.invoices", is
// schema-qualified; unqualified names live in "public" or in the enclosing
// Namespace.
package decl
