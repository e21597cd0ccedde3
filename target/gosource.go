package target

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// A Go target is compiled and run by the toolchain, which costs a second or
// more even with a warm build cache. The declaration can only change when
// what it is built from changes, so the declared schema is cached by a
// hash of that: every non-test .go file of the module (and of the modules
// its go.mod replaces with local directories, and of the modules go.work
// uses), go.mod, go.sum, go.work, the tool's own build, and every file of
// any kind under the directory of the target package and of each local
// package it imports, directly or not (what //go:embed can read). An
// unchanged project then loads its target without running the toolchain
// at all. A declaration that may read files or the environment when it
// runs (a local package importing os, for one) is never cached.

// goSourceKey returns the cache key of the Go target in directory pkgDir,
// or ok=false when it cannot be computed safely (not a directory target,
// no go.mod found, unreadable files): the caller then always runs the
// loader.
func goSourceKey(pkgDir string, trees treeDigests) (key []byte, ok bool) {
	if !filepath.IsAbs(pkgDir) {
		return nil, false
	}
	modDir := findUp(pkgDir, "go.mod")
	if modDir == "" {
		return nil, false
	}
	h := sha256.New()
	h.Write([]byte(cacheFormat + "\x00" + toolBuild() + "\x00" + pkgDir + "\x00"))
	roots := []string{modDir}
	roots = append(roots, localReplaces(filepath.Join(modDir, "go.mod"))...)
	if w := findUp(modDir, "go.work"); w != "" {
		if !hashFile(h, filepath.Join(w, "go.work")) {
			return nil, false
		}
		roots = append(roots, workspaceUses(filepath.Join(w, "go.work"))...)
	}
	for _, root := range roots {
		if !trees.hash(h, root) {
			return nil, false
		}
	}
	dirs, ok := localPackageDirs(pkgDir, roots)
	if !ok {
		return nil, false
	}
	for _, dir := range dirs {
		if !hashAllFiles(h, dir) {
			return nil, false
		}
	}
	return h.Sum(nil), true
}

// findUp returns the nearest directory at or above dir that holds name.
func findUp(dir, name string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// localReplaces lists the directories go.mod's replace directives point
// at (relative ones resolved against the module), whose source is part of
// the build as much as the module's own.
func localReplaces(goMod string) []string {
	b, err := os.ReadFile(goMod)
	if err != nil {
		return nil
	}
	var dirs []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		_, rhs, found := strings.Cut(sc.Text(), "=>")
		if !found {
			continue
		}
		fields := strings.Fields(rhs)
		if len(fields) != 1 { // "path version" is a module, not a directory
			continue
		}
		p := fields[0]
		if !strings.HasPrefix(p, ".") && !filepath.IsAbs(p) {
			continue
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(goMod), p)
		}
		dirs = append(dirs, filepath.Clean(p))
	}
	return dirs
}

// treeDigests remembers, within one load, the digest of each Go tree
// hashed: the source key and the evaluator's key both cover the modules
// go.mod replaces with local directories, which can be large.
type treeDigests map[string][]byte

// hash feeds the digest of the Go build inputs under root into h.
func (t treeDigests) hash(h interface{ Write([]byte) (int, error) }, root string) bool {
	d, ok := t[root]
	if !ok {
		th := sha256.New()
		if !hashGoTree(th, root) {
			return false
		}
		d = th.Sum(nil)
		if t != nil {
			t[root] = d
		}
	}
	h.Write(d)
	return true
}

// hashGoTree feeds the names and contents of every Go build input under
// root into h, in walk (lexical) order.
func hashGoTree(h interface{ Write([]byte) (int, error) }, root string) bool {
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case strings.HasSuffix(name, "_test.go"):
			return nil
		case strings.HasSuffix(name, ".go"), name == "go.mod", name == "go.sum":
		default:
			return nil
		}
		h.Write([]byte(path + "\x00"))
		if !hashFile(h, path) {
			return fs.ErrInvalid
		}
		return nil
	})
	return err == nil
}

func hashFile(h interface{ Write([]byte) (int, error) }, path string) bool {
	b, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	h.Write(b)
	h.Write([]byte{0})
	return true
}

func goCachePath(projectDir string, key []byte) string {
	return filepath.Join(projectDir, CacheDir, "target-go-"+hex.EncodeToString(key)+".json")
}

// readGoCache returns the declared schema cached under key, or nil.
func readGoCache(projectDir string, key []byte) *schema.Schema {
	return readEntry(goCachePath(projectDir, key))
}

// writeGoCache stores the declared schema under key; failures only cost
// the next run a toolchain call.
func writeGoCache(projectDir string, key []byte, s *schema.Schema) {
	writeEntry(filepath.Join(projectDir, CacheDir), goCachePath(projectDir, key), s)
}

// workspaceUses lists the module directories a go.work file uses.
func workspaceUses(goWork string) []string {
	b, err := os.ReadFile(goWork)
	if err != nil {
		return nil
	}
	var dirs []string
	inBlock := false
	for _, line := range strings.Split(string(b), "\n") {
		line, _, _ = strings.Cut(line, "//")
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
		case inBlock && f[0] == ")":
			inBlock = false
		case inBlock:
			dirs = append(dirs, f[0])
		case f[0] == "use" && len(f) >= 2 && f[1] == "(":
			inBlock = true
		case f[0] == "use" && len(f) == 2:
			dirs = append(dirs, f[1])
		}
	}
	for i, d := range dirs {
		d = strings.Trim(d, `"`)
		if !filepath.IsAbs(d) {
			d = filepath.Join(filepath.Dir(goWork), d)
		}
		dirs[i] = filepath.Clean(d)
	}
	return dirs
}

// modulePath reads the module path of the go.mod in dir.
func modulePath(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "module" {
			return strings.Trim(f[1], `"`)
		}
	}
	return ""
}

// migrateModule is this tool's own module: its packages read no files
// when a declaration is built.
const migrateModule = "github.com/migrate-tool/migrate"

// runtimeInputs are imports through which a package may read files, the
// environment or the network when the declaration runs: what a source
// hash cannot see.
var runtimeInputs = map[string]bool{
	"os": true, "os/exec": true, "io/ioutil": true, "syscall": true, "net": true, "net/http": true,
	"database/sql": true, "plugin": true, "unsafe": true, "C": true,
}

// localPackageDirs returns the directory of the package in pkgDir and of
// every package it imports, directly or not, from the local modules
// (roots). ok is false when one of them, outside migrate itself, imports
// a runtime input.
func localPackageDirs(pkgDir string, roots []string) (dirs []string, ok bool) {
	type mod struct{ path, dir string }
	var mods []mod
	for _, r := range roots {
		if p := modulePath(r); p != "" {
			mods = append(mods, mod{p, r})
		}
	}
	seen := map[string]bool{}
	queue := []string{pkgDir}
	for len(queue) > 0 {
		dir := queue[0]
		queue = queue[1:]
		if seen[dir] {
			continue
		}
		seen[dir] = true
		dirs = append(dirs, dir)
		trusted := false
		for _, m := range mods {
			if m.path == migrateModule && (dir == m.dir || strings.HasPrefix(dir, m.dir+string(filepath.Separator))) {
				trusted = true
			}
		}
		imports, err := packageImports(dir)
		if err != nil {
			return nil, false
		}
		for _, imp := range imports {
			if runtimeInputs[imp] && !trusted {
				return nil, false
			}
			for _, m := range mods {
				if imp == m.path || strings.HasPrefix(imp, m.path+"/") {
					queue = append(queue, filepath.Join(m.dir, filepath.FromSlash(strings.TrimPrefix(imp, m.path))))
				}
			}
		}
	}
	return dirs, true
}

// packageImports lists the imports of the non-test Go files in dir.
func packageImports(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	fset := token.NewFileSet()
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.ImportsOnly)
		if err != nil {
			return nil, err
		}
		for _, im := range f.Imports {
			p, err := strconv.Unquote(im.Path.Value)
			if err != nil {
				return nil, err
			}
			out = append(out, p)
		}
	}
	return out, nil
}

// hashAllFiles feeds the names and contents of every file under dir into
// h, except tests, version control, migrate's state (.migrate) and nested
// modules.
func hashAllFiles(h interface{ Write([]byte) (int, error) }, dir string) bool {
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", ".hg", ".svn", ".migrate":
				return filepath.SkipDir
			}
			if path != dir {
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if !d.Type().IsRegular() || strings.HasSuffix(d.Name(), "_test.go") {
			return nil
		}
		h.Write([]byte("file\x00" + path + "\x00"))
		if !hashFile(h, path) {
			return fs.ErrInvalid
		}
		return nil
	})
	return err == nil
}
