package autogen

import (
	"strconv"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// How a column's values reach its new type. PostgreSQL's ALTER COLUMN ...
// TYPE without USING converts them as an assignment would (INSERT into a
// column of the new type): a value too long for character varying(n),
// character(n) or bit(n) is an error there, while an explicit cast
// (x::varchar(32)) silently cuts it. So USING is written only where no
// assignment conversion exists, and then casts to the type without its
// modifiers, leaving the length check to the assignment that follows.
// Which conversions exist is read from the server's cast catalog
// (schema.CastCatalog), following PostgreSQL's coercion rules
// (find_coercion_pathway): same type, pg_cast, arrays element by element,
// text I/O to a string type on assignment and from one when explicit.

// convKind is the way values are converted.
type convKind int

const (
	// convAssign: PostgreSQL converts on its own (no USING).
	convAssign convKind = iota
	// convExplicit: USING col::type, a cast PostgreSQL only does when
	// asked; it fails on a value it cannot convert.
	convExplicit
	// convViaText: USING col::text::type, from one enum to another (or to
	// the recreated copy of the same one), label by label.
	convViaText
	// convNone: PostgreSQL has no conversion at all; the column is dropped
	// and added again, losing its values.
	convNone
)

// conversion is how one column changes type.
type conversion struct {
	kind convKind
	// using is the USING expression, empty for convAssign.
	using string
	// lossy marks conversions that may change a value without an error
	// (rounding to a smaller scale or precision, to an integer, spaces
	// trimmed by character(n)); a guard counts such values first.
	lossy bool
	// src and dst are the old and new types, domains resolved to their
	// base types: what the guard and the messages talk about.
	src, dst typeInfo
}

// typeInfo is a column type reduced to what conversions depend on.
type typeInfo struct {
	full string // format_type, modifiers included ("numeric(10,2)", "text[]")
	name string // without modifiers and array brackets ("numeric")
	dims int    // array dimensions spelled in full
	// enum marks a user enum; old marks the current copy of an enum the
	// diff recreates, a different type from the new one of the same name.
	enum, old bool
}

// typeInfo reduces a column type of one side (from or to) of the diff:
// domains of that side become their base types.
func (d *differ) typeInfo(t string, fromSide bool) typeInfo {
	side := d.to
	if fromSide {
		side = d.from
	}
	dims := 0
	for strings.HasSuffix(t, "[]") {
		t = strings.TrimSuffix(t, "[]")
		dims++
	}
	for range 8 { // domains over domains, bounded
		dm := findDomain(side, baseTypeName(t))
		if dm == nil {
			break
		}
		t = dm.Type
		for strings.HasSuffix(t, "[]") {
			t = strings.TrimSuffix(t, "[]")
			dims++
		}
	}
	ti := typeInfo{full: t + strings.Repeat("[]", dims), name: bareType(t), dims: dims}
	if q := baseTypeName(t); q != (schema.QName{}) && d.isEnum(q) {
		ti.enum = true
		ti.old = fromSide && d.typeRecreated[q]
	}
	return ti
}

func findDomain(s *schema.Schema, q schema.QName) *schema.Domain {
	if q == (schema.QName{}) {
		return nil
	}
	for i := range s.Domains {
		if s.Domains[i].QName == q {
			return &s.Domains[i]
		}
	}
	return nil
}

// bareType removes the type modifiers of a format_type name (not array
// brackets): "character varying(32)" -> "character varying",
// "timestamp(3) with time zone" -> "timestamp with time zone",
// "interval year to month" -> "interval". Names are those pg_cast's types
// have under format_type(oid, NULL).
func bareType(t string) string {
	base, _ := splitTypmod(t)
	switch {
	case base == "bpchar":
		return "character"
	case base == `"bit"`:
		return "bit"
	case strings.HasPrefix(base, "interval "):
		return "interval"
	}
	return base
}

// unconstrained spells the type t without its modifiers, meaning no limit:
// the type USING casts to. character and bit without a length mean
// character(1) and bit(1), so they take their internal names.
func unconstrained(t string) string {
	dims := ""
	for strings.HasSuffix(t, "[]") {
		dims += "[]"
		t = strings.TrimSuffix(t, "[]")
	}
	switch b := bareType(t); b {
	case "character":
		return "bpchar" + dims
	case "bit":
		return `"bit"` + dims
	default:
		return b + dims
	}
}

// casts returns the cast catalog of the server the plan runs on: the
// current side's, or the target's when the current one was not read from
// a server.
func (d *differ) casts() *schema.CastCatalog {
	if d.from.Casts != nil {
		return d.from.Casts
	}
	return d.to.Casts
}

// convert decides how column old becomes col.
func (d *differ) convert(old, col schema.Column) conversion {
	src, dst := d.typeInfo(old.Type, true), d.typeInfo(col.Type, false)
	c := conversion{src: src, dst: dst}
	cc := d.casts()
	switch {
	case d.coercible(cc, src, dst, schema.CastAssignment):
		c.kind = convAssign
	case d.coercible(cc, src, dst, schema.CastExplicit):
		c.kind = convExplicit
		c.using = ident(col.Name) + "::" + unconstrained(col.Type)
	case src.enum && dst.enum && src.dims == dst.dims:
		c.kind = convViaText
		c.using = ident(col.Name) + "::text" + strings.Repeat("[]", min(src.dims, 1)) + "::" + col.Type
	case cc == nil || !d.knownType(cc, src) || !d.knownType(cc, dst):
		// Without the server's catalog, or for a type it did not
		// describe, PostgreSQL decides when the revision runs.
		c.kind = convExplicit
		c.using = ident(col.Name) + "::" + unconstrained(col.Type)
	default:
		c.kind = convNone
		return c
	}
	c.lossy = lossyConversion(src, dst)
	return c
}

// coercible reports whether PostgreSQL converts src to dst in context ctx
// (find_coercion_pathway, with domains already reduced). Without a
// catalog, only the same type and the string rules are known.
func (d *differ) coercible(cc *schema.CastCatalog, src, dst typeInfo, ctx schema.CastContext) bool {
	if src.dims == dst.dims && src.name == dst.name && src.old == dst.old {
		return true
	}
	if src.dims > 0 && dst.dims > 0 {
		s, t := src, dst
		s.dims, t.dims = 0, 0
		if d.coercible(cc, s, t, ctx) {
			return true
		}
	}
	if src.dims == 0 && dst.dims == 0 {
		if got, ok := cc.Lookup(src.name, dst.name); ok && got.Allows(ctx) {
			return true
		}
	}
	// Text I/O: any value converts to a string type on assignment, and
	// from one when asked.
	if dst.dims == 0 && cc.IsString(dst.name) && schema.CastAssignment.Allows(ctx) {
		return true
	}
	return src.dims == 0 && cc.IsString(src.name) && ctx == schema.CastExplicit
}

// knownType reports whether t is a type the diff can reason about: a
// built-in type (format_type leaves only pg_catalog types unqualified), a
// user enum or composite type, or one the cast catalog names.
func (d *differ) knownType(cc *schema.CastCatalog, t typeInfo) bool {
	if t.enum || !strings.Contains(t.name, ".") {
		return true
	}
	q := baseTypeName(t.name)
	for _, s := range []*schema.Schema{d.from, d.to} {
		for i := range s.Composites {
			if s.Composites[i].QName == q {
				return true
			}
		}
	}
	if cc.IsString(t.name) {
		return true
	}
	for _, c := range cc.Casts {
		if c.Source == t.name || c.Target == t.name {
			return true
		}
	}
	return false
}

// lossyConversion reports whether converting src to dst may change a value
// without an error: rounding to a smaller scale or fractional precision,
// to an integer or to a less precise floating point type, dropping the
// time of day, trimming or padding spaces (character(n)), truncating to
// one byte ("char"), or mapping numbers to booleans. Too long strings and
// bit strings, overflowing numbers and unparsable text are errors, not
// losses. Which conversions exist comes from the cast catalog; what they
// do to values is this list.
func lossyConversion(src, dst typeInfo) bool {
	if src.enum || dst.enum {
		return false
	}
	_, sm := splitTypmod(strings.TrimSuffix(src.full, strings.Repeat("[]", src.dims)))
	_, dm := splitTypmod(strings.TrimSuffix(dst.full, strings.Repeat("[]", dst.dims)))
	ints := map[string]bool{"smallint": true, "integer": true, "bigint": true}
	switch s, t := src.name, dst.name; {
	case t == "numeric" && len(dm) == 2:
		switch {
		case s == "real" || s == "double precision":
			return true
		case s == "numeric":
			return len(sm) != 2 || sm[1] > dm[1]
		}
	case ints[t]:
		return s == "numeric" || s == "real" || s == "double precision"
	case t == "real":
		return s == "double precision" || s == "numeric" || s == "integer" || s == "bigint"
	case t == "double precision":
		return s == "numeric" || s == "bigint"
	case isTimeType(t) && len(dm) == 1:
		return isTimeType(s) && (len(sm) == 0 || sm[0] > dm[0])
	case t == "date":
		return strings.HasPrefix(s, "timestamp")
	case strings.HasPrefix(t, "time ") && strings.HasPrefix(s, "timestamp"):
		return true
	case t == "character", t == `"char"`:
		return s != t || len(sm) != 1 || len(dm) != 1 || sm[0] > dm[0]
	case t == "boolean":
		return ints[s] // 2 becomes true
	}
	return false
}

func isTimeType(t string) bool {
	return strings.HasPrefix(t, "timestamp ") || strings.HasPrefix(t, "time ") || t == "interval"
}

// shortens reports whether dst is a string or bit string type whose length
// limit is below src's: the conversion fails on a longer value.
func shortens(src, dst typeInfo) (limit int, ok bool) {
	_, dm := splitTypmod(strings.TrimSuffix(dst.full, strings.Repeat("[]", dst.dims)))
	switch dst.name {
	case "character varying", "character", "bit", "bit varying":
	default:
		return 0, false
	}
	if len(dm) != 1 {
		return 0, false
	}
	_, sm := splitTypmod(strings.TrimSuffix(src.full, strings.Repeat("[]", src.dims)))
	if src.name == dst.name && len(sm) == 1 && sm[0] <= dm[0] {
		return 0, false
	}
	return dm[0], true
}

// guardSQL is the statement run before a lossy conversion: it counts the
// values of column col of table q that would not survive the round trip
// to the new type and back, and stops the revision when there are any,
// with SQLSTATE 22000 (data_exception), the class PostgreSQL uses for
// values a statement cannot take.
func guardSQL(q schema.QName, col string, c conversion) string {
	where := q.String() + "." + col
	cond := ident(col) + " IS DISTINCT FROM (" + ident(col) + "::" + c.dst.full + ")::" + c.src.full
	msg := "converting " + raiseText(where) + " from " + raiseText(c.src.full) + " to " + raiseText(c.dst.full) + " would change % value(s)"
	return guardBlock(q, cond, msg, "Change those values first, or write the conversion by hand.")
}

// guardBlock is a DO block that counts the rows of table q matching cond
// and, when there are any, stops the revision with msg (a RAISE format
// whose one % takes the count: names in it go through raiseText) and hint,
// as SQLSTATE 22000 (data_exception).
func guardBlock(q schema.QName, cond, msg, hint string) string {
	tag := "$guard$"
	for n := 1; strings.Contains(cond+msg+hint, tag); n++ {
		tag = "$guard" + strconv.Itoa(n) + "$"
	}
	return "DO " + tag + "\nDECLARE\n    changed bigint;\nBEGIN\n" +
		"    SELECT count(*) INTO changed FROM " + qname(q) + " WHERE " + cond + ";\n" +
		"    IF changed > 0 THEN\n" +
		"        RAISE EXCEPTION " + literal(msg) + ", changed\n" +
		"            USING ERRCODE = 'data_exception', HINT = " + literal(hint) + ";\n" +
		"    END IF;\nEND\n" + tag
}

// raiseText escapes s for a RAISE format string.
func raiseText(s string) string { return strings.ReplaceAll(s, "%", "%%") }

// risk is the unsafe-cast hazard of a conversion of column where, or ""
// when every value converts unchanged.
func (c conversion) risk(where, from, to string) string {
	switch {
	case c.kind == convViaText:
		return "converting " + where + " from " + from + " to " + to + " goes through text: it fails if a value is not a label of " + to
	case c.lossy:
		return "converting " + where + " from " + from + " to " + to + " can round or trim values; the guard above stops the revision if it would change one, and the conversion fails if a value does not fit"
	}
	if n, ok := shortens(c.src, c.dst); ok {
		unit := strconv.Itoa(n) + " characters rather than cut it (only spaces beyond the limit are dropped, as SQL requires)"
		switch c.dst.name {
		case "bit":
			return "converting " + where + " from " + from + " to " + to + " fails unless every value has exactly " + strconv.Itoa(n) + " bits"
		case "bit varying":
			unit = strconv.Itoa(n) + " bits rather than cut it"
		}
		return "converting " + where + " from " + from + " to " + to + " fails if a value is longer than " + unit
	}
	if safeWidening(c.src.full, c.dst.full) && to == c.dst.full {
		return "" // (a domain may still refuse a value: not when to is one)
	}
	return "converting " + where + " from " + from + " to " + to + " fails if a value does not convert"
}
