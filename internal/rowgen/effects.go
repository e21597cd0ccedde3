package rowgen

import (
	"fmt"
	"sort"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/schema"
)

// ColumnRef names a table column.
type ColumnRef struct {
	Table  schema.QName
	Column string
}

// String is "schema.table.column".
func (c ColumnRef) String() string { return c.Table.String() + "." + c.Column }

// Effects is what a section of statements does to stored rows, read from
// the statements themselves: which tables, columns and sequences it
// renames (Mapping) and which objects carry a data-loss hazard (Covered).
// Names are those of the schema the section starts from.
type Effects struct {
	Mapping Mapping
	Covered Coverage
	// Unmapped lists data-loss statements whose object the harness cannot
	// tell; they cover nothing.
	Unmapped []string
}

// Mapping takes names of the schema before a section to names after it.
type Mapping struct {
	Tables    map[schema.QName]schema.QName
	Columns   map[ColumnRef]string
	Sequences map[schema.QName]schema.QName
	// Trees are the tables whose rows, their partitions' included, were
	// copied into a recreated table (copies.go): they are read and compared
	// whole, their partitions not on their own.
	Trees map[schema.QName]bool
}

// Table is the name table old has after the section.
func (m Mapping) Table(old schema.QName) schema.QName {
	if n, ok := m.Tables[old]; ok {
		return n
	}
	return old
}

// Column is the name column old.col has after the section (in the table
// Table(old) names).
func (m Mapping) Column(old schema.QName, col string) string {
	if n, ok := m.Columns[ColumnRef{old, col}]; ok {
		return n
	}
	return col
}

// Sequence is the name sequence old has after the section.
func (m Mapping) Sequence(old schema.QName) schema.QName {
	if n, ok := m.Sequences[old]; ok {
		return n
	}
	return old
}

// Coverage is the set of objects a data-loss hazard names: their rows or
// values may legitimately change.
type Coverage struct {
	Tables     map[schema.QName]bool
	Columns    map[ColumnRef]bool
	Sequences  map[schema.QName]bool
	Types      map[schema.QName]bool
	Schemas    map[string]bool
	Extensions map[string]bool
}

func newCoverage() Coverage {
	return Coverage{Tables: map[schema.QName]bool{}, Columns: map[ColumnRef]bool{}, Sequences: map[schema.QName]bool{},
		Types: map[schema.QName]bool{}, Schemas: map[string]bool{}, Extensions: map[string]bool{}}
}

// union adds o's objects to c.
func (c Coverage) union(o Coverage) Coverage {
	out := newCoverage()
	for _, src := range []Coverage{c, o} {
		for k := range src.Tables {
			out.Tables[k] = true
		}
		for k := range src.Columns {
			out.Columns[k] = true
		}
		for k := range src.Sequences {
			out.Sequences[k] = true
		}
		for k := range src.Types {
			out.Types[k] = true
		}
		for k := range src.Schemas {
			out.Schemas[k] = true
		}
		for k := range src.Extensions {
			out.Extensions[k] = true
		}
	}
	return out
}

// Describe lists the covered objects, sorted, for messages.
func (c Coverage) Describe() []string {
	var out []string
	for k := range c.Tables {
		out = append(out, "table "+k.String())
	}
	for k := range c.Columns {
		out = append(out, "column "+k.String())
	}
	for k := range c.Sequences {
		out = append(out, "sequence "+k.String())
	}
	for k := range c.Types {
		out = append(out, "type "+k.String())
	}
	for k := range c.Schemas {
		out = append(out, "schema "+k)
	}
	for k := range c.Extensions {
		out = append(out, "extension "+k)
	}
	sort.Strings(out)
	return out
}

// tracker follows names while a section is read: for each object renamed
// so far, its current name and the name it had when the section started.
type tracker struct {
	tables  map[schema.QName]schema.QName // current -> original
	columns map[ColumnRef]ColumnRef       // current (current table) -> original
	seqs    map[schema.QName]schema.QName
	copied  map[schema.QName]bool // original names
	// renamedDown and coveredDown are the columns (original names) a
	// statement without ONLY renamed, or dropped or retyped under a
	// data-loss hazard: PostgreSQL does the same to the column in every
	// partition and inheritance child that inherits it.
	renamedDown, coveredDown map[ColumnRef]bool
}

func (t *tracker) table(cur schema.QName) schema.QName {
	if o, ok := t.tables[cur]; ok {
		return o
	}
	return cur
}

func (t *tracker) column(tbl schema.QName, col string) ColumnRef {
	if o, ok := t.columns[ColumnRef{tbl, col}]; ok {
		return o
	}
	return ColumnRef{t.table(tbl), col}
}

func (t *tracker) seq(cur schema.QName) schema.QName {
	if o, ok := t.seqs[cur]; ok {
		return o
	}
	return cur
}

func (t *tracker) renameTable(from, to schema.QName) {
	t.tables[to] = t.table(from)
	delete(t.tables, from)
	for cur, orig := range t.columns {
		if cur.Table == from {
			delete(t.columns, cur)
			t.columns[ColumnRef{to, cur.Column}] = orig
		}
	}
}

func (t *tracker) renameColumn(tbl schema.QName, from, to string) {
	t.columns[ColumnRef{tbl, to}] = t.column(tbl, from)
	delete(t.columns, ColumnRef{tbl, from})
}

func (t *tracker) renameSeq(from, to schema.QName) {
	t.seqs[to] = t.seq(from)
	delete(t.seqs, from)
}

// Analyze reads a section's statements (parsed with pg_query) for renames
// of tables, columns and sequences and for the objects their data-loss
// hazards name. s is the schema the section starts from (nil: unknown);
// it tells which partitions and inheritance children a column renamed,
// dropped or retyped in their parent (without ONLY) changes with it. A
// statement that does not parse is an error.
func Analyze(stmts []autogen.Statement, s *schema.Schema) (*Effects, error) {
	tr := &tracker{tables: map[schema.QName]schema.QName{}, columns: map[ColumnRef]ColumnRef{}, seqs: map[schema.QName]schema.QName{},
		copied: map[schema.QName]bool{}, renamedDown: map[ColumnRef]bool{}, coveredDown: map[ColumnRef]bool{}}
	cov := newCoverage()
	eff := &Effects{}
	for _, st := range stmts {
		tree, err := pg_query.Parse(st.SQL)
		if err != nil {
			return nil, fmt.Errorf("rowgen: statement %q: %w", st.SQL, err)
		}
		loss := false
		for _, h := range st.Hazards {
			if h.Kind == autogen.HazardDataLoss {
				loss = true
			}
		}
		for _, raw := range tree.GetStmts() {
			n := raw.GetStmt()
			if loss && !cover(n, tr, cov) {
				eff.Unmapped = append(eff.Unmapped, st.SQL)
			}
			track(n, tr)
		}
	}
	eff.Covered = cov
	eff.Mapping = Mapping{Tables: map[schema.QName]schema.QName{}, Columns: map[ColumnRef]string{}, Sequences: map[schema.QName]schema.QName{},
		Trees: tr.copied}
	for cur, orig := range tr.tables {
		if cur != orig {
			eff.Mapping.Tables[orig] = cur
		}
	}
	for cur, orig := range tr.columns {
		if cur.Column != orig.Column {
			eff.Mapping.Columns[orig] = cur.Column
		}
	}
	for cur, orig := range tr.seqs {
		if cur != orig {
			eff.Mapping.Sequences[orig] = cur
		}
	}
	eff.followDescendants(s, tr)
	return eff, nil
}

// followDescendants carries the column renames, drops and retypes that
// recursed (written without ONLY) into the partitions and inheritance
// children of s holding the column, at every depth.
func (eff *Effects) followDescendants(s *schema.Schema, tr *tracker) {
	if s == nil || len(tr.renamedDown)+len(tr.coveredDown) == 0 {
		return
	}
	kids := map[schema.QName][]*schema.Table{}
	for i := range s.Tables {
		t := &s.Tables[i]
		if t.PartitionOf != nil {
			kids[*t.PartitionOf] = append(kids[*t.PartitionOf], t)
		}
		for _, p := range t.Inherits {
			kids[p] = append(kids[p], t)
		}
	}
	// holding lists the descendants of q that have column col; a
	// grandchild inherits it only through a child that has it.
	holding := func(q schema.QName, col string) []ColumnRef {
		var out []ColumnRef
		seen := map[schema.QName]bool{q: true}
		for queue := []schema.QName{q}; len(queue) > 0; queue = queue[1:] {
			for _, k := range kids[queue[0]] {
				if !seen[k.QName] && k.Column(col) != nil {
					seen[k.QName] = true
					out = append(out, ColumnRef{k.QName, col})
					queue = append(queue, k.QName)
				}
			}
		}
		return out
	}
	for ref := range tr.renamedDown {
		to, ok := eff.Mapping.Columns[ref]
		if !ok {
			continue // renamed back to its old name
		}
		for _, d := range holding(ref.Table, ref.Column) {
			eff.Mapping.Columns[d] = to
		}
	}
	for ref := range tr.coveredDown {
		for _, d := range holding(ref.Table, ref.Column) {
			eff.Covered.Columns[d] = true
		}
	}
}

func rangeVarName(rv *pg_query.RangeVar) schema.QName {
	s := rv.GetSchemaname()
	if s == "" {
		s = "public"
	}
	return schema.QName{Schema: s, Name: rv.GetRelname()}
}

// listName reads the name of a dropped object: a list of identifiers, a
// type name or a single identifier.
func listName(n *pg_query.Node) (schema.QName, bool) {
	switch {
	case n.GetList() != nil:
		return namesQName(n.GetList().GetItems())
	case n.GetTypeName() != nil:
		return namesQName(n.GetTypeName().GetNames())
	case n.GetString_() != nil:
		return namesQName([]*pg_query.Node{n})
	}
	return schema.QName{}, false
}

// namesQName reads ["schema", "name"] or ["name"] (in public).
func namesQName(items []*pg_query.Node) (schema.QName, bool) {
	var parts []string
	for _, it := range items {
		parts = append(parts, it.GetString_().GetSval())
	}
	switch len(parts) {
	case 1:
		return schema.QName{Schema: "public", Name: parts[0]}, true
	case 2:
		return schema.QName{Schema: parts[0], Name: parts[1]}, true
	}
	return schema.QName{}, false
}

// track follows renames, and copies into recreated tables.
func track(n *pg_query.Node, tr *tracker) {
	if ins := n.GetInsertStmt(); ins != nil {
		trackCopy(ins, tr)
		return
	}
	if rs := n.GetRenameStmt(); rs != nil {
		switch rs.GetRenameType() {
		case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_FOREIGN_TABLE:
			from := rangeVarName(rs.GetRelation())
			tr.renameTable(from, schema.QName{Schema: from.Schema, Name: rs.GetNewname()})
		case pg_query.ObjectType_OBJECT_SEQUENCE:
			from := rangeVarName(rs.GetRelation())
			tr.renameSeq(from, schema.QName{Schema: from.Schema, Name: rs.GetNewname()})
		case pg_query.ObjectType_OBJECT_COLUMN:
			if rs.GetRelationType() == pg_query.ObjectType_OBJECT_TABLE {
				tbl := rangeVarName(rs.GetRelation())
				if rs.GetRelation().GetInh() {
					tr.renamedDown[tr.column(tbl, rs.GetSubname())] = true
				}
				tr.renameColumn(tbl, rs.GetSubname(), rs.GetNewname())
			}
		}
		return
	}
	if as := n.GetAlterObjectSchemaStmt(); as != nil && as.GetRelation() != nil {
		from := rangeVarName(as.GetRelation())
		to := schema.QName{Schema: as.GetNewschema(), Name: from.Name}
		switch as.GetObjectType() {
		case pg_query.ObjectType_OBJECT_TABLE:
			tr.renameTable(from, to)
		case pg_query.ObjectType_OBJECT_SEQUENCE:
			tr.renameSeq(from, to)
		}
	}
}

// cover records the objects a data-loss statement names; false when it
// names none the harness knows how to find.
func cover(n *pg_query.Node, tr *tracker, cov Coverage) bool {
	if ds := n.GetDropStmt(); ds != nil {
		found := false
		for _, o := range ds.GetObjects() {
			switch ds.GetRemoveType() {
			case pg_query.ObjectType_OBJECT_TABLE:
				if q, ok := listName(o); ok {
					cov.Tables[tr.table(q)] = true
					found = true
				}
			case pg_query.ObjectType_OBJECT_SEQUENCE:
				if q, ok := listName(o); ok {
					cov.Sequences[tr.seq(q)] = true
					found = true
				}
			case pg_query.ObjectType_OBJECT_TYPE, pg_query.ObjectType_OBJECT_DOMAIN:
				if q, ok := listName(o); ok {
					cov.Types[q] = true
					found = true
				}
			case pg_query.ObjectType_OBJECT_SCHEMA:
				cov.Schemas[o.GetString_().GetSval()] = true
				found = true
			case pg_query.ObjectType_OBJECT_EXTENSION:
				cov.Extensions[o.GetString_().GetSval()] = true
				found = true
			}
		}
		return found
	}
	if at := n.GetAlterTableStmt(); at != nil {
		rel := rangeVarName(at.GetRelation())
		found := false
		for _, c := range at.GetCmds() {
			cmd := c.GetAlterTableCmd()
			switch {
			case at.GetObjtype() == pg_query.ObjectType_OBJECT_TYPE:
				cov.Types[rel] = true
				found = true
			case cmd.GetSubtype() == pg_query.AlterTableType_AT_DropColumn,
				cmd.GetSubtype() == pg_query.AlterTableType_AT_AlterColumnType:
				ref := tr.column(rel, cmd.GetName())
				cov.Columns[ref] = true
				if at.GetRelation().GetInh() {
					tr.coveredDown[ref] = true
				}
				found = true
			}
		}
		return found
	}
	if as := n.GetAlterSeqStmt(); as != nil {
		cov.Sequences[tr.seq(rangeVarName(as.GetSequence()))] = true
		return true
	}
	if ae := n.GetAlterEnumStmt(); ae != nil {
		if q, ok := namesQName(ae.GetTypeName()); ok {
			cov.Types[q] = true
			return true
		}
	}
	return false
}
