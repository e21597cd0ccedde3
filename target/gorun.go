package target

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/migrate-tool/migrate/schema"
)

// Symbol is what a Go target package must export: the function the
// generated loader calls (and cli.MainWithTarget takes).
//
//	func Schema() (*schema.Schema, error)
const Symbol = "Schema"

// Func is the type of the exported Symbol.
type Func = func() (*schema.Schema, error)

// GoError is a failure to build or run the user's Go target package. Output
// holds what the Go toolchain (or the program) printed, verbatim:
// compiler errors with their file:line:column.
type GoError struct {
	Package string
	Stage   string // "list", "build" or "run"
	Output  string
	Err     error
}

func (e *GoError) Error() string {
	out := strings.TrimSpace(e.Output)
	switch e.Stage {
	case "list":
		return fmt.Sprintf("target.go %s: go list failed: %s", e.Package, out)
	case "run":
		return fmt.Sprintf("target.go %s: %s.%s() failed: %s", e.Package, filepath.Base(e.Package), Symbol, out)
	}
	if out == "" {
		return fmt.Sprintf("target.go %s: %v", e.Package, e.Err)
	}
	return fmt.Sprintf("target.go %s: go run failed:\n%s", e.Package, out)
}

func (e *GoError) Unwrap() error { return e.Err }

// goPackage describes the user's target package as go list sees it.
type goPackage struct {
	ImportPath string
	Name       string
	Dir        string
	Module     *struct{ Dir, Path string }
}

// loadGo builds and runs a tiny program inside the user's module that
// calls <pkg>.Schema() and writes the result as JSON, and returns it. The
// program lives in a temporary directory of the module (so the module's
// go.mod, replace directives and go.work apply) and is removed afterwards.
// pkg is a directory ("./models", relative to dir) or an import path.
func loadGo(ctx context.Context, dir, pkg string) (*schema.Schema, error) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		return nil, fmt.Errorf("target.go %s: the Go toolchain is not on PATH: install Go, or build your own binary with cli.MainWithTarget so no toolchain is needed", pkg)
	}
	listDir, listPkg := dir, pkg
	if filepath.IsAbs(pkg) {
		// A directory target: ask go list from inside it, so the module
		// found is the package's own even when the config file lives
		// outside that module.
		listDir, listPkg = pkg, "."
	}
	info, err := goList(ctx, goTool, listDir, listPkg)
	if err != nil {
		return nil, err
	}
	if info.Name == "main" {
		return nil, fmt.Errorf("target.go %s: package main cannot be imported; move the declarations into a library package", pkg)
	}
	if info.Module == nil || info.Module.Dir == "" {
		return nil, fmt.Errorf("target.go %s: not in a Go module (no go.mod)", pkg)
	}
	tmp, err := os.MkdirTemp(info.Module.Dir, "_migrate_target_")
	if err != nil {
		return nil, fmt.Errorf("target.go %s: %w", pkg, err)
	}
	defer os.RemoveAll(tmp)
	var src bytes.Buffer
	if err := loaderTemplate.Execute(&src, info.ImportPath); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(tmp, "main.go"), src.Bytes(), 0o644); err != nil {
		return nil, fmt.Errorf("target.go %s: %w", pkg, err)
	}
	out := filepath.Join(tmp, "schema.json")
	var stderr bytes.Buffer
	// Run from the module root: compiler messages name the user's files
	// relative to it ("models/models.go:6:14: ..."), as go build would.
	// The program writes its result to a file, so anything the user's
	// package prints cannot corrupt it.
	cmd := exec.CommandContext(ctx, goTool, "run", "./"+filepath.Base(tmp), out)
	cmd.Dir = info.Module.Dir
	cmd.Stdout = &stderr // the program prints nothing; keep stray output with the errors
	cmd.Stderr = &stderr
	err = cmd.Run()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	b, rerr := os.ReadFile(out)
	if err != nil || rerr != nil {
		// Compile errors and panics: what the toolchain printed.
		return nil, &GoError{Package: pkg, Stage: "build", Output: stderr.String(), Err: errors.Join(err, rerr)}
	}
	var env loaderOutput
	if err := json.Unmarshal(b, &env); err != nil {
		return nil, fmt.Errorf("target.go %s: reading the declared schema: %w (is the module's migrate version compatible with this binary?)", pkg, err)
	}
	if env.Error != "" {
		return nil, &GoError{Package: pkg, Stage: "run", Output: env.Error}
	}
	if env.Schema == nil {
		return nil, &GoError{Package: pkg, Stage: "run", Output: "returned a nil schema"}
	}
	s := env.Schema
	s.Sort()
	return s, nil
}

// loaderOutput is what the generated program writes: the schema, or the
// error Schema() returned.
type loaderOutput struct {
	Schema *schema.Schema `json:"schema,omitempty"`
	Error  string         `json:"error,omitempty"`
}

func goList(ctx context.Context, goTool, dir, pkg string) (*goPackage, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, goTool, "list", "-json=ImportPath,Name,Dir,Module", pkg)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &GoError{Package: pkg, Stage: "list", Output: stderr.String(), Err: err}
	}
	var p goPackage
	if err := json.Unmarshal(stdout.Bytes(), &p); err != nil {
		return nil, fmt.Errorf("target.go %s: go list: %w", pkg, err)
	}
	return &p, nil
}

// loaderTemplate is the generated program. The typed variable makes a
// wrong signature a compile error that names the expected one.
var loaderTemplate = template.Must(template.New("main").Parse(`// Code generated by migrate to load the declared schema; removed after use.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/migrate-tool/migrate/schema"
	target {{printf "%q" .}}
)

var declared func() (*schema.Schema, error) = target.Schema

func main() {
	s, err := declared()
	var out struct {
		Schema *schema.Schema ` + "`json:\"schema,omitempty\"`" + `
		Error  string         ` + "`json:\"error,omitempty\"`" + `
	}
	out.Schema = s
	if err != nil {
		out.Error = err.Error()
	}
	b, err := json.Marshal(out)
	if err == nil {
		err = os.WriteFile(os.Args[1], b, 0o600)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
`))
