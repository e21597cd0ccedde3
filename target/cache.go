package target

import (
	"cmp"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/migrate-tool/migrate/schema"
)

// CacheDir is where materialized targets are cached, relative to the
// project (config) directory.
const CacheDir = ".migrate/cache"

// cacheFormat changes whenever the cached files or what they depend on
// change meaning.
const cacheFormat = "migrate-target-cache-v2" // v2: operators and not-managed objects

// cacheKeep is how many cached targets are kept; older ones are removed.
const cacheKeep = 16

// cacheEntry is one cached materialized target.
type cacheEntry struct {
	Format string         `json:"format"`
	Schema *schema.Schema `json:"schema"`
}

// toolBuild identifies the running build of the tool, so a new version
// (whose introspection may print differently) does not reuse old entries.
func toolBuild() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	parts := []string{bi.GoVersion}
	for _, dep := range append([]*debug.Module{&bi.Main}, bi.Deps...) {
		if dep.Path == "github.com/migrate-tool/migrate" {
			parts = append(parts, dep.Version, dep.Sum)
		}
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
			parts = append(parts, s.Value)
		}
	}
	return strings.Join(parts, " ")
}

func cachePath(projectDir string, key []byte) string {
	return filepath.Join(projectDir, CacheDir, "target-"+hex.EncodeToString(key)+".json")
}

// readCache returns the cached schema for key, or nil.
func readCache(projectDir string, key []byte) *schema.Schema {
	path := cachePath(projectDir, key)
	s := readEntry(path)
	if s != nil {
		now := time.Now()
		_ = os.Chtimes(path, now, now) // keep recently used entries
	}
	return s
}

// readEntry returns the schema of the cache file at path, or nil when it
// is missing, unreadable or of another format.
func readEntry(path string) *schema.Schema {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var e cacheEntry
	if json.Unmarshal(b, &e) != nil || e.Format != cacheFormat || e.Schema == nil {
		return nil
	}
	return e.Schema
}

// writeEntry stores s at path; false when it could not be written.
func writeEntry(dir, path string, s *schema.Schema) bool {
	b, err := json.Marshal(cacheEntry{Format: cacheFormat, Schema: s})
	if err != nil {
		return false
	}
	return writeFileAtomic(dir, path, b)
}

// writeCache stores s under key atomically and prunes old entries. A cache
// that cannot be written is not an error: the next run materializes again.
func writeCache(projectDir string, key []byte, s *schema.Schema) {
	dir := filepath.Join(projectDir, CacheDir)
	if writeEntry(dir, cachePath(projectDir, key), s) {
		pruneCache(dir)
	}
}

// writeFileAtomic writes b to path through a temporary file in dir, so a
// concurrent reader never sees half a cache entry.
func writeFileAtomic(dir, path string, b []byte) bool {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false
	}
	tmp, err := os.CreateTemp(dir, ".tmp-target-*")
	if err != nil {
		return false
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), path) != nil {
		os.Remove(tmp.Name())
		return false
	}
	return true
}

// cacheKeeps is how many files of each kind the cache keeps, newest
// used first; older ones are removed.
var cacheKeeps = []struct {
	prefix string
	keep   int
}{
	{"target-go-", cacheKeep},
	{"target-", cacheKeep},
	{"live-", 8},
	{"clean-", 64},
	{"state-", 8},
	{"kept-", 4},
	{"loader-", 2},
}

func pruneCache(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type file struct {
		name string
		mod  int64
	}
	groups := map[string][]file{}
	for _, e := range entries {
		for _, k := range cacheKeeps {
			if !strings.HasPrefix(e.Name(), k.prefix) {
				continue
			}
			if info, err := e.Info(); err == nil {
				groups[k.prefix] = append(groups[k.prefix], file{e.Name(), info.ModTime().UnixNano()})
			}
			break
		}
	}
	for _, k := range cacheKeeps {
		files := groups[k.prefix]
		if len(files) <= k.keep {
			continue
		}
		slices.SortFunc(files, func(a, b file) int { return cmp.Compare(b.mod, a.mod) })
		for _, f := range files[k.keep:] {
			os.RemoveAll(filepath.Join(dir, f.name))
		}
	}
}
