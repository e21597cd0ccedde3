package target

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestGoSourceKeyFollowsSource(t *testing.T) {
	mod := t.TempDir()
	dep := t.TempDir()
	write := func(path, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(mod, "go.mod"), "module example.com/m\n\nreplace example.com/dep => "+dep+"\n")
	write(filepath.Join(mod, "models", "models.go"), "package models\n")
	write(filepath.Join(dep, "dep.go"), "package dep\n")
	pkg := filepath.Join(mod, "models")

	key := func() []byte {
		t.Helper()
		k, ok := goSourceKey(pkg, nil)
		if !ok {
			t.Fatal("goSourceKey: not computable")
		}
		return k
	}
	base := key()
	steps := []struct {
		name    string
		edit    func()
		changes bool
	}{
		{"unchanged", func() {}, false},
		{"test file ignored", func() { write(filepath.Join(mod, "models", "m_test.go"), "package models\n") }, false},
		{"testdata of another package ignored", func() { write(filepath.Join(mod, "util", "testdata", "x.go"), "package x\n") }, false},
		{"any file of the target package", func() { write(filepath.Join(mod, "models", "views", "v.sql"), "SELECT 1") }, true},
		{"embedded file", func() { write(filepath.Join(mod, "models", "views", "v.sql"), "SELECT 2") }, true},
		{"model source", func() { write(filepath.Join(mod, "models", "models.go"), "package models\n// v2\n") }, true},
		{"other package of the module", func() { write(filepath.Join(mod, "util", "u.go"), "package util\n") }, true},
		{"locally replaced module", func() { write(filepath.Join(dep, "dep.go"), "package dep\n// v2\n") }, true},
		{"go.sum", func() { write(filepath.Join(mod, "go.sum"), "x v1 h1:abc\n") }, true},
		{"imported local package", func() {
			write(filepath.Join(mod, "models", "models.go"), "package models\n\nimport _ \"example.com/m/shared\"\n")
			write(filepath.Join(mod, "shared", "s.go"), "package shared\n")
		}, true},
		{"file of an imported local package", func() { write(filepath.Join(mod, "shared", "names.txt"), "a") }, true},
		{"file of a package not imported", func() { write(filepath.Join(mod, "util", "names.txt"), "a") }, false},
	}
	for _, st := range steps {
		st.edit()
		got := key()
		if changed := !bytes.Equal(got, base); changed != st.changes {
			t.Errorf("%s: key changed = %v, want %v", st.name, changed, st.changes)
		}
		base = got
	}
	// A package that can read files or the environment when it runs is
	// never cached by source.
	write(filepath.Join(mod, "shared", "s.go"), "package shared\n\nimport _ \"os\"\n")
	if _, ok := goSourceKey(pkg, nil); ok {
		t.Error("a local package importing os must not be cached by source")
	}
	if _, ok := goSourceKey("./models", nil); ok {
		t.Error("a relative (import path) target must not be cached by source")
	}
}
