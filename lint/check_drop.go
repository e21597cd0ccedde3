package lint

import (
	"slices"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/migrate-tool/migrate/internal/sqlparse"
)

// checkDrop is drop-table: DROP TABLE of a table the section did not
// create, and DROP SCHEMA ... CASCADE, which drops the tables in it.
func checkDrop(l *linter, p *sqlparse.Parsed, emit emitFunc) {
	d := p.Node.GetDropStmt()
	if d == nil {
		return
	}
	switch d.GetRemoveType() {
	case pg_query.ObjectType_OBJECT_TABLE:
		for _, o := range d.GetObjects() {
			rel := listName(o)
			if !l.newTable(rel) && !l.undo.undoesTable(rel) {
				emit(DropTable, "dropping table %s deletes its rows", rel)
			}
		}
	case pg_query.ObjectType_OBJECT_SCHEMA:
		if d.GetBehavior() != pg_query.DropBehavior_DROP_CASCADE {
			return
		}
		for _, o := range d.GetObjects() {
			name := o.GetString_().GetSval()
			if !slices.Contains(l.schemas, name) && !l.undo.undoesSchema(name) {
				emit(DropTable, "DROP SCHEMA %s CASCADE deletes every table in it, with their rows", name)
			}
		}
	}
}

// checkRename is rename-table and rename-column: the running application
// still uses the old name until it is deployed again, and fails meanwhile.
func checkRename(l *linter, p *sqlparse.Parsed, emit emitFunc) {
	if a := p.Node.GetAlterObjectSchemaStmt(); a != nil && a.GetObjectType() == pg_query.ObjectType_OBJECT_TABLE {
		rel := rangeVarName(a.GetRelation())
		to := relName{Schema: a.GetNewschema(), Name: rel.Name}
		if !l.newTable(rel) && !l.undo.undoesTableRename(rel, to) {
			emit(RenameTable, "moving table %s to schema %s breaks queries that still name it %s", rel, a.GetNewschema(), rel)
		}
		return
	}
	r := p.Node.GetRenameStmt()
	if r == nil {
		return
	}
	rel := rangeVarName(r.GetRelation())
	switch r.GetRenameType() {
	case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_VIEW, pg_query.ObjectType_OBJECT_MATVIEW:
		to := relName{Schema: rel.Schema, Name: r.GetNewname()}
		if !l.newTable(rel) && !l.undo.undoesTableRename(rel, to) {
			emit(RenameTable, "renaming %s to %s breaks queries that still use the old name", rel, r.GetNewname())
		}
	case pg_query.ObjectType_OBJECT_COLUMN:
		col := colName{Rel: rel, Column: r.GetSubname()}
		if !l.newColumn(col) && !l.undo.undoesColumnRename(rel, r.GetSubname(), r.GetNewname()) {
			emit(RenameColumn, "renaming column %s to %s breaks queries that still use the old name", col, r.GetNewname())
		}
	}
}
