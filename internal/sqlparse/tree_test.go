package sqlparse

import (
	"reflect"
	"testing"
)

func TestParseScript(t *testing.T) {
	sql := "-- first\n/* block */ SELECT 1;\n\n-- é before\n  CREATE TABLE t (\n  -- inside\n  id int);\n-- trailing\n"
	s, err := ParseScript(sql)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Statements) != 2 {
		t.Fatalf("statements: %+v", s.Statements)
	}
	a, b := s.Statements[0], s.Statements[1]
	if a.SQL != "SELECT 1" || a.Line != 2 || a.Column != 13 || a.Node.GetSelectStmt() == nil {
		t.Errorf("first: %q %d:%d", a.SQL, a.Line, a.Column)
	}
	wantA := []Comment{{Text: "-- first", Line: 1, Column: 1, Offset: 0}, {Text: "/* block */", Line: 2, Column: 1, Offset: 9}}
	if !reflect.DeepEqual(a.Comments, wantA) {
		t.Errorf("first comments: %+v", a.Comments)
	}
	if b.Line != 5 || b.Column != 3 || b.Node.GetCreateStmt() == nil || b.SQL != "CREATE TABLE t (\n  -- inside\n  id int)" {
		t.Errorf("second: %q %d:%d", b.SQL, b.Line, b.Column)
	}
	if len(b.Comments) != 1 || b.Comments[0].Text != "-- é before" || b.Comments[0].Line != 4 {
		t.Errorf("second comments: %+v", b.Comments)
	}
	if len(s.Trailing) != 1 || s.Trailing[0].Text != "-- trailing" || s.Trailing[0].Line != 8 {
		t.Errorf("trailing: %+v", s.Trailing)
	}
	// The same positions as Split.
	split, _ := Split(sql)
	for i, st := range split {
		if st != s.Statements[i].Statement {
			t.Errorf("statement %d: Split %+v, ParseScript %+v", i, st, s.Statements[i].Statement)
		}
	}
	plain, err := ParseStatements(sql)
	if err != nil || len(plain) != 2 || plain[0].Statement != a.Statement || plain[1].Statement != b.Statement || plain[0].Comments != nil {
		t.Errorf("ParseStatements: %+v %v", plain, err)
	}
	if _, err := ParseScript("SELECT 'a' 'b' FROM;"); err == nil {
		t.Error("syntax error accepted")
	}
	if s, err := ParseScript("-- only\n"); err != nil || len(s.Statements) != 0 || len(s.Trailing) != 1 {
		t.Errorf("comments only: %+v %v", s, err)
	}
}
