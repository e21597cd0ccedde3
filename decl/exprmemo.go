package decl

import (
	"strings"

	"github.com/migrate-tool/migrate/internal/sqlparse"
)

// A declaration repeats a few expressions on thousands of columns and
// constraints (DEFAULT now(), CHECK (qty >= 0)), and each look at one
// costs a parse; the builder remembers what it learnt per expression text.

// exprFacts is what the builder learnt about one expression.
type exprFacts struct {
	checked    bool
	checkErr   error
	paren      string
	parenDone  bool
	columns    []string
	columnsErr error
	colsDone   bool
}

func (b *builder) facts(expr string) *exprFacts {
	if b.exprMemo == nil {
		b.exprMemo = map[string]*exprFacts{}
	}
	f, ok := b.exprMemo[expr]
	if !ok {
		f = &exprFacts{}
		b.exprMemo[expr] = f
	}
	return f
}

// canonicalExpr validates an SQL expression and returns it trimmed. The
// text is kept as written: comparison normalizes parse trees.
func (b *builder) canonicalExpr(expr string) (string, error) {
	expr = strings.TrimSpace(expr)
	if expr == "" {
		return "", nil
	}
	f := b.facts(expr)
	if !f.checked {
		f.checkErr, f.checked = sqlparse.CheckExpr(expr), true
	}
	if f.checkErr != nil {
		return "", f.checkErr
	}
	return expr, nil
}

// parenthesize is the package function parenthesize, remembered.
func (b *builder) parenthesize(expr string) string {
	f := b.facts(expr)
	if !f.parenDone {
		f.paren, f.parenDone = parenthesize(expr), true
	}
	return f.paren
}

// exprColumns is sqlparse.ExprColumns, remembered; callers must not
// modify the slice.
func (b *builder) exprColumns(expr string) ([]string, error) {
	f := b.facts(expr)
	if !f.colsDone {
		f.columns, f.columnsErr = sqlparse.ExprColumns(expr)
		f.colsDone = true
	}
	return f.columns, f.columnsErr
}

// parsedKey is one index key text's parse.
type parsedKey struct {
	key *sqlparse.IndexKey
	err error
}

// parseIndexKey is sqlparse.ParseIndexKey, remembered: generated schemas
// index the same column names (created_at, tenant_id) on every table. The
// result is shared, so callers only read it.
func (b *builder) parseIndexKey(key string) (*sqlparse.IndexKey, error) {
	if p, ok := b.keyMemo[key]; ok {
		return p.key, p.err
	}
	if b.keyMemo == nil {
		b.keyMemo = map[string]parsedKey{}
	}
	k, err := sqlparse.ParseIndexKey(key)
	b.keyMemo[key] = parsedKey{k, err}
	return k, err
}
