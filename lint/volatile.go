package lint

import (
	"strings"

	"github.com/migrate-tool/migrate/internal/sqlparse"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
)

// volatileFuncs are built-in functions PostgreSQL marks VOLATILE that
// column defaults commonly call: a default calling one is evaluated for
// every existing row, so ADD COLUMN rewrites the table.
var volatileFuncs = map[string]bool{
	"random": true, "random_normal": true, "setseed": true,
	"gen_random_uuid": true, "uuid_generate_v1": true, "uuid_generate_v1mc": true, "uuid_generate_v4": true,
	"uuidv4": true, "uuidv7": true, "gen_random_bytes": true,
	"clock_timestamp": true, "timeofday": true,
	"nextval": true, "txid_current": true, "pg_current_xact_id": true,
}

// stableFuncs are built-in functions (STABLE or IMMUTABLE) that defaults
// commonly call: evaluated once when the column is added, then stored as
// the column's "missing value" without touching the rows.
var stableFuncs = map[string]bool{
	"now": true, "transaction_timestamp": true, "statement_timestamp": true, "timezone": true,
	"date_trunc": true, "date_part": true, "to_char": true, "to_date": true, "to_timestamp": true,
	"make_date": true, "make_time": true, "make_timestamp": true, "make_timestamptz": true, "make_interval": true,
	"lower": true, "upper": true, "btrim": true, "ltrim": true, "rtrim": true, "length": true, "replace": true,
	"concat": true, "concat_ws": true, "format": true, "left": true, "right": true, "lpad": true, "rpad": true,
	"md5": true, "abs": true, "round": true, "floor": true, "ceil": true,
	"jsonb_build_object": true, "jsonb_build_array": true, "json_build_object": true, "json_build_array": true,
	"to_json": true, "to_jsonb": true, "array_fill": true, "current_setting": true, "current_database": true,
	"current_schema": true, "inet_client_addr": true, "pg_backend_pid": true,
}

// volatileCall returns the name of the first function called in expr that
// is, or may be, VOLATILE: a known volatile built-in, a function created
// VOLATILE earlier in the section, or a function lint knows nothing about
// (CREATE FUNCTION's default volatility is VOLATILE). known is false in the
// last case.
func (s *state) volatileCall(expr *pg_query.Node) (name string, known bool) {
	sqlparse.Walk(expr, func(m proto.Message) bool {
		fc, ok := m.(*pg_query.FuncCall)
		if !ok || name != "" {
			return name == ""
		}
		f := funcName(fc.GetFuncname())
		if v, created := s.functions[f]; created {
			if v {
				name, known = f, true
			}
			return true
		}
		switch {
		case volatileFuncs[f]:
			name, known = f, true
		case !stableFuncs[f]:
			name, known = f, false
		}
		return true
	})
	return name, known
}

// declaredVolatile reads CREATE FUNCTION's options: VOLATILE unless it says
// STABLE or IMMUTABLE.
func declaredVolatile(opts []*pg_query.Node) bool {
	for _, o := range opts {
		d := o.GetDefElem()
		if d == nil || d.GetDefname() != "volatility" {
			continue
		}
		v := strings.ToLower(d.GetArg().GetString_().GetSval())
		return v != "stable" && v != "immutable"
	}
	return true
}
