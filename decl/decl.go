package decl

import (
	"errors"
	"fmt"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// Item is anything Build accepts at the top level: tables, types,
// sequences, views, functions, triggers, extensions, namespaces and
// groups of them.
type Item interface {
	declare(c *collector, nsp string)
}

// Group bundles items so a package can split its declarations across files
// and variables: decl.Build(billing, accounts).
func Group(items ...Item) Item { return group(items) }

type group []Item

func (g group) declare(c *collector, nsp string) {
	for _, it := range g {
		if it != nil {
			it.declare(c, nsp)
		}
	}
}

// Build turns declarations into a schema in canonical form. Every problem
// found (an unknown type, a foreign key to a missing table, a duplicate
// name, ...) is reported; the errors name the object they belong to.
func Build(items ...Item) (*schema.Schema, error) {
	c := &collector{}
	group(items).declare(c, "public")
	return c.build()
}

// MustBuild is Build for package-level variables and tests: it panics on a
// declaration error, which is a programming error in the declaring package.
func MustBuild(items ...Item) *schema.Schema {
	s, err := Build(items...)
	if err != nil {
		panic(err)
	}
	return s
}

// collector holds every declaration in the order it was made, each with
// its resolved schema-qualified name.
type collector struct {
	namespaces []*NamespaceDecl
	extensions []*ExtensionDecl
	enums      []*EnumDecl
	domains    []*DomainDecl
	composites []*CompositeDecl
	sequences  []*SequenceDecl
	tables     []*TableDecl
	views      []*ViewDecl
	functions  []*FunctionDecl
	triggers   []*TriggerDecl // declared outside a table; attached by name
	errs       []error
}

// qualify resolves a declared name ("users", "billing.invoices") against
// the default schema nsp.
func qualify(name, nsp string) schema.QName {
	if s, n, ok := strings.Cut(name, "."); ok && s != "" && n != "" && !strings.Contains(n, ".") {
		return schema.QName{Schema: schema.TruncateIdentifier(s), Name: schema.TruncateIdentifier(n)}
	}
	return schema.QName{Schema: nsp, Name: schema.TruncateIdentifier(name)}
}

// validName reports a problem with a declared identifier, or nil.
func validName(kind, name string) error {
	switch {
	case name == "":
		return fmt.Errorf("%s name is empty", kind)
	case strings.ContainsRune(name, 0):
		return fmt.Errorf("%s name %q contains a NUL byte", kind, name)
	}
	return nil
}

// NamespaceDecl is a PostgreSQL schema and the objects declared in it.
type NamespaceDecl struct {
	name         string
	items        []Item
	comment      *string
	grants       []*GrantDecl
	revokePublic bool
}

// Namespace declares the schema name (CREATE SCHEMA) and the items in it:
// their unqualified names belong to this schema. Declaring "public" is
// only needed to comment on it or grant on it.
func Namespace(name string, items ...Item) *NamespaceDecl {
	return &NamespaceDecl{name: name, items: items}
}

// Comment sets COMMENT ON SCHEMA.
func (n *NamespaceDecl) Comment(text string) *NamespaceDecl { n.comment = &text; return n }

// Grant grants privileges (USAGE, CREATE or ALL) on the schema to role.
func (n *NamespaceDecl) Grant(role string, privileges ...string) *NamespaceDecl {
	n.grants = append(n.grants, Grant(role, privileges...))
	return n
}

// GrantWithOption is Grant WITH GRANT OPTION.
func (n *NamespaceDecl) GrantWithOption(role string, privileges ...string) *NamespaceDecl {
	n.grants = append(n.grants, Grant(role, privileges...).WithGrantOption())
	return n
}

// RevokePublic removes the USAGE privilege PostgreSQL gives PUBLIC on the
// public schema.
func (n *NamespaceDecl) RevokePublic() *NamespaceDecl { n.revokePublic = true; return n }

func (n *NamespaceDecl) declare(c *collector, _ string) {
	c.namespaces = append(c.namespaces, n)
	group(n.items).declare(c, schema.TruncateIdentifier(n.name))
}

// ExtensionDecl is CREATE EXTENSION.
type ExtensionDecl struct {
	name, schema, version string
	comment               *string
}

// Extension declares an installed extension ("pgcrypto", "citext"). Its
// objects (types, functions) are never part of the compared schema.
func Extension(name string) *ExtensionDecl { return &ExtensionDecl{name: name} }

// Schema sets the schema the extension is installed in (default: the
// enclosing Namespace, else public).
func (e *ExtensionDecl) Schema(name string) *ExtensionDecl { e.schema = name; return e }

// Version pins the extension version; unpinned, any installed version
// matches the one the scratch server installs by default.
func (e *ExtensionDecl) Version(v string) *ExtensionDecl { e.version = v; return e }

// Comment overrides the extension's own comment.
func (e *ExtensionDecl) Comment(text string) *ExtensionDecl { e.comment = &text; return e }

func (e *ExtensionDecl) declare(c *collector, nsp string) {
	if e.schema == "" {
		e.schema = nsp
	}
	c.extensions = append(c.extensions, e)
}

// errorList joins errors so that each stays on its own line when printed
// and callers can still errors.Is/As through them.
func errorList(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("decl: %w", errors.Join(errs...))
}
