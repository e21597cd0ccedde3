package autogen

import (
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// Index partitions. An index of a partitioned table is a tree: each
// partition has an index attached to it (pg_inherits on indexes), named by
// the model's Index.Parent or, for a primary key, unique or exclusion
// constraint, Constraint.IndexParent. PostgreSQL makes those partition
// indexes itself when the parent's index is created (CREATE INDEX ... ON
// the partitioned table, ADD PRIMARY KEY), when a partition is created or
// attached (adopting a matching index the partition already has), and
// drops them with the parent's index. An index created ON ONLY the parent
// has none until ALTER INDEX ... ATTACH PARTITION attaches them one by
// one, and is invalid until every partition has one.
//
// The plan reproduces the target's tree exactly: where PostgreSQL's own
// cascade gives every partition the index the target names, the parent's
// statement alone does it; otherwise the parent's index is created ON ONLY
// and each partition's index is created and attached explicitly. An
// attached partition index cannot be detached, so a partition that must
// lose its attachment forces the parent's index to be created again.

// AttachIndex is ALTER INDEX parent ATTACH PARTITION child.
type AttachIndex struct {
	// Parent and Child are index names, each in its table's schema.
	Parent, Child schema.QName
}

// Describe implements Change.
func (c *AttachIndex) Describe() string {
	return "attach index " + c.Child.String() + " to " + c.Parent.String()
}

func (c *AttachIndex) statements() []Statement {
	return one("ALTER INDEX " + qname(c.Parent) + " ATTACH PARTITION " + qname(c.Child))
}

// keyObj is an index-like object of a table: a plain index, or a primary
// key, unique or exclusion constraint (which owns an index of the same
// name).
type keyObj struct {
	index *schema.Index
	con   *schema.Constraint
}

func (k keyObj) name() string {
	if k.con != nil {
		return k.con.Name
	}
	return k.index.Name
}

// parent is the index of the parent table k's index is attached to.
func (k keyObj) parent() string {
	if k.con != nil {
		return k.con.IndexParent
	}
	return k.index.Parent
}

// isKeyConstraint reports whether a constraint owns an index.
func isKeyConstraint(c *schema.Constraint) bool {
	return c.Type == schema.PrimaryKey || c.Type == schema.Unique || c.Type == schema.Exclusion
}

// keyObjs lists t's indexes and index-owning constraints.
func keyObjs(t *schema.Table) []keyObj {
	var out []keyObj
	for i := range t.Constraints {
		if isKeyConstraint(&t.Constraints[i]) {
			out = append(out, keyObj{con: &t.Constraints[i]})
		}
	}
	for i := range t.Indexes {
		out = append(out, keyObj{index: &t.Indexes[i]})
	}
	return out
}

// findKey returns t's index-like object named name.
func findKey(t *schema.Table, name string) *keyObj {
	return firstKey(t, func(k keyObj) bool { return k.name() == name })
}

// childKey returns t's index-like object attached to the parent table's
// index named parent.
func childKey(t *schema.Table, parent string) *keyObj {
	return firstKey(t, func(k keyObj) bool { return k.parent() == parent })
}

func firstKey(t *schema.Table, match func(keyObj) bool) *keyObj {
	if t == nil {
		return nil
	}
	for _, k := range keyObjs(t) {
		if match(k) {
			return &k
		}
	}
	return nil
}

// indexShape is what makes an index a possible partition of another (what
// PostgreSQL's CompareIndexInfo checks, as far as the model tells): the
// index definition without its name and table. A unique or primary key
// constraint's index is spelled as the plain unique index it is.
func (k keyObj) indexShape() string {
	if k.index != nil {
		return indexBody(*k.index)
	}
	def := constraintBody(k.con.Definition)
	for _, p := range []string{"PRIMARY KEY ", "UNIQUE "} {
		if rest, ok := strings.CutPrefix(def, p); ok && strings.HasPrefix(rest, "(") {
			return "UNIQUE INDEX USING btree " + rest
		}
	}
	return def
}

// fits reports whether child can be attached to parent: an index of the
// same shape, which must own a constraint of the same kind when the
// parent's does.
func (parent keyObj) fits(child keyObj) bool {
	if parent.con != nil {
		return child.con != nil && child.con.Type == parent.con.Type &&
			constraintBody(child.con.Definition) == constraintBody(parent.con.Definition)
	}
	return parent.indexShape() == child.indexShape()
}

// sameKey reports whether two objects of the same name are the same index
// (same kind and definition), so one can stand for the other.
func sameKey(a, b keyObj) bool {
	if (a.con == nil) != (b.con == nil) {
		return false
	}
	if a.con != nil {
		return a.con.Type == b.con.Type && constraintBody(a.con.Definition) == constraintBody(b.con.Definition)
	}
	return indexBody(*a.index) == indexBody(*b.index)
}

// childName is the name PostgreSQL gives a partition's index it creates
// for the parent's index (ChooseIndexName): table_columns_idx for a plain
// index, table_pkey, table_columns_key, table_columns_excl for a
// constraint's. want is the name the target gives it, which is not taken
// by itself.
func (d *differ) childName(t *schema.Table, parent keyObj, want string) string {
	taken := d.targetNames(t.Schema)
	isTaken := func(n string) bool { return n != want && taken[n] }
	if parent.con != nil && parent.con.Type == schema.PrimaryKey {
		return schema.ChooseName(t.Name, "", "pkey", isTaken)
	}
	var figured []string
	label := "idx"
	if parent.con != nil {
		label = "key"
		if parent.con.Type == schema.Exclusion {
			label = "excl"
		}
		figured = append(figured, parent.con.Columns...)
		figured = append(figured, includeColumns(parent.con.Definition)...)
	} else {
		for _, key := range parent.index.Keys {
			figured = append(figured, keyColumnName(key))
		}
		for _, inc := range parent.index.Include {
			figured = append(figured, keyColumnName(inc))
		}
	}
	return schema.ChooseName(t.Name, schema.NameAddition(schema.IndexColumnNames(figured)), label, isTaken)
}

// includeColumns returns the INCLUDE columns of a constraint definition.
func includeColumns(def string) []string {
	_, rest, ok := strings.Cut(def, " INCLUDE (")
	if !ok {
		return nil
	}
	rest, _, _ = strings.Cut(rest, ")")
	var out []string
	for _, c := range strings.Split(rest, ",") {
		out = append(out, keyColumnName(c))
	}
	return out
}

// targetNames returns the relation and constraint names of a schema of the
// target, which PostgreSQL's implicit names avoid.
func (d *differ) targetNames(sch string) map[string]bool {
	if m := d.names[sch]; m != nil {
		return m
	}
	m := schemaNames(d.to, sch)
	d.names[sch] = m
	return m
}

// keyOrigin says how a partitioned table's index comes to exist in the
// plan, which decides how its partitions get theirs.
type keyOrigin int

const (
	// originKept: the index exists on both sides and stays.
	originKept keyOrigin = iota
	// originCascade: the parent's statement (CREATE INDEX, ADD
	// CONSTRAINT, CREATE TABLE with the constraint) makes the partitions'
	// indexes too.
	originCascade
	// originExplicit: the index is created ON ONLY its table, and its
	// partitions' indexes are created and attached one by one.
	originExplicit
	// originAuto: the index is a partition's, made by PostgreSQL when its
	// table is created as a partition or attached, or by the cascade of
	// its parent's.
	originAuto
)

// keyPlan is what the plan does to one index-like object of a partitioned
// table.
type keyPlan struct {
	origin keyOrigin
	// recreate: the object exists on both sides unchanged but must be
	// dropped and created again, because a partition must lose its
	// attached index (which only dropping the parent's index does).
	recreate bool
}

// keyRef names an index-like object of a table.
type keyRef struct {
	table schema.QName
	name  string
}

// planKeys decides, for every index-like object of a partitioned table of
// the target, how it and its partitions' indexes come to exist. It runs
// before the drops are decided, as a recreated key is one of them.
// Tables are visited parents first, so a partition's index knows how its
// parent's index is made.
func (d *differ) planKeys() {
	var all []schema.QName
	for _, t := range d.to.Tables {
		all = append(all, t.QName)
	}
	for _, q := range topoSort(all, func(q schema.QName) []schema.QName { return d.tableDeps(d.toTables[q], false) }) {
		p := d.toTables[q]
		if p.PartitionKey == "" {
			continue
		}
		for _, a := range keyObjs(p) {
			d.planKey(p, a)
		}
	}
}

func (d *differ) planKey(p *schema.Table, a keyObj) {
	ref := keyRef{p.QName, a.name()}
	kp := &keyPlan{origin: d.baseOrigin(p, a)}
	d.keyPlans[ref] = kp
	if kp.origin == originKept && a.parent() == "" && d.mustRecreate(p, a) {
		kp.recreate = true
		kp.origin = originCascade
	}
	if kp.origin == originCascade && !d.cascadeGives(p, a) {
		kp.origin = originExplicit
	}
	if kp.origin == originCascade && a.index != nil && d.opts.ConcurrentIndexes && !d.tableNew[p.QName] && a.parent() == "" {
		// Each partition's index can then be built CONCURRENTLY.
		kp.origin = originExplicit
	}
}

// baseOrigin is how index-like object a of partitioned table p comes to
// exist before looking at its partitions.
func (d *differ) baseOrigin(p *schema.Table, a keyObj) keyOrigin {
	if par := a.parent(); par != "" && p.PartitionOf != nil {
		switch d.keyPlans[keyRef{*p.PartitionOf, par}].originOf() {
		case originExplicit:
			if d.existingLocal(p, a) {
				return originKept
			}
			return originExplicit
		case originCascade, originAuto:
			return originAuto
		}
		// The parent's index stays: p's own comes with p when p is
		// created or attached by this plan, else it is p's own business.
		if d.tableNew[p.QName] || d.attachedNow(p) {
			return originAuto
		}
		if childKey(d.fromTables[p.QName], par) == nil {
			if d.existingLocal(p, a) {
				return originKept
			}
			return originExplicit
		}
		return originKept
	}
	from := findKey(d.fromTables[p.QName], a.name())
	if d.tableNew[p.QName] || from == nil || !sameKey(*from, a) {
		return originCascade
	}
	if a.con != nil && d.constraintChanged(d.fromTables[p.QName], p, from.con) {
		return originCascade
	}
	if a.index != nil && d.indexChanged(d.fromTables[p.QName], p, from.index) {
		return originCascade
	}
	return originKept
}

func (kp *keyPlan) originOf() keyOrigin {
	if kp == nil {
		return originKept
	}
	return kp.origin
}

// existingLocal reports whether partition t already has, unattached, the
// object a the target attaches (same name and definition), so attaching
// it is enough.
func (d *differ) existingLocal(t *schema.Table, a keyObj) bool {
	if d.tableNew[t.QName] {
		return false
	}
	from := d.fromView(d.fromTables[t.QName], t)
	k := findKey(from, a.name())
	return k != nil && k.parent() == "" && sameKey(*k, a)
}

// attachedNow reports whether table t becomes a partition of its target
// parent in this plan (attached, or re-attached with another bound).
func (d *differ) attachedNow(t *schema.Table) bool {
	from := d.fromTables[t.QName]
	if t.PartitionOf == nil || from == nil || d.tableNew[t.QName] {
		return false
	}
	return !stillLinked(from, t, *t.PartitionOf)
}

// mustRecreate reports whether kept object a of p must be created again:
// somewhere below it a partition that stays attached loses its index, or
// a partition created or attached by the plan (which would get one) must
// have none.
func (d *differ) mustRecreate(p *schema.Table, a keyObj) bool {
	for _, t := range d.partitionsOf(p.QName) {
		c := childKey(t, a.name())
		if d.tableNew[t.QName] || d.attachedNow(t) {
			if c == nil {
				return true
			}
			continue
		}
		fc := childKey(d.fromTables[t.QName], a.name())
		if c == nil {
			if fc != nil {
				return true
			}
			continue
		}
		if fc != nil && t.PartitionKey != "" && d.mustRecreate(t, *c) {
			return true
		}
	}
	return false
}

// cascadeGives reports whether the statement creating a on p, cascading
// to the partitions, gives each of them the index the target lists, under
// the same name: the partition's own matching index it adopts, or a new
// one named as PostgreSQL names it.
func (d *differ) cascadeGives(p *schema.Table, a keyObj) bool {
	for _, t := range d.partitionsOf(p.QName) {
		c := childKey(t, a.name())
		if c == nil {
			return false
		}
		name, adopted, ok := d.cascadeName(t, a, c.name())
		if !ok || name != c.name() {
			return false
		}
		if t.PartitionKey != "" && (adopted || !d.cascadeGives(t, *c)) {
			return false
		}
	}
	return true
}

// cascadeName is the name of the index partition t gets when a's creation
// (or t's creation or attachment under a) reaches it: the one unattached
// index of t that fits a, or a new one. ok is false when several would
// fit (PostgreSQL takes the oldest, which the model cannot tell).
func (d *differ) cascadeName(t *schema.Table, a keyObj, want string) (name string, adopted, ok bool) {
	if !d.tableNew[t.QName] {
		from := d.fromView(d.fromTables[t.QName], t)
		var found []string
		for _, k := range keyObjs(from) {
			if k.parent() == "" && a.fits(k) && d.keepsLocal(t, k) {
				found = append(found, k.name())
			}
		}
		switch len(found) {
		case 1:
			return found[0], true, true
		case 0:
		default:
			return "", false, false
		}
	}
	return d.childName(t, a, want), false, true
}

// keepsLocal reports whether t's current unattached object k survives the
// plan's own drops: the target still has it under its name, unattached or
// attached, with the same definition.
func (d *differ) keepsLocal(t *schema.Table, k keyObj) bool {
	nk := findKey(t, k.name())
	if nk == nil || !sameKey(k, *nk) {
		return false
	}
	from := d.fromTables[t.QName]
	if k.con != nil {
		return !d.constraintChanged(from, t, k.con)
	}
	return !d.indexChanged(from, t, k.index)
}

// partitionsOf lists the target's partitions of table q.
func (d *differ) partitionsOf(q schema.QName) []*schema.Table {
	var out []*schema.Table
	for i := range d.to.Tables {
		t := &d.to.Tables[i]
		if t.PartitionOf != nil && *t.PartitionOf == q {
			out = append(out, t)
		}
	}
	return out
}

// keyOnly reports whether index-like object name of table q is created
// ON ONLY the table (ALTER TABLE ONLY for a constraint).
func (d *differ) keyOnly(q schema.QName, name string) bool {
	return d.keyPlans[keyRef{q, name}].originOf() == originExplicit
}

// keyRecreated reports whether a kept object is dropped and created again
// for the sake of its partitions.
func (d *differ) keyRecreated(q schema.QName, name string) bool {
	kp := d.keyPlans[keyRef{q, name}]
	return kp != nil && kp.recreate
}

// keyPartitions emits what gives the partitions of partitioned table p
// their attached indexes, once p's own changes are emitted: the explicit
// creations and attachments, and the renames of the indexes PostgreSQL
// names itself where the target names them otherwise.
func (d *differ) keyPartitions(p *schema.Table) {
	if p.PartitionKey == "" {
		return
	}
	for _, a := range keyObjs(p) {
		origin := d.keyPlans[keyRef{p.QName, a.name()}].originOf()
		for _, t := range d.partitionsOf(p.QName) {
			c := childKey(t, a.name())
			if c == nil {
				continue
			}
			d.keyPartition(p, a, origin, t, *c)
		}
	}
}

// keyPartition emits what partition t needs so that its object c is the
// partition of p's object a.
func (d *differ) keyPartition(p *schema.Table, a keyObj, origin keyOrigin, t *schema.Table, c keyObj) {
	ph := phCreateIndex
	if a.con != nil {
		ph = phAddConstraint
	}
	// A key constraint of the partition's own attached to a plain index
	// of the parent is added like any constraint (derived.keyCopy): only
	// the attachment is made here, once it exists.
	ownKey := c.con != nil && a.con == nil
	if ownKey {
		ph = phValidate
	}
	attach := &AttachIndex{
		Parent: schema.QName{Schema: p.Schema, Name: a.name()},
		Child:  schema.QName{Schema: t.Schema, Name: c.name()},
	}
	switch {
	case origin == originExplicit:
		if !d.existingLocal(t, c) && !ownKey {
			d.createKey(t, c, d.keyOnly(t.QName, c.name()))
		}
		d.add(ph, attach)
	case origin == originCascade || origin == originAuto || d.tableNew[t.QName] || d.attachedNow(t):
		if name, _, ok := d.cascadeName(t, a, c.name()); ok && name != c.name() {
			d.add(ph, &RenameIndex{Name: schema.QName{Schema: t.Schema, Name: name}, To: c.name()})
		}
	default: // both stay
		fc := childKey(d.fromTables[t.QName], a.name())
		switch {
		case fc == nil && (ownKey || d.existingLocal(t, c)):
			d.add(ph, attach)
		case fc == nil:
			d.createKey(t, c, d.keyOnly(t.QName, c.name()))
			d.add(ph, attach)
		case fc.name() != c.name():
			d.add(phAlterTable, &RenameIndex{Name: schema.QName{Schema: t.Schema, Name: fc.name()}, To: c.name()})
		}
	}
}

// createKey creates a partition's index or key constraint by itself, ON
// ONLY the partition when it is partitioned in turn.
func (d *differ) createKey(t *schema.Table, k keyObj, only bool) {
	if k.con != nil {
		kc := *k.con
		kc.IndexParent = ""
		d.add(phAddConstraint, &AddConstraint{Table: t.QName, Constraint: kc, NewTable: d.tableNew[t.QName], Only: only})
		return
	}
	ix := *k.index
	ix.Parent = ""
	conc := d.opts.ConcurrentIndexes && !only && !d.tableNew[t.QName]
	d.add(phCreateIndex, &CreateIndex{Table: t.QName, Index: ix, NewTable: d.tableNew[t.QName], Concurrently: conc, Partitioned: t.PartitionKey != "", Only: only})
}

// keyParentGone reports whether the current object of table from attached
// to its parent's index named parent goes away with that index: the
// parent's index is dropped or created again while from stays attached
// (a detached partition keeps its indexes as its own).
func (d *differ) keyParentGone(from, to *schema.Table, parent string) bool {
	if parent == "" || from.PartitionOf == nil || to == nil || to.PartitionOf == nil || !stillLinked(from, to, *from.PartitionOf) {
		return false
	}
	fp, tp := d.fromTables[*from.PartitionOf], d.toTables[*from.PartitionOf]
	k := findKey(fp, parent)
	switch {
	case k == nil:
		return false
	case k.con != nil:
		return d.constraintChanged(fp, tp, k.con)
	default:
		return d.indexChanged(fp, tp, k.index)
	}
}

// attachedKeys lists the key constraints of the current partitions of
// table p (at any depth) whose indexes are attached, directly or through
// a partition's index, to p's plain index named index: dropping the index
// needs CASCADE for them.
func (d *differ) attachedKeys(p *schema.Table, index string) []string {
	if p == nil || p.PartitionKey == "" {
		return nil
	}
	var out []string
	for i := range d.from.Tables {
		t := &d.from.Tables[i]
		if t.PartitionOf == nil || *t.PartitionOf != p.QName {
			continue
		}
		c := childKey(t, index)
		switch {
		case c == nil:
		case c.con != nil:
			out = append(out, t.QName.String()+"."+c.name())
		default:
			out = append(out, d.attachedKeys(t, c.name())...)
		}
	}
	return out
}
