package autogen

import (
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// CreateOperator is CREATE OPERATOR with every property the catalog
// holds for it.
type CreateOperator struct{ Operator schema.Operator }

// Describe implements Change.
func (c *CreateOperator) Describe() string { return "create operator " + c.Operator.Signature() }

func (c *CreateOperator) statements() []Statement {
	o := c.Operator
	opts := []string{"FUNCTION = " + o.Function}
	if o.Left != "" {
		opts = append(opts, "LEFTARG = "+o.Left)
	}
	opts = append(opts, "RIGHTARG = "+o.Right)
	if o.Commutator != "" {
		opts = append(opts, "COMMUTATOR = OPERATOR("+o.Commutator+")")
	}
	if o.Negator != "" {
		opts = append(opts, "NEGATOR = OPERATOR("+o.Negator+")")
	}
	if o.Restrict != "" {
		opts = append(opts, "RESTRICT = "+o.Restrict)
	}
	if o.Join != "" {
		opts = append(opts, "JOIN = "+o.Join)
	}
	if o.Hashes {
		opts = append(opts, "HASHES")
	}
	if o.Merges {
		opts = append(opts, "MERGES")
	}
	return one("CREATE OPERATOR " + operatorName(o) + " (" + strings.Join(opts, ", ") + ")")
}

// DropOperator is DROP OPERATOR name (left, right).
type DropOperator struct{ Operator schema.Operator }

// Describe implements Change.
func (c *DropOperator) Describe() string { return "drop operator " + c.Operator.Signature() }

func (c *DropOperator) statements() []Statement {
	return one("DROP OPERATOR " + operatorRef(c.Operator))
}

// AlterOperatorEstimators is ALTER OPERATOR ... SET (RESTRICT = ..., JOIN
// = ...): the selectivity estimators are the properties every supported
// server can change in place.
type AlterOperatorEstimators struct{ From, To schema.Operator }

// Describe implements Change.
func (c *AlterOperatorEstimators) Describe() string {
	return "change the estimators of operator " + c.To.Signature()
}

func (c *AlterOperatorEstimators) statements() []Statement {
	or := func(s string) string {
		if s == "" {
			return "NONE"
		}
		return s
	}
	return one("ALTER OPERATOR " + operatorRef(c.To) + " SET (RESTRICT = " + or(c.To.Restrict) + ", JOIN = " + or(c.To.Join) + ")")
}

// operatorName is schema.symbol; symbols are never quoted.
func operatorName(o schema.Operator) string { return ident(o.Schema) + "." + o.Name }

// operatorRef names an operator for DROP, ALTER and COMMENT ON.
func operatorRef(o schema.Operator) string { return operatorName(o) + " " + o.Operands() }

// operators creates operators after the functions implementing them and
// before the tables, indexes and views that may use them; drops them after
// those are gone and before their functions. A change other than the
// estimators recreates the operator (PostgreSQL before 17 cannot alter
// the rest), which PostgreSQL refuses while something still uses it.
func (d *differ) operators() {
	from := map[string]*schema.Operator{}
	for i := range d.from.Operators {
		from[d.from.Operators[i].Signature()] = &d.from.Operators[i]
	}
	to := map[string]bool{}
	for _, o := range d.to.Operators {
		sig := o.Signature()
		to[sig] = true
		on := func() string { return "OPERATOR " + operatorRef(o) }
		old := from[sig]
		if old != nil && !sameOperatorCore(*old, o) {
			d.add(phDropFunctionEarly, &DropOperator{Operator: *old})
			old = nil
		}
		if old == nil {
			d.add(phCreateOperator, &CreateOperator{Operator: o})
			d.comment(on, "", o.Comment)
			continue
		}
		if old.Restrict != o.Restrict || old.Join != o.Join {
			d.add(phCreateOperator, &AlterOperatorEstimators{From: *old, To: o})
		}
		d.comment(on, old.Comment, o.Comment)
	}
	for _, o := range d.from.Operators {
		if !to[o.Signature()] {
			d.add(phDropOperator, &DropOperator{Operator: o})
		}
	}
}

// sameOperatorCore compares what only a new CREATE OPERATOR can change.
func sameOperatorCore(a, b schema.Operator) bool {
	a.Restrict, a.Join, a.Comment = "", "", ""
	b.Restrict, b.Join, b.Comment = "", "", ""
	return a == b
}
