// Package target owns the declared side of autogenerate: it turns what the
// user declared — Go metadata linked into the binary or loaded from a
// package of the user's module, or SQL files — into a schema.Schema in
// catalog-canonical form.
//
// Every declaration is materialized: Go metadata is rendered to DDL by
// autogen's create-from-empty plan, SQL files are taken as they are, and
// either is applied to a scratch database (OpenScratch) and read back with
// introspect, so the declared and the live schema compare by the text
// PostgreSQL itself prints. The result is cached under
// <project>/.migrate/cache, keyed by the content of the declaration, the
// introspection options, the server's major version and the tool build,
// so a repeated check does not touch the scratch server.
//
// A scratch database is never the user's database: it is a new database
// named migrate_scratch_<random>, created on the [scratch] url server, else
// on the target server when the role may create databases, else on the
// embedded cluster, and dropped when done, also on error.
package target
