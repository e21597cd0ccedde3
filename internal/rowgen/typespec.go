package rowgen

import (
	"strings"

	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/schema"
)

// kind is the family of values a type accepts, as far as the generator
// cares: two types of one kind take the same literals.
type kind int

const (
	kUnknown kind = iota
	kInt
	kNumeric
	kFloat
	kMoney
	kText
	kBool
	kDate
	kTimestamp
	kTime
	kInterval
	kUUID
	kBytea
	kJSON
	kXML
	kInet
	kCidr
	kMacaddr
	kMacaddr8
	kBit
	kTSVector
	kTSQuery
	kPoint
	kRange
	kArray
	kEnum
	kDomain
	kComposite
	kHstore
	kLtree
)

// typeSpec describes one column (or attribute, element, domain base) type.
type typeSpec struct {
	kind kind
	// text is the type as format_type prints it, for messages.
	text string
	// bits is 16, 32 or 64 for integers, 32 or 64 for floats.
	bits int
	// prec and scale are numeric's (prec 0: unconstrained); prec is also
	// the fractional-second precision of times (-1: default).
	prec, scale int
	// maxLen is the length limit of varchar(n), char(n), bit(n) (0: none);
	// fixed marks char(n) and bit(n), which pad or demand exactly n.
	maxLen int
	fixed  bool
	// tz marks timestamptz and timetz; jsonb marks jsonb.
	tz, jsonb bool
	// elem is an array's element type or a range's subtype.
	elem *typeSpec
	// labels are an enum's values.
	labels []string
	// base, cons and notNull describe a domain.
	base    *typeSpec
	cons    cons
	notNull bool
	// attrs are a composite type's fields.
	attrs []attrSpec
	// qname names a user-defined type (enum, domain, composite).
	qname schema.QName
}

type attrSpec struct {
	name string
	typ  *typeSpec
}

// TypeFact is what the catalog says about a type the schema model does not
// describe (an extension's type): its pg_type.typcategory.
type TypeFact struct {
	Category byte
}

// resolver turns format_type text into typeSpecs, using the user-defined
// types of a schema and catalog facts for the rest.
type resolver struct {
	s     *schema.Schema
	facts map[string]TypeFact
	cache map[string]*typeSpec
	busy  map[string]bool
}

func newResolver(s *schema.Schema, facts map[string]TypeFact) *resolver {
	return &resolver{s: s, facts: facts, cache: map[string]*typeSpec{}, busy: map[string]bool{}}
}

// resolve returns the spec of typ; an unknown type gets kind kUnknown.
func (r *resolver) resolve(typ string) *typeSpec {
	if sp, ok := r.cache[typ]; ok {
		return sp
	}
	if r.busy[typ] {
		return &typeSpec{kind: kUnknown, text: typ}
	}
	r.busy[typ] = true
	defer delete(r.busy, typ)
	sp := r.parse(typ)
	r.cache[typ] = sp
	return sp
}

func (r *resolver) parse(typ string) *typeSpec {
	tn, err := sqlparse.ParseTypeName(typ)
	if err != nil {
		return &typeSpec{kind: kUnknown, text: typ}
	}
	if tn.ArrayDims > 0 {
		elem := strings.TrimSpace(typ)
		for strings.HasSuffix(elem, "[]") {
			elem = strings.TrimSuffix(elem, "[]")
		}
		return &typeSpec{kind: kArray, text: typ, elem: r.resolve(elem)}
	}
	var mods []int
	for _, m := range tn.Mods {
		if m.IsInt {
			mods = append(mods, int(m.Int))
		}
	}
	mod := func(i, def int) int {
		if i < len(mods) {
			return mods[i]
		}
		return def
	}
	names := tn.Names
	if len(names) == 2 && names[0] == "pg_catalog" {
		names = names[1:]
	}
	sp := &typeSpec{text: typ, prec: -1}
	if len(names) == 1 {
		switch names[0] {
		case "int2":
			sp.kind, sp.bits = kInt, 16
		case "int4", "oid":
			sp.kind, sp.bits = kInt, 32
		case "int8":
			sp.kind, sp.bits = kInt, 64
		case "numeric":
			sp.kind, sp.prec, sp.scale = kNumeric, mod(0, 0), mod(1, 0)
		case "float4":
			sp.kind, sp.bits = kFloat, 32
		case "float8":
			sp.kind, sp.bits = kFloat, 64
		case "money":
			sp.kind = kMoney
		case "text", "name", "char", "citext":
			sp.kind = kText
			if names[0] == "char" {
				sp.maxLen, sp.fixed = 1, true
			}
		case "varchar":
			sp.kind, sp.maxLen = kText, mod(0, 0)
		case "bpchar":
			sp.kind, sp.maxLen, sp.fixed = kText, mod(0, 1), true
		case "bool":
			sp.kind = kBool
		case "date":
			sp.kind = kDate
		case "timestamp", "timestamptz":
			sp.kind, sp.tz, sp.prec = kTimestamp, names[0] == "timestamptz", mod(0, -1)
		case "time", "timetz":
			sp.kind, sp.tz, sp.prec = kTime, names[0] == "timetz", mod(0, -1)
		case "interval":
			sp.kind = kInterval
		case "uuid":
			sp.kind = kUUID
		case "bytea":
			sp.kind = kBytea
		case "json", "jsonb":
			sp.kind, sp.jsonb = kJSON, names[0] == "jsonb"
		case "xml":
			sp.kind = kXML
		case "inet":
			sp.kind = kInet
		case "cidr":
			sp.kind = kCidr
		case "macaddr":
			sp.kind = kMacaddr
		case "macaddr8":
			sp.kind = kMacaddr8
		case "bit", "varbit":
			sp.kind, sp.fixed = kBit, names[0] == "bit"
			sp.maxLen = mod(0, 0)
			if sp.fixed && sp.maxLen == 0 {
				sp.maxLen = 1
			}
		case "tsvector":
			sp.kind = kTSVector
		case "tsquery":
			sp.kind = kTSQuery
		case "point":
			sp.kind = kPoint
		case "int4range", "int8range", "numrange", "daterange", "tsrange", "tstzrange":
			sp.kind = kRange
			sp.elem = r.resolve(map[string]string{
				"int4range": "integer", "int8range": "bigint", "numrange": "numeric",
				"daterange": "date", "tsrange": "timestamp without time zone",
				"tstzrange": "timestamp with time zone"}[names[0]])
		default:
			sp.kind = kUnknown
		}
		return sp
	}
	if len(names) != 2 {
		return &typeSpec{kind: kUnknown, text: typ}
	}
	q := schema.QName{Schema: names[0], Name: names[1]}
	sp.qname = q
	for _, e := range r.s.Enums {
		if e.QName == q {
			sp.kind, sp.labels = kEnum, e.Values
			return sp
		}
	}
	for _, d := range r.s.Domains {
		if d.QName == q {
			sp.kind, sp.base, sp.notNull = kDomain, r.resolve(d.Type), d.NotNull
			for _, k := range d.Checks {
				sp.cons = sp.cons.and(parseCheck(k.Definition, "value"))
			}
			return sp
		}
	}
	for _, c := range r.s.Composites {
		if c.QName == q {
			sp.kind = kComposite
			for _, a := range c.Attributes {
				sp.attrs = append(sp.attrs, attrSpec{name: a.Name, typ: r.resolve(a.Type)})
			}
			return sp
		}
	}
	switch names[1] {
	case "citext":
		sp.kind = kText
		return sp
	case "hstore":
		sp.kind = kHstore
		return sp
	case "ltree":
		sp.kind = kLtree
		return sp
	}
	if f, ok := r.facts[typ]; ok && f.Category == 'S' {
		sp.kind = kText
		return sp
	}
	sp.kind = kUnknown
	return sp
}

// scalar strips domains: the spec whose literals a value of sp takes.
func (sp *typeSpec) scalar() *typeSpec {
	for sp.kind == kDomain && sp.base != nil {
		sp = sp.base
	}
	return sp
}

// domainCons gathers the constraints of sp's domains (outermost first).
func (sp *typeSpec) domainCons() (c cons, notNull bool) {
	for sp.kind == kDomain && sp.base != nil {
		c = c.and(sp.cons)
		notNull = notNull || sp.notNull
		sp = sp.base
	}
	return c, notNull
}

// isEnum reports whether values of sp are labels of an enum (directly,
// as array elements, or under a domain).
func (sp *typeSpec) isEnum() bool {
	switch sp = sp.scalar(); sp.kind {
	case kEnum:
		return true
	case kArray:
		return sp.elem != nil && sp.elem.isEnum()
	}
	return false
}

// usesComposite reports whether values of sp hold a composite type
// (directly, as array elements, or under a domain).
func (sp *typeSpec) usesComposite() bool {
	switch sp.kind {
	case kComposite:
		return true
	case kArray:
		return sp.elem.usesComposite()
	case kDomain:
		return sp.base != nil && sp.base.usesComposite()
	}
	return false
}
