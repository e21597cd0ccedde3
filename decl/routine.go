package decl

// FunctionDecl is a function or procedure, declared by its full CREATE
// statement.
type FunctionDecl struct {
	sql          string
	nsp          string
	comment      string
	grants       []*GrantDecl
	revokePublic bool
}

// Function declares a function or procedure by its CREATE [OR REPLACE]
// FUNCTION/PROCEDURE statement, written as you would in SQL:
//
//	decl.Function(`CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
//	BEGIN NEW.updated_at := now(); RETURN NEW; END $$`)
//
// An unqualified name belongs to the enclosing Namespace (else public).
// PUBLIC may execute it, as PostgreSQL grants by default, unless
// RevokePublic.
func Function(sql string) *FunctionDecl { return &FunctionDecl{sql: sql} }

// Comment sets COMMENT ON FUNCTION.
func (f *FunctionDecl) Comment(text string) *FunctionDecl { f.comment = text; return f }

// Grant grants EXECUTE to role.
func (f *FunctionDecl) Grant(role string, privileges ...string) *FunctionDecl {
	if len(privileges) == 0 {
		privileges = []string{"EXECUTE"}
	}
	f.grants = append(f.grants, Grant(role, privileges...))
	return f
}

// RevokePublic removes the EXECUTE privilege PUBLIC holds by default.
func (f *FunctionDecl) RevokePublic() *FunctionDecl { f.revokePublic = true; return f }

func (f *FunctionDecl) declare(c *collector, nsp string) {
	f.nsp = nsp
	c.functions = append(c.functions, f)
}

// TriggerDecl is a trigger, declared by its CREATE TRIGGER statement.
type TriggerDecl struct {
	sql     string
	nsp     string
	enabled string
	comment string
}

// Trigger declares a trigger by its CREATE TRIGGER statement:
//
//	decl.Trigger(`CREATE TRIGGER users_touch BEFORE UPDATE ON users
//	FOR EACH ROW EXECUTE FUNCTION touch()`)
//
// It may stand inside its Table or at the top level (it names its table).
func Trigger(sql string) *TriggerDecl { return &TriggerDecl{sql: sql} }

// Disabled declares the trigger disabled (ALTER TABLE ... DISABLE TRIGGER).
func (tr *TriggerDecl) Disabled() *TriggerDecl { tr.enabled = "D"; return tr }

// Comment sets COMMENT ON TRIGGER.
func (tr *TriggerDecl) Comment(text string) *TriggerDecl { tr.comment = text; return tr }

func (tr *TriggerDecl) addTo(t *TableDecl) { t.triggers = append(t.triggers, tr) }

func (tr *TriggerDecl) declare(c *collector, nsp string) {
	tr.nsp = nsp
	c.triggers = append(c.triggers, tr)
}
