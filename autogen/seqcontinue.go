package autogen

import (
	"strconv"

	"github.com/migrate-tool/migrate/schema"
)

// A sequence that starts feeding a column which already holds rows (an
// identity added to a filled column, a recreated table's identity, a
// sequence the plan creates and makes a column's default) must continue
// past the values the column holds, or the next row repeats one of them.

// continueAfter is the statement that moves sequence seq (an expression
// naming it as a regclass) past the values column col of table t holds,
// in the direction the sequence counts: an ascending sequence continues
// after the largest value when that is at least its start, a descending
// one after the smallest when that is at most its start. An empty table
// leaves the sequence alone. A value beyond the sequence's bounds sets it
// to the bound, so that nextval fails rather than repeat a value. The
// statement does no arithmetic: setval takes the column's own value.
func continueAfter(seq string, t schema.QName, col, colType string, o schema.SequenceOptions) Statement {
	agg, bound, cmp, pick := "max", o.Max, ">=", "least"
	if o.Increment < 0 {
		agg, bound, cmp, pick = "min", o.Min, "<=", "greatest"
	}
	val := agg + "(" + ident(col) + ")"
	arg := val
	if !integerType(colType) {
		arg += "::bigint" // setval takes a bigint; numeric has no implicit cast
	}
	if typeMin, typeMax := integerBounds(colType); !integerType(colType) ||
		(o.Increment >= 0 && bound < typeMax) || (o.Increment < 0 && bound > typeMin) {
		// The column can hold a value the sequence cannot reach.
		arg = pick + "(" + arg + ", " + strconv.FormatInt(bound, 10) + ")"
	}
	return Statement{SQL: "SELECT setval(" + seq + ", " + arg + ") FROM " + qname(t) +
		" HAVING " + val + " " + cmp + " " + strconv.FormatInt(o.Start, 10)}
}

func integerType(typ string) bool {
	return typ == "smallint" || typ == "integer" || typ == "bigint"
}

// integerBounds are the smallest and largest values of an integer type
// (bigint's for any other type).
func integerBounds(typ string) (int64, int64) {
	switch typ {
	case "smallint":
		return -32768, 32767
	case "integer":
		return -2147483648, 2147483647
	}
	return -9223372036854775808, 9223372036854775807
}

// ContinueSequence moves a sequence the plan creates past the values of a
// column it feeds (as its default or owner) that already holds rows: the
// downgrade of a dropped sequence, for instance, recreates it at its
// start while the column kept the values it issued.
type ContinueSequence struct {
	Sequence   schema.QName
	Table      schema.QName
	Column     string
	ColumnType string
	Options    schema.SequenceOptions
}

// Describe implements Change.
func (c *ContinueSequence) Describe() string {
	return "continue sequence " + c.Sequence.String() + " after the values of " + c.Table.String() + "." + c.Column
}

func (c *ContinueSequence) statements() []Statement {
	return []Statement{continueAfter(literal(qname(c.Sequence))+"::regclass", c.Table, c.Column, c.ColumnType, c.Options)}
}

// continueCreatedSequence emits a ContinueSequence for each column of a
// table with rows (kept, or copied into its recreated table) that a
// sequence the diff creates feeds, by default or as its owner.
func (d *differ) continueCreatedSequence(s schema.Sequence) {
	if d.handoff[s.QName] {
		return // IdentityToSequence carries the identity's value
	}
	name := qname(s.QName)
	for i := range d.to.Tables {
		t := &d.to.Tables[i]
		old := d.fromTables[t.QName]
		if old == nil || (d.tableGone[t.QName] && d.copies[t.QName] == (schema.QName{})) {
			continue // new, or recreated without its rows
		}
		for _, col := range t.Columns {
			feeds := nextvalSequence(col.Default) == name || s.OwnedBy == t.Schema+"."+t.Name+"."+col.Name
			if !feeds || col.Identity != "" || col.Generated != "" || old.Column(col.Name) == nil || d.columnRecreated[t.QName][col.Name] {
				continue
			}
			d.add(phSequenceOwner, &ContinueSequence{Sequence: s.QName, Table: t.QName, Column: col.Name,
				ColumnType: col.Type, Options: seqOpts(s)})
		}
	}
}
