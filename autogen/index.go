package autogen

import (
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// CreateIndex runs an index definition (pg_get_indexdef), optionally with
// CONCURRENTLY.
type CreateIndex struct {
	Table schema.QName
	Index schema.Index
	// Concurrently renders CREATE INDEX CONCURRENTLY (not in a transaction).
	Concurrently bool
	// NewTable: the table is created by the same plan, so building the
	// index blocks nobody.
	NewTable bool
	// Partitioned: the table is partitioned; the index cascades to the
	// partitions and cannot be built concurrently.
	Partitioned bool
	// Only creates the index ON ONLY the partitioned table: invalid, and
	// without partition indexes until they are attached one by one.
	Only bool
}

// Describe implements Change.
func (c *CreateIndex) Describe() string {
	return "create index " + c.Index.Name + " on " + c.Table.String()
}

func (c *CreateIndex) statements() []Statement {
	def := indexSQL(c.Index.Definition, c.Concurrently)
	if c.Only {
		def = onlyIndexSQL(def, c.Index)
	}
	st := Statement{SQL: def, NonTransactional: c.Concurrently}
	if !c.NewTable && !c.Concurrently && !c.Only {
		st.Hazards = append(st.Hazards, hazard(HazardIndexBuild,
			"index "+c.Index.Name+" is built without CONCURRENTLY: writes to "+c.Table.String()+" block until it is done"))
	}
	return []Statement{st}
}

// indexSQL turns a catalog index definition into the statement to run: ON
// ONLY (how the catalog prints a partitioned table's index) becomes ON, so
// the partitions get their indexes too, and CONCURRENTLY is added when
// asked.
func indexSQL(def string, concurrently bool) string {
	def = trimDef(def)
	if i := strings.Index(def, " ON ONLY "); i >= 0 {
		def = def[:i] + " ON " + def[i+len(" ON ONLY "):]
	}
	if concurrently {
		for _, p := range []string{"CREATE UNIQUE INDEX ", "CREATE INDEX "} {
			if rest, ok := strings.CutPrefix(def, p); ok {
				return p + "CONCURRENTLY " + rest
			}
		}
	}
	return def
}

// onlyIndexSQL turns CREATE INDEX name ON table into CREATE INDEX name ON
// ONLY table.
func onlyIndexSQL(def string, ix schema.Index) string {
	kw := "CREATE INDEX "
	if ix.Unique {
		kw = "CREATE UNIQUE INDEX "
	}
	prefix := kw + ident(ix.Name) + " ON "
	if rest, ok := strings.CutPrefix(def, prefix); ok {
		return prefix + "ONLY " + rest
	}
	return def
}

// DropIndex is DROP INDEX [CONCURRENTLY].
type DropIndex struct {
	Name         schema.QName // schema of the table, index name
	Concurrently bool
	// Cascade drops the key constraints of partitions whose indexes are
	// attached to this partitioned index: neither can be dropped alone.
	// The plan drops what depends on those keys before, and adds back
	// the ones the target keeps.
	Cascade []string
}

// Describe implements Change.
func (c *DropIndex) Describe() string { return "drop index " + c.Name.String() }

func (c *DropIndex) statements() []Statement {
	s := "DROP INDEX "
	if c.Concurrently {
		s += "CONCURRENTLY "
	}
	st := Statement{SQL: s + qname(c.Name), NonTransactional: c.Concurrently}
	if !c.Concurrently {
		st.Hazards = append(st.Hazards, hazard(HazardAccessExclusive, "DROP INDEX without CONCURRENTLY locks its table"))
	}
	if len(c.Cascade) > 0 {
		st.SQL += " CASCADE"
		st.Hazards = append(st.Hazards, hazard(HazardAccessExclusive, "CASCADE also drops the constraints "+strings.Join(c.Cascade, ", ")+" whose indexes are attached to "+c.Name.String()))
	}
	return []Statement{st}
}

// RenameIndex is ALTER INDEX ... RENAME TO, used when an index keeps its
// definition under a new name.
type RenameIndex struct {
	Name schema.QName
	To   string
}

// Describe implements Change.
func (c *RenameIndex) Describe() string { return "rename index " + c.Name.String() + " to " + c.To }

func (c *RenameIndex) statements() []Statement {
	return one("ALTER INDEX " + qname(c.Name) + " RENAME TO " + ident(c.To))
}

// indexBody is an index definition without its name and table: what makes
// two indexes equivalent.
func indexBody(ix schema.Index) string {
	def := ix.Definition
	if i := strings.Index(def, " USING "); i >= 0 {
		prefix := "INDEX"
		if ix.Unique {
			prefix = "UNIQUE INDEX"
		}
		return prefix + def[i:]
	}
	return def
}

// indexChanged reports whether index ix of table from must be dropped.
func (d *differ) indexChanged(from, to *schema.Table, ix *schema.Index) bool {
	if to == nil || d.tableGone[from.QName] {
		return true
	}
	ni := findIndex(to.Indexes, ix.Name)
	if ni == nil || d.keyRecreated(from.QName, ix.Name) || d.keyParentGone(from, to, ix.Parent) {
		return true
	}
	if !d.stmtEqual(trimDef(ix.Definition), trimDef(ni.Definition)) {
		return true
	}
	return d.indexForced(from.QName, ix.Definition)
}

// indexForced reports whether an index that keeps its definition must
// still be dropped and built again: it uses a column that is recreated,
// calls a function that is recreated, or names a recreated type.
func (d *differ) indexForced(q schema.QName, def string) bool {
	return d.mentionsRecreatedColumn(q, nil, def) || d.callsRecreatedFunction(def) || d.mentionsRecreatedType(def)
}

func (d *differ) alterIndexes(from, t *schema.Table) {
	fv := d.fromView(from, t)
	want := d.derivedIn(t).indexes(t.Indexes)
	// An index of its own the table keeps while it gets attached to the
	// parent's index: not dropped (attach.go attaches it).
	for _, ix := range t.Indexes {
		if fi := findIndex(fv.Indexes, ix.Name); ix.Parent != "" && fi != nil && fi.Parent == "" && indexBody(*fi) == indexBody(ix) {
			want = append(want, ix)
		}
	}
	d.alterIndexList(from, t, d.derivedFrom(fv, t).indexes(fv.Indexes), want,
		t.PartitionKey != "", d.copyNames(from, t))
}

// alterIndexList diffs the indexes of a table or materialized view that
// exists on both sides.
func (d *differ) alterIndexList(from, t *schema.Table, have, want []schema.Index, partitioned bool, copies map[string]bool) {
	q := t.QName
	conc := d.opts.ConcurrentIndexes && !partitioned
	renamedFrom, renamedTo := map[string]bool{}, map[string]bool{}
	renamed := d.renamedIndexes(q, have, want)
	for _, ix := range have {
		if to, ok := renamed[ix.Name]; ok {
			renamedFrom[ix.Name], renamedTo[to] = true, true
			d.add(phAlterTable, &RenameIndex{Name: schema.QName{Schema: q.Schema, Name: ix.Name}, To: to})
		}
	}
	for i := range have {
		ix := &have[i]
		if renamedFrom[ix.Name] || !d.indexChanged(from, t, ix) {
			continue
		}
		ph := phDropIndex
		if copies[ix.Name] {
			ph = phAlterTable // exists once the table is detached
		}
		d.add(ph, &DropIndex{Name: schema.QName{Schema: q.Schema, Name: ix.Name}, Concurrently: conc, Cascade: d.attachedKeys(from, ix.Name)})
		if ni := findIndex(want, ix.Name); ni != nil {
			d.add(phCreateIndex, &CreateIndex{Table: q, Index: *ni, Concurrently: conc, Partitioned: partitioned, Only: d.keyOnly(q, ni.Name)})
		}
	}
	for _, ni := range want {
		if findIndex(have, ni.Name) == nil && !renamedTo[ni.Name] {
			d.add(phCreateIndex, &CreateIndex{Table: q, Index: ni, Concurrently: conc, Partitioned: partitioned, Only: d.keyOnly(q, ni.Name)})
		}
	}
}
