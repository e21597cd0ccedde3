// Package pgcluster owns private PostgreSQL clusters run from the local
// PostgreSQL binaries: the embedded default database (database.url =
// "embedded", a cluster kept under <project>/.migrate) and the throwaway
// clusters the test harness starts, one per test binary.
//
// A cluster lives in one directory holding the data directory (data/), the
// server log (postgres.log) and, when the path is short enough, the unix
// socket directory (sock/). It listens on that private socket and on
// 127.0.0.1 at a free port, with trust authentication for the superuser
// "postgres". PostgreSQL refuses to run as root, so when the process is
// root every PostgreSQL program runs as an unprivileged user (the postgres
// system user when it exists, else nobody) and the cluster directory is
// owned by that user.
//
// Start initializes the directory on first use and starts the server, or
// adopts a server that is already running there; Stop performs a fast
// shutdown (what pg_ctl stop -m fast does) and waits until the postmaster
// is gone. Embedded adds the locking that lets several processes share the
// embedded cluster of one project.
package pgcluster
