package autogen

import (
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// Keys and the foreign keys that depend on them. A foreign key depends on
// one unique index of the referenced table (schema.Constraint.RefIndex):
// it must be dropped and added again when that index goes, and only then.
// A key that keeps its definition under a new name is renamed, which
// PostgreSQL does without touching the foreign keys.

// renamedConstraints pairs each constraint of have that is missing from
// want by name with a constraint of want, missing from have, of the same
// type and definition: implicit names follow table and column renames,
// and a rename carries no data. It maps old names to new ones.
func (d *differ) renamedConstraints(q schema.QName, have, want []schema.Constraint) map[string]string {
	out := map[string]string{}
	taken := map[string]bool{}
	for i := range have {
		k := &have[i]
		if findConstraint(want, k.Name) != nil {
			continue
		}
		for j := range want {
			nk := &want[j]
			if taken[nk.Name] || findConstraint(have, nk.Name) != nil || nk.Type != k.Type {
				continue
			}
			if d.constraintEqual(k.Definition, nk.Definition) && !d.constraintForced(q, k) {
				out[k.Name] = nk.Name
				taken[nk.Name] = true
				break
			}
		}
	}
	return out
}

// renamedIndexes is renamedConstraints for indexes: same definition but
// for the name.
func (d *differ) renamedIndexes(q schema.QName, have, want []schema.Index) map[string]string {
	out := map[string]string{}
	taken := map[string]bool{}
	for _, ix := range have {
		if findIndex(want, ix.Name) != nil || d.indexForced(q, ix.Definition) {
			continue
		}
		for _, ni := range want {
			if taken[ni.Name] || findIndex(have, ni.Name) != nil || ix.Unique != ni.Unique {
				continue
			}
			if indexBody(ix) == indexBody(ni) || d.stmtEqual(anonymousIndex(ix), anonymousIndex(ni)) {
				out[ix.Name] = ni.Name
				taken[ni.Name] = true
				break
			}
		}
	}
	return out
}

// anonymousIndex is an index definition under a fixed name, so that two
// definitions compare by what they build.
func anonymousIndex(ix schema.Index) string {
	def := trimDef(ix.Definition)
	i := strings.Index(def, " ON ")
	if i < 0 {
		return def
	}
	kw := "CREATE INDEX"
	if ix.Unique {
		kw = "CREATE UNIQUE INDEX"
	}
	return kw + " x" + def[i:]
}

// keysGone records the keys (primary keys, unique constraints, unique
// indexes) of table t that the diff drops, whatever it then adds: the
// foreign keys checked against them must go first.
func (d *differ) keysGone(t, nt *schema.Table) {
	var renamedK, renamedI map[string]string
	if nt != nil && !d.tableGone[t.QName] {
		renamedK = d.renamedConstraints(t.QName, t.Constraints, nt.Constraints)
		renamedI = d.renamedIndexes(t.QName, t.Indexes, nt.Indexes)
	}
	for j := range t.Constraints {
		k := &t.Constraints[j]
		if k.Type != schema.PrimaryKey && k.Type != schema.Unique {
			continue
		}
		if d.tableGone[t.QName] || (renamedK[k.Name] == "" && d.constraintChanged(t, nt, k)) {
			d.keyGone[t.QName] = append(d.keyGone[t.QName], k)
		}
	}
	for j := range t.Indexes {
		ix := &t.Indexes[j]
		cols, ok := plainKeyColumns(ix)
		if !ok {
			continue // an expression or partial index cannot back a foreign key
		}
		if d.tableGone[t.QName] || (renamedI[ix.Name] == "" && d.indexChanged(t, nt, ix)) {
			d.keyGone[t.QName] = append(d.keyGone[t.QName], &schema.Constraint{Name: ix.Name, Type: schema.Unique, Columns: cols})
		}
	}
}

// plainKeyColumns returns the columns of a unique index on plain columns
// without a predicate: the only indexes a foreign key can reference.
func plainKeyColumns(ix *schema.Index) ([]string, bool) {
	if !ix.Unique || ix.Predicate != "" || len(ix.Keys) == 0 {
		return nil, false
	}
	cols := make([]string, 0, len(ix.Keys))
	for _, key := range ix.Keys {
		name := keyColumnName(key)
		rest := strings.TrimSpace(key[len(quotedLen(key, name)):])
		if name == "" || strings.HasPrefix(rest, "(") {
			return nil, false
		}
		cols = append(cols, name)
	}
	return cols, true
}

// quotedLen returns the prefix of key that spells name (quoted or not).
func quotedLen(key, name string) string {
	if strings.HasPrefix(key, `"`) {
		return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
	}
	return name
}

// foreignKeyForced reports whether foreign key k must be dropped and added
// again because the referenced table or the key it is checked against
// goes away.
func (d *differ) foreignKeyForced(k *schema.Constraint) bool {
	if k.RefTable == nil {
		return false
	}
	if d.tableGone[*k.RefTable] || d.refTreeShrinks(*k.RefTable) {
		return true
	}
	for _, key := range d.keyGone[*k.RefTable] {
		switch {
		case k.RefIndex != "":
			// The catalog says which index: nothing else matters.
			if key.Name == k.RefIndex {
				return true
			}
		case key.Columns == nil || sameSet(key.Columns, k.RefColumns):
			return true
		}
	}
	return false
}
