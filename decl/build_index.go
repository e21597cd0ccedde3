package decl

import (
	"fmt"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// canonKey is one index key as pg_get_indexdef prints it.
type canonKey struct {
	text    string // "email", "lower(email)", "(a + b)", "created_at DESC"
	figured string // the name PostgreSQL derives for naming the index
	column  string // set for a plain column key
}

// indexKey canonicalizes one index key against the table's columns.
func (b *builder) indexKey(cols []schema.Column, key string) (canonKey, error) {
	k, err := b.parseIndexKey(key)
	if err != nil {
		return canonKey{}, err
	}
	var out canonKey
	switch {
	case k.Column != "":
		name := schema.TruncateIdentifier(k.Column)
		if !hasColumn(cols, name) {
			return out, fmt.Errorf("column %s is not declared", name)
		}
		out.text, out.figured, out.column = schema.QuoteIdent(name), name, name
	case k.ExprIsCall:
		out.text, out.figured = k.Expr, k.FigureName
	default:
		out.text, out.figured = "("+k.Expr+")", k.FigureName
	}
	if len(k.Collation) > 0 {
		c, err := canonicalCollation(qualifiedText(k.Collation))
		if err != nil {
			return out, err
		}
		out.text += " COLLATE " + c
	}
	if len(k.Opclass) > 0 {
		out.text += " " + canonicalOpclass(k.Opclass)
	}
	switch {
	case k.Desc && k.Nulls == "LAST":
		out.text += " DESC NULLS LAST"
	case k.Desc:
		out.text += " DESC"
	case k.Nulls == "FIRST":
		out.text += " NULLS FIRST"
	}
	return out, nil
}

// hasColumn reports whether name is among cols; nil cols (a materialized
// view over SELECT *) accept any name.
func hasColumn(cols []schema.Column, name string) bool {
	if cols == nil {
		return true
	}
	for _, c := range cols {
		if c.Name == name {
			return true
		}
	}
	return false
}

func qualifiedText(parts []string) string {
	q := make([]string, len(parts))
	for i, p := range parts {
		q[i] = schema.QuoteIdent(p)
	}
	return strings.Join(q, ".")
}

// extensionOpclassPrefixes mark operator classes that come from common
// extensions (pg_trgm, btree_gin/gist, hstore, intarray, pgvector), which
// the catalog prints schema-qualified. Every other unqualified operator
// class is taken to be built in. Qualify an operator class to be exact.
var extensionOpclassPrefixes = []string{"gin_", "gist_", "vector_", "halfvec_", "sparsevec_", "bit_hamming", "bit_jaccard", "citext_"}

func canonicalOpclass(parts []string) string {
	switch {
	case len(parts) == 2 && parts[0] == "pg_catalog":
		return schema.QuoteIdent(parts[1])
	case len(parts) == 2:
		return qualifiedText(parts)
	}
	name := parts[0]
	for _, p := range extensionOpclassPrefixes {
		if strings.HasPrefix(name, p) {
			return "public." + schema.QuoteIdent(name)
		}
	}
	return schema.QuoteIdent(name)
}

// index canonicalizes an index of the relation q (a table, or a
// materialized view) whose columns are cols.
func (b *builder) index(what string, q schema.QName, cols []schema.Column, ix *IndexDecl) (schema.Index, bool) {
	if len(ix.keys) == 0 {
		b.errorf("%s: index without keys", what)
		return schema.Index{}, false
	}
	x := schema.Index{Unique: ix.unique, Method: strings.ToLower(strings.TrimSpace(ix.method)), Comment: ix.comment,
		NullsNotDistinct: ix.nullsNotDistinct}
	if x.Method == "" {
		x.Method = "btree"
	}
	var figured []string
	for _, key := range ix.keys {
		k, err := b.indexKey(cols, key)
		if err != nil {
			b.errorf("%s: index key %q: %w", what, key, err)
			return x, false
		}
		x.Keys = append(x.Keys, k.text)
		figured = append(figured, k.figured)
	}
	for _, c := range ix.include {
		c = schema.TruncateIdentifier(c)
		if !hasColumn(cols, c) {
			b.errorf("%s: index INCLUDE column %s is not declared", what, c)
			return x, false
		}
		x.Include = append(x.Include, c)
		figured = append(figured, c)
	}
	if ix.nullsNotDistinct && !ix.unique {
		b.errorf("%s: NULLS NOT DISTINCT needs a unique index", what)
	}
	if ix.where != "" {
		pred, err := b.canonicalExpr(ix.where)
		if err != nil {
			b.errorf("%s: index WHERE: %w", what, err)
			return x, false
		}
		x.Predicate = b.parenthesize(pred)
	}
	x.Name = schema.TruncateIdentifier(ix.name)
	if x.Name == "" {
		x.Name = b.takeRel(q.Schema, q.Name, schema.NameAddition(schema.IndexColumnNames(figured)), "idx", false)
	}
	def := "CREATE "
	if x.Unique {
		def += "UNIQUE "
	}
	// pg_get_indexdef says ON ONLY for an index of a partitioned table;
	// introspection drops the ONLY (the partitions' indexes are implied),
	// and so does the declared form.
	def += "INDEX " + schema.QuoteIdent(x.Name) + " ON " + q.Qualified() + " USING " + x.Method + " (" + strings.Join(x.Keys, ", ") + ")"
	if len(x.Include) > 0 {
		def += " INCLUDE (" + quoteIdents(x.Include) + ")"
	}
	if x.NullsNotDistinct {
		def += " NULLS NOT DISTINCT"
	}
	if len(ix.options) > 0 {
		var opts []string
		for _, o := range ix.options {
			opt, err := canonicalOption(o)
			if err != nil {
				b.errorf("%s: index %s: %w", what, x.Name, err)
				continue
			}
			opts = append(opts, indexOption(opt))
		}
		def += " WITH (" + strings.Join(opts, ", ") + ")"
	}
	if x.Predicate != "" {
		def += " WHERE " + x.Predicate
	}
	x.Definition = def
	return x, true
}

// indexOption prints a storage parameter as flatten_reloptions does inside
// pg_get_indexdef: the value bare when it is a plain identifier, else as a
// string literal (fillfactor='70').
func indexOption(opt string) string {
	k, v, _ := strings.Cut(opt, "=")
	if schema.QuoteIdent(v) != v {
		v = quoteLiteral(v)
	}
	return k + "=" + v
}
