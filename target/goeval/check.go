// Package goeval evaluates a Go target package that only declares data,
// without compiling it: a package of functions that each return one
// expression built from package decl's calls and constants, as a team
// writes its schema day to day. Compiling and linking the loader program
// costs seconds on every edit (the link of the SQL parser's C library
// alone); evaluating the package costs milliseconds.
//
// Evaluation is exact or refused. The package is type-checked with
// go/types against the export data of the decl and schema packages the
// project's module builds with, so code that would not compile is
// refused; the calls are then made, in the order Go makes them, to the
// very package decl the project builds with: migrate runs the evaluator
// as a program built once inside the project's module (Main), whose decl
// is the module's own. Anything outside the subset (other imports,
// variables, statements besides one return, init, build constraints,
// //go:embed, a panic) is refused with ErrUnsupported, and the caller
// runs the compiled loader instead.
//
// The package is part of the module so the evaluator program can import
// it from a project's module; it is not a stable API.
package goeval

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// ErrUnsupported wraps every refusal: the package is not (only) data, or
// evaluating it would not be what compiling it is.
var ErrUnsupported = errors.New("not a declaration-data package")

func unsupported(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrUnsupported, fmt.Sprintf(format, args...))
}

// Import paths the subset allows.
const (
	declPath   = "github.com/migrate-tool/migrate/decl"
	schemaPath = "github.com/migrate-tool/migrate/schema"
)

// parsed is a package directory read into syntax trees.
type parsed struct {
	fset  *token.FileSet
	files []*ast.File
	name  string
}

// Check reads the non-test Go files of dir and reports whether they stay
// inside the subset Eval evaluates: it does not type-check (Eval does),
// so a nil error means "worth trying", not "will evaluate".
func Check(dir string) error {
	_, err := parseDir(dir)
	return err
}

func parseDir(dir string) (*parsed, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	p := &parsed{fset: token.NewFileSet()}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") ||
			strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
			continue
		}
		if constrainedName(name) {
			return nil, unsupported("%s: file name limits the build to a platform", name)
		}
		f, err := parser.ParseFile(p.fset, filepath.Join(dir, name), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, unsupported("%v", err)
		}
		if err := checkFile(f, name); err != nil {
			return nil, err
		}
		if p.name != "" && f.Name.Name != p.name {
			return nil, unsupported("two package names, %s and %s", p.name, f.Name.Name)
		}
		p.name = f.Name.Name
		p.files = append(p.files, f)
	}
	if len(p.files) == 0 {
		return nil, unsupported("no Go files in %s", dir)
	}
	if p.name == "main" {
		return nil, unsupported("package main")
	}
	return p, nil
}

// counts returns how many expressions, identifiers and selector
// expressions the files hold.
func (p *parsed) counts() (exprs, idents, sels int) {
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.Ident:
				idents++
				exprs++
			case *ast.SelectorExpr:
				sels++
				exprs++
			case ast.Expr:
				exprs++
			}
			return true
		})
	}
	return exprs, idents, sels
}

// constrainedName reports file names the go tool builds only on some
// platforms (x_linux.go, x_amd64.go, x_linux_amd64.go).
func constrainedName(name string) bool {
	parts := strings.Split(strings.TrimSuffix(name, ".go"), "_")
	if len(parts) < 2 {
		return false
	}
	last := parts[len(parts)-1]
	return knownOS[last] || knownArch[last]
}

var knownOS = map[string]bool{"aix": true, "android": true, "darwin": true, "dragonfly": true, "freebsd": true,
	"hurd": true, "illumos": true, "ios": true, "js": true, "linux": true, "nacl": true, "netbsd": true,
	"openbsd": true, "plan9": true, "solaris": true, "wasip1": true, "windows": true, "zos": true}

var knownArch = map[string]bool{"386": true, "amd64": true, "amd64p32": true, "arm": true, "armbe": true,
	"arm64": true, "arm64be": true, "loong64": true, "mips": true, "mipsle": true, "mips64": true,
	"mips64le": true, "mips64p32": true, "mips64p32le": true, "ppc": true, "ppc64": true, "ppc64le": true,
	"riscv": true, "riscv64": true, "s390": true, "s390x": true, "sparc": true, "sparc64": true, "wasm": true}

// checkFile enforces the subset on one file's syntax.
func checkFile(f *ast.File, name string) error {
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if strings.HasPrefix(c.Text, "//go:") || strings.HasPrefix(c.Text, "// +build") {
				return unsupported("%s: directive %s", name, strings.Fields(c.Text)[0])
			}
		}
	}
	for _, im := range f.Imports {
		path, _ := strconv.Unquote(im.Path.Value)
		if path != declPath && path != schemaPath {
			return unsupported("%s imports %s", name, path)
		}
		if im.Name != nil && (im.Name.Name == "." || im.Name.Name == "_") {
			return unsupported("%s: import %s %s", name, im.Name.Name, path)
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			switch d.Tok {
			case token.IMPORT, token.CONST:
			default:
				return unsupported("%s: package-level %s", name, d.Tok)
			}
		case *ast.FuncDecl:
			if d.Recv != nil || d.Type.TypeParams != nil || d.Body == nil || d.Name.Name == "init" {
				return unsupported("%s: func %s is not a plain function", name, d.Name.Name)
			}
			if len(d.Body.List) != 1 {
				return unsupported("%s: func %s has %d statements, not one return", name, d.Name.Name, len(d.Body.List))
			}
			if _, ok := d.Body.List[0].(*ast.ReturnStmt); !ok {
				return unsupported("%s: func %s does not just return", name, d.Name.Name)
			}
		default:
			return unsupported("%s: %T", name, d)
		}
	}
	return nil
}

// exportedSorted lists the keys of m, sorted (tests and messages).
func exportedSorted[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
