package autogen

import (
	"slices"
	"strconv"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// RemovedLabelsGuard stops a plan before its first statement when a
// column holds a label that the recreated enum drops. Converting such a
// row fails anyway, but only once the plan is under way: in a revision
// that runs outside a transaction (its other section adds an enum value
// and uses it), whatever ran before would stay applied. Checked first,
// the refusal leaves everything as it was, and names the rows' count and
// the labels.
type RemovedLabelsGuard struct {
	Table  schema.QName
	Column string
	Enum   schema.QName
	// Removed are the labels the new enum does not have.
	Removed []string
	// Array: the column is an array of the enum.
	Array bool
}

// Describe implements Change.
func (c *RemovedLabelsGuard) Describe() string {
	return "check that no row of " + c.Table.String() + "." + c.Column + " holds a label " + c.Enum.String() + " drops"
}

func (c *RemovedLabelsGuard) statements() []Statement {
	where := c.Table.String() + "." + c.Column
	labels := make([]string, len(c.Removed))
	for i, l := range c.Removed {
		labels[i] = literal(l)
	}
	list := "ARRAY[" + strings.Join(labels, ", ") + "]"
	cond := ident(c.Column) + "::text = ANY (" + list + ")"
	if c.Array {
		cond = ident(c.Column) + "::text[] && " + list
	}
	esc := func(s string) string { return strings.ReplaceAll(s, "%", "%%") }
	msg := "% row(s) of " + esc(where) + " hold a label that the recreated " + esc(c.Enum.String()) +
		" no longer has (" + esc(strings.Join(c.Removed, ", ")) + ")"
	tag := "$guard$"
	for n := 1; strings.Contains(cond+msg, tag); n++ {
		tag = "$guard" + strconv.Itoa(n) + "$"
	}
	sql := "DO " + tag + "\nDECLARE\n    held bigint;\nBEGIN\n" +
		"    SELECT count(*) INTO held FROM " + qname(c.Table) + " WHERE " + cond + ";\n" +
		"    IF held > 0 THEN\n" +
		"        RAISE EXCEPTION " + literal(msg) + ", held\n" +
		"            USING ERRCODE = 'data_exception', HINT = 'Change those rows to a label the new type keeps first.';\n" +
		"    END IF;\nEND\n" + tag
	return one(sql, hazard(HazardFullScan, "this guard reads every row of "+c.Table.String()+
		" and stops the revision before anything else runs if "+where+" holds a label the recreated "+c.Enum.String()+" drops"))
}

// removedLabelsGuard adds the guard for column col of table q, whose enum
// type (or array of it) the diff recreates, when labels go away.
// A table or column renamed by the plan is left without a guard: the guard
// runs before the renames, and the conversion itself still refuses.
func (d *differ) removedLabelsGuard(q schema.QName, old schema.Column) {
	for _, r := range d.renames {
		if r.To == q || r.From == q {
			return
		}
	}
	e := baseTypeName(old.Type)
	var before, after []string
	for _, x := range d.from.Enums {
		if x.QName == e {
			before = x.Values
		}
	}
	for _, x := range d.to.Enums {
		if x.QName == e {
			after = x.Values
		}
	}
	var removed []string
	for _, v := range before {
		if !slices.Contains(after, v) {
			removed = append(removed, v)
		}
	}
	if len(removed) == 0 || after == nil {
		return
	}
	d.add(phGuard, &RemovedLabelsGuard{Table: q, Column: old.Name, Enum: e, Removed: removed,
		Array: strings.HasSuffix(old.Type, "[]")})
}
