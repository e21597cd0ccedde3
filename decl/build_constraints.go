package decl

import (
	"fmt"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// deferrability is the suffix pg_get_constraintdef prints for it.
func deferrability(c *constraintCommon) string {
	s := ""
	if c.deferrable {
		s += " DEFERRABLE"
	}
	if c.initiallyDeferred {
		s += " INITIALLY DEFERRED"
	}
	return s
}

func (b *builder) constraintName(c *constraintCommon) string {
	return schema.TruncateIdentifier(c.name)
}

func (b *builder) checkConstraint(what string, t *schema.Table, k *CheckDecl) {
	expr, err := b.canonicalExpr(k.expr)
	if err != nil || expr == "" {
		b.errorf("%s: check %q: %s", what, k.expr, orEmpty(err))
		return
	}
	if k.initiallyDeferred || k.deferrable {
		b.errorf("%s: check %q: CHECK constraints cannot be deferrable", what, k.expr)
	}
	refs, err := b.exprColumns(expr)
	if err != nil {
		b.errorf("%s: check %q: %w", what, k.expr, err)
		return
	}
	var cols []string
	for _, r := range refs {
		if t.Column(r) == nil {
			b.errorf("%s: check %q: column %s is not declared", what, k.expr, r)
			return
		}
		cols = append(cols, r)
	}
	name := b.constraintName(&k.constraintCommon)
	if name == "" {
		single := ""
		if len(cols) == 1 {
			single = cols[0]
		}
		name = b.takeConstraint(t.Schema, t.Name, single, "check")
	}
	def := "CHECK (" + b.parenthesize(expr) + ")"
	if k.noInherit {
		def += " NO INHERIT"
	}
	if k.notValid {
		def += " NOT VALID"
	}
	t.Constraints = append(t.Constraints, schema.Constraint{
		Name: name, Type: schema.Check, Definition: def, Columns: cols,
		NotValid: k.notValid, Comment: k.comment,
	})
}

func (b *builder) primaryKey(what string, t *schema.Table, p *PrimaryKeyDecl) {
	cols, err := checkColumns(what+": primary key", t, p.columns)
	if err != nil {
		b.errorf("%w", err)
		return
	}
	incl, err := b.includeColumns(what+": primary key", t, p.include)
	if err != nil {
		b.errorf("%w", err)
		return
	}
	for _, c := range cols {
		t.Column(c).NotNull = true
	}
	name := b.constraintName(&p.constraintCommon)
	if name == "" {
		name = b.takeRel(t.Schema, t.Name, "", "pkey", true)
	}
	def := "PRIMARY KEY (" + quoteIdents(cols) + ")" + includeClause(incl) + deferrability(&p.constraintCommon)
	t.Constraints = append(t.Constraints, schema.Constraint{
		Name: name, Type: schema.PrimaryKey, Definition: def, Columns: cols,
		Deferrable: p.deferrable, InitiallyDeferred: p.initiallyDeferred, Comment: p.comment,
	})
}

func (b *builder) uniqueConstraint(what string, t *schema.Table, u *UniqueDecl) {
	cols, err := checkColumns(what+": unique", t, u.columns)
	if err != nil {
		b.errorf("%w", err)
		return
	}
	incl, err := b.includeColumns(what+": unique", t, u.include)
	if err != nil {
		b.errorf("%w", err)
		return
	}
	name := b.constraintName(&u.constraintCommon)
	if name == "" {
		// INCLUDE columns take part in the name, as in ChooseIndexName.
		name = b.takeRel(t.Schema, t.Name, schema.NameAddition(schema.IndexColumnNames(append(cols, incl...))), "key", true)
	}
	def := "UNIQUE "
	if u.nullsNotDistinct {
		def += "NULLS NOT DISTINCT "
	}
	def += "(" + quoteIdents(cols) + ")" + includeClause(incl) + deferrability(&u.constraintCommon)
	t.Constraints = append(t.Constraints, schema.Constraint{
		Name: name, Type: schema.Unique, Definition: def, Columns: cols,
		Deferrable: u.deferrable, InitiallyDeferred: u.initiallyDeferred,
		Comment: u.comment,
	})
}

func (b *builder) excludeConstraint(what string, t *schema.Table, e *ExcludeDecl) {
	if len(e.elements) == 0 {
		b.errorf("%s: exclusion constraint without elements (add With(column, operator))", what)
		return
	}
	method := strings.ToLower(strings.TrimSpace(e.method))
	if method == "" {
		method = "btree"
	}
	var elems, figured, cols []string
	for _, el := range e.elements {
		key, err := b.indexKey(t.Columns, el.key)
		if err != nil {
			b.errorf("%s: exclusion element %q: %w", what, el.key, err)
			return
		}
		op := strings.TrimSpace(el.operator)
		if op == "" {
			b.errorf("%s: exclusion element %q: operator is empty", what, el.key)
			return
		}
		elems = append(elems, key.text+" WITH "+op)
		figured = append(figured, key.figured)
		if key.column != "" {
			cols = append(cols, key.column)
		}
	}
	incl, err := b.includeColumns(what+": exclusion constraint", t, e.include)
	if err != nil {
		b.errorf("%w", err)
		return
	}
	name := b.constraintName(&e.constraintCommon)
	if name == "" {
		name = b.takeRel(t.Schema, t.Name, schema.NameAddition(schema.IndexColumnNames(append(figured, incl...))), "excl", true)
	}
	def := "EXCLUDE USING " + method + " (" + strings.Join(elems, ", ") + ")" + includeClause(incl)
	if e.where != "" {
		pred, err := b.canonicalExpr(e.where)
		if err != nil {
			b.errorf("%s: exclusion constraint WHERE: %w", what, err)
			return
		}
		def += " WHERE (" + b.parenthesize(pred) + ")"
	}
	def += deferrability(&e.constraintCommon)
	t.Constraints = append(t.Constraints, schema.Constraint{
		Name: name, Type: schema.Exclusion, Definition: def, Columns: cols,
		Deferrable: e.deferrable, InitiallyDeferred: e.initiallyDeferred, Comment: e.comment,
	})
}

// foreignKey names a foreign key and records it; the reference is resolved
// by resolveFKs once every table is known.
func (b *builder) foreignKey(what string, ts *tableState, f *ForeignKeyDecl) {
	t := ts.t
	cols, err := checkColumns(what+": foreign key", t, f.columns)
	if err != nil {
		b.errorf("%w", err)
		return
	}
	if f.refTable == "" {
		b.errorf("%s: foreign key (%s) without References", what, strings.Join(cols, ", "))
		return
	}
	name := b.constraintName(&f.constraintCommon)
	if name == "" {
		name = b.takeConstraint(t.Schema, t.Name, schema.NameAddition(cols), "fkey")
	}
	t.Constraints = append(t.Constraints, schema.Constraint{
		Name: name, Type: schema.ForeignKey, Columns: cols,
		Deferrable: f.deferrable, InitiallyDeferred: f.initiallyDeferred, NotValid: f.notValid,
		Comment: f.comment,
	})
	ts.fks = append(ts.fks, pendingFK{d: f, name: name})
}

// resolveFKs fills in the referenced table and columns and the
// definition of each foreign key of ts.
func (b *builder) resolveFKs(ts *tableState) {
	what := "table " + ts.t.QName.String()
	for _, p := range ts.fks {
		var c *schema.Constraint
		for i := range ts.t.Constraints {
			if ts.t.Constraints[i].Name == p.name {
				c = &ts.t.Constraints[i]
			}
		}
		f := p.d
		ref := qualify(f.refTable, ts.t.Schema)
		rt := b.tables[ref]
		if rt == nil {
			b.errorf("%s: foreign key %s: referenced table %s is not declared", what, p.name, ref)
			continue
		}
		refCols := f.refColumns
		if len(refCols) == 0 {
			refCols = primaryKeyColumns(rt.t)
			if refCols == nil {
				b.errorf("%s: foreign key %s: %s has no primary key; name the referenced columns", what, p.name, ref)
				continue
			}
		}
		refCols, err := checkColumns(fmt.Sprintf("%s: foreign key %s: referenced table %s", what, p.name, ref), rt.t, refCols)
		if err != nil {
			b.errorf("%w", err)
			continue
		}
		if len(refCols) != len(c.Columns) {
			b.errorf("%s: foreign key %s: %d columns reference %d columns", what, p.name, len(c.Columns), len(refCols))
			continue
		}
		def := "FOREIGN KEY (" + quoteIdents(c.Columns) + ") REFERENCES " + ref.Qualified() + "(" + quoteIdents(refCols) + ")"
		if f.matchFull {
			def += " MATCH FULL"
		}
		for _, a := range []struct{ clause, action string }{{"ON UPDATE", f.onUpdate}, {"ON DELETE", f.onDelete}} {
			act, err := fkAction(a.action)
			if err != nil {
				b.errorf("%s: foreign key %s: %s: %w", what, p.name, a.clause, err)
			}
			if act != "" {
				def += " " + a.clause + " " + act
			}
		}
		def += deferrability(&f.constraintCommon)
		if f.notValid {
			def += " NOT VALID"
		}
		c.Definition = def
		c.RefTable = &ref
		c.RefColumns = refCols
	}
}

// fkAction canonicalizes a foreign key action; NO ACTION, the default, is
// printed as nothing.
func fkAction(a string) (string, error) {
	a = strings.Join(strings.Fields(strings.ToUpper(a)), " ")
	switch a {
	case "", "NO ACTION":
		return "", nil
	case Cascade, SetNull, SetDefault, Restrict:
		return a, nil
	}
	return "", fmt.Errorf("unknown action %q (want CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION)", a)
}

func primaryKeyColumns(t *schema.Table) []string {
	for _, c := range t.Constraints {
		if c.Type == schema.PrimaryKey {
			return c.Columns
		}
	}
	return nil
}

func (b *builder) includeColumns(what string, t *schema.Table, cols []string) ([]string, error) {
	if len(cols) == 0 {
		return nil, nil
	}
	return checkColumns(what+": INCLUDE", t, cols)
}

func includeClause(cols []string) string {
	if len(cols) == 0 {
		return ""
	}
	return " INCLUDE (" + quoteIdents(cols) + ")"
}

// checkUnique reports constraint and index names used twice in a table
// (implicit names never collide; explicit ones may).
func (b *builder) checkUnique(what string, t *schema.Table) {
	seen := map[string]bool{}
	for _, c := range t.Constraints {
		if seen[c.Name] {
			b.errorf("%s: constraint name %s used twice", what, c.Name)
		}
		seen[c.Name] = true
	}
	for _, ix := range t.Indexes {
		if seen[ix.Name] {
			b.errorf("%s: index name %s used twice", what, ix.Name)
		}
		seen[ix.Name] = true
	}
}
