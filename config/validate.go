package config

import (
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// validate checks the resolved configuration. Problems are positioned at
// the line of the setting that holds the bad value.
func validate(c *Config, settings layer, file string) error {
	v := &validator{settings: settings, file: file, sources: c.sources}
	v.url("database.url", c.Database.URL)
	v.url("scratch.url", c.Scratch.URL)
	if c.Scratch.URL != "" && c.Scratch.URL != EmbeddedURL && c.Scratch.URL == c.Database.URL {
		v.fail("scratch.url", "scratch.url is the same as database.url: a scratch database is dropped and recreated, so point it at a throwaway database (or leave it unset)")
	}

	v.ident("database.version_schema", c.Database.VersionSchema)
	v.ident("database.version_table", c.Database.VersionTable)
	v.ident("database.history_table", c.Database.HistoryTable)
	if c.Database.VersionTable == c.Database.HistoryTable {
		v.fail("database.history_table", "database.history_table: %q is also the version table; give the audit table another name", c.Database.HistoryTable)
	}

	v.list("versions.dirs", c.Versions.Dirs, "a versions directory")
	v.list("target.schemas", c.Target.Schemas, "a schema")
	if len(c.Target.Schemas) > 1 && slices.Contains(c.Target.Schemas, AllSchemas) {
		v.fail("target.schemas", "target.schemas: %q stands for every schema and must be the only element: write schemas = [\"*\"] or list the schemas", AllSchemas)
	}
	for _, p := range c.Target.SQL {
		if p == "" {
			v.fail("target.sql", "target.sql: empty pattern")
		} else if _, err := filepath.Match(p, ""); err != nil {
			v.fail("target.sql", "target.sql: %q is not a valid glob pattern", p)
		}
	}
	for _, p := range c.Target.Exclude {
		if p == "" {
			v.fail("target.exclude", "target.exclude: empty pattern")
		} else if _, err := path.Match(p, ""); err != nil {
			v.fail("target.exclude", "target.exclude: %q is not a valid glob pattern", p)
		}
	}
	v.lint(c.Lint)
	validateFleet(v, c.Fleet)
	if c.Target.Go != "" && len(c.Target.SQL) > 0 {
		v.fail("target.sql", "target.go and target.sql are both set: declare the schema in one place (an overlay can clear the other with go = \"\" or sql = [])")
	}
	return v.first()
}

type validator struct {
	settings layer
	sources  map[string]string
	file     string
	errs     []*Error
}

// fail records a problem with key, positioned at the line that set it.
func (v *validator) fail(key, format string, args ...any) {
	e := &Error{Key: key, Msg: fmt.Sprintf(format, args...)}
	src := v.sources[key]
	if s := v.settings[key]; s != nil && strings.HasPrefix(src, v.file+":") {
		e.File, e.Line, e.Key = v.file, s.line, s.key
		// Name the key as written (env.prod.database.url), not as resolved.
		if s.key != key {
			e.Msg = strings.Replace(e.Msg, key, s.key, 1)
		}
	} else if src != sourceDefault {
		e.Msg = src + ": " + e.Msg
	}
	v.errs = append(v.errs, e)
}

func (v *validator) first() error {
	if len(v.errs) == 0 {
		return nil
	}
	best := v.errs[0]
	for _, e := range v.errs[1:] {
		if e.Line > 0 && (best.Line == 0 || e.Line < best.Line) {
			best = e
		}
	}
	return best
}

// url checks a connection string's shape without quoting it: a malformed
// URL may put its password anywhere, so messages never show the value.
func (v *validator) url(key, u string) {
	if u == "" || u == EmbeddedURL {
		return
	}
	scheme, _, isURL := strings.Cut(u, "://")
	switch {
	case isURL && (strings.EqualFold(scheme, "postgres") || strings.EqualFold(scheme, "postgresql")):
		if _, err := url.Parse(u); err != nil {
			v.fail(key, "%s: not a valid URL (check the port, and percent-encode special characters such as @ : / ? # in the user name and password)", key)
		}
	case isURL:
		if validScheme(scheme) {
			v.fail(key, "%s: unsupported scheme %q: want postgres:// or postgresql://", key, scheme)
		} else {
			v.fail(key, "%s: not a valid URL: want postgres://user@host:port/dbname", key)
		}
	case strings.Contains(u, "="):
		// A key=value DSN: the driver checks it when connecting.
	default:
		hint := ""
		if suggest(u, []string{EmbeddedURL}) != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", EmbeddedURL)
		}
		v.fail(key, "%s: want a PostgreSQL URL (postgres://user@host/dbname), a key=value DSN (host=... dbname=...) or %q%s", key, EmbeddedURL, hint)
	}
}

func validScheme(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for i, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return true
}

// maxIdentifier is PostgreSQL's NAMEDATALEN-1.
const maxIdentifier = 63

// ident checks a name the runner writes into SQL unquoted: lowercase
// letters, digits and _, so it means the same quoted or not.
func (v *validator) ident(key, name string) {
	ok := len(name) > 0 && len(name) <= maxIdentifier
	for i := 0; ok && i < len(name); i++ {
		c := name[i]
		ok = c == '_' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9'
	}
	if ok {
		return
	}
	hint := ""
	if strings.Contains(name, ".") && key != "database.version_schema" {
		hint = " (set the schema with database.version_schema)"
	}
	v.fail(key, "%s: %q is not a plain lowercase name: use a-z, 0-9 and _, starting with a letter or _, at most %d bytes%s",
		key, name, maxIdentifier, hint)
}

// list checks a list that must name at least one thing, without empty or
// repeated entries.
func (v *validator) list(key string, items []string, what string) {
	if len(items) == 0 {
		v.fail(key, "%s: name at least %s", key, what)
		return
	}
	for i, it := range items {
		if it == "" {
			v.fail(key, "%s: element %d is empty", key, i+1)
		} else if slices.Contains(items[:i], it) {
			v.fail(key, "%s: %q is listed twice", key, it)
		}
	}
}
