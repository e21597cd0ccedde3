// Package introspect reads the live catalog of a PostgreSQL database into a
// schema.Schema, the model autogenerate compares.
//
// It sends a fixed set of catalog queries, one per object kind, in a single
// pgx.Batch inside a REPEATABLE READ READ ONLY transaction, so the number of
// round trips does not depend on the number of objects, and every query sees
// the same snapshot. Inside that transaction search_path is empty, so
// format_type, pg_get_expr and the pg_get_*def functions qualify every name
// outside pg_catalog: that text is the canonical form both sides of a
// comparison share (see package schema).
//
// What is read and what is deliberately left out is documented in
// docs/introspection.md. In short, left out are: the system schemas, objects
// that belong to an extension, the caller's SkipTables (the tool's own
// tables) and sequences owned by them, identity sequences (they live on
// their column), indexes that back constraints, internal triggers, and
// constraints, indexes and triggers a partition inherits from its
// partitioned parent (they are the parent's).
package introspect
