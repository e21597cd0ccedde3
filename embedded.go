package migrate

import (
	"context"

	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/dbconn"
)

// embeddedResolver starts (or joins) the project's embedded cluster on first
// connection; for a database.url whose expansion was deferred it returns
// that error instead.
func embeddedResolver(cfg *config.Config) func(context.Context) (string, func(), error) {
	return func(ctx context.Context) (string, func(), error) {
		return dbconn.Open(ctx, cfg)
	}
}
