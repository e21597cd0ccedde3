package decl

import (
	"fmt"
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// buildTables builds every table, parents before partitions and
// inheritance children (their columns come from the parent), then
// resolves foreign keys once every table is known.
func (b *builder) buildTables() {
	byName := map[schema.QName]*TableDecl{}
	for _, t := range b.c.tables {
		if err := validName("table", t.q.Name); err != nil {
			b.errorf("%w", err)
			continue
		}
		if byName[t.q] != nil {
			b.errorf("table %s declared twice", t.q)
			continue
		}
		byName[t.q] = t
	}
	state := map[schema.QName]int{} // 1 building, 2 done
	var visit func(t *TableDecl)
	visit = func(t *TableDecl) {
		switch state[t.q] {
		case 1:
			b.errorf("table %s: inheritance cycle", t.q)
			return
		case 2:
			return
		}
		state[t.q] = 1
		for _, p := range t.parents() {
			if pd := byName[qualify(p, t.q.Schema)]; pd != nil {
				visit(pd)
			}
		}
		b.buildTable(t)
		state[t.q] = 2
	}
	for _, t := range b.c.tables {
		if byName[t.q] == t {
			visit(t)
		}
	}
	for _, t := range b.c.tables {
		if ts := b.tables[t.q]; ts != nil && ts.d == t {
			b.resolveFKs(ts)
		}
	}
	b.checkOwnedBy()
}

func (t *TableDecl) parents() []string {
	if t.partitionOf != "" {
		return []string{t.partitionOf}
	}
	return t.inherits
}

// buildTable canonicalizes one table. Implicit names are chosen in the
// order CREATE TABLE chooses them: serial and identity sequences, checks,
// then the indexes of primary key, unique and exclusion constraints; then
// foreign keys (added after the table) and indexes.
func (b *builder) buildTable(d *TableDecl) {
	what := "table " + d.q.String()
	t := &schema.Table{
		QName:    d.q,
		Unlogged: d.unlogged, RLSEnabled: d.rls, RLSForced: d.forceRLS,
		Comment: d.comment,
	}
	ts := &tableState{d: d, t: t}
	b.tables[d.q] = ts
	for _, err := range d.errs {
		b.errorf("%s: %w", what, err)
	}
	b.tableOptions(what, d, t)
	b.inheritColumns(what, d, t)
	seqs := b.columns(what, d, t)

	// Column constraints in column order, then table constraints: the
	// order PostgreSQL processes them in.
	var cons []constraintDecl
	var idx []*IndexDecl
	for _, c := range d.columns {
		if c.pk {
			cons = append(cons, PrimaryKey(c.name))
		}
		if c.unique != nil {
			cons = append(cons, c.unique)
		}
		for _, k := range c.checks {
			cons = append(cons, k)
		}
		if c.fk != nil {
			cons = append(cons, c.fk)
		}
		if c.index != nil {
			idx = append(idx, c.index)
		}
	}
	cons = append(cons, d.constraints...)
	idx = append(idx, d.indexes...)

	pks := 0
	for _, k := range cons {
		if _, ok := k.(*PrimaryKeyDecl); ok {
			pks++
		}
	}
	if pks > 1 {
		b.errorf("%s: more than one primary key declared", what)
	}

	// Sequences of serial columns (identity sequences are hidden but take
	// their name all the same).
	for _, s := range seqs {
		name := b.takeRel(d.q.Schema, d.q.Name, s.name, "seq", false)
		if s.identity {
			continue
		}
		seq := schema.Sequence{
			QName: schema.QName{Schema: d.q.Schema, Name: name}, Type: s.opts.Type,
			Start: s.opts.Start, Increment: s.opts.Increment, Min: s.opts.Min, Max: s.opts.Max,
			Cache: s.opts.Cache, OwnedBy: d.q.Schema + "." + d.q.Name + "." + s.name,
		}
		b.s.Sequences = append(b.s.Sequences, seq)
		t.Column(s.name).Default = "nextval(" + quoteLiteral(seq.QName.Qualified()) + "::regclass)"
	}
	for _, k := range cons {
		if c, ok := k.(*CheckDecl); ok {
			b.checkConstraint(what, t, c)
		}
	}
	for _, k := range cons {
		switch c := k.(type) {
		case *PrimaryKeyDecl:
			b.primaryKey(what, t, c)
		case *UniqueDecl:
			b.uniqueConstraint(what, t, c)
		case *ExcludeDecl:
			b.excludeConstraint(what, t, c)
		}
	}
	for _, k := range cons {
		if f, ok := k.(*ForeignKeyDecl); ok {
			b.foreignKey(what, ts, f)
		}
	}
	for _, ix := range idx {
		if x, ok := b.index(what, d.q, t.Columns, ix); ok {
			t.Indexes = append(t.Indexes, x)
		}
	}
	b.checkUnique(what, t)
	for _, p := range d.policies {
		if pol, ok := b.policy(what, p); ok {
			t.Policies = append(t.Policies, pol)
		}
	}
	for _, tr := range d.triggers {
		tr.nsp = d.q.Schema
		b.attachTrigger(tr, &d.q)
	}
	var err error
	if t.Grants, err = expandGrants("table", nil, d.grants); err != nil {
		b.errorf("%s: %w", what, err)
	}
	b.tableOrder = append(b.tableOrder, t)
}

func (b *builder) tableOptions(what string, d *TableDecl, t *schema.Table) {
	for _, o := range d.options {
		opt, err := canonicalOption(o)
		if err != nil {
			b.errorf("%s: %w", what, err)
			continue
		}
		t.Options = append(t.Options, opt)
	}
	if d.partitionBy != "" {
		t.PartitionKey = canonicalPartitionKey(d.partitionBy)
	}
	if d.partitionOf != "" {
		q := qualify(d.partitionOf, d.q.Schema)
		t.PartitionOf = &q
		t.PartitionBound = strings.TrimSpace(d.partitionBound)
		if t.PartitionBound == "" {
			b.errorf("%s: PartitionOf(%s) needs a bound (FOR VALUES ... or DEFAULT)", what, q)
		}
		if len(d.inherits) > 0 {
			b.errorf("%s: a partition cannot also inherit", what)
		}
	}
	for _, p := range d.inherits {
		t.Inherits = append(t.Inherits, qualify(p, d.q.Schema))
	}
}

// inheritColumns copies the parents' columns first, as PostgreSQL lays
// out a child table: a partition has exactly its parent's columns, an
// inheritance child the parents' then its own.
func (b *builder) inheritColumns(what string, d *TableDecl, t *schema.Table) {
	for _, p := range d.parents() {
		q := qualify(p, d.q.Schema)
		ps := b.tables[q]
		if ps == nil {
			b.errorf("%s: parent table %s is not declared", what, q)
			continue
		}
		for _, pc := range ps.t.Columns {
			if t.Column(pc.Name) != nil {
				continue // merged from another parent
			}
			t.Columns = append(t.Columns, schema.Column{
				Name: pc.Name, Type: pc.Type, Collation: pc.Collation, NotNull: pc.NotNull,
				Default: pc.Default, Generated: pc.Generated, Inherited: true,
			})
		}
	}
	if d.partitionOf != "" && len(d.columns) > 0 {
		b.errorf("%s: a partition's columns are its parent's; declare none", what)
	}
}

// serialColumn is a column that needs an implicit sequence.
type serialColumn struct {
	name     string
	opts     schema.SequenceOptions
	identity bool
}

// columns canonicalizes the declared columns and returns those that get
// an implicit sequence.
func (b *builder) columns(what string, d *TableDecl, t *schema.Table) []serialColumn {
	var seqs []serialColumn
	pkCols := map[string]bool{}
	for _, k := range d.constraints {
		if p, ok := k.(*PrimaryKeyDecl); ok {
			for _, c := range p.columns {
				pkCols[schema.TruncateIdentifier(c)] = true
			}
		}
	}
	// Column is a large struct: growing the slice column by column
	// copied each table's columns over and over.
	t.Columns = slices.Grow(t.Columns, len(d.columns))
	for _, cd := range d.columns {
		name := schema.TruncateIdentifier(cd.name)
		cwhat := fmt.Sprintf("%s: column %s", what, name)
		if err := validName("column", name); err != nil {
			b.errorf("%s: %w", what, err)
			continue
		}
		for _, err := range cd.errs {
			b.errorf("%s: %w", cwhat, err)
		}
		col := schema.Column{Name: name, Comment: cd.comment}
		if existing := t.Column(name); existing != nil {
			if !existing.Inherited {
				b.errorf("%s declared twice", cwhat)
				continue
			}
			// A child re-declaring an inherited column merges with it.
			existing.Inherited = false
			existing.NotNull = existing.NotNull || cd.notNull
			if cd.def != "" {
				existing.Default = strings.TrimSpace(cd.def)
			}
			continue
		}
		serial, isSerial := schema.SerialType(cd.typ)
		var err error
		if isSerial {
			col.Type = serial
		} else if col.Type, err = b.formatType(cd.typ, d.q.Schema); err != nil {
			b.errorf("%s: %w", cwhat, err)
		}
		if col.Collation, err = canonicalCollation(cd.collation); err != nil {
			b.errorf("%s: %w", cwhat, err)
		}
		if col.Default, err = b.canonicalExpr(cd.def); err != nil {
			b.errorf("%s: default: %w", cwhat, err)
		}
		if col.Generated, err = b.canonicalExpr(cd.generated); err != nil {
			b.errorf("%s: generated: %w", cwhat, err)
		}
		col.NotNull = cd.notNull || cd.pk || pkCols[name] || cd.identity != "" || isSerial
		if cd.null && col.NotNull {
			b.errorf("%s: declared both nullable and NOT NULL (primary key, identity and serial columns are NOT NULL)", cwhat)
		}
		switch {
		case col.Generated != "" && (col.Default != "" || cd.identity != "" || isSerial):
			b.errorf("%s: a generated column cannot have a default, identity or serial type", cwhat)
		case cd.identity != "" && (col.Default != "" || isSerial):
			b.errorf("%s: an identity column cannot have a default or serial type", cwhat)
		case isSerial && col.Default != "":
			b.errorf("%s: a serial column cannot have another default", cwhat)
		}
		if cd.identity != "" {
			col.Identity = cd.identity
			o, err := sequenceOptions(col.Type, cd.seq)
			if err != nil {
				b.errorf("%s: identity: %w", cwhat, err)
			}
			col.IdentitySequence = &o
		}
		if col.Grants, err = expandGrants("column", nil, cd.grants); err != nil {
			b.errorf("%s: %w", cwhat, err)
		}
		t.Columns = append(t.Columns, col)
		if isSerial || cd.identity != "" {
			sc := serialColumn{name: name, identity: cd.identity != ""}
			if isSerial {
				sc.opts, _ = sequenceOptions(serial, nil)
			}
			seqs = append(seqs, sc)
		}
	}
	if len(t.Columns) == 0 && d.partitionOf == "" && len(d.inherits) == 0 {
		// PostgreSQL allows it, but it is almost always a mistake.
		b.errorf("%s: no columns declared", what)
	}
	return seqs
}

// checkColumns verifies that named columns exist and returns them
// truncated to identifier length.
func checkColumns(what string, t *schema.Table, cols []string) ([]string, error) {
	if len(cols) == 0 {
		return nil, fmt.Errorf("%s: no columns", what)
	}
	out := make([]string, 0, len(cols))
	seen := map[string]bool{}
	for _, c := range cols {
		c = schema.TruncateIdentifier(c)
		if t.Column(c) == nil {
			return nil, fmt.Errorf("%s: column %s is not declared", what, c)
		}
		if seen[c] {
			return nil, fmt.Errorf("%s: column %s listed twice", what, c)
		}
		seen[c] = true
		out = append(out, c)
	}
	return out, nil
}

func quoteIdents(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = schema.QuoteIdent(n)
	}
	return strings.Join(q, ", ")
}

// quoteLiteral quotes s as an SQL string literal.
func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// canonicalOption normalizes a storage parameter to "key=value".
func canonicalOption(o string) (string, error) {
	k, v, ok := strings.Cut(o, "=")
	k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
	if !ok || k == "" || v == "" {
		return "", fmt.Errorf("option %q: want key=value", o)
	}
	return k + "=" + strings.Trim(v, "'"), nil
}

// canonicalPartitionKey upper-cases the strategy and spaces it from the
// column list as pg_get_partkeydef prints it.
func canonicalPartitionKey(key string) string {
	key = strings.TrimSpace(key)
	i := strings.IndexAny(key, " (")
	if i < 0 {
		return strings.ToUpper(key)
	}
	return strings.ToUpper(key[:i]) + " " + strings.TrimSpace(key[i:])
}
