package autogen

import (
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// CreateTrigger runs a trigger definition (pg_get_triggerdef) and sets its
// enabled state when it is not the default.
type CreateTrigger struct {
	Table   schema.QName
	Trigger schema.Trigger
}

// Describe implements Change.
func (c *CreateTrigger) Describe() string {
	return "create trigger " + c.Trigger.Name + " on " + c.Table.String()
}

func (c *CreateTrigger) statements() []Statement {
	out := one(trimDef(c.Trigger.Definition))
	if s := enableTriggerSQL(c.Table, c.Trigger.Name, c.Trigger.Enabled); s != "" {
		out = append(out, one(s)...)
	}
	return out
}

// DropTrigger is DROP TRIGGER ... ON ....
type DropTrigger struct {
	Table schema.QName
	Name  string
}

// Describe implements Change.
func (c *DropTrigger) Describe() string { return "drop trigger " + c.Name + " on " + c.Table.String() }

func (c *DropTrigger) statements() []Statement {
	return one("DROP TRIGGER " + ident(c.Name) + " ON " + qname(c.Table))
}

// SetTriggerEnabled is ALTER TABLE ... ENABLE [REPLICA|ALWAYS] / DISABLE
// TRIGGER.
type SetTriggerEnabled struct {
	Table   schema.QName
	Name    string
	Enabled string // "O", "D", "R", "A"
}

// Describe implements Change.
func (c *SetTriggerEnabled) Describe() string {
	return "set trigger " + c.Name + " on " + c.Table.String() + " to " + triggerState(c.Enabled)
}

func (c *SetTriggerEnabled) statements() []Statement {
	s := enableTriggerSQL(c.Table, c.Name, c.Enabled)
	if s == "" {
		s = "ALTER TABLE " + qname(c.Table) + " ENABLE TRIGGER " + ident(c.Name)
	}
	return one(s)
}

func triggerState(e string) string {
	switch e {
	case "D":
		return "disabled"
	case "R":
		return "enabled on replicas"
	case "A":
		return "always enabled"
	}
	return "enabled"
}

func enableTriggerSQL(t schema.QName, name, state string) string {
	var kw string
	switch state {
	case "D":
		kw = "DISABLE TRIGGER "
	case "R":
		kw = "ENABLE REPLICA TRIGGER "
	case "A":
		kw = "ENABLE ALWAYS TRIGGER "
	default:
		return ""
	}
	return "ALTER TABLE " + qname(t) + " " + kw + ident(name)
}

func (d *differ) createTrigger(q schema.QName, tr schema.Trigger) {
	d.add(phCreateTrigger, &CreateTrigger{Table: q, Trigger: tr})
}

// triggerChanged reports whether a trigger must be dropped and created
// again: its definition changed or its function was recreated.
func (d *differ) triggerChanged(a, b schema.Trigger) bool {
	if !d.stmtEqual(trimDef(a.Definition), trimDef(b.Definition)) {
		return true
	}
	for sig := range d.funcRecreated {
		if len(sig) > 0 && funcNameOfSig(sig) == a.Function {
			return true
		}
	}
	return false
}

// funcNameOfSig extracts the QName from "schema.name(args)".
func funcNameOfSig(sig string) schema.QName {
	for i := 0; i < len(sig); i++ {
		if sig[i] == '(' {
			s, n, ok := splitQualified(sig[:i])
			if ok {
				return schema.QName{Schema: s, Name: n}
			}
		}
	}
	return schema.QName{}
}

func (d *differ) alterTriggers(from, t *schema.Table) {
	q := t.QName
	have := d.derivedFrom(from, t).triggers(from.Triggers)
	want := d.derivedIn(t).triggers(t.Triggers)
	for _, tr := range have {
		nt := findTrigger(want, tr.Name)
		if nt == nil || d.triggerChanged(tr, *nt) || d.mentionsTouchedColumn(q, triggerCondition(tr.Definition)) {
			d.add(phDropTrigger, &DropTrigger{Table: q, Name: tr.Name})
			if nt != nil {
				d.createTrigger(q, *nt)
			}
			continue
		}
		if tr.Enabled != nt.Enabled && !(isDefaultEnabled(tr.Enabled) && isDefaultEnabled(nt.Enabled)) {
			d.add(phCreateTrigger, &SetTriggerEnabled{Table: q, Name: tr.Name, Enabled: nt.Enabled})
		}
	}
	for _, nt := range want {
		if findTrigger(have, nt.Name) == nil {
			d.createTrigger(q, nt)
		}
	}
}

func isDefaultEnabled(e string) bool { return e == "" || e == "O" }

// triggerCondition is the part of a trigger definition that can name
// columns: from its event list (UPDATE OF ...) through its WHEN clause,
// leaving out the function call and its arguments.
func triggerCondition(def string) string {
	if i := strings.Index(def, " EXECUTE FUNCTION "); i >= 0 {
		def = def[:i]
	}
	if i := strings.Index(def, " ON "); i >= 0 {
		rest := def[i+4:]
		head := def[:i]
		// keep "UPDATE OF cols" (before ON) and WHEN (after the table)
		if j := strings.Index(rest, " WHEN "); j >= 0 {
			return head + rest[j:]
		}
		return head
	}
	return def
}
