package decl

import "github.com/migrate-tool/migrate/schema"

// TableItem is anything declared inside a Table: columns, constraints,
// indexes, triggers, policies and grants.
type TableItem interface {
	addTo(t *TableDecl)
}

// TableDecl is a table under construction. Its methods set table-level
// properties and return the table, so they chain after Table(...).
type TableDecl struct {
	name        string
	q           schema.QName
	columns     []*ColumnDecl
	constraints []constraintDecl
	indexes     []*IndexDecl
	triggers    []*TriggerDecl
	policies    []*PolicyDecl
	grants      []*GrantDecl

	comment        string
	unlogged       bool
	rls, forceRLS  bool
	partitionBy    string
	partitionOf    string
	partitionBound string
	inherits       []string
	options        []string

	errs []error // found while declaring (Model)
}

// Table declares a table with its columns, constraints, indexes, triggers,
// policies and grants.
func Table(name string, items ...TableItem) *TableDecl {
	t := &TableDecl{name: name}
	t.Add(items...)
	return t
}

// Add appends more items to the table.
func (t *TableDecl) Add(items ...TableItem) *TableDecl {
	for _, it := range items {
		if it != nil {
			it.addTo(t)
		}
	}
	return t
}

// Comment sets COMMENT ON TABLE.
func (t *TableDecl) Comment(text string) *TableDecl { t.comment = text; return t }

// Unlogged makes the table UNLOGGED.
func (t *TableDecl) Unlogged() *TableDecl { t.unlogged = true; return t }

// EnableRLS enables row level security (ALTER TABLE ... ENABLE ROW LEVEL
// SECURITY); policies only apply when it is on.
func (t *TableDecl) EnableRLS() *TableDecl { t.rls = true; return t }

// ForceRLS applies row level security to the table owner too.
func (t *TableDecl) ForceRLS() *TableDecl { t.rls, t.forceRLS = true, true; return t }

// PartitionBy makes the table partitioned: "RANGE (created_at)",
// "LIST (region)", "HASH (id)".
func (t *TableDecl) PartitionBy(key string) *TableDecl { t.partitionBy = key; return t }

// PartitionOf makes the table a partition of parent with bound
// "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", "FOR VALUES IN ('eu')"
// or "DEFAULT". Its columns are the parent's; declare none.
func (t *TableDecl) PartitionOf(parent, bound string) *TableDecl {
	t.partitionOf, t.partitionBound = parent, bound
	return t
}

// Inherits adds classic-inheritance parents.
func (t *TableDecl) Inherits(parents ...string) *TableDecl {
	t.inherits = append(t.inherits, parents...)
	return t
}

// With sets storage parameters: With("fillfactor=70").
func (t *TableDecl) With(options ...string) *TableDecl {
	t.options = append(t.options, options...)
	return t
}

// Grant grants privileges on the table (SELECT, INSERT, UPDATE, DELETE,
// TRUNCATE, REFERENCES, TRIGGER or ALL) to role.
func (t *TableDecl) Grant(role string, privileges ...string) *TableDecl {
	t.grants = append(t.grants, Grant(role, privileges...))
	return t
}

func (t *TableDecl) declare(c *collector, nsp string) {
	t.q = qualify(t.name, nsp)
	c.tables = append(c.tables, t)
}
