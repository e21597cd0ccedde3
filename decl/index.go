package decl

// IndexDecl is CREATE INDEX on the enclosing table (or materialized view).
type IndexDecl struct {
	name             string
	keys             []string
	unique           bool
	method           string
	include          []string
	where            string
	nullsNotDistinct bool
	options          []string
	comment          string
}

// Index declares an index on keys. A key is a column ("email"), an
// expression ("lower(email)"), either followed by an operator class,
// COLLATE, ASC/DESC and NULLS FIRST/LAST ("created_at DESC",
// "name text_pattern_ops"), exactly as inside CREATE INDEX's parentheses.
// Its implicit name is table_key1_key2_idx (expressions count as the
// function's name, or "expr").
func Index(keys ...string) *IndexDecl { return &IndexDecl{keys: keys} }

func (ix *IndexDecl) addTo(t *TableDecl) { t.indexes = append(t.indexes, ix) }

// Name overrides the implicit name.
func (ix *IndexDecl) Name(name string) *IndexDecl { ix.name = name; return ix }

// Unique makes it a UNIQUE index.
func (ix *IndexDecl) Unique() *IndexDecl { ix.unique = true; return ix }

// Using sets the index method: btree (default), hash, gist, gin, brin,
// spgist or an extension's.
func (ix *IndexDecl) Using(method string) *IndexDecl { ix.method = method; return ix }

// Include adds non-key INCLUDE columns.
func (ix *IndexDecl) Include(columns ...string) *IndexDecl {
	ix.include = append(ix.include, columns...)
	return ix
}

// Where makes the index partial: only rows matching predicate.
func (ix *IndexDecl) Where(predicate string) *IndexDecl { ix.where = predicate; return ix }

// NullsNotDistinct makes a unique index treat NULLs as equal
// (PostgreSQL 15+).
func (ix *IndexDecl) NullsNotDistinct() *IndexDecl { ix.nullsNotDistinct = true; return ix }

// With sets storage parameters: With("fillfactor=70").
func (ix *IndexDecl) With(options ...string) *IndexDecl {
	ix.options = append(ix.options, options...)
	return ix
}

// Comment sets COMMENT ON INDEX.
func (ix *IndexDecl) Comment(text string) *IndexDecl { ix.comment = text; return ix }
