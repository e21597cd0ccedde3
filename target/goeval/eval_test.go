package goeval

import (
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/migrate-tool/migrate/decl"
	"github.com/migrate-tool/migrate/schema"
)

var (
	exportsOnce sync.Once
	exports     map[string]string
	exportsErr  error
)

// testExports asks the go tool for decl's and schema's export data, as
// migrate does in a project's module.
func testExports(t *testing.T) map[string]string {
	t.Helper()
	exportsOnce.Do(func() {
		cmd := exec.Command("go", "list", "-export", "-f", "{{.ImportPath}} {{.Export}}", declPath, schemaPath)
		out, err := cmd.Output()
		if err != nil {
			exportsErr = err
			return
		}
		exports = map[string]string{}
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			path, file, _ := strings.Cut(l, " ")
			exports[path] = file
		}
	})
	if exportsErr != nil {
		t.Skipf("go list -export: %v", exportsErr)
	}
	return exports
}

func writePackage(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func mustJSON(t *testing.T, s *schema.Schema) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const header = `package models

import (
	"github.com/migrate-tool/migrate/decl"
	"github.com/migrate-tool/migrate/schema"
)
`

// TestEval evaluates packages written the way teams declare schemas and
// compares with the same calls compiled into this test.
func TestEval(t *testing.T) {
	ex := testExports(t)
	tests := []struct {
		name  string
		files map[string]string
		want  func() (*schema.Schema, error)
	}{
		{
			name: "bench shape",
			files: map[string]string{"models.go": header + `
const width = 40

func Schema() (*schema.Schema, error) { return decl.Build(Tables()...) }

func Tables() []decl.Item {
	return []decl.Item{
		table1(),
		table2(),
	}
}

func table1() *decl.TableDecl {
	return decl.Table("t1",
		decl.Column("id", decl.BigInt).Identity().NotNull(),
		decl.Column("code", decl.Varchar(width)).NotNull(),
		decl.Column("qty", decl.Integer).NotNull().Default("0"),
		decl.Column("price", decl.Decimal(12, 2)).Default("0"),
		decl.PrimaryKey("id").Name("t1_pkey"),
		decl.Unique("code").Name("t1_code_key"),
		decl.Check("qty >= 0").Name("t1_qty_check"),
		decl.Index("qty").Where("qty > 0").Name("t1_qty_idx"),
	)
}
`, "more.go": `package models

import "github.com/migrate-tool/migrate/decl"

func table2() decl.Item {
	return decl.Table("t2",
		decl.Column("id", decl.BigInt).Identity(),
		decl.Column("t1_id", decl.BigInt),
		fk("t1_id", "t1"),
	)
}

func fk(col, table string) *decl.ForeignKeyDecl {
	return decl.ForeignKey(col).References(table, "id").OnDelete(decl.Cascade)
}
`},
		},
	}
	tests[0].want = func() (*schema.Schema, error) {
		return decl.Build(
			decl.Table("t1",
				decl.Column("id", decl.BigInt).Identity().NotNull(),
				decl.Column("code", decl.Varchar(40)).NotNull(),
				decl.Column("qty", decl.Integer).NotNull().Default("0"),
				decl.Column("price", decl.Decimal(12, 2)).Default("0"),
				decl.PrimaryKey("id").Name("t1_pkey"),
				decl.Unique("code").Name("t1_code_key"),
				decl.Check("qty >= 0").Name("t1_qty_check"),
				decl.Index("qty").Where("qty > 0").Name("t1_qty_idx"),
			),
			decl.Table("t2",
				decl.Column("id", decl.BigInt).Identity(),
				decl.Column("t1_id", decl.BigInt),
				decl.ForeignKey("t1_id").References("t1", "id").OnDelete(decl.Cascade),
			),
		)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Eval(writePackage(t, tt.files), ex)
			if err != nil {
				t.Fatal(err)
			}
			want, err := tt.want()
			if err != nil {
				t.Fatal(err)
			}
			if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
				t.Errorf("evaluated:\n%s\ncompiled:\n%s", g, w)
			}
		})
	}
}

// TestEvalSchemaError: the error Schema returns is passed on as it is.
func TestEvalSchemaError(t *testing.T) {
	ex := testExports(t)
	dir := writePackage(t, map[string]string{"m.go": header + `
func Schema() (*schema.Schema, error) {
	return decl.Build(decl.Table("t", decl.Column("a", "no_such_type(")))
}
`})
	_, err := Eval(dir, ex)
	var se *SchemaError
	if !errors.As(err, &se) {
		t.Fatalf("got %v, want the Schema error", err)
	}
	_, want := decl.Build(decl.Table("t", decl.Column("a", "no_such_type(")))
	if want == nil || se.Msg != want.Error() {
		t.Errorf("error %q, compiled gives %v", se.Msg, want)
	}
}

// TestEvalRefuses lists what is left to the compiled loader.
func TestEvalRefuses(t *testing.T) {
	ex := testExports(t)
	schemaFn := "\nfunc Schema() (*schema.Schema, error) { return decl.Build(decl.Table(\"t\")) }\n"
	tests := []struct{ name, src string }{
		{"other import", strings.Replace(header, "import (", "import (\n\t\"fmt\"", 1) + schemaFn + "\nfunc n() string { return fmt.Sprint(1) }\n"},
		{"variable", header + schemaFn + "\nvar x = 1\n"},
		{"init", header + schemaFn + "\nfunc init() {}\n"},
		{"statements", header + "\nfunc Schema() (*schema.Schema, error) { s, err := decl.Build(); return s, err }\n"},
		{"type error", header + "\nfunc Schema() (*schema.Schema, error) { return decl.Build(decl.Table(1)) }\n"},
		{"wrong signature", header + "\nfunc Schema() *schema.Schema { return decl.MustBuild() }\n"},
		{"embed", header + "\n//go:embed x.sql\nconst c = \"\"\n" + schemaFn},
		{"build constraint", "//go:build linux\n\n" + header + schemaFn},
		{"types", header + schemaFn + "\ntype T struct{}\n"},
		{"recursion", header + "\nfunc Schema() (*schema.Schema, error) { return decl.Build(r()) }\nfunc r() decl.Item { return decl.Group(r()) }\n"},
		{"panic", header + "\nfunc Schema() (*schema.Schema, error) { return decl.MustBuild(decl.Table(\"t\", decl.Column(\"a\", \"no_such_type(\"))), nil }\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Eval(writePackage(t, map[string]string{"m.go": tt.src}), ex)
			if !errors.Is(err, ErrUnsupported) {
				t.Errorf("got %v, want a refusal", err)
			}
		})
	}
	if _, err := Eval(writePackage(t, map[string]string{"m_linux.go": header + schemaFn}), ex); !errors.Is(err, ErrUnsupported) {
		t.Errorf("platform file name: got %v, want a refusal", err)
	}
}

// TestSymbols: the evaluator knows every exported function and type of
// package decl (a new builder would otherwise be refused, which is safe
// but slow).
func TestSymbols(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("../../decl/*.go")
	if err != nil {
		t.Fatal(err)
	}
	var funcs, typs []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range af.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() {
					funcs = append(funcs, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.IsExported() {
						typs = append(typs, ts.Name.Name)
					}
				}
			}
		}
	}
	slices.Sort(funcs)
	slices.Sort(typs)
	if got := exportedSorted(declFuncs); !slices.Equal(got, funcs) {
		t.Errorf("declFuncs lists %v, decl exports %v: update symbols.go", got, funcs)
	}
	if got := exportedSorted(declTypes); !slices.Equal(got, typs) {
		t.Errorf("declTypes lists %v, decl exports %v: update symbols.go", got, typs)
	}
}
