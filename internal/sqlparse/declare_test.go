package sqlparse

import (
	"strings"
	"testing"
)

func TestParseTypeName(t *testing.T) {
	tn, err := ParseTypeName("character varying(20)[]")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(tn.Names, ".") != "pg_catalog.varchar" || len(tn.Mods) != 1 || tn.Mods[0].Int != 20 || tn.ArrayDims != 1 {
		t.Errorf("ParseTypeName = %+v", tn)
	}
	_, err = ParseTypeName("int4 )")
	var se *SyntaxError
	if err == nil || !strings.Contains(err.Error(), "line 1:6") {
		t.Errorf("syntax error position relative to the type: %v (%T)", err, se)
	}
}

func TestExprColumns(t *testing.T) {
	tests := map[string]string{
		"a > 0":                     "a",
		"lo < hi AND lo > 0":        "lo,hi",
		"t.a = lower(b::text)":      "a,b",
		"now() > current_date":      "",
		"status IN ('a', 'b')":      "status",
		"coalesce(a, b, a) IS NULL": "a,b",
	}
	for in, want := range tests {
		got, err := ExprColumns(in)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, ",") != want {
			t.Errorf("ExprColumns(%q) = %v, want %s", in, got, want)
		}
	}
}

func TestColumnNameAndSelectColumns(t *testing.T) {
	for in, want := range map[string]string{
		"lower(email)": "lower", "a.b": "b", "(a + b)": "", "x::text": "x", "1::int": "int4",
		"CASE WHEN a THEN 1 END": "case", "coalesce(a, 1)": "coalesce", "current_date": "current_date",
	} {
		got, err := ColumnName(in)
		if err != nil || got != want {
			t.Errorf("ColumnName(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	cols, err := SelectColumns("SELECT id, u.name, count(*) AS n, 1 + 1 FROM users u GROUP BY 1, 2")
	if err != nil || strings.Join(cols, ",") != "id,name,n,?column?" {
		t.Errorf("SelectColumns = %v, %v", cols, err)
	}
	if cols, err := SelectColumns("SELECT * FROM users"); err != nil || cols != nil {
		t.Errorf("SelectColumns(*) = %v, %v; want nil", cols, err)
	}
}

func TestParseRoutineAndTrigger(t *testing.T) {
	r, err := ParseRoutine(`CREATE OR REPLACE FUNCTION app.f(a int, OUT b text, VARIADIC c int[] DEFAULT '{}') RETURNS SETOF record
		LANGUAGE plpgsql STABLE STRICT SECURITY DEFINER COST 10 ROWS 5 SET search_path = public, pg_temp AS $$ BEGIN END $$`)
	if err != nil {
		t.Fatal(err)
	}
	if r.Schema != "app" || r.Name != "f" || len(r.Params) != 3 || r.Params[1].Mode != "OUT" || r.Params[2].Default != "'{}'" ||
		!r.Returns.Setof || r.Language != "plpgsql" || r.Volatility != "stable" || !r.Strict || !r.SecurityDefiner ||
		r.Cost != 10 || r.Rows != 5 || len(r.Set) != 1 || strings.Join(r.Set[0].Values, ",") != "public,pg_temp" || r.Source != " BEGIN END " {
		t.Errorf("ParseRoutine = %+v", r)
	}
	tr, err := ParseTrigger(`CREATE TRIGGER t BEFORE INSERT OR UPDATE OF a, b ON s.tab FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE PROCEDURE f('x', 1)`)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Name != "t" || tr.Schema != "s" || tr.Table != "tab" || tr.Timing != "BEFORE" || strings.Join(tr.Events, ",") != "INSERT,UPDATE" ||
		strings.Join(tr.UpdateColumns, ",") != "a,b" || !tr.ForEachRow || tr.When == "" || strings.Join(tr.Args, ",") != "x,1" {
		t.Errorf("ParseTrigger = %+v", tr)
	}
}

func TestScriptHelpers(t *testing.T) {
	for sql, want := range map[string]ScriptRole{
		"BEGIN": ScriptTransactionControl, "COMMIT": ScriptTransactionControl, "SAVEPOINT a": ScriptTransactionControl,
		"ALTER TYPE s ADD VALUE 'x'": ScriptCommitAfter, "ALTER TYPE s RENAME VALUE 'x' TO 'y'": ScriptPlain,
		"CREATE TABLE t (a int)": ScriptPlain,
	} {
		if got, err := ClassifyScriptStatement(sql); err != nil || got != want {
			t.Errorf("ClassifyScriptStatement(%q) = %v, %v; want %v", sql, got, err, want)
		}
	}
	roles, err := ReferencedRoles(`GRANT SELECT ON t TO reader, PUBLIC; CREATE POLICY p ON t TO writer USING (true);
		ALTER TABLE t OWNER TO CURRENT_USER; GRANT USAGE ON SCHEMA s TO reader`)
	if err != nil || strings.Join(roles, ",") != "reader,writer" {
		t.Errorf("ReferencedRoles = %v, %v", roles, err)
	}
}
