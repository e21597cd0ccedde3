package decl

// Foreign key actions for OnDelete and OnUpdate.
const (
	Cascade    = "CASCADE"
	SetNull    = "SET NULL"
	SetDefault = "SET DEFAULT"
	Restrict   = "RESTRICT"
	NoAction   = "NO ACTION"
)

// constraintDecl is implemented by the table constraint declarations.
type constraintDecl interface {
	TableItem
	common() *constraintCommon
}

// constraintCommon holds what every constraint kind may have.
type constraintCommon struct {
	name              string
	comment           string
	deferrable        bool
	initiallyDeferred bool
	notValid          bool
}

func (c *constraintCommon) common() *constraintCommon { return c }

// PrimaryKeyDecl is PRIMARY KEY (columns).
type PrimaryKeyDecl struct {
	constraintCommon
	columns, include []string
}

// PrimaryKey declares the table's primary key on columns (table_pkey).
func PrimaryKey(columns ...string) *PrimaryKeyDecl { return &PrimaryKeyDecl{columns: columns} }

func (p *PrimaryKeyDecl) addTo(t *TableDecl) { t.constraints = append(t.constraints, p) }

// Name overrides the implicit name.
func (p *PrimaryKeyDecl) Name(name string) *PrimaryKeyDecl { p.name = name; return p }

// Include adds non-key INCLUDE columns to the key's index.
func (p *PrimaryKeyDecl) Include(columns ...string) *PrimaryKeyDecl {
	p.include = append(p.include, columns...)
	return p
}

// Deferrable makes the constraint DEFERRABLE; initiallyDeferred adds
// INITIALLY DEFERRED.
func (p *PrimaryKeyDecl) Deferrable(initiallyDeferred bool) *PrimaryKeyDecl {
	p.deferrable, p.initiallyDeferred = true, initiallyDeferred
	return p
}

// Comment sets COMMENT ON CONSTRAINT.
func (p *PrimaryKeyDecl) Comment(text string) *PrimaryKeyDecl { p.comment = text; return p }

// UniqueDecl is UNIQUE (columns).
type UniqueDecl struct {
	constraintCommon
	columns, include []string
	nullsNotDistinct bool
}

// Unique declares a UNIQUE constraint on columns (table_col1_col2_key).
func Unique(columns ...string) *UniqueDecl { return &UniqueDecl{columns: columns} }

func (u *UniqueDecl) addTo(t *TableDecl) { t.constraints = append(t.constraints, u) }

// Name overrides the implicit name.
func (u *UniqueDecl) Name(name string) *UniqueDecl { u.name = name; return u }

// Include adds non-key INCLUDE columns to the constraint's index.
func (u *UniqueDecl) Include(columns ...string) *UniqueDecl {
	u.include = append(u.include, columns...)
	return u
}

// NullsNotDistinct treats NULLs as equal (PostgreSQL 15+).
func (u *UniqueDecl) NullsNotDistinct() *UniqueDecl { u.nullsNotDistinct = true; return u }

// Deferrable makes the constraint DEFERRABLE; initiallyDeferred adds
// INITIALLY DEFERRED.
func (u *UniqueDecl) Deferrable(initiallyDeferred bool) *UniqueDecl {
	u.deferrable, u.initiallyDeferred = true, initiallyDeferred
	return u
}

// Comment sets COMMENT ON CONSTRAINT.
func (u *UniqueDecl) Comment(text string) *UniqueDecl { u.comment = text; return u }

// CheckDecl is CHECK (expr).
type CheckDecl struct {
	constraintCommon
	expr      string
	noInherit bool
}

// Check declares a CHECK constraint; its implicit name is table_column_check
// when expr refers to a single column, else table_check.
func Check(expr string) *CheckDecl { return &CheckDecl{expr: expr} }

func (k *CheckDecl) addTo(t *TableDecl) { t.constraints = append(t.constraints, k) }

// Name overrides the implicit name.
func (k *CheckDecl) Name(name string) *CheckDecl { k.name = name; return k }

// NoInherit keeps the check off child tables.
func (k *CheckDecl) NoInherit() *CheckDecl { k.noInherit = true; return k }

// NotValid adds the constraint without checking existing rows.
func (k *CheckDecl) NotValid() *CheckDecl { k.notValid = true; return k }

// Comment sets COMMENT ON CONSTRAINT.
func (k *CheckDecl) Comment(text string) *CheckDecl { k.comment = text; return k }

// ForeignKeyDecl is FOREIGN KEY (columns) REFERENCES table (columns).
type ForeignKeyDecl struct {
	constraintCommon
	columns    []string
	refTable   string
	refColumns []string
	onDelete   string
	onUpdate   string
	matchFull  bool
}

// ForeignKey declares a foreign key on columns; follow with References.
// Its implicit name is table_col1_col2_fkey.
func ForeignKey(columns ...string) *ForeignKeyDecl { return &ForeignKeyDecl{columns: columns} }

func (f *ForeignKeyDecl) addTo(t *TableDecl) { t.constraints = append(t.constraints, f) }

// References sets the referenced table and columns; without columns, the
// table's primary key.
func (f *ForeignKeyDecl) References(table string, columns ...string) *ForeignKeyDecl {
	f.refTable, f.refColumns = table, columns
	return f
}

// Name overrides the implicit name.
func (f *ForeignKeyDecl) Name(name string) *ForeignKeyDecl { f.name = name; return f }

// OnDelete sets the ON DELETE action (Cascade, SetNull, SetDefault,
// Restrict, NoAction).
func (f *ForeignKeyDecl) OnDelete(action string) *ForeignKeyDecl { f.onDelete = action; return f }

// OnUpdate sets the ON UPDATE action.
func (f *ForeignKeyDecl) OnUpdate(action string) *ForeignKeyDecl { f.onUpdate = action; return f }

// MatchFull makes the key MATCH FULL: all columns NULL or none.
func (f *ForeignKeyDecl) MatchFull() *ForeignKeyDecl { f.matchFull = true; return f }

// Deferrable makes the constraint DEFERRABLE; initiallyDeferred adds
// INITIALLY DEFERRED.
func (f *ForeignKeyDecl) Deferrable(initiallyDeferred bool) *ForeignKeyDecl {
	f.deferrable, f.initiallyDeferred = true, initiallyDeferred
	return f
}

// NotValid adds the constraint without checking existing rows.
func (f *ForeignKeyDecl) NotValid() *ForeignKeyDecl { f.notValid = true; return f }

// Comment sets COMMENT ON CONSTRAINT.
func (f *ForeignKeyDecl) Comment(text string) *ForeignKeyDecl { f.comment = text; return f }

// ExcludeDecl is EXCLUDE USING method (element WITH operator, ...).
type ExcludeDecl struct {
	constraintCommon
	method   string
	elements []excludeElement
	include  []string
	where    string
}

type excludeElement struct{ key, operator string }

// Exclude declares an exclusion constraint using an index method ("gist");
// add elements with With. Its implicit name is table_col1_col2_excl.
func Exclude(method string) *ExcludeDecl { return &ExcludeDecl{method: method} }

func (e *ExcludeDecl) addTo(t *TableDecl) { t.constraints = append(t.constraints, e) }

// With adds an element: a column or expression and the operator no two
// rows may satisfy together: With("room", "="), With("during", "&&").
func (e *ExcludeDecl) With(key, operator string) *ExcludeDecl {
	e.elements = append(e.elements, excludeElement{key, operator})
	return e
}

// Include adds non-key INCLUDE columns.
func (e *ExcludeDecl) Include(columns ...string) *ExcludeDecl {
	e.include = append(e.include, columns...)
	return e
}

// Where restricts the constraint to rows matching predicate.
func (e *ExcludeDecl) Where(predicate string) *ExcludeDecl { e.where = predicate; return e }

// Name overrides the implicit name.
func (e *ExcludeDecl) Name(name string) *ExcludeDecl { e.name = name; return e }

// Deferrable makes the constraint DEFERRABLE; initiallyDeferred adds
// INITIALLY DEFERRED.
func (e *ExcludeDecl) Deferrable(initiallyDeferred bool) *ExcludeDecl {
	e.deferrable, e.initiallyDeferred = true, initiallyDeferred
	return e
}

// Comment sets COMMENT ON CONSTRAINT.
func (e *ExcludeDecl) Comment(text string) *ExcludeDecl { e.comment = text; return e }
