package decl

// PolicyDecl is CREATE POLICY on the enclosing table.
type PolicyDecl struct {
	name        string
	restrictive bool
	command     string
	roles       []string
	using       string
	withCheck   string
	comment     string
}

// Policy declares a row level security policy, by default PERMISSIVE, FOR
// ALL, TO PUBLIC. Enable row level security on the table with EnableRLS.
func Policy(name string) *PolicyDecl { return &PolicyDecl{name: name} }

func (p *PolicyDecl) addTo(t *TableDecl) { t.policies = append(t.policies, p) }

// Restrictive makes the policy AS RESTRICTIVE.
func (p *PolicyDecl) Restrictive() *PolicyDecl { p.restrictive = true; return p }

// For limits the policy to one command: SELECT, INSERT, UPDATE or DELETE.
func (p *PolicyDecl) For(command string) *PolicyDecl { p.command = command; return p }

// To sets the roles the policy applies to.
func (p *PolicyDecl) To(roles ...string) *PolicyDecl {
	p.roles = append(p.roles, roles...)
	return p
}

// Using sets the USING expression: which existing rows are visible.
func (p *PolicyDecl) Using(expr string) *PolicyDecl { p.using = expr; return p }

// WithCheck sets the WITH CHECK expression: which new rows are allowed.
func (p *PolicyDecl) WithCheck(expr string) *PolicyDecl { p.withCheck = expr; return p }

// Comment sets COMMENT ON POLICY.
func (p *PolicyDecl) Comment(text string) *PolicyDecl { p.comment = text; return p }
