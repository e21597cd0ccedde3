package decl

import (
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/schema"
)

var policyCommands = []string{"ALL", "SELECT", "INSERT", "UPDATE", "DELETE"}

func (b *builder) policy(what string, p *PolicyDecl) (schema.Policy, bool) {
	pol := schema.Policy{
		Name: schema.TruncateIdentifier(p.name), Permissive: !p.restrictive,
		Command: strings.ToUpper(strings.TrimSpace(p.command)), Comment: p.comment,
	}
	what += ": policy " + pol.Name
	if err := validName("policy", pol.Name); err != nil {
		b.errorf("%s: %w", what, err)
		return pol, false
	}
	if pol.Command == "" {
		pol.Command = "ALL"
	}
	if !slices.Contains(policyCommands, pol.Command) {
		b.errorf("%s: For(%q): want ALL, SELECT, INSERT, UPDATE or DELETE", what, p.command)
		return pol, false
	}
	for _, r := range p.roles {
		if strings.EqualFold(r, "public") {
			r = "PUBLIC"
		}
		if !slices.Contains(pol.Roles, r) {
			pol.Roles = append(pol.Roles, r)
		}
	}
	if len(pol.Roles) == 0 {
		pol.Roles = []string{"PUBLIC"}
	}
	for _, e := range []struct {
		dst  *string
		src  string
		name string
	}{{&pol.Using, p.using, "USING"}, {&pol.WithCheck, p.withCheck, "WITH CHECK"}} {
		expr, err := b.canonicalExpr(e.src)
		if err != nil {
			b.errorf("%s: %s: %w", what, e.name, err)
			return pol, false
		}
		if expr != "" {
			*e.dst = b.parenthesize(expr)
		}
	}
	switch {
	case pol.Command == "INSERT" && pol.Using != "":
		b.errorf("%s: an INSERT policy has only WITH CHECK", what)
	case (pol.Command == "SELECT" || pol.Command == "DELETE") && pol.WithCheck != "":
		b.errorf("%s: a %s policy has only USING", what, pol.Command)
	}
	return pol, true
}

func (b *builder) buildViews() {
	for _, v := range b.c.views {
		what := "view " + v.q.String()
		if v.materialized {
			what = "materialized view " + v.q.String()
		}
		if err := validName("view", v.q.Name); err != nil {
			b.errorf("%w", err)
			continue
		}
		if b.views[v.q] != nil || b.tables[v.q] != nil {
			b.errorf("%s: name already declared", what)
			continue
		}
		query := strings.TrimRight(strings.TrimSpace(v.query), "; \t\r\n")
		cols, err := sqlparse.SelectColumns(query)
		if err != nil {
			b.errorf("%s: %w", what, err)
			continue
		}
		out := &schema.View{
			QName: v.q, Materialized: v.materialized, Definition: query, Columns: cols, Comment: v.comment,
		}
		for _, o := range v.options {
			opt, err := canonicalOption(o)
			if err != nil {
				b.errorf("%s: %w", what, err)
				continue
			}
			out.Options = append(out.Options, opt)
		}
		if len(v.columnComments) > 0 {
			out.ColumnComments = map[string]string{}
			for c, text := range v.columnComments {
				if cols != nil && !slices.Contains(cols, c) {
					b.errorf("%s: comment on column %s, which the query does not return", what, c)
				}
				out.ColumnComments[c] = text
			}
		}
		if len(v.indexes) > 0 && !v.materialized {
			b.errorf("%s: only materialized views have indexes", what)
		}
		var viewCols []schema.Column
		if cols != nil {
			viewCols = make([]schema.Column, len(cols))
			for i, c := range cols {
				viewCols[i].Name = c
			}
		}
		for _, ix := range v.indexes {
			if x, ok := b.index(what, v.q, viewCols, ix); ok {
				out.Indexes = append(out.Indexes, x)
			}
		}
		if out.Grants, err = expandGrants("table", nil, v.grants); err != nil {
			b.errorf("%s: %w", what, err)
		}
		b.views[v.q] = out
		b.viewOrder = append(b.viewOrder, out)
	}
}
