package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// loadCase describes one Load in a fresh temporary directory.
type loadCase struct {
	toml  string            // contents of migrate.toml; "" writes no file
	files map[string]string // extra files, path relative to the directory
	path  string            // Options.Path
	vars  map[string]string // -x
	env   map[string]string // the environment
}

// run writes the files and loads; it returns the directory too, so paths in
// results can be compared as "$DIR/...".
func (c loadCase) run(t *testing.T) (*Config, string, error) {
	t.Helper()
	dir := t.TempDir()
	if c.toml != "" {
		writeFile(t, filepath.Join(dir, FileName), c.toml)
	}
	for name, content := range c.files {
		writeFile(t, filepath.Join(dir, name), content)
	}
	cfg, err := Load(Options{Path: c.path, Vars: c.vars, Getenv: mapEnv(c.env), WorkDir: dir})
	return cfg, dir, err
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// mapEnv is a Getenv over a map.
func mapEnv(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// settingsOf returns the settings as key -> value with dir replaced by $DIR,
// plus "dir", "env", "path" and "source:KEY" for the keys in want.
func settingsOf(c *Config, dir string, want map[string]any) map[string]any {
	rel := func(s string) string { return strings.ReplaceAll(s, dir, "$DIR") }
	got := map[string]any{}
	for _, s := range c.Settings() {
		switch v := s.Value.(type) {
		case string:
			got[s.Key] = rel(v)
		case []string:
			l := make([]string, len(v))
			for i, e := range v {
				l[i] = rel(e)
			}
			got[s.Key] = l
		default:
			got[s.Key] = v
		}
		got["source:"+s.Key] = s.Source
	}
	got["dir"] = rel(c.Dir)
	got["env"] = c.Env
	got["path"] = rel(c.Path)
	if c.Vars != nil {
		got["vars"] = c.Vars
	}
	// Keep only what the case asserts.
	for k := range got {
		if _, ok := want[k]; !ok {
			delete(got, k)
		}
	}
	return got
}

func assertSettings(t *testing.T, c *Config, dir string, want map[string]any) {
	t.Helper()
	got := settingsOf(c, dir, want)
	for k, w := range want {
		if !reflect.DeepEqual(got[k], w) {
			t.Errorf("%s = %#v, want %#v", k, got[k], w)
		}
	}
}
