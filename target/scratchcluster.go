package target

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/dbconn"
	"github.com/migrate-tool/migrate/internal/pgcluster"
)

// openScratchCluster returns the admin URL of the private server scratch
// databases go to when no other server takes them: the project's embedded
// cluster when the project's database lives there (it is running
// already), else the project's scratch cluster (pgcluster.StartScratch:
// durability off, nothing kept). release stops the server when this was
// its last user.
func openScratchCluster(ctx context.Context, cfg *config.Config) (string, func(), error) {
	if cfg.Database.Embedded() {
		return dbconn.Open(ctx, cfg)
	}
	c, stop, err := pgcluster.StartScratch(ctx, filepath.Join(projectDir(cfg), dbconn.StateDir))
	if err != nil {
		return "", nil, err
	}
	release := func() {
		if err := stop(); err != nil {
			fmt.Fprintf(os.Stderr, "migrate: warning: stopping the scratch cluster: %v\n", err)
		}
	}
	return c.URL("postgres"), release, nil
}

// isScratchCluster reports whether conn is to a server running with
// pgcluster.ScratchSettings (fsync off is their mark).
func isScratchCluster(ctx context.Context, conn *pgx.Conn) bool {
	var fsync string
	err := conn.QueryRow(ctx, "SHOW fsync").Scan(&fsync)
	return err == nil && fsync == "off"
}
