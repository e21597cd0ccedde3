package fleet

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/config"
)

// databaseKey identifies the database a connection string reaches, as far
// as can be told without connecting: host, port and database name. The
// loopback spellings of a host are one host; a unix socket is its
// directory.
type databaseKey struct {
	host     string
	port     uint16
	database string
}

func (k databaseKey) String() string {
	return fmt.Sprintf("database %q on %s port %d", k.database, k.host, k.port)
}

// keyOf parses a connection string. Errors never quote it.
func keyOf(conn string) (databaseKey, error) {
	if strings.TrimSpace(conn) == config.EmbeddedURL {
		return databaseKey{}, fmt.Errorf("%q is one private database, not a fleet member: list server URLs", config.EmbeddedURL)
	}
	pc, err := pgx.ParseConfig(conn)
	if err != nil {
		return databaseKey{}, fmt.Errorf("invalid connection string: %s", config.Redact(err.Error()))
	}
	db := pc.Database
	if db == "" {
		db = pc.User // libpq's default database
	}
	return databaseKey{host: normalHost(pc.Host), port: pc.Port, database: db}, nil
}

// normalHost folds the spellings of one host together.
func normalHost(h string) string {
	switch h = strings.ToLower(h); h {
	case "localhost", "127.0.0.1", "::1":
		return "localhost"
	}
	if strings.HasPrefix(h, "/") {
		return filepath.Clean(h)
	}
	return h
}

// identify returns the display name (password redacted) of every
// database, and an error naming the first entry that does not parse or
// reaches the same database as an earlier one: two runs would queue on one
// migration lock and report one database twice.
func identify(conns []string) ([]string, error) {
	names := make([]string, len(conns))
	seen := make(map[databaseKey]int, len(conns))
	for i, c := range conns {
		names[i] = config.RedactURL(c)
		k, err := keyOf(c)
		if err != nil {
			return nil, fmt.Errorf("database %d (%s): %w", i+1, names[i], err)
		}
		if j, dup := seen[k]; dup {
			return nil, fmt.Errorf("databases %d (%s) and %d (%s) are the same %s: list each database once",
				j+1, names[j], i+1, names[i], k)
		}
		seen[k] = i
	}
	return names, nil
}
