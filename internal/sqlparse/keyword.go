package sqlparse

import (
	"sync"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// quotingMemo remembers NeedsQuoting answers: the parser's scanner costs a
// cgo call and a protobuf decode, and rendering a large schema asks about
// the same few thousand identifiers over and over. The answer for a given
// word never changes, so a process-wide memo is safe.
var quotingMemo sync.Map // string -> bool

// NeedsQuoting reports whether a keyword spelled s must be double-quoted to
// be used as an identifier: every keyword PostgreSQL does not class as
// unreserved, as quote_ident decides. The keyword list is the parser's own.
func NeedsQuoting(s string) bool {
	if v, ok := quotingMemo.Load(s); ok {
		return v.(bool)
	}
	q := scanNeedsQuoting(s)
	quotingMemo.Store(s, q)
	return q
}

func scanNeedsQuoting(s string) bool {
	res, err := pg_query.Scan(s)
	if err != nil || len(res.GetTokens()) != 1 {
		return true
	}
	tok := res.GetTokens()[0]
	if int(tok.GetEnd()-tok.GetStart()) != len(s) {
		return true
	}
	switch tok.GetKeywordKind() {
	case pg_query.KeywordKind_NO_KEYWORD, pg_query.KeywordKind_UNRESERVED_KEYWORD:
		return false
	}
	return true
}
