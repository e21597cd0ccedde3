package schema

// Table is an ordinary, partitioned, or partition table.
type Table struct {
	QName
	Columns     []Column     `json:"columns"`               // in attnum order
	Constraints []Constraint `json:"constraints,omitempty"` // sorted by name
	Indexes     []Index      `json:"indexes,omitempty"`     // not backing a constraint; sorted by name
	Triggers    []Trigger    `json:"triggers,omitempty"`    // sorted by name
	Policies    []Policy     `json:"policies,omitempty"`    // sorted by name

	RLSEnabled bool `json:"rls_enabled,omitempty"`
	RLSForced  bool `json:"rls_forced,omitempty"`
	Unlogged   bool `json:"unlogged,omitempty"`

	// PartitionKey is pg_get_partkeydef for a partitioned table:
	// "RANGE (created_at)", "LIST (region)", "HASH (id)".
	PartitionKey string `json:"partition_key,omitempty"`
	// PartitionOf names the parent when the table is a partition, and
	// PartitionBound is its bound: "FOR VALUES FROM (...) TO (...)", "DEFAULT".
	PartitionOf    *QName `json:"partition_of,omitempty"`
	PartitionBound string `json:"partition_bound,omitempty"`
	// Inherits lists parents of classic inheritance (not partitions).
	Inherits []QName `json:"inherits,omitempty"`

	// Options are storage parameters (reloptions) as "key=value", sorted.
	Options []string `json:"options,omitempty"`
	Comment string   `json:"comment,omitempty"`
	Grants  []Grant  `json:"grants,omitempty"`
}

// Column is a table column.
type Column struct {
	Name string `json:"name"`
	// Type is format_type(atttypid, atttypmod): "character varying(100)",
	// "timestamp with time zone", "integer[]", "public.status".
	Type      string `json:"type"`
	Collation string `json:"collation,omitempty"` // only when not the type's default
	NotNull   bool   `json:"not_null,omitempty"`
	// Default is pg_get_expr of the default expression; empty for none.
	Default string `json:"default,omitempty"`
	// Identity is "", "ALWAYS" or "BY DEFAULT".
	Identity         string           `json:"identity,omitempty"`
	IdentitySequence *SequenceOptions `json:"identity_sequence,omitempty"`
	// Generated is the expression of a GENERATED ALWAYS AS (...) STORED
	// column; empty for ordinary columns.
	Generated string `json:"generated,omitempty"`
	Comment   string `json:"comment,omitempty"`
	// Inherited marks a column that comes from a parent table: every column
	// of a partition (its columns always equal the parent's), and a column of
	// a classic-inheritance child that the child does not also declare
	// itself (attislocal false). CREATE TABLE lists only the others.
	Inherited bool `json:"inherited,omitempty"`
	// Grants are column privileges (GRANT SELECT (col) ...), sorted.
	Grants []Grant `json:"grants,omitempty"`
}

// ConstraintType is the kind of a table constraint.
type ConstraintType string

// Table constraint kinds, as pg_constraint.contype spells them in words.
const (
	PrimaryKey ConstraintType = "PRIMARY KEY"
	Unique     ConstraintType = "UNIQUE"
	Check      ConstraintType = "CHECK"
	ForeignKey ConstraintType = "FOREIGN KEY"
	Exclusion  ConstraintType = "EXCLUDE"
)

// Constraint is a table constraint. Definition is authoritative for
// comparison and rendering; the structured fields serve ordering, hazards
// and readable output.
type Constraint struct {
	Name string         `json:"name"`
	Type ConstraintType `json:"type"`
	// Definition is pg_get_constraintdef: "PRIMARY KEY (id)",
	// "FOREIGN KEY (author_id) REFERENCES public.users(id) ON DELETE CASCADE",
	// "CHECK ((price > (0)::numeric))", "UNIQUE NULLS NOT DISTINCT (email)".
	Definition string   `json:"definition"`
	Columns    []string `json:"columns,omitempty"` // constrained columns in key order

	// Foreign keys: the referenced table and columns.
	RefTable   *QName   `json:"ref_table,omitempty"`
	RefColumns []string `json:"ref_columns,omitempty"`
	// RefIndex is, for a foreign key, the unique index of the referenced
	// table the key is checked against (pg_constraint.conindid): the index
	// of a primary key or unique constraint (named like it) or a unique
	// index. The foreign key depends on that index and on nothing else of
	// the referenced table. Empty when unknown.
	RefIndex string `json:"ref_index,omitempty"`

	Deferrable        bool `json:"deferrable,omitempty"`
	InitiallyDeferred bool `json:"initially_deferred,omitempty"`
	NotValid          bool `json:"not_valid,omitempty"`

	// IndexParent is set on a primary key, unique or exclusion constraint
	// of a partition whose index is a partition of an index of the parent
	// table (pg_inherits on indexes): the name of that index, which is the
	// parent's own constraint when this one is its per-partition copy, or
	// a plain unique index of the parent this constraint's index was
	// attached to (ALTER INDEX ... ATTACH PARTITION).
	IndexParent string `json:"index_parent,omitempty"`

	Comment string `json:"comment,omitempty"`
}

// Index is an index that does not back a constraint.
type Index struct {
	Name string `json:"name"`
	// Definition is pg_get_indexdef: the full CREATE [UNIQUE] INDEX statement.
	Definition string   `json:"definition"`
	Unique     bool     `json:"unique,omitempty"`
	Method     string   `json:"method"`              // btree, gin, gist, ...
	Keys       []string `json:"keys"`                // key columns/expressions with opclass and order
	Include    []string `json:"include,omitempty"`   // INCLUDE columns
	Predicate  string   `json:"predicate,omitempty"` // WHERE clause of a partial index
	// NullsNotDistinct is UNIQUE NULLS NOT DISTINCT (PostgreSQL 15+).
	NullsNotDistinct bool `json:"nulls_not_distinct,omitempty"`
	// Parent is set on an index of a partition that is a partition of an
	// index of the parent table (pg_inherits on indexes): the name of that
	// index. PostgreSQL attaches such an index when the parent's index is
	// created, when the partition is created or attached, or on ALTER
	// INDEX ... ATTACH PARTITION; it is dropped with the parent's index.
	// Empty for an index of the table's own.
	Parent  string `json:"parent,omitempty"`
	Comment string `json:"comment,omitempty"`
}

// Trigger is a table trigger (not an internal constraint trigger).
type Trigger struct {
	Name string `json:"name"`
	// Definition is pg_get_triggerdef: the full CREATE TRIGGER statement.
	Definition string `json:"definition"`
	Function   QName  `json:"function"`
	// Enabled is "O" (origin, the default), "D" disabled, "R" replica, "A" always.
	Enabled string `json:"enabled,omitempty"`
	Comment string `json:"comment,omitempty"`
}

// Policy is a row level security policy.
type Policy struct {
	Name       string   `json:"name"`
	Permissive bool     `json:"permissive"`
	Command    string   `json:"command"` // ALL, SELECT, INSERT, UPDATE, DELETE
	Roles      []string `json:"roles"`   // sorted; "PUBLIC" for public
	Using      string   `json:"using,omitempty"`
	WithCheck  string   `json:"with_check,omitempty"`
	Comment    string   `json:"comment,omitempty"`
}
