package schema

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/migrate-tool/migrate/internal/sqlparse"
)

// FormatType returns the canonical spelling of a type written as SQL: what
// format_type(oid, typmod) prints for it with an empty search_path.
// Aliases become catalog names ("int" → "integer", "varchar(100)" →
// "character varying(100)", "timestamptz" → "timestamp with time zone",
// "int[]" → "integer[]"), built-in types stay unqualified and other types
// are schema-qualified. For an unqualified name that is not a built-in type,
// qualify returns its schema (nil means "public").
//
// The text is parsed by PostgreSQL's own grammar (through pg_query), so
// every spelling PostgreSQL accepts is understood. Serial types are not
// types: see SerialType.
func FormatType(typ string, qualify func(name string) string) (string, error) {
	tn, err := sqlparse.ParseTypeName(typ)
	if err != nil {
		return "", err
	}
	return formatTypeName(tn, qualify)
}

// SerialType reports whether typ is smallserial, serial or bigserial (or
// serial2/4/8) and returns the integer type the column really gets.
func SerialType(typ string) (base string, ok bool) {
	// Most types are not serial, and parsing costs more than looking:
	// a name without "serial" in any case, and without the U& escapes
	// that could spell it, is not one.
	if !strings.Contains(strings.ToLower(typ), "serial") && !strings.ContainsAny(typ, `&\`) {
		return "", false
	}
	tn, err := sqlparse.ParseTypeName(typ)
	if err != nil || len(tn.Mods) > 0 || tn.ArrayDims > 0 || tn.Setof {
		return "", false
	}
	name := tn.Names[len(tn.Names)-1]
	if len(tn.Names) == 2 && tn.Names[0] != "pg_catalog" || len(tn.Names) > 2 {
		return "", false
	}
	switch name {
	case "smallserial", "serial2":
		return "smallint", true
	case "serial", "serial4":
		return "integer", true
	case "bigserial", "serial8":
		return "bigint", true
	}
	return "", false
}

// FormatTypeName is FormatType for a type already parsed by sqlparse.
func FormatTypeName(tn *sqlparse.TypeName, qualify func(name string) string) (string, error) {
	return formatTypeName(tn, qualify)
}

func formatTypeName(tn *sqlparse.TypeName, qualify func(name string) string) (string, error) {
	var nsp, name string
	switch len(tn.Names) {
	case 1:
		name = tn.Names[0]
		if !builtinTypes[name] {
			nsp = "public"
			if qualify != nil {
				if s := qualify(name); s != "" {
					nsp = s
				}
			}
		}
	case 2:
		nsp, name = tn.Names[0], tn.Names[1]
		if nsp == "pg_catalog" {
			nsp = ""
		}
	default:
		return "", fmt.Errorf("type %s: a type name cannot name a database: drop the database part", strings.Join(tn.Names, "."))
	}
	var out string
	if nsp != "" {
		out = QuoteIdent(nsp) + "." + QuoteIdent(name)
		if len(tn.Mods) > 0 {
			mods := make([]string, len(tn.Mods))
			for i, m := range tn.Mods {
				mods[i] = m.String()
			}
			out += "(" + strings.Join(mods, ",") + ")"
		}
	} else {
		var err error
		if out, err = formatBuiltin(name, tn.Mods); err != nil {
			return "", err
		}
	}
	if tn.ArrayDims > 0 {
		// format_type prints one [] whatever the declared dimensions:
		// PostgreSQL does not enforce them.
		out += "[]"
	}
	if tn.Setof {
		out = "SETOF " + out
	}
	return out, nil
}

// formatBuiltin prints a pg_catalog type with its modifiers as format_type
// does, validating the modifiers as the type's typmodin would.
func formatBuiltin(name string, mods []sqlparse.TypeMod) (string, error) {
	ints := make([]int64, 0, len(mods))
	for _, m := range mods {
		if !m.IsInt {
			return "", fmt.Errorf("type %s: type modifiers must be simple constants or identifiers", name)
		}
		ints = append(ints, m.Int)
	}
	want := func(max int) error {
		if len(ints) > max {
			if max == 0 {
				return fmt.Errorf("type modifier is not allowed for type %q", name)
			}
			return fmt.Errorf("invalid type modifier for type %q", name)
		}
		return nil
	}
	length := func(word string) (string, error) {
		if err := want(1); err != nil {
			return "", err
		}
		if len(ints) == 0 {
			return word, nil
		}
		if ints[0] < 1 || ints[0] > 10485760 {
			return "", fmt.Errorf("length for type %s must be between 1 and 10485760", name)
		}
		return fmt.Sprintf("%s(%d)", word, ints[0]), nil
	}
	precision := func(word, suffix string) (string, error) {
		if err := want(1); err != nil {
			return "", err
		}
		if len(ints) == 0 {
			return word + suffix, nil
		}
		p := ints[0]
		if p < 0 {
			return "", fmt.Errorf("%s(%d) precision must not be negative", strings.ToUpper(word), p)
		}
		// PostgreSQL reduces a larger precision to 6 with a warning.
		p = min(p, 6)
		return fmt.Sprintf("%s(%d)%s", word, p, suffix), nil
	}
	switch name {
	case "bool":
		return "boolean", want(0)
	case "int2":
		return "smallint", want(0)
	case "int4":
		return "integer", want(0)
	case "int8":
		return "bigint", want(0)
	case "float4":
		return "real", want(0)
	case "float8":
		return "double precision", want(0)
	case "varchar":
		return length("character varying")
	case "bpchar":
		if len(ints) == 0 {
			return "bpchar", nil
		}
		return length("character")
	case "bit":
		return length("bit")
	case "varbit":
		return length("bit varying")
	case "numeric":
		return formatNumeric(ints)
	case "time":
		return precision("time", " without time zone")
	case "timetz":
		return precision("time", " with time zone")
	case "timestamp":
		return precision("timestamp", " without time zone")
	case "timestamptz":
		return precision("timestamp", " with time zone")
	case "interval":
		return formatInterval(ints)
	}
	if err := want(0); err != nil {
		return "", err
	}
	return QuoteIdent(name), nil
}

func formatNumeric(ints []int64) (string, error) {
	switch len(ints) {
	case 0:
		return "numeric", nil
	case 1, 2:
		p, s := ints[0], int64(0)
		if len(ints) == 2 {
			s = ints[1]
		}
		if p < 1 || p > 1000 {
			return "", fmt.Errorf("NUMERIC precision %d must be between 1 and 1000", p)
		}
		if s < -1000 || s > 1000 {
			return "", fmt.Errorf("NUMERIC scale %d must be between -1000 and 1000", s)
		}
		return fmt.Sprintf("numeric(%d,%d)", p, s), nil
	}
	return "", fmt.Errorf("invalid NUMERIC type modifier")
}

// Interval field bits, as the grammar encodes them in the first modifier
// (INTERVAL_MASK in datetime.h).
const (
	ivMonth  = 1 << 1
	ivYear   = 1 << 2
	ivDay    = 1 << 3
	ivHour   = 1 << 10
	ivMinute = 1 << 11
	ivSecond = 1 << 12
	ivFull   = 0x7FFF
)

var intervalFields = map[int64]string{
	ivYear:                               "year",
	ivMonth:                              "month",
	ivDay:                                "day",
	ivHour:                               "hour",
	ivMinute:                             "minute",
	ivSecond:                             "second",
	ivYear | ivMonth:                     "year to month",
	ivDay | ivHour:                       "day to hour",
	ivDay | ivHour | ivMinute:            "day to minute",
	ivDay | ivHour | ivMinute | ivSecond: "day to second",
	ivHour | ivMinute:                    "hour to minute",
	ivHour | ivMinute | ivSecond:         "hour to second",
	ivMinute | ivSecond:                  "minute to second",
}

func formatInterval(ints []int64) (string, error) {
	if len(ints) == 0 {
		return "interval", nil
	}
	out := "interval"
	if ints[0] != ivFull {
		f, ok := intervalFields[ints[0]]
		if !ok {
			return "", fmt.Errorf("invalid INTERVAL type modifier")
		}
		out += " " + f
	}
	switch len(ints) {
	case 1:
		return out, nil
	case 2:
		p := ints[1]
		if p < 0 {
			return "", fmt.Errorf("INTERVAL(%d) precision must not be negative", p)
		}
		return out + "(" + strconv.FormatInt(min(p, 6), 10) + ")", nil
	}
	return "", fmt.Errorf("invalid INTERVAL type modifier")
}

// IsBuiltinType reports whether name (unqualified, as the catalog spells
// it: int4, not integer) is a type of pg_catalog that users write without
// a schema.
func IsBuiltinType(name string) bool { return builtinTypes[name] }

// builtinTypes are the pg_catalog types PostgreSQL 13-17 ship with, by
// catalog name. An unqualified name in this set always means the built-in
// type, because pg_catalog is searched first.
var builtinTypes = setOf(
	"bool", "bytea", "char", "name", "int8", "int2", "int2vector", "int4", "regproc", "text",
	"oid", "tid", "xid", "xid8", "cid", "oidvector", "json", "xml", "pg_node_tree", "point",
	"lseg", "path", "box", "polygon", "line", "float4", "float8", "unknown", "circle", "money",
	"macaddr", "macaddr8", "inet", "cidr", "aclitem", "bpchar", "varchar", "date", "time",
	"timestamp", "timestamptz", "interval", "timetz", "bit", "varbit", "numeric", "refcursor",
	"regprocedure", "regoper", "regoperator", "regclass", "regcollation", "regtype", "regrole",
	"regnamespace", "regconfig", "regdictionary", "uuid", "pg_lsn", "tsvector", "gtsvector",
	"tsquery", "jsonb", "jsonpath", "txid_snapshot", "pg_snapshot",
	"int4range", "numrange", "tsrange", "tstzrange", "daterange", "int8range",
	"int4multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange",
	"int8multirange", "record", "cstring", "any", "anyarray", "void", "trigger",
	"event_trigger", "language_handler", "internal", "anyelement", "anynonarray", "anyenum",
	"fdw_handler", "index_am_handler", "tsm_handler", "table_am_handler", "anyrange",
	"anycompatible", "anycompatiblearray", "anycompatiblenonarray", "anycompatiblerange",
	"anymultirange", "anycompatiblemultirange", "pg_ddl_command", "pg_brin_bloom_summary",
	"pg_brin_minmax_multi_summary", "pg_mcv_list", "pg_ndistinct", "pg_dependencies",
)

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}
