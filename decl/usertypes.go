package decl

import "github.com/migrate-tool/migrate/schema"

// EnumDecl is CREATE TYPE ... AS ENUM.
type EnumDecl struct {
	name         string
	q            schema.QName
	values       []string
	comment      string
	grants       []*GrantDecl
	revokePublic bool
}

// Enum declares an enum type with its values in order. Columns use it by
// name: Column("status", "status") or Column("status", "billing.status").
func Enum(name string, values ...string) *EnumDecl { return &EnumDecl{name: name, values: values} }

// Comment sets COMMENT ON TYPE.
func (e *EnumDecl) Comment(text string) *EnumDecl { e.comment = text; return e }

// Grant grants USAGE on the type to role.
func (e *EnumDecl) Grant(role string) *EnumDecl {
	e.grants = append(e.grants, Grant(role, "USAGE"))
	return e
}

// RevokePublic removes the USAGE privilege PUBLIC holds by default.
func (e *EnumDecl) RevokePublic() *EnumDecl { e.revokePublic = true; return e }

func (e *EnumDecl) declare(c *collector, nsp string) {
	e.q = qualify(e.name, nsp)
	c.enums = append(c.enums, e)
}

// DomainDecl is CREATE DOMAIN.
type DomainDecl struct {
	name, typ    string
	q            schema.QName
	notNull      bool
	def          string
	collation    string
	checks       []*CheckDecl
	comment      string
	grants       []*GrantDecl
	revokePublic bool
}

// Domain declares a domain over typ. Checks refer to the value as VALUE.
func Domain(name, typ string) *DomainDecl { return &DomainDecl{name: name, typ: typ} }

// NotNull adds NOT NULL.
func (d *DomainDecl) NotNull() *DomainDecl { d.notNull = true; return d }

// Default sets the domain's default expression.
func (d *DomainDecl) Default(expr string) *DomainDecl { d.def = expr; return d }

// Collate sets the domain's collation.
func (d *DomainDecl) Collate(collation string) *DomainDecl { d.collation = collation; return d }

// Check adds a CHECK constraint (named domain_check, domain_check1, ...
// unless named with CheckDecl.Name): Check(decl.Check("VALUE > 0")).
func (d *DomainDecl) Check(checks ...*CheckDecl) *DomainDecl {
	d.checks = append(d.checks, checks...)
	return d
}

// Comment sets COMMENT ON DOMAIN.
func (d *DomainDecl) Comment(text string) *DomainDecl { d.comment = text; return d }

// Grant grants USAGE on the domain to role.
func (d *DomainDecl) Grant(role string) *DomainDecl {
	d.grants = append(d.grants, Grant(role, "USAGE"))
	return d
}

// RevokePublic removes the USAGE privilege PUBLIC holds by default.
func (d *DomainDecl) RevokePublic() *DomainDecl { d.revokePublic = true; return d }

func (d *DomainDecl) declare(c *collector, nsp string) {
	d.q = qualify(d.name, nsp)
	c.domains = append(c.domains, d)
}

// CompositeDecl is CREATE TYPE name AS (attributes).
type CompositeDecl struct {
	name         string
	q            schema.QName
	attrs        []*ColumnDecl
	comment      string
	grants       []*GrantDecl
	revokePublic bool
}

// CompositeType declares a composite type; its attributes are Columns
// (only name, type and Collate are used).
func CompositeType(name string, attributes ...*ColumnDecl) *CompositeDecl {
	return &CompositeDecl{name: name, attrs: attributes}
}

// Comment sets COMMENT ON TYPE.
func (t *CompositeDecl) Comment(text string) *CompositeDecl { t.comment = text; return t }

// Grant grants USAGE on the type to role.
func (t *CompositeDecl) Grant(role string) *CompositeDecl {
	t.grants = append(t.grants, Grant(role, "USAGE"))
	return t
}

// RevokePublic removes the USAGE privilege PUBLIC holds by default.
func (t *CompositeDecl) RevokePublic() *CompositeDecl { t.revokePublic = true; return t }

func (t *CompositeDecl) declare(c *collector, nsp string) {
	t.q = qualify(t.name, nsp)
	c.composites = append(c.composites, t)
}

// SequenceDecl is CREATE SEQUENCE (and the options of an identity column).
type SequenceDecl struct {
	name             string
	q                schema.QName
	typ              string
	start, increment *int64
	min, max, cache  *int64
	cycle, unlogged  bool
	ownedBy          string
	comment          string
	grants           []*GrantDecl
}

// Sequence declares a sequence, bigint from 1 by 1 unless set otherwise.
func Sequence(name string) *SequenceDecl { return &SequenceDecl{name: name} }

func ptr(v int64) *int64 { return &v }

// As sets the sequence's type: smallint, integer or bigint.
func (s *SequenceDecl) As(typ string) *SequenceDecl { s.typ = typ; return s }

// Start sets START WITH.
func (s *SequenceDecl) Start(v int64) *SequenceDecl { s.start = ptr(v); return s }

// Increment sets INCREMENT BY.
func (s *SequenceDecl) Increment(v int64) *SequenceDecl { s.increment = ptr(v); return s }

// MinValue sets MINVALUE.
func (s *SequenceDecl) MinValue(v int64) *SequenceDecl { s.min = ptr(v); return s }

// MaxValue sets MAXVALUE.
func (s *SequenceDecl) MaxValue(v int64) *SequenceDecl { s.max = ptr(v); return s }

// Cache sets CACHE.
func (s *SequenceDecl) Cache(v int64) *SequenceDecl { s.cache = ptr(v); return s }

// Cycle makes the sequence wrap around.
func (s *SequenceDecl) Cycle() *SequenceDecl { s.cycle = true; return s }

// Unlogged makes the sequence UNLOGGED (PostgreSQL 15+).
func (s *SequenceDecl) Unlogged() *SequenceDecl { s.unlogged = true; return s }

// OwnedBy ties the sequence to a column, "table.column" or
// "schema.table.column": it is dropped with it.
func (s *SequenceDecl) OwnedBy(column string) *SequenceDecl { s.ownedBy = column; return s }

// Comment sets COMMENT ON SEQUENCE.
func (s *SequenceDecl) Comment(text string) *SequenceDecl { s.comment = text; return s }

// Grant grants privileges (USAGE, SELECT, UPDATE or ALL) to role.
func (s *SequenceDecl) Grant(role string, privileges ...string) *SequenceDecl {
	s.grants = append(s.grants, Grant(role, privileges...))
	return s
}

func (s *SequenceDecl) declare(c *collector, nsp string) {
	s.q = qualify(s.name, nsp)
	c.sequences = append(c.sequences, s)
}
