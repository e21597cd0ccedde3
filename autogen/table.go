package autogen

import (
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/schema"
)

// CreateTable is CREATE TABLE with its columns and the constraints that can
// be declared inline (primary key, unique, validated checks, exclusions).
// Foreign keys, NOT VALID constraints, indexes, triggers and policies are
// separate changes.
type CreateTable struct {
	Table schema.Table
	// Inline are the constraints rendered inside the CREATE TABLE.
	Inline []schema.Constraint
}

// Describe implements Change.
func (c *CreateTable) Describe() string { return "create table " + c.Table.QName.String() }

func (c *CreateTable) statements() []Statement {
	t := c.Table
	var b strings.Builder
	b.WriteString("CREATE ")
	if t.Unlogged {
		b.WriteString("UNLOGGED ")
	}
	b.WriteString("TABLE ")
	b.WriteString(qname(t.QName))
	var elems []string
	if t.PartitionOf == nil {
		for _, col := range t.Columns {
			if !col.Inherited {
				elems = append(elems, columnDef(col))
			}
		}
	}
	for _, k := range c.Inline {
		elems = append(elems, "CONSTRAINT "+ident(k.Name)+" "+k.Definition)
	}
	if t.PartitionOf != nil {
		b.WriteString(" PARTITION OF ")
		b.WriteString(qname(*t.PartitionOf))
	}
	if len(elems) > 0 || t.PartitionOf == nil {
		b.WriteString(" (\n    ")
		b.WriteString(strings.Join(elems, ",\n    "))
		b.WriteString("\n)")
	}
	if t.PartitionOf != nil {
		b.WriteString(" ")
		b.WriteString(t.PartitionBound)
	}
	if len(t.Inherits) > 0 {
		parents := make([]string, len(t.Inherits))
		for i, p := range t.Inherits {
			parents[i] = qname(p)
		}
		b.WriteString(" INHERITS (" + strings.Join(parents, ", ") + ")")
	}
	if t.PartitionKey != "" {
		b.WriteString(" PARTITION BY " + t.PartitionKey)
	}
	if len(t.Options) > 0 {
		b.WriteString(" WITH (" + strings.Join(t.Options, ", ") + ")")
	}
	return one(b.String())
}

// DropTable is DROP TABLE.
type DropTable struct{ Name schema.QName }

// Describe implements Change.
func (c *DropTable) Describe() string { return "drop table " + c.Name.String() }

func (c *DropTable) statements() []Statement {
	return one("DROP TABLE "+qname(c.Name), hazard(HazardDataLoss, "dropping table "+c.Name.String()+" deletes its rows"))
}

// SetLogged is ALTER TABLE ... SET LOGGED / SET UNLOGGED.
type SetLogged struct {
	Table    schema.QName
	Unlogged bool
}

// Describe implements Change.
func (c *SetLogged) Describe() string {
	if c.Unlogged {
		return "make table " + c.Table.String() + " unlogged"
	}
	return "make table " + c.Table.String() + " logged"
}

func (c *SetLogged) statements() []Statement {
	kw := "LOGGED"
	if c.Unlogged {
		kw = "UNLOGGED"
	}
	return one("ALTER TABLE "+qname(c.Table)+" SET "+kw,
		hazard(HazardTableRewrite, "SET "+kw+" rewrites "+c.Table.String()+" under an ACCESS EXCLUSIVE lock"))
}

// SetTableOptions is ALTER TABLE ... SET (...) / RESET (...) for storage
// parameters.
type SetTableOptions struct {
	Table schema.QName
	Set   []string // "key=value"
	Reset []string // keys
	// View is set when the relation is a view (ALTER VIEW).
	Kind string // "TABLE", "VIEW", "MATERIALIZED VIEW"
}

// Describe implements Change.
func (c *SetTableOptions) Describe() string {
	return "change storage parameters of " + strings.ToLower(c.kind()) + " " + c.Table.String()
}

func (c *SetTableOptions) kind() string {
	if c.Kind == "" {
		return "TABLE"
	}
	return c.Kind
}

func (c *SetTableOptions) statements() []Statement {
	var out []Statement
	if len(c.Reset) > 0 {
		out = append(out, one("ALTER "+c.kind()+" "+qname(c.Table)+" RESET ("+strings.Join(c.Reset, ", ")+")")...)
	}
	if len(c.Set) > 0 {
		out = append(out, one("ALTER "+c.kind()+" "+qname(c.Table)+" SET ("+strings.Join(c.Set, ", ")+")")...)
	}
	return out
}

// SetRowSecurity is ALTER TABLE ... ENABLE/DISABLE/FORCE/NO FORCE ROW LEVEL
// SECURITY.
type SetRowSecurity struct {
	Table schema.QName
	// Force selects FORCE/NO FORCE; otherwise ENABLE/DISABLE.
	Force bool
	On    bool
}

// Describe implements Change.
func (c *SetRowSecurity) Describe() string {
	return strings.ToLower(c.action()) + " on " + c.Table.String()
}

func (c *SetRowSecurity) action() string {
	switch {
	case c.Force && c.On:
		return "FORCE ROW LEVEL SECURITY"
	case c.Force:
		return "NO FORCE ROW LEVEL SECURITY"
	case c.On:
		return "ENABLE ROW LEVEL SECURITY"
	default:
		return "DISABLE ROW LEVEL SECURITY"
	}
}

func (c *SetRowSecurity) statements() []Statement {
	return one("ALTER TABLE " + qname(c.Table) + " " + c.action())
}

// planTables records which tables are dropped or recreated and which
// columns change in ways that views and constraints depend on, before any
// change is emitted.
func (d *differ) planTables() {
	for i := range d.from.Tables {
		t := &d.from.Tables[i]
		nt := d.toTables[t.QName]
		if nt == nil || !d.partitionKeyEqual(t.PartitionKey, nt.PartitionKey) {
			d.tableGone[t.QName] = true
		}
	}
	// Dropping a partitioned table drops its partitions: they are gone too,
	// at any depth.
	for changed := true; changed; {
		changed = false
		for i := range d.from.Tables {
			t := &d.from.Tables[i]
			if !d.tableGone[t.QName] && t.PartitionOf != nil && d.tableGone[*t.PartitionOf] {
				d.tableGone[t.QName] = true
				changed = true
			}
		}
	}
	for i := range d.from.Tables {
		t := &d.from.Tables[i]
		nt := d.toTables[t.QName]
		if d.tableGone[t.QName] {
			continue
		}
		for _, col := range t.Columns {
			nc := nt.Column(col.Name)
			switch {
			case nc == nil:
				d.touchColumn(t.QName, col.Name)
			case d.generatedChanged(col, *nc):
				d.recreateColumn(t.QName, col.Name, "")
			case d.typeChanges(col, *nc):
				if c := d.convert(col, *nc); c.kind == convNone {
					d.recreateColumn(t.QName, col.Name, "PostgreSQL has no cast from "+c.src.full+" to "+c.dst.full)
					continue
				}
				d.touchColumn(t.QName, col.Name)
			}
		}
		d.recreateGeneratedReaders(t, nt)
	}
	for i := range d.to.Tables {
		q := d.to.Tables[i].QName
		if d.fromTables[q] == nil || d.tableGone[q] {
			d.tableNew[q] = true
		}
	}
	d.planCopies()
	d.planKeys()
	// Keys that disappear force the foreign keys that reference them to be
	// dropped first and added again.
	for i := range d.from.Tables {
		t := &d.from.Tables[i]
		d.keysGone(t, d.toTables[t.QName])
	}
	d.identityHandoffs()
}

// recreateGeneratedReaders marks for recreation the kept generated columns
// of t whose expression reads a column that changes type: PostgreSQL
// refuses ALTER COLUMN ... TYPE on a column a generated column uses.
func (d *differ) recreateGeneratedReaders(t, nt *schema.Table) {
	retyped := map[string]bool{}
	for _, col := range t.Columns {
		if nc := nt.Column(col.Name); nc != nil && d.typeChanges(col, *nc) {
			retyped[col.Name] = true
		}
	}
	if len(retyped) == 0 {
		return
	}
	for _, col := range t.Columns {
		nc := nt.Column(col.Name)
		if col.Generated == "" || nc == nil || nc.Generated == "" || d.columnRecreated[t.QName][col.Name] {
			continue
		}
		reads, err := sqlparse.ExprColumns(col.Generated)
		if err != nil || slices.ContainsFunc(reads, func(c string) bool { return retyped[c] }) {
			d.recreateColumn(t.QName, col.Name, "")
		}
	}
}

// recreateColumn records that column col of table q is dropped and added
// again; why is set when that loses the column's values (a type
// PostgreSQL cannot convert), empty for generated columns, which are
// computed again.
func (d *differ) recreateColumn(q schema.QName, col, why string) {
	d.touchColumn(q, col)
	m := d.columnRecreated[q]
	if m == nil {
		m = map[string]bool{}
		d.columnRecreated[q] = m
	}
	m[col] = true
	if why != "" {
		if d.recreateWhy[q] == nil {
			d.recreateWhy[q] = map[string]string{}
		}
		d.recreateWhy[q][col] = why
	}
}

// typeChanges reports whether a column's type must be converted: its type
// or collation changed, or its type is being recreated.
func (d *differ) typeChanges(from, to schema.Column) bool {
	if from.Type != to.Type || from.Collation != to.Collation {
		return true
	}
	return len(d.typeRecreated) > 0 && d.typeRecreated[baseTypeName(to.Type)]
}

// baseTypeName returns the qualified name of a column type spelled by
// format_type, without array brackets or modifiers; the zero QName for
// built-in (unqualified) types.
func baseTypeName(t string) schema.QName {
	t = strings.TrimSuffix(t, "[]")
	for strings.HasSuffix(t, "[]") {
		t = strings.TrimSuffix(t, "[]")
	}
	if i := strings.IndexByte(t, '('); i > 0 && !strings.HasSuffix(t[:i], `"`) {
		t = t[:i]
	}
	sch, name, ok := splitQualified(t)
	if !ok {
		return schema.QName{}
	}
	return schema.QName{Schema: sch, Name: name}
}

// splitQualified splits `schema.name` (either part possibly double-quoted).
func splitQualified(s string) (string, string, bool) {
	parts := []string{}
	var cur strings.Builder
	quoted := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' && quoted && i+1 < len(s) && s[i+1] == '"':
			cur.WriteByte('"')
			i++
		case c == '"':
			quoted = !quoted
		case c == '.' && !quoted:
			parts = append(parts, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	parts = append(parts, cur.String())
	if len(parts) != 2 {
		return "", "", false
	}
	return parts[0], parts[1], true
}

func (d *differ) tables() {
	// Drops: children and referencing tables before what they depend on.
	var gone []schema.QName
	for _, t := range d.from.Tables {
		if d.tableGone[t.QName] {
			gone = append(gone, t.QName)
		}
	}
	order := topoSort(gone, func(q schema.QName) []schema.QName { return d.tableDeps(d.fromTables[q], true) })
	pos := map[schema.QName]int{}
	for i, q := range order {
		pos[q] = i
	}
	for _, q := range order {
		if _, ok := d.copyMember[q]; ok {
			continue // copyTable drops its foreign keys
		}
		// A foreign-key cycle among dropped tables: drop the keys that
		// point the wrong way first. Keys referencing a table recreated
		// with its rows go before its keys do.
		for _, k := range d.fromTables[q].Constraints {
			if k.RefTable == nil || *k.RefTable == q || !d.tableGone[*k.RefTable] {
				continue
			}
			if _, copied := d.copyMember[*k.RefTable]; copied || pos[*k.RefTable] > pos[q] {
				d.add(phDropFK, &DropConstraint{Table: q, Name: k.Name, Type: k.Type})
			}
		}
	}
	for _, q := range reversed(order) {
		if _, ok := d.copies[q]; ok {
			d.copyTable(q)
		}
		if _, ok := d.copyMember[q]; !ok {
			d.add(phDropTable, &DropTable{Name: q})
		}
	}
	// Creations: parents before partitions and inheriting children.
	var all []schema.QName
	for _, t := range d.to.Tables {
		all = append(all, t.QName)
	}
	for _, q := range topoSort(all, func(q schema.QName) []schema.QName { return d.tableDeps(d.toTables[q], false) }) {
		t := d.toTables[q]
		if d.tableNew[q] {
			d.createTable(t)
		} else {
			d.alterTable(d.fromTables[q], t)
		}
		d.keyPartitions(t)
	}
}

// tableDeps lists the tables t depends on: its partition parent and
// inheritance parents, and (for drops) the tables its foreign keys
// reference.
func (d *differ) tableDeps(t *schema.Table, withFKs bool) []schema.QName {
	var out []schema.QName
	if t.PartitionOf != nil {
		out = append(out, *t.PartitionOf)
	}
	out = append(out, t.Inherits...)
	if withFKs {
		for _, k := range t.Constraints {
			if k.RefTable != nil && *k.RefTable != t.QName {
				out = append(out, *k.RefTable)
				// Its copies reference every partition of the table.
				for _, p := range d.descendants(*k.RefTable) {
					out = append(out, p.QName)
				}
			}
		}
	}
	return out
}

func (d *differ) createTable(t *schema.Table) {
	f := d.derivedIn(t)
	cons := f.constraints(t.Constraints)
	var inline, later, fks []schema.Constraint
	for _, k := range cons {
		switch {
		case k.Type == schema.ForeignKey:
			fks = append(fks, k)
		case k.NotValid || strings.HasSuffix(k.Definition, " NOT VALID") || d.keyOnly(t.QName, k.Name):
			later = append(later, k)
		default:
			inline = append(inline, k)
		}
	}
	d.add(phCreateTable, &CreateTable{Table: *t, Inline: inline})
	// Inherited columns come from the parent; apply what differs.
	for _, col := range t.Columns {
		if !col.Inherited {
			continue
		}
		for _, p := range d.parents(t, d.toTables) {
			if pc := p.Column(col.Name); pc != nil {
				d.inheritedColumn(t.QName, *pc, col)
				break
			}
		}
	}
	for _, k := range later {
		d.add(phAddConstraint, &AddConstraint{Table: t.QName, Constraint: k, NewTable: true, Only: d.keyOnly(t.QName, k.Name)})
	}
	for _, k := range fks {
		d.add(phAddFK, &AddConstraint{Table: t.QName, Constraint: k, NewTable: true})
	}
	for _, ix := range f.indexes(t.Indexes) {
		d.add(phCreateIndex, &CreateIndex{Table: t.QName, Index: ix, NewTable: true, Partitioned: t.PartitionKey != "", Only: d.keyOnly(t.QName, ix.Name)})
	}
	for _, tr := range f.triggers(t.Triggers) {
		d.createTrigger(t.QName, tr)
	}
	if t.RLSEnabled {
		d.add(phRLS, &SetRowSecurity{Table: t.QName, On: true})
	}
	if t.RLSForced {
		d.add(phRLS, &SetRowSecurity{Table: t.QName, Force: true, On: true})
	}
	for _, p := range t.Policies {
		d.add(phCreatePolicy, &CreatePolicy{Table: t.QName, Policy: p})
		d.comment(func() string { return policyRef(t.QName, p.Name) }, "", p.Comment)
	}
	d.tableComments(nil, t, cons)
	d.grants(func() string { return "TABLE " + qname(t.QName) }, nil, t.Grants)
}

// tableComments emits comment changes of a table and everything on it;
// from is nil for a new table.
func (d *differ) tableComments(from, t *schema.Table, cons []schema.Constraint) {
	if from == nil {
		from = &schema.Table{}
	}
	d.comment(func() string { return "TABLE " + qname(t.QName) }, from.Comment, t.Comment)
	for _, col := range t.Columns {
		old := ""
		if oc := from.Column(col.Name); oc != nil && !d.columnRecreated[t.QName][col.Name] {
			old = oc.Comment
		}
		d.comment(func() string { return "COLUMN " + qname(t.QName) + "." + ident(col.Name) }, old, col.Comment)
		var oldGrants []schema.Grant
		if oc := from.Column(col.Name); oc != nil && !d.columnRecreated[t.QName][col.Name] {
			oldGrants = afterTableRevokes(oc.Grants, from.Grants, t.Grants)
		}
		d.columnGrants(func() string { return "TABLE " + qname(t.QName) }, col.Name, oldGrants, col.Grants)
	}
	for _, k := range cons {
		old := ""
		if ok := findConstraint(from.Constraints, k.Name); ok != nil && !d.constraintChanged(from, t, ok) {
			old = ok.Comment
		}
		d.comment(func() string { return "CONSTRAINT " + ident(k.Name) + " ON " + qname(t.QName) }, old, k.Comment)
	}
	for _, ix := range t.Indexes {
		old := ""
		if oi := findIndex(from.Indexes, ix.Name); oi != nil && !d.indexChanged(from, t, oi) {
			old = oi.Comment
		}
		d.comment(func() string { return "INDEX " + qname(schema.QName{Schema: t.Schema, Name: ix.Name}) }, old, ix.Comment)
	}
	for _, tr := range t.Triggers {
		old := ""
		if ot := findTrigger(from.Triggers, tr.Name); ot != nil && !d.triggerChanged(*ot, tr) {
			old = ot.Comment
		}
		d.comment(func() string { return "TRIGGER " + ident(tr.Name) + " ON " + qname(t.QName) }, old, tr.Comment)
	}
}

func (d *differ) alterTable(from, t *schema.Table) {
	q := t.QName
	if from.Unlogged != t.Unlogged {
		d.add(phAlterTable, &SetLogged{Table: q, Unlogged: t.Unlogged})
	}
	if set, reset := optionsDiff(from.Options, t.Options); len(set)+len(reset) > 0 {
		d.add(phAlterTable, &SetTableOptions{Table: q, Set: set, Reset: reset})
	}
	late := d.partitioning(from, t)
	d.alterColumns(from, t)
	d.add(phAlterTable, late...)
	d.alterConstraints(from, t)
	d.alterIndexes(from, t)
	d.alterTriggers(from, t)
	if from.RLSEnabled != t.RLSEnabled {
		d.add(phRLS, &SetRowSecurity{Table: q, On: t.RLSEnabled})
	}
	if from.RLSForced != t.RLSForced {
		d.add(phRLS, &SetRowSecurity{Table: q, Force: true, On: t.RLSForced})
	}
	d.alterPolicies(from, t)
	// Table privileges first: a table-level REVOKE also revokes the same
	// privilege on every column, so column grants come after it.
	d.grants(func() string { return "TABLE " + qname(q) }, from.Grants, t.Grants)
	d.tableComments(from, t, d.derivedIn(t).constraints(t.Constraints))
}

// optionsDiff compares sorted "key=value" lists.
func optionsDiff(from, to []string) (set, reset []string) {
	have := map[string]string{}
	for _, o := range from {
		k, v, _ := strings.Cut(o, "=")
		have[k] = v
	}
	want := map[string]bool{}
	for _, o := range to {
		k, v, _ := strings.Cut(o, "=")
		want[k] = true
		if old, ok := have[k]; !ok || old != v {
			set = append(set, o)
		}
	}
	for _, o := range from {
		k, _, _ := strings.Cut(o, "=")
		if !want[k] {
			reset = append(reset, k)
		}
	}
	slices.Sort(reset)
	return set, reset
}

// parents returns t's partition parent or inheritance parents found in
// tables (the from or to side).
func (d *differ) parents(t *schema.Table, tables map[schema.QName]*schema.Table) []*schema.Table {
	var out []*schema.Table
	if t.PartitionOf != nil {
		if p := tables[*t.PartitionOf]; p != nil {
			out = append(out, p)
		}
	}
	for _, q := range t.Inherits {
		if p := tables[q]; p != nil {
			out = append(out, p)
		}
	}
	return out
}

func findConstraint(cs []schema.Constraint, name string) *schema.Constraint {
	for i := range cs {
		if cs[i].Name == name {
			return &cs[i]
		}
	}
	return nil
}

func findIndex(ix []schema.Index, name string) *schema.Index {
	for i := range ix {
		if ix[i].Name == name {
			return &ix[i]
		}
	}
	return nil
}

func findTrigger(ts []schema.Trigger, name string) *schema.Trigger {
	for i := range ts {
		if ts[i].Name == name {
			return &ts[i]
		}
	}
	return nil
}
