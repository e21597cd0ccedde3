package decl

import (
	"fmt"
	"math"
	"strings"

	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/schema"
)

func (b *builder) enums() {
	seen := map[schema.QName]bool{}
	for _, e := range b.c.enums {
		what := "enum " + e.q.String()
		if err := validName("enum", e.q.Name); err != nil {
			b.errorf("%w", err)
			continue
		}
		if seen[e.q] {
			b.errorf("%s declared twice", what)
			continue
		}
		seen[e.q] = true
		vals := map[string]bool{}
		for _, v := range e.values {
			switch {
			case v == "" || len(v) > schema.MaxIdentifierLength:
				b.errorf("%s: value %q: enum values are 1 to 63 bytes long", what, v)
			case vals[v]:
				b.errorf("%s: value %q listed twice", what, v)
			}
			vals[v] = true
		}
		g, err := expandGrants("type", publicGrant("USAGE", e.revokePublic), e.grants)
		if err != nil {
			b.errorf("%s: %w", what, err)
		}
		b.s.Enums = append(b.s.Enums, schema.Enum{
			QName: e.q, Values: append([]string(nil), e.values...), Comment: e.comment, Grants: g,
		})
	}
}

func (b *builder) domains() {
	seen := map[schema.QName]bool{}
	for _, d := range b.c.domains {
		what := "domain " + d.q.String()
		if err := validName("domain", d.q.Name); err != nil {
			b.errorf("%w", err)
			continue
		}
		if seen[d.q] {
			b.errorf("%s declared twice", what)
			continue
		}
		seen[d.q] = true
		typ, err := b.formatType(d.typ, d.q.Schema)
		if err != nil {
			b.errorf("%s: %w", what, err)
		}
		dm := schema.Domain{QName: d.q, Type: typ, NotNull: d.notNull, Comment: d.comment}
		if dm.Collation, err = canonicalCollation(d.collation); err != nil {
			b.errorf("%s: %w", what, err)
		}
		if dm.Default, err = b.canonicalExpr(d.def); err != nil {
			b.errorf("%s: default: %w", what, err)
		}
		for _, k := range d.checks {
			expr, err := b.canonicalExpr(k.expr)
			if err != nil || expr == "" {
				b.errorf("%s: check %q: %v", what, k.expr, orEmpty(err))
				continue
			}
			name := schema.TruncateIdentifier(k.name)
			if name == "" {
				name = b.takeConstraint(d.q.Schema, d.q.Name, "", "check")
			}
			def := "CHECK (" + b.parenthesize(expr) + ")"
			if k.notValid {
				def += " NOT VALID"
			}
			dm.Checks = append(dm.Checks, schema.DomainCheck{Name: name, Definition: def, NotValid: k.notValid, Comment: k.comment})
		}
		if dm.Grants, err = expandGrants("type", publicGrant("USAGE", d.revokePublic), d.grants); err != nil {
			b.errorf("%s: %w", what, err)
		}
		b.s.Domains = append(b.s.Domains, dm)
	}
}

func (b *builder) composites() {
	seen := map[schema.QName]bool{}
	for _, t := range b.c.composites {
		what := "type " + t.q.String()
		if err := validName("type", t.q.Name); err != nil {
			b.errorf("%w", err)
			continue
		}
		if seen[t.q] {
			b.errorf("%s declared twice", what)
			continue
		}
		seen[t.q] = true
		ct := schema.CompositeType{QName: t.q, Comment: t.comment}
		names := map[string]bool{}
		for _, a := range t.attrs {
			name := schema.TruncateIdentifier(a.name)
			if names[name] {
				b.errorf("%s: attribute %s declared twice", what, name)
			}
			names[name] = true
			typ, err := b.formatType(a.typ, t.q.Schema)
			if err != nil {
				b.errorf("%s: attribute %s: %w", what, name, err)
			}
			coll, err := canonicalCollation(a.collation)
			if err != nil {
				b.errorf("%s: attribute %s: %w", what, name, err)
			}
			ct.Attributes = append(ct.Attributes, schema.Attribute{Name: name, Type: typ, Collation: coll})
		}
		var err error
		if ct.Grants, err = expandGrants("type", publicGrant("USAGE", t.revokePublic), t.grants); err != nil {
			b.errorf("%s: %w", what, err)
		}
		b.s.Composites = append(b.s.Composites, ct)
	}
}

func (b *builder) sequences() {
	seen := map[schema.QName]bool{}
	for _, s := range b.c.sequences {
		what := "sequence " + s.q.String()
		if err := validName("sequence", s.q.Name); err != nil {
			b.errorf("%w", err)
			continue
		}
		if seen[s.q] {
			b.errorf("%s declared twice", what)
			continue
		}
		seen[s.q] = true
		typ := s.typ
		if typ == "" {
			typ = BigInt
		}
		canon, err := b.formatType(typ, s.q.Schema)
		if err != nil {
			b.errorf("%s: %w", what, err)
			continue
		}
		o, err := sequenceOptions(canon, s)
		if err != nil {
			b.errorf("%s: %w", what, err)
			continue
		}
		seq := schema.Sequence{
			QName: s.q, Type: o.Type, Start: o.Start, Increment: o.Increment, Min: o.Min, Max: o.Max,
			Cache: o.Cache, Cycle: o.Cycle, Unlogged: s.unlogged, Comment: s.comment,
		}
		if s.ownedBy != "" {
			parts := strings.Split(s.ownedBy, ".")
			switch len(parts) {
			case 2:
				seq.OwnedBy = s.q.Schema + "." + s.ownedBy
			case 3:
				seq.OwnedBy = s.ownedBy
			default:
				b.errorf("%s: OwnedBy(%q): want table.column or schema.table.column", what, s.ownedBy)
			}
		}
		if seq.Grants, err = expandGrants("sequence", nil, s.grants); err != nil {
			b.errorf("%s: %w", what, err)
		}
		b.s.Sequences = append(b.s.Sequences, seq)
	}
}

// checkOwnedBy verifies that sequences are owned by declared columns; it
// runs once the tables are built.
func (b *builder) checkOwnedBy() {
	for _, s := range b.s.Sequences {
		if s.OwnedBy == "" {
			continue
		}
		parts := strings.Split(s.OwnedBy, ".")
		ts := b.tables[schema.QName{Schema: parts[0], Name: parts[1]}]
		if ts == nil || ts.t.Column(parts[2]) == nil {
			b.errorf("sequence %s: owned by %s, which is not a declared column", s.QName, s.OwnedBy)
		}
	}
}

// integerRange returns the value range of a sequence type.
func integerRange(typ string) (lo, hi int64, ok bool) {
	switch typ {
	case "smallint":
		return math.MinInt16, math.MaxInt16, true
	case "integer":
		return math.MinInt32, math.MaxInt32, true
	case "bigint":
		return math.MinInt64, math.MaxInt64, true
	}
	return 0, 0, false
}

// sequenceOptions fills the defaults PostgreSQL applies to a sequence of
// canonical type typ and validates the result as CREATE SEQUENCE would.
func sequenceOptions(typ string, s *SequenceDecl) (schema.SequenceOptions, error) {
	lo, hi, ok := integerRange(typ)
	if !ok {
		return schema.SequenceOptions{}, fmt.Errorf("sequence type must be smallint, integer or bigint, not %s", typ)
	}
	o := schema.SequenceOptions{Type: typ, Increment: 1, Cache: 1}
	if s == nil {
		s = &SequenceDecl{}
	}
	if s.increment != nil {
		o.Increment = *s.increment
	}
	if o.Increment == 0 {
		return o, fmt.Errorf("INCREMENT must not be zero")
	}
	if o.Increment > 0 {
		o.Min, o.Max = 1, hi
	} else {
		o.Min, o.Max = lo, -1
	}
	if s.min != nil {
		o.Min = *s.min
	}
	if s.max != nil {
		o.Max = *s.max
	}
	if o.Min < lo || o.Max > hi {
		return o, fmt.Errorf("MINVALUE and MAXVALUE must be within the range of %s", typ)
	}
	if o.Min >= o.Max {
		return o, fmt.Errorf("MINVALUE (%d) must be less than MAXVALUE (%d)", o.Min, o.Max)
	}
	if o.Increment > 0 {
		o.Start = o.Min
	} else {
		o.Start = o.Max
	}
	if s.start != nil {
		o.Start = *s.start
	}
	if o.Start < o.Min || o.Start > o.Max {
		return o, fmt.Errorf("START value (%d) must be between MINVALUE (%d) and MAXVALUE (%d)", o.Start, o.Min, o.Max)
	}
	if s.cache != nil {
		o.Cache = *s.cache
	}
	if o.Cache < 1 {
		return o, fmt.Errorf("CACHE (%d) must be greater than zero", o.Cache)
	}
	o.Cycle = s.cycle
	return o, nil
}

// parenthesize wraps an expression in parentheses the way PostgreSQL's
// deparser prints it at the top of a CHECK or WHERE: operators and tests
// get them, bare columns, constants and function calls do not.
func parenthesize(expr string) string {
	kind, _, err := sqlparse.ClassifyExpr(expr)
	if err == nil && (kind == sqlparse.ExprColumn || kind == sqlparse.ExprFuncCall) {
		return expr
	}
	if isConstant(expr) {
		return expr
	}
	return "(" + expr + ")"
}

func isConstant(expr string) bool {
	switch strings.ToLower(expr) {
	case "true", "false", "null":
		return true
	}
	return false
}

// canonicalCollation prints a collation as the catalog does: quoted when
// needed, qualified unless in pg_catalog.
func canonicalCollation(c string) (string, error) {
	c = strings.TrimSpace(c)
	if c == "" {
		return "", nil
	}
	nsp, name := "", c
	if strings.HasPrefix(c, `"`) && strings.HasSuffix(c, `"`) && len(c) > 1 {
		name = strings.ReplaceAll(c[1:len(c)-1], `""`, `"`)
	} else if s, n, ok := strings.Cut(c, "."); ok {
		nsp, name = strings.Trim(s, `"`), strings.Trim(n, `"`)
	}
	if name == "" {
		return "", fmt.Errorf("collation %q: empty name", c)
	}
	if nsp == "" || nsp == "pg_catalog" {
		return schema.QuoteIdent(name), nil
	}
	return schema.QuoteIdent(nsp) + "." + schema.QuoteIdent(name), nil
}

func orEmpty(err error) string {
	if err == nil {
		return "empty expression"
	}
	return err.Error()
}
