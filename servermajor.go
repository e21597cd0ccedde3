package migrate

import (
	"strings"

	"github.com/jackc/pgx/v5"
)

// serverMajorOf returns the major version of conn's server ("15") from the
// server_version it reported when connecting, or "" when it did not.
func serverMajorOf(conn *pgx.Conn) string {
	return majorOf(conn.PgConn().ParameterStatus("server_version"))
}

// majorOf returns the major version in a server_version string ("15.10
// (Debian 15.10-1)" is "15"), or "" for one it does not recognize.
func majorOf(version string) string {
	major, _, found := strings.Cut(version, ".")
	if !found || len(major) < 2 { // before PostgreSQL 10 the major version had two parts
		return ""
	}
	for _, r := range major {
		if r < '0' || r > '9' {
			return ""
		}
	}
	return major
}
