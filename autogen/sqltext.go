package autogen

import (
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// literal quotes s as an SQL string literal (standard_conforming_strings on).
func literal(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

func ident(s string) string { return schema.QuoteIdent(s) }

func qname(q schema.QName) string { return q.Qualified() }

// grantee renders a role name for GRANT/REVOKE: PUBLIC is a keyword there.
func grantee(s string) string {
	if s == "PUBLIC" || s == "public" {
		return "PUBLIC"
	}
	return ident(s)
}

func identList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = ident(n)
	}
	return strings.Join(q, ", ")
}

// collation renders a collation name from the model: already-quoted or
// schema-qualified names are kept, bare names are quoted as identifiers.
func collation(c string) string {
	if strings.ContainsAny(c, `".`) {
		return c
	}
	return ident(c)
}

// trimDef strips the trailing whitespace and semicolon of a catalog
// definition (pg_get_functiondef ends with a newline).
func trimDef(s string) string {
	return strings.TrimRight(s, " \t\r\n;")
}
