package cli_test

import (
	"os"
	"testing"

	"github.com/migrate-tool/migrate/internal/pgtest"
)

// TestMain gives the command tests a throwaway PostgreSQL server, started
// only if a test asks for a database.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
