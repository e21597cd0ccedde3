package sqlparse

import (
	"testing"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// TestWarmSQLParses keeps the warm-up script valid: a script that fails to
// parse would set up only part of what it is for.
func TestWarmSQLParses(t *testing.T) {
	tree, err := pg_query.Parse(warmSQL)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(tree.GetStmts()); n != 4 {
		t.Fatalf("warm-up script has %d statements, want 4", n)
	}
	Warm()
}
