package autogen

import (
	"slices"
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
}

// Describe implements Change.
func (c *CreateIndex) Describe() string {
	return "create index " + c.Index.Name + " on " + c.Table.String()
}

func (c *CreateIndex) statements() []Statement {
	def := indexSQL(c.Index.Definition, c.Concurrently)
	st := Statement{SQL: def, NonTransactional: c.Concurrently}
	if !c.NewTable && !c.Concurrently {
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

// DropIndex is DROP INDEX [CONCURRENTLY].
type DropIndex struct {
	Name         schema.QName // schema of the table, index name
	Concurrently bool
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
	if ni == nil {
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
	fromIdx := from.Indexes
	if _, di := d.detachedCopies(from, t); len(di) > 0 {
		fromIdx = append(slices.Clone(fromIdx), di...)
	}
	d.alterIndexList(from, t, d.derivedFrom(from, t).indexes(fromIdx), d.derivedIn(t).indexes(t.Indexes),
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
		d.add(ph, &DropIndex{Name: schema.QName{Schema: q.Schema, Name: ix.Name}, Concurrently: conc})
		if ni := findIndex(want, ix.Name); ni != nil {
			d.add(phCreateIndex, &CreateIndex{Table: q, Index: *ni, Concurrently: conc, Partitioned: partitioned})
		}
	}
	for _, ni := range want {
		if findIndex(have, ni.Name) == nil && !renamedTo[ni.Name] {
			d.add(phCreateIndex, &CreateIndex{Table: q, Index: ni, Concurrently: conc, Partitioned: partitioned})
		}
	}
}
