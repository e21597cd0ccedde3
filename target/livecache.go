package target

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/migrate-tool/migrate/introspect"
	"github.com/migrate-tool/migrate/schema"
)

// The live side of a comparison is cached too, by the database's catalog
// fingerprint (introspect.Fingerprint): a schema read once is read again
// only when a committed change to the catalog changed the fingerprint. And
// a comparison found clean is remembered by the fingerprint and the
// declaration's identity, so a no-op check does not even diff.

// liveKey names the live schema read with opts from a database whose
// catalog had fingerprint fp.
func liveKey(fp introspect.Fingerprint, opts introspect.Options) string {
	o, _ := json.Marshal(opts)
	h := sha256.New()
	fmt.Fprintf(h, "live\x00%s\x00%s\x00%s\x00%s", cacheFormat, toolBuild(), fp, o)
	return hex.EncodeToString(h.Sum(nil))
}

func livePath(projectDir, key string) string {
	return filepath.Join(projectDir, CacheDir, "live-"+key+".json")
}

// CachedLive returns the live schema read earlier with opts from a
// database whose catalog fingerprint was fp, or nil.
func CachedLive(projectDir string, fp introspect.Fingerprint, opts introspect.Options) *schema.Schema {
	if fp == "" {
		return nil
	}
	path := livePath(projectDir, liveKey(fp, opts))
	s := readEntry(path)
	if s != nil {
		now := time.Now()
		_ = os.Chtimes(path, now, now)
	}
	return s
}

// CacheLive remembers s, read with opts from a database whose catalog
// fingerprint was fp (in the same snapshot). A cache that cannot be
// written only costs the next run a read.
func CacheLive(projectDir string, fp introspect.Fingerprint, opts introspect.Options, s *schema.Schema) {
	if fp == "" {
		return
	}
	dir := filepath.Join(projectDir, CacheDir)
	if writeEntry(dir, livePath(projectDir, liveKey(fp, opts)), s) {
		pruneCache(dir)
	}
}

// VerdictKey names a comparison: the live database's fingerprint, the
// declaration's Identity, and whatever else decides the plan (options,
// filters), as bytes the caller renders deterministically.
func VerdictKey(fp introspect.Fingerprint, identity []byte, settings []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "verdict\x00%s\x00%s\x00%s\x00", cacheFormat, toolBuild(), fp)
	h.Write(identity)
	h.Write([]byte{0})
	h.Write(settings)
	return hex.EncodeToString(h.Sum(nil))
}

func verdictPath(projectDir, key string) string {
	return filepath.Join(projectDir, CacheDir, "clean-"+key)
}

// FoundClean reports whether the comparison named key was found to need
// no change, and returns what its declaration held that the comparison
// could not see (schema.Schema.NotManaged), which check still reports.
func FoundClean(projectDir, key string) ([]schema.NotManaged, bool) {
	path := verdictPath(projectDir, key)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	body, ok := strings.CutPrefix(string(b), cacheFormat+"\n")
	if !ok {
		return nil, false
	}
	var nm []schema.NotManaged
	if body != "" {
		if err := json.Unmarshal([]byte(body), &nm); err != nil {
			return nil, false
		}
	}
	now := time.Now()
	_ = os.Chtimes(path, now, now)
	return nm, true
}

// RecordClean remembers that the comparison named key needs no change.
// notManaged is kept with the verdict, for FoundClean to return.
func RecordClean(projectDir, key string, notManaged []schema.NotManaged) {
	body := cacheFormat + "\n"
	if len(notManaged) > 0 {
		b, err := json.Marshal(notManaged)
		if err != nil {
			return
		}
		body += string(b)
	}
	dir := filepath.Join(projectDir, CacheDir)
	if writeFileAtomic(dir, verdictPath(projectDir, key), []byte(body)) {
		pruneCache(dir)
	}
}
