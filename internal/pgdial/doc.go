// Package pgdial owns how a connection to PostgreSQL is opened over TCP
// when the configuration leaves SSL up to the server (sslmode=prefer, the
// default): one TCP connection and one server backend per connect, as
// libpq does, instead of pgx's two when the server does not do SSL.
//
// pgx implements prefer as two attempts: TLS, and after the server answers
// the SSLRequest with 'N', a new plaintext connection. Connect asks the
// server itself on one connection and hands that same connection to pgx:
// after 'S' pgx runs its own TLS handshake on it, with every TLS setting
// of the configuration; after 'N' the server waits for a startup message on
// that socket, and pgx sends it in plaintext. Everything after the dial
// (authentication, AfterConnect, cancel requests) stays pgx's.
package pgdial
