// Package conformance holds the command-line conformance test of migrate:
// every schema-change case (the autogenerate corpus in
// autogen/testdata/cases and the application-shaped cases in
// testdata/cases) is replayed through the built binary the way a user
// works: a migrate.toml with a SQL target, revision --autogenerate,
// upgrade, check, downgrade, and the live catalog compared (through
// migrate inspect --json) with the schema applied directly.
//
// The package has no code of its own; run it with
//
//	go test ./conformance                       # a deterministic subset
//	MIGRATE_CONFORMANCE=all go test ./conformance -timeout 60m   # every case
//	MIGRATE_CONFORMANCE=enum_ go test ./conformance             # cases whose name starts with enum_
package conformance
