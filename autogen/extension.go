package autogen

import (
	"slices"

	"github.com/migrate-tool/migrate/schema"
)

// CreateExtension is CREATE EXTENSION IF NOT EXISTS ... WITH SCHEMA ...
// VERSION ....
type CreateExtension struct{ Extension schema.Extension }

// Describe implements Change.
func (c *CreateExtension) Describe() string { return "create extension " + c.Extension.Name }

func (c *CreateExtension) statements() []Statement {
	e := c.Extension
	s := "CREATE EXTENSION IF NOT EXISTS " + ident(e.Name)
	if e.Schema != "" {
		s += " WITH SCHEMA " + ident(e.Schema)
	}
	if e.Version != "" {
		s += " VERSION " + literal(e.Version)
	}
	return one(s)
}

// DropExtension is DROP EXTENSION; it drops the extension's objects too.
type DropExtension struct{ Name string }

// Describe implements Change.
func (c *DropExtension) Describe() string { return "drop extension " + c.Name }

func (c *DropExtension) statements() []Statement {
	return one("DROP EXTENSION "+ident(c.Name),
		hazard(HazardDataLoss, "dropping extension "+c.Name+" drops the objects it owns"))
}

// AlterExtension updates an extension's version (ALTER EXTENSION ...
// UPDATE TO) and/or moves it (SET SCHEMA).
type AlterExtension struct {
	Name        string
	Version     string // new version; empty when unchanged
	Schema      string // new schema; empty when unchanged
	FromVersion string
	FromSchema  string
	// NoPath is set when the server has no update scripts leading from
	// FromVersion to Version: the update cannot run.
	NoPath bool
}

// Describe implements Change.
func (c *AlterExtension) Describe() string {
	if c.Version != "" {
		return "update extension " + c.Name + " from " + c.FromVersion + " to " + c.Version
	}
	return "move extension " + c.Name + " to schema " + c.Schema
}

func (c *AlterExtension) statements() []Statement {
	var out []Statement
	if c.Schema != "" {
		out = append(out, one("ALTER EXTENSION "+ident(c.Name)+" SET SCHEMA "+ident(c.Schema))...)
	}
	if c.Version != "" {
		var hz []Hazard
		if c.NoPath {
			hz = append(hz, hazard(HazardNoUpdatePath, c.noPathReason()))
		}
		out = append(out, one("ALTER EXTENSION "+ident(c.Name)+" UPDATE TO "+literal(c.Version), hz...)...)
	}
	return out
}

func (c *AlterExtension) noPathReason() string {
	return "extension " + c.Name + " has no update path from version " + c.FromVersion + " to " + c.Version +
		" on this server (pg_extension_update_paths): ALTER EXTENSION ... UPDATE TO cannot run"
}

func (d *differ) extensions() {
	from := map[string]*schema.Extension{}
	for i := range d.from.Extensions {
		from[d.from.Extensions[i].Name] = &d.from.Extensions[i]
	}
	to := map[string]bool{}
	for _, e := range d.to.Extensions {
		to[e.Name] = true
		old := from[e.Name]
		on := "EXTENSION " + ident(e.Name)
		if old == nil {
			d.add(phCreateExtension, &CreateExtension{Extension: e})
			if e.Comment != "" {
				d.add(phComment, &SetComment{On: on, Text: e.Comment})
			}
			continue
		}
		ch := &AlterExtension{Name: e.Name, FromVersion: old.Version, FromSchema: old.Schema}
		if e.Version != old.Version && e.Version != "" {
			ch.Version = e.Version
			// Which versions the installed one can be updated to is read
			// from the server with it; an update whose scripts do not exist
			// (typically back to an older version) cannot run.
			if !slices.Contains(old.UpdatableTo, e.Version) {
				ch.NoPath = true
				d.unrunnable = append(d.unrunnable, ch.noPathReason())
			}
		}
		if e.Schema != old.Schema && e.Schema != "" {
			ch.Schema = e.Schema
		}
		if ch.Version != "" || ch.Schema != "" {
			d.add(phCreateExtension, ch)
		}
		d.comment(func() string { return on }, old.Comment, e.Comment)
	}
	for _, e := range d.from.Extensions {
		if !to[e.Name] {
			d.add(phDropExtension, &DropExtension{Name: e.Name})
		}
	}
}
