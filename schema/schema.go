// Package schema owns the model both sides of autogenerate share: the
// declared target and the live catalog are each a Schema, in canonical form,
// so comparing them is a pure function. Expression-like fields (types,
// defaults, constraint and index definitions, view and function bodies) hold
// the text PostgreSQL itself prints for them (format_type, pg_get_expr,
// pg_get_constraintdef, pg_get_indexdef, pg_get_viewdef,
// pg_get_functiondef, pg_get_triggerdef) with an empty search_path, so every
// non-catalog name is schema-qualified. The package does no I/O.
package schema

// Schema is a set of PostgreSQL objects: the part of a database (or of a
// declaration) under comparison. Slices are kept in canonical order by Sort.
type Schema struct {
	Namespaces []Namespace     `json:"namespaces,omitempty"`
	Extensions []Extension     `json:"extensions,omitempty"`
	Collations []Collation     `json:"collations,omitempty"`
	Enums      []Enum          `json:"enums,omitempty"`
	Domains    []Domain        `json:"domains,omitempty"`
	Composites []CompositeType `json:"composites,omitempty"`
	Sequences  []Sequence      `json:"sequences,omitempty"`
	Tables     []Table         `json:"tables,omitempty"`
	Views      []View          `json:"views,omitempty"`
	Functions  []Function      `json:"functions,omitempty"`
	Operators  []Operator      `json:"operators,omitempty"`
	// NotManaged lists what the source of the schema holds that the model
	// does not describe, so comparisons cannot see it: objects of kinds
	// outside the model and objects in schemas outside the compared ones.
	// package target fills it for a declaration; it is empty for a live
	// database.
	NotManaged []NotManaged `json:"not_managed,omitempty"`

	// Casts describe the server the schema was read from (see
	// CastCatalog); nil when unknown (a schema not read from a server).
	Casts *CastCatalog `json:"-"`
}

// QName is a schema-qualified object name.
type QName struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
}

// Namespace is a PostgreSQL schema (CREATE SCHEMA).
type Namespace struct {
	Name    string  `json:"name"`
	Comment string  `json:"comment,omitempty"`
	Grants  []Grant `json:"grants,omitempty"`
}

// Extension is an installed extension. Objects it owns are never part of a
// Schema.
type Extension struct {
	Name    string `json:"name"`
	Schema  string `json:"schema"`
	Version string `json:"version,omitempty"`
	// UpdatableTo lists the versions ALTER EXTENSION ... UPDATE TO can
	// reach from Version with the update scripts the server has installed
	// (pg_extension_update_paths), sorted. It is a fact about the server,
	// read for installed extensions only, and never compared: it tells
	// autogenerate whether an update can be reversed.
	UpdatableTo []string `json:"updatable_to,omitempty"`
	Comment     string   `json:"comment,omitempty"`
}

// Collation is a collation made with CREATE COLLATION (columns, domains
// and indexes name it with COLLATE).
type Collation struct {
	QName
	// Provider is "libc" or "icu" ("default" is not accepted by CREATE
	// COLLATION).
	Provider string `json:"provider"`
	// Locale is the ICU locale (icu provider).
	Locale string `json:"locale,omitempty"`
	// LcCollate and LcCtype are the libc locales (libc provider).
	LcCollate string `json:"lc_collate,omitempty"`
	LcCtype   string `json:"lc_ctype,omitempty"`
	// Nondeterministic: strings that are not byte-wise equal may compare
	// equal (deterministic = false).
	Nondeterministic bool   `json:"nondeterministic,omitempty"`
	Comment          string `json:"comment,omitempty"`
}

// Enum is an enum type with its values in sort order.
type Enum struct {
	QName
	Values  []string `json:"values"`
	Comment string   `json:"comment,omitempty"`
	Grants  []Grant  `json:"grants,omitempty"` // USAGE; PUBLIC holds it by default
}

// Domain is a domain over a base type.
type Domain struct {
	QName
	Type      string        `json:"type"` // format_type of the base type
	Collation string        `json:"collation,omitempty"`
	NotNull   bool          `json:"not_null,omitempty"`
	Default   string        `json:"default,omitempty"`
	Checks    []DomainCheck `json:"checks,omitempty"` // sorted by name
	Comment   string        `json:"comment,omitempty"`
	Grants    []Grant       `json:"grants,omitempty"` // USAGE; PUBLIC holds it by default
}

// DomainCheck is a named CHECK constraint of a domain.
type DomainCheck struct {
	Name       string `json:"name"`
	Definition string `json:"definition"` // pg_get_constraintdef: CHECK ((VALUE > 0))
	NotValid   bool   `json:"not_valid,omitempty"`
	Comment    string `json:"comment,omitempty"`
}

// CompositeType is CREATE TYPE name AS (...).
type CompositeType struct {
	QName
	Attributes []Attribute `json:"attributes"`
	Comment    string      `json:"comment,omitempty"`
	Grants     []Grant     `json:"grants,omitempty"` // USAGE; PUBLIC holds it by default
}

// Attribute is one field of a composite type.
type Attribute struct {
	Name      string `json:"name"`
	Type      string `json:"type"`
	Collation string `json:"collation,omitempty"`
}

// Sequence is a standalone sequence (identity sequences belong to their
// column and are not listed here; serial sequences are, with OwnedBy).
type Sequence struct {
	QName
	Type      string `json:"type"` // smallint, integer or bigint
	Start     int64  `json:"start"`
	Increment int64  `json:"increment"`
	Min       int64  `json:"min"`
	Max       int64  `json:"max"`
	Cache     int64  `json:"cache"`
	Cycle     bool   `json:"cycle,omitempty"`
	// Unlogged is CREATE UNLOGGED SEQUENCE (PostgreSQL 15+).
	Unlogged bool `json:"unlogged,omitempty"`
	// OwnedBy is "schema.table.column" when the sequence is owned by a column.
	OwnedBy string  `json:"owned_by,omitempty"`
	Comment string  `json:"comment,omitempty"`
	Grants  []Grant `json:"grants,omitempty"`
}

// SequenceOptions are the options of an identity column's sequence.
type SequenceOptions struct {
	Type      string `json:"type,omitempty"`
	Start     int64  `json:"start"`
	Increment int64  `json:"increment"`
	Min       int64  `json:"min"`
	Max       int64  `json:"max"`
	Cache     int64  `json:"cache"`
	Cycle     bool   `json:"cycle,omitempty"`
}

// Grant is one privilege held by a grantee on an object. Privileges the
// owner holds implicitly are not listed.
type Grant struct {
	Grantee   string `json:"grantee"`   // role name, or PUBLIC
	Privilege string `json:"privilege"` // SELECT, INSERT, USAGE, EXECUTE, ...
	Grantable bool   `json:"grantable,omitempty"`
}
