// Package autogen compares two schema.Schema values and produces the
// ordered changes that take the first to the second, rendered as upgrade and
// downgrade SQL with hazard comments. It is pure: no database, no files.
//
// Diff(current, target) returns a Plan. Every change is a small struct
// behind the closed Change interface, so callers (summaries, JSON output,
// tests) switch on types instead of parsing SQL. The downgrade is the plan of
// the inverse diff, computed by the same code with renames reversed, so both
// directions follow the same ordering rules.
//
// Ordering, in short: first the drops of what depends on other objects, in
// reverse dependency order (triggers, policies, views, foreign keys,
// constraints, indexes, partitions, tables); then creations and alterations
// in dependency order (schemas, extensions, types, sequences, functions,
// tables, columns, constraints, indexes, foreign keys, views, triggers,
// policies, comments, grants); last the drops of what nothing uses any more
// (sequences, functions, types, extensions, schemas). See differ.go for
// the phases. Functions are created with check_function_bodies off,
// as pg_dump does, because bodies may name tables that do not exist yet
// while table defaults and checks may call the functions.
package autogen
