package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

// modulePath is the migrate module the Go target imports.
const modulePath = "github.com/migrate-tool/migrate"

// goModule returns go.mod and go.sum for the generated project: a module
// of its own that takes migrate from the source tree at repo, so the Go
// target builds against the code under test, with no network.
func goModule(repo string) (map[string]string, error) {
	abs, err := filepath.Abs(repo)
	if err != nil {
		return nil, err
	}
	sum, err := os.ReadFile(filepath.Join(abs, "go.sum"))
	if err != nil {
		return nil, fmt.Errorf("go target: %w", err)
	}
	mod, err := os.ReadFile(filepath.Join(abs, "go.mod"))
	if err != nil {
		return nil, fmt.Errorf("go target: %w", err)
	}
	// The module graph is pruned, so the project lists migrate's own
	// requirements too: its go.mod needs no update to build.
	goLine := "go 1.22"
	var reqs bytes.Buffer
	inRequire := false
	for _, l := range bytes.Split(mod, []byte("\n")) {
		t := bytes.TrimSpace(l)
		switch {
		case bytes.HasPrefix(t, []byte("go ")):
			goLine = string(t)
		case bytes.Equal(t, []byte("require (")):
			inRequire = true
		case inRequire && bytes.Equal(t, []byte(")")):
			inRequire = false
		case inRequire && len(t) > 0:
			reqs.WriteString("\t" + string(t) + "\n")
		case bytes.HasPrefix(t, []byte("require ")):
			reqs.WriteString("\t" + string(bytes.TrimPrefix(t, []byte("require "))) + "\n")
		}
	}
	gomod := fmt.Sprintf("module benchschema\n\n%s\n\nrequire (\n\t%s v0.0.0\n%s)\n\nreplace %s => %s\n",
		goLine, modulePath, reqs.String(), modulePath, abs)
	return map[string]string{"go.mod": gomod, "go.sum": string(sum)}, nil
}

// findRepo walks up from the working directory to the migrate module root.
func findRepo() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.Contains(data, []byte("module "+modulePath+"\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("not inside the migrate source tree: pass -repo DIR (or -repo none to skip the Go target)")
		}
		dir = parent
	}
}
