package main

import "fmt"

// table is one synthetic table. Every table has the same shape so that the
// cost per table is constant and results at 100, 500 and 2,000 tables scale
// only with the count; names are zero-padded so file order is table order.
type table struct {
	Name string
	// Ref is the table the ref_id foreign key points at: one of the first
	// hubTables tables (the first refers to itself), so every CREATE TABLE
	// only refers to tables created before it, and foreign keys stay one
	// level deep, as in a schema where most tables refer to a few core ones.
	// (A chain of N tables each referring to the previous one makes
	// SQLAlchemy's reflection recurse N levels deep and fail.)
	Ref string
	// Extra adds the column extraColumn at the end (the daily edit's
	// added column); QtyDefault replaces qty's default when not empty
	// (its changed default).
	Extra      bool
	QtyDefault string
}

// extraColumn is the column the daily edit adds to one table.
var extraColumn = column{Name: "extra", SQLType: "text", SAType: "Text", GoType: "decl.Text"}

// columnsOf is t's column list, with the daily edit's changes.
func (t table) columnsOf() []column {
	cols := columns
	if t.QtyDefault != "" {
		cols = append([]column(nil), columns...)
		for i := range cols {
			if cols[i].Name == "qty" {
				cols[i].Default = t.QtyDefault
			}
		}
	}
	if t.Extra {
		cols = append(append([]column(nil), cols...), extraColumn)
	}
	return cols
}

// hubTables is how many tables the foreign keys point at.
const hubTables = 10

// column is one column of the synthetic shape, spelled once for each
// output: PostgreSQL DDL, the Go declaration and SQLAlchemy.
type column struct {
	Name    string
	SQLType string // as written in DDL (an alias where users write one)
	NotNull bool
	Default string // SQL expression; empty for none
	// SQLAlchemy type constructor, e.g. "String(40)".
	SAType string
	// GoType is the type as written with package decl.
	GoType string
}

// columns is the fixed column list: an identity primary key and eight
// typed columns mixing nullability and defaults.
var columns = []column{
	{Name: "id", SQLType: "bigint", NotNull: true, SAType: "BigInteger", GoType: "decl.BigInt"},
	{Name: "code", SQLType: "varchar(40)", NotNull: true, SAType: "String(40)", GoType: "decl.Varchar(40)"},
	{Name: "name", SQLType: "text", NotNull: true, Default: "''", SAType: "Text", GoType: "decl.Text"},
	{Name: "qty", SQLType: "integer", NotNull: true, Default: "0", SAType: "Integer", GoType: "decl.Integer"},
	{Name: "price", SQLType: "numeric(12,2)", Default: "0", SAType: "Numeric(12, 2)", GoType: "decl.Decimal(12, 2)"},
	{Name: "active", SQLType: "boolean", NotNull: true, Default: "true", SAType: "Boolean", GoType: "decl.Boolean"},
	{Name: "created_at", SQLType: "timestamptz", NotNull: true, Default: "now()", SAType: "DateTime(timezone=True)", GoType: "decl.TimestampTZ"},
	{Name: "note", SQLType: "text", SAType: "Text", GoType: "decl.Text"},
	{Name: "ref_id", SQLType: "bigint", SAType: "BigInteger", GoType: "decl.BigInt"},
}

// The constraint and index names are the ones PostgreSQL would choose for
// the unnamed forms, and every output spells them out so that no tool has
// to guess a name.
func (t table) pkeyName() string   { return t.Name + "_pkey" }
func (t table) uniqueName() string { return t.Name + "_code_key" }
func (t table) checkName() string  { return t.Name + "_qty_check" }
func (t table) fkeyName() string   { return t.Name + "_ref_id_fkey" }
func (t table) index1Name() string { return t.Name + "_created_at_idx" }
func (t table) index2Name() string { return t.Name + "_ref_id_idx" }

// checkExpr is the check constraint body; partialWhere the predicate of
// the partial index.
const (
	checkExpr    = "qty >= 0"
	partialWhere = "active"
)

// tables returns the n synthetic tables t00001..tNNNNN.
func tables(n int) []table {
	ts := make([]table, n)
	for i := range ts {
		ts[i].Name = tableName(i + 1)
		if i == 0 {
			ts[i].Ref = ts[i].Name
		} else {
			ts[i].Ref = tableName((i-1)%hubTables + 1)
		}
	}
	return ts
}

func tableName(i int) string { return fmt.Sprintf("t%05d", i) }

// dailyEdit applies the edit a developer makes many times a day to the
// declaration of ts (at least 5 tables): one table added at the end, one
// column added to the middle table, one default changed on the table a
// fifth of the way in. Neither edited table is one the foreign keys point
// at, so the edit touches three tables whatever the size.
func dailyEdit(ts []table) []table {
	out := append([]table(nil), ts...)
	n := len(ts)
	out[n/2].Extra = true
	out[max(n/5, hubTables)].QtyDefault = "1"
	out = append(out, table{Name: tableName(n + 1), Ref: tableName(n%hubTables + 1)})
	return out
}
