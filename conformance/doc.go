// Package conformance holds the command-line conformance test of migrate:
// every schema-change case (the autogenerate corpus in
// autogen/testdata/cases and the application-shaped cases in
// testdata/cases: saas_* a SaaS schema growing over time, pg_* tours of
// PostgreSQL features, edge_* dependency edge cases, noop_* one schema
// spelled two ways) is replayed through the built binary the way a user
// works: a migrate.toml with a SQL target, revision --autogenerate,
// upgrade, check, downgrade, and the live catalog compared (through
// migrate inspect --json) with the schema applied directly. A case
// directory holds old.sql and new.sql, and optionally flags (extra
// arguments of the second revision --autogenerate), expect (no-downgrade),
// skip.txt (the reason a known failure is skipped; listed in the log) and
// data-skip.txt (the same for TestLoopData).
//
// The package has no code of its own; run it with
//
//	go test ./conformance                                      # a fixed subset, under two minutes
//	MIGRATE_CONFORMANCE=all go test ./conformance -timeout 60m # every case
//	MIGRATE_CONFORMANCE=enum_,app/edge_ go test ./conformance  # cases whose names start so
//
// TestLoopEmbedded replays one case with database.url = "embedded".
//
// TestLoopData is the data-carrying loop (internal/rowgen): after the old
// revision is applied, every table gets generated rows; the new revision
// is generated, applied and reverted through the binary, and row counts,
// column values and sequence positions are compared after each step. It
// runs a short list of cases (dataCases) by default and follows
// MIGRATE_CONFORMANCE like TestLoop; a case's data-skip.txt names a known
// data-loss failure, skipped unless MIGRATE_CONFORMANCE=all:
//
//	go test ./conformance -run TestLoopData
//	MIGRATE_CONFORMANCE=all go test ./conformance -run TestLoopData -timeout 120m
package conformance
