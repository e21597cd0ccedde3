package rowgen

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/migrate-tool/migrate/schema"
)

// Copies. A table PostgreSQL cannot convert in place (plain to
// partitioned, a new partition key) is recreated by autogenerate, and its
// rows moved with INSERT INTO new (cols) SELECT cols FROM old (the old
// table renamed out of the way first). The rows of the old table then
// live in the new one, column by column; the old table's partitions are
// gone, their rows spread over the new table's partitions, so the copied
// table is read whole (with its partitions, not ONLY) before and after,
// and its partitions not on their own.

// trackCopy follows INSERT INTO dst (cols) SELECT exprs FROM src: the rows
// (and the columns each expression reads) of src are dst's now.
func trackCopy(ins *pg_query.InsertStmt, tr *tracker) {
	sel := ins.GetSelectStmt().GetSelectStmt()
	if sel == nil || len(sel.GetFromClause()) != 1 || sel.GetFromClause()[0].GetRangeVar() == nil ||
		len(sel.GetTargetList()) != len(ins.GetCols()) {
		return
	}
	src := rangeVarName(sel.GetFromClause()[0].GetRangeVar())
	dst := rangeVarName(ins.GetRelation())
	cols := map[string]ColumnRef{}
	for i, rt := range sel.GetTargetList() {
		if c := copiedColumn(rt.GetResTarget().GetVal()); c != "" {
			cols[ins.GetCols()[i].GetResTarget().GetName()] = tr.column(src, c)
		}
	}
	tr.copied[tr.table(src)] = true
	tr.renameTable(src, dst)
	for cur := range tr.columns {
		if cur.Table == dst {
			delete(tr.columns, cur)
		}
	}
	for name, orig := range cols {
		tr.columns[ColumnRef{dst, name}] = orig
	}
}

// copiedColumn is the column an expression of the copy reads: a column
// reference, possibly cast; "" for anything else.
func copiedColumn(n *pg_query.Node) string {
	for n.GetTypeCast() != nil {
		n = n.GetTypeCast().GetArg()
	}
	cr := n.GetColumnRef()
	if cr == nil || len(cr.GetFields()) == 0 {
		return ""
	}
	return cr.GetFields()[len(cr.GetFields())-1].GetString_().GetSval()
}

// inTree reports whether table q of old is a partition (at any depth) of
// a table whose rows a copy moved: its own rows are read through that
// table.
func inTree(old *schema.Schema, trees map[schema.QName]bool, q schema.QName) bool {
	if len(trees) == 0 || old == nil {
		return false
	}
	for t, i := old.Table(q), 0; t != nil && t.PartitionOf != nil && i < 16; i++ {
		if trees[*t.PartitionOf] {
			return true
		}
		t = old.Table(*t.PartitionOf)
	}
	return false
}
