package decl

import "github.com/migrate-tool/migrate/schema"

// ViewDecl is CREATE VIEW or CREATE MATERIALIZED VIEW.
type ViewDecl struct {
	name           string
	q              schema.QName
	query          string
	materialized   bool
	options        []string
	indexes        []*IndexDecl
	triggers       []*TriggerDecl
	columnComments map[string]string
	comment        string
	grants         []*GrantDecl
}

// View declares a view over query, a SELECT written as SQL.
func View(name, query string) *ViewDecl { return &ViewDecl{name: name, query: query} }

// MaterializedView declares a materialized view over query.
func MaterializedView(name, query string) *ViewDecl {
	return &ViewDecl{name: name, query: query, materialized: true}
}

// With sets options: "security_barrier=true", "check_option=local",
// "security_invoker=true" (views), storage parameters (materialized views).
func (v *ViewDecl) With(options ...string) *ViewDecl {
	v.options = append(v.options, options...)
	return v
}

// Index adds indexes to a materialized view.
func (v *ViewDecl) Index(indexes ...*IndexDecl) *ViewDecl {
	v.indexes = append(v.indexes, indexes...)
	return v
}

// Trigger adds INSTEAD OF triggers to a view.
func (v *ViewDecl) Trigger(triggers ...*TriggerDecl) *ViewDecl {
	v.triggers = append(v.triggers, triggers...)
	return v
}

// ColumnComment sets COMMENT ON COLUMN for one of the view's columns.
func (v *ViewDecl) ColumnComment(column, text string) *ViewDecl {
	if v.columnComments == nil {
		v.columnComments = map[string]string{}
	}
	v.columnComments[column] = text
	return v
}

// Comment sets COMMENT ON VIEW.
func (v *ViewDecl) Comment(text string) *ViewDecl { v.comment = text; return v }

// Grant grants privileges on the view to role.
func (v *ViewDecl) Grant(role string, privileges ...string) *ViewDecl {
	v.grants = append(v.grants, Grant(role, privileges...))
	return v
}

func (v *ViewDecl) declare(c *collector, nsp string) {
	v.q = qualify(v.name, nsp)
	c.views = append(c.views, v)
}
