package target

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// A Go target is compiled and run by the toolchain, which costs a second or
// more even with a warm build cache. The declaration can only change when
// Go source it is built from changes, so the declared schema is cached by a
// hash of that source: every non-test .go file of the module (and of the
// modules its go.mod replaces with local directories), go.mod, go.sum,
// go.work, and the tool's own build. An unchanged project then loads its
// target without running the toolchain at all.

// goSourceKey returns the cache key of the Go target in directory pkgDir,
// or ok=false when it cannot be computed safely (not a directory target,
// no go.mod found, unreadable files): the caller then always runs the
// loader.
func goSourceKey(pkgDir string) (key []byte, ok bool) {
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
	}
	for _, root := range roots {
		if !hashGoTree(h, root) {
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
