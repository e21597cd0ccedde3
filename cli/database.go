package cli

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/dbconn"
)

// openDatabase resolves the configured database for one command (starting
// the embedded cluster when that is the one) and says on Stderr which
// database the command is about to touch, once per invocation: a url
// that silently wins over $DATABASE_URL (or the other way round) is
// otherwise only noticed after an afternoon of commands against the wrong
// database. The caller calls release.
func (a *App) openDatabase(ctx context.Context) (url string, release func(), err error) {
	cfg, err := a.Config()
	if err != nil {
		return "", nil, err
	}
	url, release, err = dbconn.Open(ctx, cfg)
	if err != nil {
		return "", nil, err
	}
	if !a.announced {
		a.announced = true
		fmt.Fprintln(a.Stderr, a.databaseLine(cfg, url))
	}
	return url, release, nil
}

// databaseLinePrefix starts the line naming the database; tests strip it
// by this prefix.
const databaseLinePrefix = "Database: "

// databaseLine names the database a command works on, with its password
// removed, and where the setting came from: "Database:
// postgres://app:xxxxx@db:5432/app (database.url from $DATABASE_URL)".
func (a *App) databaseLine(cfg *config.Config, url string) string {
	src := cfg.Source("database.url")
	if cfg.Database.Embedded() {
		state := filepath.Join(cfg.Dir, dbconn.StateDir)
		if wd, err := a.initWorkDir(); err == nil {
			state = initDisplayPath(wd, state)
		}
		return fmt.Sprintf("%sembedded, the private cluster in %s%c (database.url from %s)",
			databaseLinePrefix, state, filepath.Separator, src)
	}
	return fmt.Sprintf("%s%s (database.url from %s)", databaseLinePrefix, config.RedactURL(url), src)
}
