package autogen

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// resolvedRename is a Rename settled against the current schema.
type resolvedRename struct {
	From, To schema.QName // the table (before and after a table rename)
	// FromCol and ToCol are set for a column rename; From == To then.
	FromCol, ToCol string
}

type resolvedRenames []resolvedRename

func (r resolvedRename) column() bool { return r.FromCol != "" }

func (rs resolvedRenames) inverse() resolvedRenames {
	out := make(resolvedRenames, len(rs))
	for i, r := range rs {
		out[len(rs)-1-i] = resolvedRename{From: r.To, To: r.From, FromCol: r.ToCol, ToCol: r.FromCol}
	}
	return out
}

// RenameTable is ALTER TABLE ... RENAME TO (and SET SCHEMA when the schema
// changes).
type RenameTable struct{ From, To schema.QName }

// Describe implements Change.
func (c *RenameTable) Describe() string {
	return "rename table " + c.From.String() + " to " + c.To.String()
}

func (c *RenameTable) statements() []Statement {
	var out []Statement
	cur := c.From
	if c.From.Schema != c.To.Schema {
		out = append(out, one("ALTER TABLE "+qname(cur)+" SET SCHEMA "+ident(c.To.Schema),
			hazard(HazardAccessExclusive, "moving "+cur.String()+" locks it briefly"))...)
		cur.Schema = c.To.Schema
	}
	if cur.Name != c.To.Name {
		out = append(out, one("ALTER TABLE "+qname(cur)+" RENAME TO "+ident(c.To.Name))...)
	}
	return out
}

// RenameColumn is ALTER TABLE ... RENAME COLUMN.
type RenameColumn struct {
	Table    schema.QName
	From, To string
}

// Describe implements Change.
func (c *RenameColumn) Describe() string {
	return "rename column " + c.Table.String() + "." + c.From + " to " + c.To
}

func (c *RenameColumn) statements() []Statement {
	return one("ALTER TABLE " + qname(c.Table) + " RENAME COLUMN " + ident(c.From) + " TO " + ident(c.To))
}

func (d *differ) renameChanges() {
	for _, r := range d.renames {
		if r.column() {
			d.add(phRename, &RenameColumn{Table: r.To, From: r.FromCol, To: r.ToCol})
		} else {
			d.add(phRename, &RenameTable{From: r.From, To: r.To})
		}
	}
	for _, sr := range d.seqRenames {
		d.add(phRename, sr)
	}
}

// resolveRenames settles each --rename against the current and target
// schemas, rejecting anything that does not name an existing object on one
// side and a new one on the other.
func resolveRenames(cur, tgt *schema.Schema, opts Options) (resolvedRenames, error) {
	var tables, cols resolvedRenames
	tableRenamed := map[schema.QName]schema.QName{}
	// Table renames first, so column renames may name the table by its old
	// or its new name and run after the table has its new name.
	var rest []Rename
	for _, rn := range opts.Renames {
		if !isTableRename(cur, opts.defaultSchema(), rn) {
			rest = append(rest, rn)
			continue
		}
		r, err := resolveRename(cur, tgt, opts.defaultSchema(), rn, tableRenamed)
		if err != nil {
			return nil, err
		}
		tableRenamed[r.From] = r.To
		tables = append(tables, r)
	}
	for _, rn := range rest {
		r, err := resolveRename(cur, tgt, opts.defaultSchema(), rn, tableRenamed)
		if err != nil {
			return nil, err
		}
		cols = append(cols, r)
	}
	return append(tables, cols...), nil
}

func isTableRename(cur *schema.Schema, def string, rn Rename) bool {
	fp := strings.Split(rn.From, ".")
	return len(fp) <= 2 && cur.Table(qualify(fp, def)) != nil
}

func resolveRename(cur, tgt *schema.Schema, def string, rn Rename, tableRenamed map[schema.QName]schema.QName) (resolvedRename, error) {
	fail := func(format string, a ...any) (resolvedRename, error) {
		return resolvedRename{}, fmt.Errorf("rename %s: "+format, append([]any{rn}, a...)...)
	}
	fp, tp := strings.Split(rn.From, "."), strings.Split(rn.To, ".")
	// A table rename when the from side names an existing table.
	if len(fp) <= 2 && len(tp) <= 2 {
		from := qualify(fp, def)
		if cur.Table(from) != nil {
			to := qualify(tp, from.Schema)
			if len(tp) == 1 {
				to.Schema = from.Schema
			}
			if tgt.Table(to) == nil {
				return fail("table %s is not in the target schema", to)
			}
			if cur.Table(to) != nil {
				return fail("table %s already exists in the current schema", to)
			}
			if tgt.Table(from) != nil {
				return fail("table %s is still in the target schema: nothing to rename", from)
			}
			return resolvedRename{From: from, To: to}, nil
		}
	}
	// Otherwise a column rename: [schema.]table.column on the from side,
	// and column or the same [schema.]table.column on the to side.
	if len(fp) < 2 || len(fp) > 3 {
		return fail("%s is neither a table nor table.column of the current schema", rn.From)
	}
	tq := qualify(fp[:len(fp)-1], def)
	fromCol := fp[len(fp)-1]
	toCol := tp[len(tp)-1]
	if len(tp) > 1 {
		tt := qualify(tp[:len(tp)-1], tq.Schema)
		if len(tp) == 2 {
			tt.Schema = tq.Schema
		}
		if tt != tq && !renamedTo(tableRenamed, tq, tt) {
			return fail("a column rename stays in one table (rename the table separately)")
		}
	}
	for old, nw := range tableRenamed {
		if nw == tq { // the column's table given by its new name
			tq = old
		}
	}
	ct := cur.Table(tq)
	if ct == nil {
		return fail("table %s is not in the current schema", tq)
	}
	if ct.Column(fromCol) == nil {
		return fail("column %s.%s is not in the current schema", tq, fromCol)
	}
	if ct.Column(toCol) != nil {
		return fail("column %s.%s already exists in the current schema", tq, toCol)
	}
	newT := tq
	if n, ok := tableRenamed[tq]; ok {
		newT = n
	}
	tt := tgt.Table(newT)
	if tt == nil || tt.Column(toCol) == nil {
		return fail("column %s.%s is not in the target schema", newT, toCol)
	}
	if tt.Column(fromCol) != nil {
		return fail("column %s.%s is still in the target schema: nothing to rename", newT, fromCol)
	}
	return resolvedRename{From: newT, To: newT, FromCol: fromCol, ToCol: toCol}, nil
}

// renamedTo reports whether a and b are the old and new names of one
// renamed table, in either order.
func renamedTo(m map[schema.QName]schema.QName, a, b schema.QName) bool {
	return m[a] == b || m[b] == a
}

func qualify(parts []string, def string) schema.QName {
	if len(parts) == 1 {
		return schema.QName{Schema: def, Name: parts[0]}
	}
	return schema.QName{Schema: parts[0], Name: parts[1]}
}

// cloneSchema deep-copies s; the model is plain data, so a JSON round trip
// is exact.
func cloneSchema(s *schema.Schema) *schema.Schema {
	b, err := json.Marshal(s)
	if err != nil {
		panic("autogen: cloning schema: " + err.Error()) // plain data cannot fail to encode
	}
	var c schema.Schema
	if err := json.Unmarshal(b, &c); err != nil {
		panic("autogen: cloning schema: " + err.Error())
	}
	c.Casts = s.Casts // facts about the server, not encoded; never modified
	return &c
}
