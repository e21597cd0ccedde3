package sqlparse

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// ConcurrentIndex is what a CREATE INDEX CONCURRENTLY statement builds:
// an interrupted build leaves an INVALID index behind that a rerun must
// deal with.
type ConcurrentIndex struct {
	// Name is the index name; empty when PostgreSQL picks one. The index
	// lives in the table's schema.
	Name string
	// Schema and Table name the indexed table as written (Schema empty
	// when unqualified: the search path decides).
	Schema, Table string
	// IfNotExists is set for CREATE INDEX CONCURRENTLY IF NOT EXISTS.
	IfNotExists bool
}

// ConcurrentIndexOf parses one statement and, when it is a CREATE INDEX
// CONCURRENTLY, says what it builds.
func ConcurrentIndexOf(sql string) (ConcurrentIndex, bool) {
	tree, err := pg_query.Parse(sql)
	if err != nil || len(tree.GetStmts()) != 1 {
		return ConcurrentIndex{}, false
	}
	ix := tree.GetStmts()[0].GetStmt().GetIndexStmt()
	if ix == nil || !ix.GetConcurrent() || ix.GetRelation() == nil {
		return ConcurrentIndex{}, false
	}
	rel := ix.GetRelation()
	return ConcurrentIndex{Name: ix.GetIdxname(), Schema: rel.GetSchemaname(), Table: rel.GetRelname(), IfNotExists: ix.GetIfNotExists()}, true
}
